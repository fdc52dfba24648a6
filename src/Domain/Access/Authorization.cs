using Funds.Domain.Common;

namespace Funds.Domain.Access;

/// <summary>Object-level authorization (OWASP API1): not only the right role, but the right township or village.</summary>
public static class Authorization
{
    /// <summary>Whether the actor may send <paramref name="command"/> for a record at <paramref name="place"/>
    /// (null: a county-level record such as a fund source).</summary>
    public static void Authorize(Actor actor, Type command, Place? place)
    {
        var grant = Permissions.For(command);
        if (!grant.Roles.Contains(actor.Role))
            throw RuleViolation.Forbidden("role-not-allowed",
                $"This needs the role {string.Join(" or ", grant.Roles.Select(r => $"'{r}'"))}; the caller acts as '{actor.Role}'.");
        // A grant's township or village reach binds the scoped roles in it; a county-wide role in the same grant acts county-wide.
        if (place is null || Roles.ReachOf(actor.Role) == Reach.County) return;
        switch (grant.Where)
        {
            case Reach.Township when actor.Scope != place.Township:
                throw RuleViolation.Forbidden("outside-scope", $"This is in {place.Township}; a township HQ acts only in its own township ({actor.Scope}).");
            case Reach.Village when actor.Scope != Roles.VillageScope(place.Township, place.Village ?? ""):
                throw RuleViolation.Forbidden("outside-scope", $"This is in {place.Township} {place.Village}; a village committee acts only for its own village ({actor.Scope}).");
        }
    }

    /// <summary>Whether the reader's role may read <paramref name="what"/> (a name from <see cref="Reads"/>).</summary>
    public static void RequireRead(Actor reader, string what)
    {
        var roles = Permissions.ForReading(what);
        if (!roles.Contains(reader.Role))
            throw RuleViolation.Forbidden("role-not-allowed", $"Reading {what} needs the role {string.Join(" or ", roles.Select(r => $"'{r}'"))}; the caller acts as '{reader.Role}'.");
    }

    /// <summary>The township and village a reader is limited to (both null: the whole county).</summary>
    public static (string? Township, string? Village) Bounds(Actor reader) => Roles.ReachOf(reader.Role) switch
    {
        Reach.Township => (reader.Scope ?? "", null),
        Reach.Village => Split(reader.Scope),
        _ => (null, null),
    };

    public static bool CanSee(Actor reader, Place? place)
    {
        var (township, village) = Bounds(reader);
        return (township is null || township == place?.Township) && (village is null || village == place?.Village);
    }

    private static (string, string) Split(string? scope)
    {
        var parts = (scope ?? "").Split('/', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : "");
    }
}
