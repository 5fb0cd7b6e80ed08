using Microsoft.Extensions.Logging;
using RolePlay.AdaptiveCards;
using RolePlay.Core;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Scene;
using RolePlay.Core.Storage;
using RolePlay.Core.TeamSetup;

namespace RolePlay.Studio.Transcripts;

/// <summary>Puts what the bot says into a person's page: text as it is, cards as the exact Adaptive Card JSON Teams
/// receives (<see cref="AdaptiveCardRenderer"/>), so the page's Adaptive Cards renderer shows what Teams would.</summary>
public sealed partial class StudioDelivery(StudioTranscripts transcripts, TimeProvider time, ILogger<StudioDelivery> logger)
{
    public static readonly Platform Platform = new("studio");

    /// <summary>A new team's reactions in the studio, named as Slack names emoji.</summary>
    public static readonly ReactionDefaults DefaultReactions = new(Platform, EmpathyWin: "sparkles", Recognition: "clap");

    /// <summary>The studio has personal chats only; its team is set up on the team page.</summary>
    public static readonly ChannelTraits Traits = new(Platform, HasTeamChannels: false, IsPage: true);

    /// <summary>The messages for <paramref name="person"/>'s page, in order. A reply aimed at another conversation (a
    /// transcript shared to a team channel) has nowhere to go in the studio and is left out, with a log line.</summary>
    public IReadOnlyList<StudioEntry> Deliver(PersonKey person, IEnumerable<Outgoing> messages)
    {
        var conversation = transcripts.For(person);
        var delivered = new List<StudioEntry>();
        foreach (var message in messages)
        {
            if (message.Target is { } target && !IsPersonalChatOf(target, person))
            {
                LogElsewhere(logger, target.Platform, target.ConversationId);
                continue;
            }

            // The page has its own scene bar (pause, resume, stop, end), always in reach: a second set in the chat
            // would answer the same verbs twice over.
            if (message is CardOut { Card.Id: SceneCards.ControlsCardId })
            {
                continue;
            }

            delivered.Add(message switch
            {
                TextOut text => conversation.Append((seq, version) => TextEntry(seq, version, text), time.GetUtcNow()),
                CardOut card => conversation.Append((seq, version) => CardEntry(seq, version, card.Card), time.GetUtcNow()),
                _ => throw new NotSupportedException($"The studio cannot show {message.GetType().Name}."),
            });
        }

        return delivered;
    }

    /// <summary>What the person typed, shown in their page before the bot answers.</summary>
    public StudioEntry Said(PersonKey person, string text) =>
        transcripts.For(person).Append((seq, version) => new StudioEntry(seq, version, time.GetUtcNow(), StudioEntry.You, text, null, null),
            time.GetUtcNow());

    /// <summary>Replaces an acted-on card (the router's <see cref="RouterResult.ReplaceCard"/>), or re-renders it with its
    /// input errors; null when that message is no longer in the page's ring.</summary>
    public StudioEntry? Replace(PersonKey person, long seq, Card? replacement, IReadOnlyDictionary<string, string>? inputErrors) =>
        transcripts.For(person).Replace(seq, (old, version) =>
        {
            var card = replacement ?? old.Source;
            return card is null
                ? old with { Version = version }
                : CardEntry(old.Seq, version, card, inputErrors) with { At = old.At };
        });

    private StudioEntry CardEntry(long seq, long version, Card card, IReadOnlyDictionary<string, string>? inputErrors = null) =>
        new(seq, version, time.GetUtcNow(), StudioEntry.Bot, null, AdaptiveCardRenderer.Render(card, inputErrors), card.Id) { Source = card, About = card.About };

    /// <summary>The customer's lines say who speaks (<see cref="TextOut.Customer"/>); the coach's start "Coach:". The page
    /// draws each as its own kind of bubble, so neither prefix is shown.</summary>
    private StudioEntry TextEntry(long seq, long version, TextOut text)
    {
        const string coach = "Coach:";
        return text switch
        {
            { Customer: { } line } => new StudioEntry(seq, version, time.GetUtcNow(), StudioEntry.Customer, line.Words, null, null, line.Name)
            {
                PauseMs = (int)line.Pause.TotalMilliseconds,
            },
            _ when text.Text.StartsWith(coach, StringComparison.Ordinal) =>
                new StudioEntry(seq, version, time.GetUtcNow(), StudioEntry.Coach, text.Text[coach.Length..].TrimStart(), null, null),
            _ => new StudioEntry(seq, version, time.GetUtcNow(), StudioEntry.Bot, text.Text, null, null),
        };
    }

    private static bool IsPersonalChatOf(ConversationAddress target, PersonKey person) =>
        target.Kind == ConversationKind.Personal && target.TenantId == person.Tenant.TenantId && target.ConversationId == person.UserId;

    [LoggerMessage(Level = LogLevel.Information,
        Message = "A studio reply aimed at {Platform} conversation {ConversationId} was not shown: the studio has only personal chats.")]
    private static partial void LogElsewhere(ILogger logger, Platform platform, string conversationId);
}
