using Azure.Data.Tables;
using RolePlay.Testing;

namespace RolePlay.Bot.Tests;

/// <summary>The same bot on Azure Table Storage, with nothing changed but the <c>Storage:*</c> settings.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServeOnAzuriteTests(AzuriteFixture azurite)
{
    [SkippableFact]
    public async Task The_bot_starts_on_azure_tables_and_creates_its_tables()
    {
        Skip.If(azurite.SkipReason is not null, azurite.SkipReason);
        var prefix = "bot" + Guid.NewGuid().ToString("N")[..8];
        var port = ServeTests.FreePort();
        using var bot = BotProcess.Start(
            "--urls", $"http://127.0.0.1:{port}",
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}",
            $"--Storage:AzureTables:TablePrefix={prefix}");
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await ServeTests.WaitForHealthAsync(http);
            Assert.Equal("ok", health.GetProperty("status").GetString());

            var tables = new TableServiceClient(azurite.ConnectionString)
                .QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0);
            var names = new List<string>();
            await foreach (var table in tables)
            {
                names.Add(table.Name[prefix.Length..]);
            }

            Assert.Contains("People", names);
            Assert.Contains("Ledger", names);
        }
        finally
        {
            bot.Kill(entireProcessTree: true);
            await bot.WaitForExitAsync();
        }
    }
}
