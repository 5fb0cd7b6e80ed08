using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Detection;

/// <summary>The rules' reading, weighed by a classifier learned from the shipped labelled messages: one logistic
/// regression per label over the message's words, letter groups and the rules' own findings, so wording the rules
/// never saw still counts and a rule that fires where the labellers disagreed is overruled. Trained at start-up,
/// offline and in a seeded order, so every host gets the same model. Evidence is the rules' phrase where they agree,
/// otherwise the sentence that scores highest for the label.</summary>
public sealed class LearnedDetector : IBehaviourDetector
{
    private const double Threshold = 0.5;

    private readonly RuleBasedDetector _rules = new();
    private readonly LabelModel[] _models;

    private static readonly Lazy<LearnedDetector> ShippedModel = new(TrainOnShippedMessages);

    private LearnedDetector(LabelModel[] models) => _models = models;

    /// <summary>The model learned once per process from the shipped messages; thread-safe to share.</summary>
    public static LearnedDetector Shipped => ShippedModel.Value;

    /// <summary>Learns from the train split of the labelled messages shipped in this assembly.</summary>
    public static LearnedDetector TrainOnShippedMessages() =>
        Train(LabelledMessages.Shipped().Where(m => m.Split == LabelledMessage.Train));

    internal static LearnedDetector Train(IEnumerable<LabelledMessage> examples)
    {
        var rules = new RuleBasedDetector();
        var list = examples.ToArray();
        var features = list.Select(m => MessageFeatures.Of(m.Text, rules.Detect(m.Text, m.DetectionContext), m.DetectionContext)).ToArray();
        var models = new LabelModel[BehaviourNames.All.Count];

        // Each label's model has its own seed and data, so training them side by side changes nothing in the result.
        Parallel.For(0, models.Length, i =>
        {
            var label = BehaviourNames.All[i];
            models[i] = LabelModel.Train(features, list.Select(m => (m.Expected & label) != 0).ToArray(), seed: 17 + i);
        });

        return new LearnedDetector(models);
    }

    public Behaviour Detect(string text, DetectionContext? context = null) => Read(text, context, evidence: null);

    public IReadOnlyList<BehaviourEvidence> Explain(string text, DetectionContext? context = null)
    {
        var evidence = new List<BehaviourEvidence>(2);
        Read(text, context, evidence);
        return evidence;
    }

    private Behaviour Read(string text, DetectionContext? context, List<BehaviourEvidence>? evidence)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > RuleBasedDetector.MaxMessageLength)
        {
            return Behaviour.None;
        }

        var ruled = _rules.Explain(text, context);
        var ruleSet = ruled.Aggregate(Behaviour.None, static (set, e) => set | e.Behaviour);
        var features = MessageFeatures.Of(text, ruleSet, context);
        var found = Behaviour.None;
        for (var i = 0; i < _models.Length; i++)
        {
            var label = BehaviourNames.All[i];
            if (_models[i].Probability(features) < Threshold)
            {
                continue;
            }

            var needsPhrase = evidence is not null || label == Behaviour.Summary;
            var phrase = needsPhrase ? RulePhrase(ruled, label) ?? BestSentence(text, i, context) : null;
            if (label == Behaviour.Summary && !SummaryGrounding.Holds(phrase!, context))
            {
                continue;
            }

            found |= label;
            evidence?.Add(new BehaviourEvidence(label, phrase!));
        }

        return found;
    }

    private static string? RulePhrase(IReadOnlyList<BehaviourEvidence> ruled, Behaviour label) =>
        ruled.FirstOrDefault(e => e.Behaviour == label)?.Phrase;

    /// <summary>The sentence of the message that on its own reads most like the label: the phrase a rubric quotes.</summary>
    private string BestSentence(string text, int model, DetectionContext? context)
    {
        var spans = SentenceSplitter.Spans(text);
        var best = (Score: double.MinValue, Start: 0, Length: text.Length);
        foreach (var (start, length) in spans)
        {
            var sentence = text.Substring(start, length);
            var score = _models[model].Probability(MessageFeatures.Of(sentence, _rules.Detect(sentence, context), context));
            if (score > best.Score)
            {
                best = (score, start, length);
            }
        }

        return text.Substring(best.Start, best.Length);
    }
}
