using Microsoft.Extensions.AI;
using RolePlay.Core.Storage;

namespace RolePlay.Core.Voice;

/// <summary>The chat clients a model voice may use: the shared endpoint (if configured) and teams' own, by name. A team
/// that chose an endpoint of its own is only ever sent to it: when it is gone, the rule voice answers.</summary>
public sealed class ModelVoiceEndpoints(IChatClient? shared, IReadOnlyDictionary<string, IChatClient> own)
{
    public static ModelVoiceEndpoints None { get; } = new(null, new Dictionary<string, IChatClient>());

    /// <summary>Whether a team can choose the model voice here at all.</summary>
    public bool Offered => shared is not null || own.Count > 0;

    public bool HasShared => shared is not null;

    public IEnumerable<string> OwnNames => own.Keys.Order(StringComparer.OrdinalIgnoreCase);

    public bool Has(string name) => own.ContainsKey(name);

    /// <summary>The client this team's customer speaks through, or null for the rule voice.</summary>
    public IChatClient? For(TeamRecord? team) => team switch
    {
        { Voice: VoiceKind.Model, VoiceEndpoint: { } name } => own.GetValueOrDefault(name),
        { Voice: VoiceKind.Model } => shared,
        _ => null,
    };
}
