using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Routing;
using RolePlay.Core.Storage;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Bot.Tests.Dashboard;

/// <summary>Real practice through <see cref="PracticeRouter"/> (<see cref="RouterHarness"/>): a team set up in a channel,
/// members joining, role-plays to their debrief, reflections, commitments, reactions. What the dashboard shows must
/// come out of exactly this.</summary>
internal sealed class PracticeSeed(RouterHarness bot)
{
    public const string Tenant = "local";
    public const string TeamId = "team-care";
    public const string SecretReflection = "PRIVATE: I froze when he shouted";

    public static readonly ChannelUser Maya = new("studio", Tenant, "maya", "Maya Manager");

    public static readonly ConversationAddress Channel = new("studio", Tenant, "care-channel", ConversationKind.Channel, TeamId: TeamId);

    /// <summary>Warm, summarising, confirming lines: a session that ends resolved and scored.</summary>
    public static readonly string[] WarmAgent =
    [
        "I'm so sorry, that sounds really stressful, and I can hear how worried you are. What's been happening so far?",
        "So just to check I've got it right: this still isn't sorted and you need it fixed quickly — is that right?",
        "Here's what I'll do: I'll sort this myself right now and call you back by 3pm today to confirm it's done. Would a call or a text suit you better?",
        "Thank you for bearing with me. I'll stay on this until it's fixed and email you a written confirmation by 5pm today.",
        "You've been really patient. I'll personally check it tomorrow morning at 9 and message you the result.",
    ];

    /// <summary>Short, cold lines: a session that scores lower.</summary>
    public static readonly string[] ColdAgent =
    [
        "What's the order number.",
        "It's with the courier now, there's nothing I can do.",
        "You'll have to wait.",
        "That's the policy.",
        "Anything else.",
    ];

    public List<(PersonKey Person, string SessionId, string Week)> Sessions { get; } = [];

    public static ChannelUser Agent(int i) => new("studio", Tenant, $"agent-{i}", $"Agent Number{i}");

    /// <summary>Maya sets the team up (she becomes its manager) and <paramref name="agents"/> people join it.</summary>
    public async Task SetUpTeamAsync(int agents, ConversationAddress? channel = null, ChannelUser? manager = null)
    {
        await bot.SayInAsync(channel ?? Channel, manager ?? Maya, "team standup 09:15");
        for (var i = 1; i <= agents; i++)
        {
            await bot.SayInAsync(channel ?? Channel, Agent(i), "team join");
        }
    }

    /// <summary>One role-play to its debrief, the feelings layer with a private reflection, and (optionally) a commitment.</summary>
    public async Task<string> PracticeAsync(ChannelUser who, string[] lines, bool commit = true)
    {
        await bot.SayAsync(who, "start late-delivery-birthday");
        RouterResult last = RouterResult.Nothing;
        foreach (var line in lines)
        {
            last = await bot.SayAsync(who, line);
            if (DebriefCard(last) is not null)
            {
                break;
            }
        }

        if (DebriefCard(last) is null)
        {
            last = await bot.SayAsync(who, "/end");
        }

        var card = DebriefCard(last) ?? throw new InvalidOperationException("The practice was not scored.");
        var sessionId = ((SubmitAction)card.Actions.Single()).Data[Inputs.Session];
        await bot.SubmitAsync(who, CardVerbs.DebriefFeelings,
            new() { [Inputs.Session] = sessionId, [Inputs.FeelingRating] = "3", [Inputs.FeelingWords] = SecretReflection });
        if (commit)
        {
            await bot.SubmitAsync(who, CardVerbs.DebriefCommit, new() { [Inputs.Session] = sessionId, [Inputs.Commitment] = "Name the feeling first" });
        }

        var key = new PersonKey(who.Platform, who.TenantId, who.UserId);
        Sessions.Add((key, sessionId, Core.Insights.IsoWeek.Of(bot.Clock.GetUtcNow())));
        return sessionId;
    }

    private static Card? DebriefCard(RouterResult result) =>
        result.Replies.OfType<CardOut>().Select(c => c.Card).FirstOrDefault(c => c.Id == "debrief.feelings");
}
