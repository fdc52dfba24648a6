namespace Funds.Api.Public;

/// <summary>The projects of one village, as made public to its villagers.</summary>
public sealed record VillageNotice(string County, string CountyName, string Township, string Village, IReadOnlyList<PublicProject> Projects);
