namespace Funds.Domain.Projects;

/// <summary>A kind of project the seeds name: its code (used by the API and deadline policies), kind and names.</summary>
public sealed record ProjectCategory(string Code, ProjectKind Kind, string Name, string ChineseName);
