using System.Text.Json.Serialization;

namespace RolePlay.Core.Practice;

/// <summary>How the customer writes one reply, decided by the engine from the persona and their mood
/// (<see cref="MannerRules"/>) and shown by <see cref="MannerStyle"/>: plain; terse (lowercase, little punctuation)
/// when frustrated; raised (a word or two in capitals, "!!" or "??") near escalation; quiet (a trailing-off "...",
/// and a longer pause where the channel paces) when withdrawing; warm (their own words of relief first) when things
/// ease.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Manner>))]
public enum Manner { Plain, Terse, Raised, Quiet, Warm }
