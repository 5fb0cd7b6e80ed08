using Microsoft.Extensions.Configuration;
using RolePlay.Bot.Hosting;

namespace RolePlay.Bot.Tests;

/// <summary>ASP.NET Core's own ways to say where to listen each set the local default aside (ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS and ASPNETCORE_HTTPS_PORTS reach configuration as these keys; ServeTests starts the bot with
/// two of them). Ports bind every interface, so they are checked here rather than by starting a server.</summary>
public sealed class LocalDefaultUrlTests
{
    [Theory]
    [InlineData("urls", "http://127.0.0.1:5000")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Main:Url", "http://127.0.0.1:5000")]
    public void Any_address_of_the_host_s_own_sets_the_default_aside(string key, string value) =>
        Assert.False(LocalDefaultUrl.Applies(Configuration(new() { [key] = value })));

    [Fact]
    public void With_none_the_bot_listens_on_this_machine_only() =>
        Assert.True(LocalDefaultUrl.Applies(Configuration(new() { ["Storage:Provider"] = "Sqlite", ["urls"] = " " })));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
