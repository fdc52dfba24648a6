namespace Funds.Domain.Projects;

public enum ProjectKind
{
    /// <summary>Infrastructure short-board project (基础设施短板项目).</summary>
    Infrastructure = 1,
    /// <summary>Industry project (产业扶贫项目): operated after construction, with income distributed.</summary>
    Industry = 2,
}
