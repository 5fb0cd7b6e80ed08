using System.Security.Cryptography;
using RolePlay.Core.Chat;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Clips;

/// <summary>A voice file sent in chat becomes a clip only with its sender's consent: the file is answered with
/// <see cref="ClipOfferCard"/> and an offer kept in the sender's partition for a day; their choice fetches the file then
/// (never before) and hands it to <see cref="ClipLibrary.KeepAsync"/>, which sniffs and limits it as it does a
/// recording from the studio.</summary>
public sealed class ClipOffers(ClipLibrary library, IClipOfferStore offers, IPeopleStore people, IPhraseStore phrases,
    IEnumerable<IClipFileFetcher> fetchers, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static bool Handles(string verb) => verb is ClipOfferCard.KeepForTeam or ClipOfferCard.KeepForManagers or ClipOfferCard.Discard;

    public async Task<RouterResult> OfferAsync(AudioFileReceived sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.File.DeclaredBytes > ClipLimits.MaxBytes)
        {
            return RouterResult.Say(ClipLibrary.TooLarge().Message);
        }

        var key = KeyOf(sent.From);
        if (await people.GetAsync(key, ct).ConfigureAwait(false) is not { TeamId: { } teamId } person)
        {
            return RouterResult.Say("Clips are shared with your team, and you're not in one yet: type “team join” in your team's channel first, then send the clip again.");
        }

        var choices = await library.ChoicesAsync(key, ct).ConfigureAwait(false);
        if (choices.Count == 0)
        {
            return RouterResult.Say("A clip goes with a phrase from your team's library or a line of a finished practice, and there's none yet. " +
                                    "Log a phrase at the end of your shift, then send the clip again.");
        }

        var now = time.GetUtcNow();
        var offer = new ClipOffer(key, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), sent.File, now + Lifetime);
        await offers.AddAsync(offer, now, ct).ConfigureAwait(false);
        var todays = await TodaysPhraseAsync(person, teamId, choices, now, ct).ConfigureAwait(false);
        return RouterResult.Show(ClipOfferCard.Offer(offer, choices, todays));
    }

    public async Task<RouterResult> AnswerAsync(CardSubmitted card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var audience = card.Verb switch
        {
            ClipOfferCard.KeepForTeam => ClipAudience.Team,
            ClipOfferCard.KeepForManagers => ClipAudience.Managers,
            _ => (ClipAudience?)null,
        };
        var subject = ClipOfferCard.SubjectOf(card.Values.GetValueOrDefault(ClipOfferCard.SubjectInput));
        if (audience is not null && subject is null)
        {
            return RouterResult.Refuse(ClipOfferCard.SubjectInput, "Choose the phrase or practice line the clip goes with.");
        }

        // Looked up in the clicker's own partition: an offer made to someone else is never found, whoever clicks.
        var person = KeyOf(card.From);
        if (card.Values.GetValueOrDefault(ClipOfferCard.OfferInput) is not { Length: > 0 } offerId
            || await offers.TakeAsync(person, offerId, time.GetUtcNow(), ct).ConfigureAwait(false) is not { } offer)
        {
            return RouterResult.Say("That clip isn't waiting for your answer: it was answered already, it ran out after a day, or it was sent by someone else. " +
                                    "Send the file again to keep it.");
        }

        if (audience is not { } chosen)
        {
            return Answered($"Not kept. Nothing of “{offer.File.Name}” is stored.", "You chose not to keep it.");
        }

        var download = await FetchAsync(offer, ct).ConfigureAwait(false);
        if (download is ClipDownload.Unreachable)
        {
            // Nothing is lost to a passing failure: the offer waits again and the card keeps its buttons.
            await offers.AddAsync(offer, time.GetUtcNow(), ct).ConfigureAwait(false);
            return RouterResult.Say("I couldn't fetch the file just now. Try the button again in a moment.");
        }

        if (download is not ClipDownload.Fetched fetched)
        {
            var why = download is ClipDownload.Failed failed ? failed.Message : ClipLibrary.TooLarge().Message;
            return Answered($"Not kept. {why}", "Not kept.");
        }

        var outcome = await library.KeepAsync(person, subject!, chosen, consented: true, fetched.Audio, ct).ConfigureAwait(false);
        return outcome switch
        {
            ClipOutcome.Kept { Clip: var clip } => Answered(
                $"Kept: your clip with “{clip.Transcript}” is on your team's dashboard for {(chosen == ClipAudience.Team ? "the whole team" : "the team's managers")} to hear. " +
                "You can remove it on the Clips page any time.",
                chosen == ClipAudience.Team ? "Kept for your team." : "Kept for your team's managers."),
            ClipOutcome.Refused refused => Answered($"Not kept. {refused.Message}", "Not kept."),
            _ => throw new InvalidOperationException("Unhandled clip outcome."),
        };
    }

    private Task<ClipDownload> FetchAsync(ClipOffer offer, CancellationToken ct) =>
        fetchers.FirstOrDefault(f => f.Platform == offer.Person.Tenant.Platform) is { } fetcher
            ? fetcher.FetchAsync(offer.Person.Tenant, offer.File, ct)
            : Task.FromResult<ClipDownload>(new ClipDownload.Failed("I can't fetch files from this chat."));

    /// <summary>The person's own newest phrase logged today in their time zone, when it is among the choices.</summary>
    private async Task<ClipChoice?> TodaysPhraseAsync(PersonRecord person, string teamId, IReadOnlyList<ClipChoice> choices, DateTimeOffset now,
        CancellationToken ct)
    {
        var zone = LocalClock.Zone(person.TimeZone);
        var today = LocalClock.Today(now, zone);
        var library = await phrases.ListAsync(person.Key.Tenant, teamId, ClipLibrary.PhrasesOffered, ct).ConfigureAwait(false);
        return library.FirstOrDefault(p => p.Author == person.Key && LocalClock.Today(p.AtUtc, zone) == today) is { } own
            ? choices.FirstOrDefault(c => c.Subject == new ClipSubject(ClipSubjectKind.Phrase, own.PhraseId))
            : null;
    }

    private static RouterResult Answered(string said, string onCard) =>
        new([new TextOut(said)], ReplaceCard: CommonCards.Acknowledged(ClipOfferCard.Id, onCard));

    private static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);
}
