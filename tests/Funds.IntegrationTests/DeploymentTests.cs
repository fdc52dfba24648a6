using System.Text.RegularExpressions;

namespace Funds.IntegrationTests;

/// <summary>What the repo ships for a deployment is shaped for Production: no development token route, no key
/// from the repo, no superuser on an open port, no root in the container.</summary>
public class DeploymentTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void compose_runs_production_with_secrets_from_a_git_ignored_env_file_and_publishes_nothing_beyond_loopback()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT: Development", compose);
        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", compose);
        foreach (Match port in Regex.Matches(compose, @"^\s*-\s*""?([^""\s]+:\d+)""?\s*$", RegexOptions.Multiline))
            if (port.Groups[1].Value.Count(c => c == ':') >= 1 && char.IsDigit(port.Groups[1].Value[0]) && !port.Groups[1].Value.StartsWith("127.0.0.1:"))
                Assert.Fail($"compose publishes {port.Groups[1].Value} beyond loopback");
        Assert.DoesNotMatch(@"\b5432:5432\b", compose);
        foreach (Match secret in Regex.Matches(compose, @"(PASSWORD|SigningKey)[^:\n]*:\s*(\S+)"))
            Assert.StartsWith("${", secret.Groups[2].Value);
        Assert.DoesNotContain("Password=postgres", compose);
        Assert.Contains("Username=funds_app", compose);
        Assert.Contains("Funds__Demo__Seed: ${FUNDS_DEMO_SEED:-false}", compose);

        Assert.Contains(File.ReadAllLines(Path.Combine(Root, ".gitignore")), l => l.Trim() == ".env");
        var example = File.ReadAllText(Path.Combine(Root, ".env.example"));
        foreach (var name in Regex.Matches(compose, @"\$\{([A-Z_]+)").Select(m => m.Groups[1].Value).Distinct())
            Assert.Contains(name + "=", example);
    }

    [Fact]
    public void the_container_runs_as_an_unprivileged_user()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
        var final = dockerfile.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet")).ToList();
        var user = Assert.Single(final, l => l.StartsWith("USER "));
        Assert.DoesNotMatch(@"USER\s+(root|0)\b", user);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Funds.sln"))) return dir.FullName;
        throw new InvalidOperationException("Funds.sln not found above the test binaries.");
    }
}
