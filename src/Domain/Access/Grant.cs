namespace Funds.Domain.Access;

/// <summary>Who may do something: the roles, and where the caller must be relative to the record
/// (<see cref="Reach.Township"/>: the record is in the caller's township; County: anywhere in the county).</summary>
public sealed record Grant(IReadOnlyList<string> Roles, Reach Where = Reach.County)
{
    public static Grant Of(string role, Reach where = Reach.County) => new([role], where);
}
