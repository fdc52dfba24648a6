namespace Funds.Domain.Projects;

public enum DisbursementKind
{
    /// <summary>A progress payment (进度款), capped before acceptance sign-off.</summary>
    Progress = 1,
    /// <summary>The final settlement payment (结算尾款), only after acceptance sign-off.</summary>
    Final = 2,
}
