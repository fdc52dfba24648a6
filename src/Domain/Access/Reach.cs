namespace Funds.Domain.Access;

/// <summary>Where a role acts or reads: the township or village in its token, the whole county, or every
/// county of its province.</summary>
public enum Reach
{
    Village = 1,
    Township = 2,
    County = 3,
    Province = 4,
}
