using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Chat;
using RolePlay.Core.Storage;
using RolePlay.Testing.Teams;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Teams;

/// <summary>An observer's peer checklist through the real Teams adapter: the agent's yes in the channel sends the
/// observer an invitation in their 1:1 chat, the checklist there is an Adaptive Card, the review reaches the agent's
/// chat, and the manager's recognition reaction on the channel's announcement is credited to the observer.</summary>
public sealed class TeamsPeerReviewTests : TeamsHostTest
{
    private const string Channel = "19:practice-floor@thread.tacv2";
    private const string Team = "19:team-practice@thread.tacv2";
    private static readonly TenantScope Tenant = new("teams", TeamsHost.TenantId);

    [Fact]
    public async Task An_observers_checklist_reaches_the_agent_and_the_managers_reaction_recognises_the_observer()
    {
        var manager = new TeamsActivities(Connector.ServiceUrl, "29:manager-" + Guid.NewGuid().ToString("N"));
        var agent = new TeamsActivities(Connector.ServiceUrl, "29:agent-" + Guid.NewGuid().ToString("N"));
        var observer = new TeamsActivities(Connector.ServiceUrl, "29:observer-" + Guid.NewGuid().ToString("N"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team standup 09:15"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team emoji win laugh"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "team emoji recognition heart"));
        await OkAsync(agent.Message("help")); // the agent's 1:1 chat, where the review will arrive
        await OkAsync(manager.ChannelMessage(Channel, Team, "practice facilitate late-delivery-birthday"));
        await OkAsync(agent.ChannelMessage(Channel, Team, "join agent"));
        await OkAsync(observer.ChannelMessage(Channel, Team, "join observer"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "go"));
        await OkAsync(agent.ChannelMessage(Channel, Team, "I'm so sorry, that sounds really stressful. What happened with the order?"));
        await OkAsync(manager.ChannelMessage(Channel, Team, "end"));

        var inChannel = new SentActivities(Connector, Channel);
        var ask = inChannel.CardWithAction(CardVerbs.ReviewInvite) ?? throw new Xunit.Sdk.XunitException("no ask card in the channel");
        await OkAsync(TeamsActivities.InChannel(agent.Submit(ask.ActivityId, ask.Data, []), Channel, Team));

        var observerChat = new SentActivities(Connector, FakeConnector.PersonalConversationOf(observer.UserId));
        var invitation = observerChat.CardWithAction(CardVerbs.ReviewOpen) ?? throw new Xunit.Sdk.XunitException("no invitation in the observer's chat");
        Assert.DoesNotContain(inChannel.Cards, c => SentActivities.StringsOf(c.Card).Any(s => s.Contains("would like your peer coaching checklist", StringComparison.Ordinal)));

        await OkAsync(InChat(observer.Submit(invitation.ActivityId, invitation.Data, []), observer));
        var form = await SentActivities.EventuallyAsync(() => observerChat.CardWithAction(CardVerbs.ReviewSubmit)?.ToTuple(), "the checklist card");
        var choiceSets = form.Item2["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "Input.ChoiceSet").ToList();
        Assert.Equal(6, choiceSets.Count);
        Assert.All(choiceSets, c => Assert.True(c["isRequired"]!.GetValue<bool>()));

        var inputs = new JsonObject { [Inputs.Landed] = "You named the worry first.", [Inputs.TryNext] = "Agree a time for the call back." };
        foreach (var choice in choiceSets)
        {
            inputs[choice["id"]!.GetValue<string>()] = "yes";
        }

        await OkAsync(InChat(observer.Submit(form.Item1, form.Item3, inputs), observer));

        var agentChat = new SentActivities(Connector, agent.ConversationId);
        var received = await SentActivities.EventuallyAsync(() => agentChat.CardWithAction(CardVerbs.ReviewHelpful)?.ToTuple(), "the review in the agent's chat");
        Assert.Contains("What landed: You named the worry first.", SentActivities.StringsOf(received.Item2));
        var notice = await SentActivities.EventuallyAsync(
            () => inChannel.Posts.LastOrDefault(p => p.Json?["text"]?.GetValue<string>().Contains("peer checklist on", StringComparison.Ordinal) == true),
            "the announcement in the channel");

        await OkAsync(manager.Reaction(Channel, Team, notice.AnsweredId!, "heart"));

        var recognised = Assert.Single(await Bot.Services.GetRequiredService<IRecognitionStore>()
            .ListWeekAsync(Tenant, Team, DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None));
        Assert.Equal((manager.UserId, observer.UserId), (recognised.ReactedBy.UserId, recognised.Recipient.UserId));
    }

    /// <summary>An activity in the 1:1 chat the bot opened with the person (where their invitation is).</summary>
    private static JsonObject InChat(JsonObject activity, TeamsActivities person)
    {
        activity["conversation"]!["id"] = FakeConnector.PersonalConversationOf(person.UserId);
        return activity;
    }
}
