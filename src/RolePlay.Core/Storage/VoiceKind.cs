using System.Text.Json.Serialization;

namespace RolePlay.Core.Storage;

/// <summary>Whose words the customer speaks in a team's practices. The engine decides every turn either way.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoiceKind>))]
public enum VoiceKind
{
    /// <summary>The embedded line banks: offline, deterministic, the default.</summary>
    Rule,

    /// <summary>A language model words the engine's decision in the persona's style; the rule line stands in whenever
    /// the model fails, is slow or its words fail the guards.</summary>
    Model,
}
