using RolePlay.Core.Cards;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>The consent card a sent voice file is answered with: what it would go with, who may hear it, and a way to
/// keep nothing. Its buttons carry only the offer id; the file's reference stays in the store.</summary>
public static class ClipOfferCard
{
    public const string Id = "clip.offer";

    public const string KeepForTeam = "clip.keep_team";
    public const string KeepForManagers = "clip.keep_managers";
    public const string Discard = "clip.discard";

    public const string OfferInput = "clip_offer";
    public const string SubjectInput = "clip_subject";

    /// <summary>Choice titles are cut here: a select option shows at most 75 characters on Slack.</summary>
    private const int MaxChoiceTitle = 70;

    /// <param name="todays">The person's own phrase logged today, chosen by default and named on the card.</param>
    public static Card Offer(ClipOffer offer, IReadOnlyList<ClipChoice> choices, ClipChoice? todays)
    {
        var data = new Dictionary<string, string> { [OfferInput] = offer.OfferId };
        var chosen = todays ?? choices[0];
        return new Card(Id, "Keep this voice clip?",
        [
            new TextBlock(todays is null
                ? $"Thanks for “{offer.File.Name}”. Choose the phrase or practice line it goes with."
                : $"Thanks for “{offer.File.Name}”. I'd keep it with the phrase you logged today: “{todays.Text}”."),
            new ChoiceInput(SubjectInput, "It goes with", [.. choices.Select(c => new Choice(Title(c.Text), ValueOf(c.Subject)))],
                Value: ValueOf(chosen.Subject), Required: true),
            new TextBlock($"Nothing is kept until you choose. Up to {ClipLimits.MaxSeconds} seconds; you can remove it on the Clips page any time.",
                TextStyle.Subtle),
        ],
        [
            new SubmitAction("Share with my team", KeepForTeam, data, ActionStyle.Positive),
            new SubmitAction("Managers only", KeepForManagers, data),
            new SubmitAction("Don't keep it", Discard, data, ActionStyle.Destructive),
        ]);
    }

    public static string ValueOf(ClipSubject subject) => $"{WireName.Of(subject.Kind)}:{subject.Id}";

    public static ClipSubject? SubjectOf(string? value)
    {
        var at = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return at > 0 && WireName.TryParse<ClipSubjectKind>(value![..at], out var kind) && at + 1 < value.Length
            ? new ClipSubject(kind, value[(at + 1)..])
            : null;
    }

    private static string Title(string text) => text.Length <= MaxChoiceTitle ? text : text[..(MaxChoiceTitle - 1)].TrimEnd() + "…";
}
