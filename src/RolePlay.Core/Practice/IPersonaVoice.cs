using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>Turns what the engine decided (reaction, mood, fact) into what the customer types. The engine owns the
/// decisions; a voice owns only the words, so a language-model voice can replace the line banks without touching
/// the engine. Returns one or more customer utterances (bursts on a bad connection).</summary>
public interface IPersonaVoice
{
    IReadOnlyList<string> Speak(VoiceRequest request);
}

/// <summary>Everything a voice may use. <see cref="UsedLines"/> is the session's record of lines already said: a
/// voice must not repeat them and must add each line it uses. <see cref="Script"/>, when set, is the exact line to
/// say (a scenario event or a facilitator's words), still delivered in the persona's way.
/// <see cref="Salt"/> tells apart several lines spoken in the same turn, so each gets its own random choice.
/// <see cref="Told"/> are the customer's own words for what they tell this turn (one is said, after the reaction's
/// line, or alone for <see cref="Reaction.Tells"/>); <see cref="Slots"/> fill the placeholders of the banks that
/// take them ({choice}, {said}, {wrong}, {when}, {term}); <see cref="PriorLines"/> were heard in earlier sessions.</summary>
public sealed record VoiceRequest(
    Persona Persona,
    Reaction Reaction,
    Mood Mood,
    int Seed,
    int Turn,
    ISet<string> UsedLines,
    HiddenFact? Fact = null,
    string? Goal = null,
    string? Script = null,
    int Salt = 0)
{
    public IReadOnlyList<string>? Told { get; init; }
    public IReadOnlyDictionary<string, string>? Slots { get; init; }
    public IReadOnlyList<string>? PriorLines { get; init; }
}
