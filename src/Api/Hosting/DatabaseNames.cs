using Marten.Storage;

namespace Funds.Api.Hosting;

public static class DatabaseNames
{
    // The projection daemon APIs of Marten 9 still key a tenant database by this name.
#pragma warning disable CS0618
    public static string Name(this IMartenDatabase database) => database.Identifier;
#pragma warning restore CS0618
}
