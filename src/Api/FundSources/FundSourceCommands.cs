using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Funds;
using Funds.Domain.Projects;
using Marten;

namespace Funds.Api.FundSources;

public static class FundSourceCommands
{
    public static string NotFound(Guid id) => $"No fund source with id {id}.";

    public static FundSource After(FundSource before, object @event) => FundSource.Evolve(before, @event)! with { Version = before.Version + 1 };

    /// <summary>Runs a command on one fund source stream; <paramref name="decide"/> may read the project it concerns.</summary>
    public static Task<IResult> Run(Guid id, object command, HttpContext http, IDocumentStore store,
        Func<FundSource, Project?, DecisionContext, object> decide, Guid? projectId = null)
        => StreamCommands.RunAsync(http, store, new { id, command }, async (session, expected) =>
        {
            var stream = await StreamCommands.FetchAsync<FundSource>(session, id, expected, NotFound(id), http.RequestAborted);
            var project = projectId is { } pid ? await session.LoadAsync<Project>(pid, http.RequestAborted) : null;
            var e = decide(stream.Aggregate!, project, http.Decision());
            stream.AppendOne(e);
            var after = After(stream.Aggregate!, e);
            return new CommandOutcome(after, after.Version);
        });
}
