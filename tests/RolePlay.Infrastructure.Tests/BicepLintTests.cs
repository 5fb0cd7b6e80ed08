namespace RolePlay.Infrastructure.Tests;

/// <summary>The Bicep compiles and lints clean with the CLI from NuGet: no error and no warning (infra/bicepconfig.json
/// raises the linter's rules to errors, and a warning of the compiler itself fails here too).</summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> Files => [.. Bicep.Files()];

    [Fact]
    public async Task Main_builds_with_no_warning()
    {
        var result = await Bicep.RunAsync("build", "main.bicep", "--stdout");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("", result.StdErr.Trim());
        Assert.StartsWith("{", result.StdOut.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_file_lints_with_no_warning(string file)
    {
        var result = await Bicep.RunAsync("lint", file);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public void The_files_are_the_ones_the_deployment_is_made_of()
    {
        Assert.Contains("main.bicep", Bicep.Files());
        Assert.All(DeploymentFixture.Files, f => Assert.Contains(f, Bicep.Files()));
        Assert.True(Bicep.Files().Count(f => f.StartsWith("modules", StringComparison.Ordinal)) >= 5);
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public async Task Each_parameter_file_builds_with_no_warning(string paramFile)
    {
        var result = await Bicep.RunAsync("build-params", paramFile, "--stdout");

        Assert.True(result.ExitCode == 0, result.StdErr);
        Assert.Equal("", result.StdErr.Trim());
    }
}
