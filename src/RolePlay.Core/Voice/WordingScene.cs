using RolePlay.Core.Content;
using RolePlay.Core.Practice;

namespace RolePlay.Core.Voice;

/// <summary>What a model may know to word one customer reply: the persona card, the scenario's goal, the mood and
/// facts the engine has released, and the conversation as the agent read it. <see cref="AgentNames"/> are the
/// agent's names and ids, which never leave: they are taken out of the agent's own messages.</summary>
public sealed record WordingScene(Persona Persona, Scenario Scenario, SessionState State, IReadOnlyList<string> AgentNames);
