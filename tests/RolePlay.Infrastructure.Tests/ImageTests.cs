using System.Net;
using Microsoft.Extensions.Configuration;
using RolePlay.Bot.Hosting;

namespace RolePlay.Infrastructure.Tests;

/// <summary>The Dockerfile lints clean and its image matches the app and the Bicep: the port it listens on is the
/// ingress and probe port, it runs as the non-root user, it starts the bot's assembly, and the probe and messaging
/// paths the Bicep names are routes the real bot answers.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class ImageTests(DeploymentFixture deployments)
{
    private static readonly Dockerfile Image = Dockerfile.Load(Repository.Dockerfile);

    private static readonly string Linter = Path.Combine(Repository.Root, "tests", "node_modules", "dockerfile-utils", "bin", "dockerfile-utils");

    [SkippableFact]
    public async Task The_Dockerfile_lints_with_no_warning()
    {
        Skip.If(!File.Exists(Linter) && !Repository.InCi, "dockerfile-utils is not installed: run npm ci --prefix tests");

        var result = await Tool.RunAsync("node", [Linter, "lint", Repository.Dockerfile], Repository.Root);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public void It_builds_the_bot_on_the_sdk_and_runs_it_on_the_aspnet_runtime()
    {
        var build = Assert.Single(Image.Stages, s => s.BaseImage == "mcr.microsoft.com/dotnet/sdk:10.0");

        Assert.Contains(build.All("RUN"), r => r.StartsWith("dotnet publish src/RolePlay.Bot/RolePlay.Bot.csproj", StringComparison.Ordinal));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Image.Final.BaseImage);
        Assert.Contains(Image.Final.All("COPY"), c => c.StartsWith($"--from={build.Name} ", StringComparison.Ordinal));
    }

    [Fact]
    public void It_starts_the_bots_assembly()
    {
        var bot = typeof(KeyRing).Assembly.GetName().Name + ".dll";

        Assert.Equal($"[\"dotnet\", \"{bot}\"]", Image.Final.Last("ENTRYPOINT"));
        Assert.Null(Image.Final.Last("CMD")); // verbs would replace serve
    }

    [Fact]
    public void It_runs_as_the_images_non_root_user()
    {
        // $APP_UID is the uid (1654) of the 'app' user Microsoft's .NET 8+ images create.
        Assert.Contains(Image.Final.Last("USER"), new[] { "$APP_UID", "app" });
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public void The_port_the_image_listens_on_is_the_ingress_and_probe_port(string paramFile)
    {
        var app = deployments[paramFile].App;
        var port = int.Parse(Image.Final.Env("ASPNETCORE_HTTP_PORTS")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(port, app.TargetPort);
        Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Image.Final.Last("EXPOSE"));
        Assert.All(app.Probes, p => Assert.Equal(port, (int)p["httpGet"]!["port"]!));
    }

    [Fact]
    public void The_bot_listens_where_the_image_says_rather_than_on_its_loopback_default()
    {
        // WebApplication reads ASPNETCORE_-prefixed variables without the prefix: ASPNETCORE_HTTP_PORTS is HTTP_PORTS.
        var fromImage = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["HTTP_PORTS"] = Image.Final.Env("ASPNETCORE_HTTP_PORTS") })
            .Build();

        Assert.False(LocalDefaultUrl.Applies(fromImage));
        Assert.True(LocalDefaultUrl.Applies(new ConfigurationBuilder().Build()));
    }

    [Theory]
    [MemberData(nameof(DeploymentFixture.ParamFiles), MemberType = typeof(DeploymentFixture))]
    public async Task The_probe_and_messaging_paths_are_routes_the_real_bot_answers(string paramFile)
    {
        var deployment = deployments[paramFile];
        var app = deployment.App;
        var endpoint = new Uri(ArmExpression.Representative((string)deployment.Single("Microsoft.BotService/botServices")["properties"]!["endpoint"]!));
        var data = Directory.CreateTempSubdirectory("roleplay-image-").FullName;
        try
        {
            // Local mode on this machine's store: the same routes as in Azure, reachable with nothing from Azure.
            await using var bot = BotRun.Serve(new Dictionary<string, string>
            {
                ["Storage__Sqlite__Path"] = Path.Combine(data, "roleplay.db"),
                ["DataProtection__KeysPath"] = Path.Combine(data, "keys"),
            });
            using var http = new HttpClient { BaseAddress = bot.Address };

            foreach (var type in new[] { "Startup", "Liveness", "Readiness" })
            {
                var path = (string)app.Probe(type)["httpGet"]!["path"]!;
                var status = await GetWhenListeningAsync(http, path, bot);
                Assert.True(status == HttpStatusCode.OK, $"{type} probe GET {path}: {status}\n{bot.Output}");
            }

            using var message = await http.PostAsync(new Uri(endpoint.AbsolutePath, UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.NotEqual(HttpStatusCode.NotFound, message.StatusCode);
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, message.StatusCode);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> GetWhenListeningAsync(HttpClient http, string path, BotRun.Running bot)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                return response.StatusCode;
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"the bot never answered:\n{bot.Output}", e);
            }
        }
    }
}
