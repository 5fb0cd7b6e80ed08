using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RolePlay.Bot.Tests.Teams;
using RolePlay.Core.Routines;
using RolePlay.Core.Storage;
using RolePlay.Testing;
using RolePlay.Testing.Teams;

namespace RolePlay.Bot.Tests.Routines;

/// <summary>Two bot instances (two <c>BotHost</c>s) sharing one Azure Table store (Azurite) run the same minute at the
/// same moment: the ledger's conditional claims let each prompt through once, to the real Teams sender.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TwoHostsDeliverOnceTests(AzuriteFixture azurite)
{
    private const string PromptMarker = "Pause or stop any time";

    [SkippableFact]
    public async Task Two_hosts_on_one_table_store_running_the_same_minute_deliver_each_prompt_once()
    {
        Skip.If(azurite.SkipReason is not null, azurite.SkipReason);
        var dir = Directory.CreateTempSubdirectory("roleplay-two-hosts-").FullName;
        var prefix = "two" + Guid.NewGuid().ToString("N")[..8];
        string[] settings =
        [
            "--Storage:Provider=AzureTables",
            $"--Storage:AzureTables:ConnectionString={azurite.ConnectionString}",
            $"--Storage:AzureTables:TablePrefix={prefix}",
            "--Routines:Enabled=false",
        ];
        await using var keys = await KeyServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var now = DateTimeOffset.UtcNow;
        FakeTimeProvider clockA = new(now), clockB = new(now);
        await using var hostA = await TeamsHost.StartAsync(Path.Combine(dir, "unused-a.db"), keys, connector, clockA, settings);
        await using var hostB = await TeamsHost.StartAsync(Path.Combine(dir, "unused-b.db"), keys, connector, clockB, settings);

        // Twelve people set their prompt time, half through each host.
        var people = Enumerable.Range(0, 12).Select(i => new TeamsActivities(connector.ServiceUrl, $"29:two-hosts-{i}")).ToList();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var host = i % 2 == 0 ? hostA : hostB;
            foreach (var text in new[] { "timezone Europe/London", "days mon-sun", "time 09:30" })
            {
                using var response = await host.PostAsync(person.Message(text));
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            }
        }

        var stored = await hostA.Services.GetRequiredService<IPeopleStore>()
            .GetAsync(new PersonKey("teams", TeamsHost.TenantId, people[0].UserId), CancellationToken.None);
        var due = stored!.NextPromptUtc!.Value;
        clockA.SetUtcNow(due);
        clockB.SetUtcNow(due);

        await Task.WhenAll(
            hostA.Services.GetRequiredService<IRoutineRunner>().RunDueAsync(due, CancellationToken.None),
            hostB.Services.GetRequiredService<IRoutineRunner>().RunDueAsync(due, CancellationToken.None));

        Assert.All(people, person => Assert.Equal(1,
            new SentActivities(connector, person.ConversationId).Posts.Count(p => p.Body.Contains(PromptMarker, StringComparison.Ordinal))));
        Directory.Delete(dir, recursive: true);
    }
}
