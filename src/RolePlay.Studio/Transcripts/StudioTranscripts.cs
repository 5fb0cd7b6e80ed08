using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;

namespace RolePlay.Studio.Transcripts;

/// <summary>The studio's own display of each person's chat, in memory (a ring per person): what the page shows and what
/// live updates carry. The practice itself — people, sessions, turns, reflections — is stored by Core as for every
/// channel, so a restart loses only this display, never a practice.</summary>
public sealed class StudioTranscripts(IOptions<StudioOptions> options)
{
    private readonly ConcurrentDictionary<PersonKey, StudioConversation> _conversations = new();
    private readonly int _capacity = Math.Max(10, options.Value.TranscriptCapacity);

    public StudioConversation For(PersonKey person) => _conversations.GetOrAdd(person, p => new StudioConversation(p, _capacity));

    /// <summary>The people of one tenant who have a studio page in this process, most recently active first.</summary>
    public IReadOnlyList<StudioConversation> Of(TenantScope tenant) =>
        _conversations.Values.Where(c => c.Person.Tenant == tenant).OrderByDescending(c => c.LastActivityUtc).ToList();
}
