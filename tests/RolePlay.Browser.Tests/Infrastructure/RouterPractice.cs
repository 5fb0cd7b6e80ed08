using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Browser.Tests.Infrastructure;

/// <summary>Practice made through the running bot's own router, as the studio, Teams and Slack make it, for the pages
/// that show it: a team set up in a channel and role-plays played to a commitment.</summary>
public static class RouterPractice
{
    /// <summary>An agent who listens, checks and commits.</summary>
    public static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
    ];

    public static ChannelUser User(string id, string name) => new("studio", "local", id, name);

    /// <summary>Maya sets the team up in <paramref name="channel"/> and agents 1 to <paramref name="agents"/> join it.</summary>
    public static async Task SetUpTeamAsync(IConversationRouter router, ConversationAddress channel, int agents)
    {
        ArgumentNullException.ThrowIfNull(router);
        await router.HandleAsync(new MessageReceived(User("maya", "Maya"), channel, DateTimeOffset.UtcNow, "team standup 09:15"), default);
        for (var i = 1; i <= agents; i++)
        {
            await router.HandleAsync(new MessageReceived(User($"agent-{i}", $"Agent {i}"), channel, DateTimeOffset.UtcNow, "team join"), default);
        }
    }

    /// <summary>One role-play to its debrief, a private reflection, and a commitment.</summary>
    public static async Task PractiseAsync(IConversationRouter router, ChannelUser who)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(who);
        var dm = new ConversationAddress("studio", "local", "dm-" + who.UserId, ConversationKind.Personal);
        Task<RouterResult> Say(string text) => router.HandleAsync(new MessageReceived(who, dm, DateTimeOffset.UtcNow, text), default);
        await Say("start late-delivery-birthday");
        Card? debrief = null;
        foreach (var line in WarmAgent.Append("/end"))
        {
            debrief = (await Say(line)).Replies.OfType<CardOut>().Select(c => c.Card).FirstOrDefault(c => c.Id == "debrief.feelings");
            if (debrief is not null)
            {
                break;
            }
        }

        var session = ((SubmitAction)debrief!.Actions.Single()).Data[Inputs.Session];
        Task Submit(string verb, Dictionary<string, string> values) =>
            router.HandleAsync(new CardSubmitted(who, dm, DateTimeOffset.UtcNow, verb, values), default);
        await Submit(CardVerbs.DebriefFeelings, new() { [Inputs.Session] = session, [Inputs.FeelingRating] = "3", [Inputs.FeelingWords] = "I froze at first" });
        await Submit(CardVerbs.DebriefCommit, new() { [Inputs.Session] = session, [Inputs.Commitment] = "Name the feeling first" });
    }
}
