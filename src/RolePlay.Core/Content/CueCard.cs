namespace RolePlay.Core.Content;

/// <summary>A coach's or facilitator's nudge ("name the feeling now"). <see cref="Trigger"/> says which missed
/// moment the coach shows it for; facilitators may inject any card.</summary>
public sealed record CueCard(string Id, string Text, CueTrigger Trigger, string Source = "");

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
