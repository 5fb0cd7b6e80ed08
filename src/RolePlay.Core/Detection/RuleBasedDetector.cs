using System.Buffers;

namespace RolePlay.Core.Detection;

/// <summary>The embedded, offline detector: each sentence is normalised (<see cref="TextNormaliser"/>) and read by
/// one rule set per behaviour (lexicons and source-generated regular expressions, see <c>Rules/</c>). Stateless,
/// so one instance can serve every thread.</summary>
public sealed class RuleBasedDetector : IBehaviourDetector
{
    /// <summary>Longer input is not one chat turn (Slack caps a message at 40,000 characters), so it shows nothing;
    /// the cap also bounds the work a hostile input can cause.</summary>
    public const int MaxMessageLength = 40_000;

    private const int StackBufferLength = 2048;

    public Behaviour Detect(string text, DetectionContext? context = null)
    {
        var state = new MessageState(text, evidence: null);
        return Analyse(ref state, context);
    }

    public IReadOnlyList<BehaviourEvidence> Explain(string text, DetectionContext? context = null)
    {
        var state = new MessageState(text, new List<BehaviourEvidence>(2));
        Analyse(ref state, context);
        var evidence = state.Evidence!;
        evidence.Sort(static (a, b) => a.Behaviour.CompareTo(b.Behaviour)); // flag order is the canonical order
        return evidence;
    }

    private static Behaviour Analyse(ref MessageState state, DetectionContext? context)
    {
        if (string.IsNullOrWhiteSpace(state.Text) || state.Text.Length > MaxMessageLength)
        {
            return Behaviour.None;
        }

        SentenceSplitter.Split(state.Text, ref state, VisitSentence);
        if ((state.Found & Behaviour.Summary) != 0 && !SummaryGrounding.Holds(state.SummaryPhrase!, context))
        {
            state.Found &= ~Behaviour.Summary;
            state.Evidence?.RemoveAll(static e => e.Behaviour == Behaviour.Summary);
        }

        return state.Found;
    }

    private static void VisitSentence(ref MessageState state, int start, int length)
    {
        var sentence = state.Text.AsSpan(start, length);
        var needed = TextNormaliser.MaxOutputLength(length);
        char[]? rented = null;
        var buffer = needed <= StackBufferLength
            ? stackalloc char[StackBufferLength]
            : (rented = ArrayPool<char>.Shared.Rent(needed));
        try
        {
            var normalised = buffer[..TextNormaliser.Normalise(sentence, buffer)];
            var findings = SentenceAnalyser.Analyse(normalised);
            state.Record(findings.Behaviours, start, length);

            if (findings.IsRush && state.BareAcknowledgementStart is { } ackStart)
            {
                // "I understand." then "Anything else?": the acknowledgement was a formality to move the customer on.
                state.Record(Behaviour.Dismissive, ackStart, start + length - ackStart);
            }

            if (findings.IsBareAcknowledgement)
            {
                state.BareAcknowledgementStart ??= start;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private struct MessageState(string text, List<BehaviourEvidence>? evidence)
    {
        public readonly string Text = text;
        public readonly List<BehaviourEvidence>? Evidence = evidence;
        public Behaviour Found;
        public int? BareAcknowledgementStart;
        public string? SummaryPhrase;

        /// <summary>Adds behaviours; each keeps the first phrase that showed it as its evidence.</summary>
        public void Record(Behaviour behaviours, int start, int length)
        {
            var fresh = behaviours & ~Found;
            if (fresh == Behaviour.None)
            {
                return;
            }

            Found |= fresh;
            if ((fresh & Behaviour.Summary) != 0)
            {
                SummaryPhrase = Text.Substring(start, length);
            }

            if (Evidence is null)
            {
                return;
            }

            var phrase = Text.Substring(start, length);
            foreach (var single in BehaviourNames.All)
            {
                if ((fresh & single) != 0)
                {
                    Evidence.Add(new BehaviourEvidence(single, phrase));
                }
            }
        }
    }
}
