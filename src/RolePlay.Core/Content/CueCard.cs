namespace RolePlay.Core.Content;

/// <summary>A coach's or facilitator's nudge ("name the feeling now"). <see cref="Trigger"/> says which missed
/// moment the coach shows it for; facilitators may inject any card. <see cref="Translations"/> are its text in other
/// languages by ISO 639-1 code ("es"), for the printed strips; the coach speaks <see cref="Text"/>.</summary>
public sealed record CueCard(string Id, string Text, CueTrigger Trigger, string Source = "")
{
    /// <summary>The language <see cref="Text"/> is written in.</summary>
    public const string OwnLanguage = "en";

    public IReadOnlyDictionary<string, string> Translations { get; init; } = new Dictionary<string, string>();

    /// <summary>The text in <paramref name="language"/>, or the card's own where it has no translation.</summary>
    public string TextIn(string? language) =>
        language is not null && Translations.TryGetValue(language, out var translated) ? translated : Text;
}

/// <summary>YAML: feeling_unnamed, no_open_question, blame, dismissive, no_next_step, not_listening (a repeat or a
/// checklist that answered nothing), none (facilitator only).</summary>
public enum CueTrigger { None, FeelingUnnamed, NoOpenQuestion, Blame, Dismissive, NoNextStep, NotListening }

/// <summary>A one-line warm-up ("name the customer's day in one adjective").</summary>
public sealed record WarmUp(string Id, string Prompt, string Source = "");

/// <summary>Everything loaded and validated: shipped packs plus any directory a team configures.</summary>
public sealed record ContentCatalog(
    IReadOnlyDictionary<string, Persona> Personas,
    IReadOnlyDictionary<string, Scenario> Scenarios,
    IReadOnlyDictionary<string, CueCard> CueCards,
    IReadOnlyDictionary<string, WarmUp> WarmUps,
    IReadOnlyDictionary<string, PeerChecklist> Checklists);
