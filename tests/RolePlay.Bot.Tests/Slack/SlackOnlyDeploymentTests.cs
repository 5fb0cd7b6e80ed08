using System.Net;
using System.Text;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.Slack;

/// <summary>A deployment with only Slack configured serves no Teams endpoint: without an app id it would accept
/// unauthenticated activities from loopback and post wherever their serviceUrl pointed.</summary>
public sealed class SlackOnlyDeploymentTests : SingleWorkspaceTest
{
    [Fact]
    public async Task The_Teams_endpoint_is_not_there_and_an_activity_sent_to_it_stores_nothing()
    {
        const string activity = """
            {"type":"message","id":"1","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/",
             "from":{"id":"29:intruder","aadObjectId":"00000000-0000-4000-8000-000000000001"},
             "conversation":{"id":"a:1","conversationType":"personal","tenantId":"made-up"},
             "recipient":{"id":"28:bot"},"channelData":{"tenant":{"id":"made-up"}},"text":"start"}
            """;

        using var response = await Host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative),
            new StringContent(activity, Encoding.UTF8, "application/json"));

        // No route is there, so the deny-by-default rule answers: a sign-in is needed, and none can make it a route.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await Host.People.GetAsync(new PersonKey("teams", "made-up", "29:intruder"), CancellationToken.None));
    }

    [Fact]
    public void No_warning_about_Teams_local_mode_is_logged_where_Teams_is_not_served() =>
        Assert.DoesNotContain(Host.Logs.Entries, e => e.Message.Contains("TEAMS LOCAL MODE", StringComparison.Ordinal));
}
