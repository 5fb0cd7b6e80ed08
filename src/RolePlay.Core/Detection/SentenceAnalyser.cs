using RolePlay.Core.Detection.Rules;

namespace RolePlay.Core.Detection;

/// <summary>What one normalised sentence shows: its behaviours, plus the cues that only mean something in
/// sequence (a bare "I understand." followed by "Anything else?" is dismissive; each alone is not).</summary>
internal readonly record struct SentenceFindings(Behaviour Behaviours, bool IsBareAcknowledgement, bool IsRush);

internal static class SentenceAnalyser
{
    public static SentenceFindings Analyse(ReadOnlySpan<char> s)
    {
        var found = Behaviour.None;
        var dismissive = DismissiveRules.Matches(s);
        if (dismissive)
        {
            found |= Behaviour.Dismissive;
        }
        else
        {
            // Sarcastic sympathy and rhetorical questions ("sorry you feel that way", "what else do you want?",
            // "stay calm, ok?") share words with empathy, open questions and checks; in a dismissive sentence
            // those readings are wrong.
            if (EmpathyRules.Matches(s))
            {
                found |= Behaviour.Empathy;
            }

            if (OpenQuestionRules.Matches(s))
            {
                found |= Behaviour.OpenQuestion;
            }

            if (ConfirmationRules.Matches(s))
            {
                found |= Behaviour.Confirmation;
            }
        }

        if (SummaryRules.Matches(s))
        {
            found |= Behaviour.Summary;

            // "So you're saying the card works in shops but not online?" restates and checks it in one breath.
            if (s.EndsWith(" ?") && (found & (Behaviour.OpenQuestion | Behaviour.Dismissive)) == 0)
            {
                found |= Behaviour.Confirmation;
            }
        }

        if (NextStepRules.Matches(s))
        {
            found |= Behaviour.NextStep;
        }

        if (BoundaryRules.Matches(s))
        {
            found |= Behaviour.Boundary;
        }

        if (CollaborationRules.Matches(s))
        {
            found |= Behaviour.Collaboration;
        }

        if (BlameRules.Matches(s))
        {
            found |= Behaviour.Blame;
        }

        return new SentenceFindings(found, DismissiveRules.IsBareAcknowledgement(s), DismissiveRules.IsRush(s));
    }
}
