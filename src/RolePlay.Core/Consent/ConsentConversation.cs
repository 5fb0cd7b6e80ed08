using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Scene;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Consent;

/// <summary>Consent first: the invitation when the bot is installed, the answer to it, and the answer to the periodic
/// "still want daily prompts?". Stopping is always one tap and costs nothing.</summary>
public sealed class ConsentConversation(ContentCatalog catalog, IPeopleStore people, TimeProvider time)
{
    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The invitation, unless they already joined.</summary>
    public async Task<RouterResult> WelcomeAsync(PersonKey key, ChannelTraits channel, CancellationToken ct)
    {
        var person = await people.GetAsync(key, ct).ConfigureAwait(false);
        return person?.Consent == ConsentState.OptedIn
            ? RouterResult.Say("Welcome back! Message me “start” for a practice, or “help”.")
            : RouterResult.Show(ConsentCards.Welcome(channel.IsPage));
    }

    public async Task<RouterResult> OptInAsync(PersonRecord person, ChannelTraits channel, CancellationToken ct)
    {
        var optedIn = await people.SaveAsync(PersonSettings.OptIn(person, Now), ct).ConfigureAwait(false);
        return new RouterResult(
            [new TextOut($"You're in. {PersonSettings.Describe(optedIn, Now)} " + (channel.IsPage
                ? "Change the time on the Team page, or type “pause” or “stop”, any time."
                : "Change it any time: “time 08:45”, “days mon,wed,fri”, “pause”, “stop”.")),
             new CardOut(SceneCards.ScenarioPicker(catalog, PersonSettings.IntensityOf(optedIn)))],
            ReplaceCard: CommonCards.Acknowledged("welcome", "You're in. Welcome!"));
    }

    public async Task<RouterResult> OptOutAsync(PersonRecord person, CancellationToken ct)
    {
        await people.SaveAsync(PersonSettings.OptOut(person, Now), ct).ConfigureAwait(false);
        return new RouterResult(
            [new TextOut("No problem. I won't send you anything. Message me “start” if you ever want to practise.")],
            ReplaceCard: CommonCards.Acknowledged("welcome", "Not now — that's fine."));
    }

    /// <summary>The answer to "still want daily prompts?"; not answering at all keeps them too.</summary>
    public async Task<RouterResult> AnswerCheckAsync(PersonRecord person, string verb, CancellationToken ct)
    {
        var now = Now;
        var (updated, text) = verb switch
        {
            CardVerbs.ConsentKeep => (PersonSettings.KeepConsent(person, now), "Great — your daily prompts carry on."),
            CardVerbs.ConsentPauseWeek => (PersonSettings.PauseWeek(person, now), "Paused for a week, no questions asked."),
            _ => (PersonSettings.OptOut(person, now), "Stopped: I won't send you anything. Type “opt in” whenever you want to come back."),
        };
        var saved = await people.SaveAsync(updated, ct).ConfigureAwait(false);
        return new RouterResult([new TextOut($"{text} {PersonSettings.Describe(saved, now)}")],
            ReplaceCard: CommonCards.Acknowledged("routine.consent_check", text));
    }
}
