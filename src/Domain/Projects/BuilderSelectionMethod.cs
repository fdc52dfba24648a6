namespace Funds.Domain.Projects;

public enum BuilderSelectionMethod
{
    /// <summary>Public tender (招投标); reference = tender number.</summary>
    PublicTender = 1,
    /// <summary>Collective decision of the township front-line HQ (集体研究确定) for small works; reference = minutes number.</summary>
    CollectiveDecision = 2,
}
