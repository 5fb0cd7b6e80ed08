namespace RolePlay.Core.Detection;

/// <summary>Plain words for a behaviour, as a coach says them in a debrief ("open question", not "open_question").</summary>
public static class BehaviourText
{
    public static string Describe(Behaviour single) => BehaviourNames.ToName(single).Replace('_', ' ');
}
