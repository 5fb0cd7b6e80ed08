using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.Core.GroupPractice;

/// <summary>A facilitated practice that ended scored: its stored header, each participant's part and name, and the
/// engine's final state.</summary>
public sealed record EndedGroupPractice(
    SessionRecord Header,
    IReadOnlyDictionary<string, PracticeRole> Roles,
    IReadOnlyDictionary<string, string> Names,
    SessionState State)
{
    public string AgentId => Roles.First(r => r.Value == PracticeRole.Agent).Key;

    public IEnumerable<string> ObserverIds => Roles.Where(r => r.Value == PracticeRole.Observer).Select(r => r.Key);

    public string NameOf(string userId) => Names.GetValueOrDefault(userId, userId);
}
