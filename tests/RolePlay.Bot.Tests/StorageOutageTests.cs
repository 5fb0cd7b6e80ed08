using System.Net;
using System.Net.Http.Json;
using RolePlay.Testing;

namespace RolePlay.Bot.Tests;

/// <summary>The store going away under a running bot: requests are refused with 503 + Retry-After (so the platform
/// retries), never a crash or a 500, and the bot process keeps running.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageOutageTests(AzuriteFixture shared)
{
    [SkippableFact]
    public async Task A_lost_store_answers_503_with_retry_after_and_the_bot_keeps_running()
    {
        Skip.If(shared.SkipReason is not null, shared.SkipReason);
        var azurite = await AzuriteProcess.StartAsync(TimeSpan.FromSeconds(30));
        var port = ServeTests.FreePort();
        using var bot = BotProcess.Start(
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ServeTests.WaitForHealthAsync(http);
            Assert.Equal(HttpStatusCode.OK, (await PostHelpAsync(http, "a1")).StatusCode);

            await azurite.DisposeAsync();
            using var refused = await PostHelpAsync(http, "a2");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options"))); // kept through the cleared response
            Assert.Contains("storage_unavailable", await refused.Content.ReadAsStringAsync());
            Assert.False(bot.HasExited);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A local-mode Teams message (loopback caller, loopback serviceUrl) asking for help.</summary>
    private static Task<HttpResponseMessage> PostHelpAsync(HttpClient http, string id) =>
        http.PostAsJsonAsync("/api/messages", new
        {
            type = "message",
            id,
            channelId = "msteams",
            serviceUrl = "http://127.0.0.1:9/",
            from = new { id = "29:user", name = "User" },
            recipient = new { id = "28:bot", name = "RolePlay" },
            conversation = new { id = "a:personal-1", conversationType = "personal", tenantId = "tenant-1" },
            channelData = new { tenant = new { id = "tenant-1" } },
            text = "help",
        });
}
