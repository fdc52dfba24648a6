using Marten;
using Marten.Events.Projections;

namespace Funds.Projections.Evolution;

/// <summary>Read models that are rebuilt beside the live one when their projection changes (docs/evolution.md).</summary>
public static class ProjectionVersions
{
    /// <summary>From version 2 on, the documents of the projection of that version go to a table named after its
    /// version (<c>mt_doc_fundmovement_2</c>), as Marten does for aggregates; with the version in its shard name the new
    /// version is built from the first event while the deployment running the previous one keeps its table and progress.</summary>
    public static void OwnTablePerVersion<TDocument>(StoreOptions opts, Func<uint> versionOf)
        => opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(TDocument)) return;
            var version = versionOf();
            var alias = typeof(TDocument).Name.ToLowerInvariant();
            mapping.Alias = version > 1 ? $"{alias}_{version}" : alias;
        });
}
