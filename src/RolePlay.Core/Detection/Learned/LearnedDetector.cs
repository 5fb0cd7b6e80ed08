using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Detection.Learned;

/// <summary>The rules' reading, weighed by a classifier learned from the shipped labelled messages: one logistic
/// regression per label over the message's words, letter groups and the rules' own findings, so wording the rules
/// never saw still counts and a rule that fires where the labellers disagreed is overruled. Learned offline in a
/// seeded order, so the same messages always give the same model; hosts load the one shipped in the assembly
/// (<c>roleplay detect train</c> writes it), which a test holds to what the shipped messages and rules train.
/// Evidence is the rules' phrase where they agree, otherwise the sentence that scores highest for the label.</summary>
public sealed class LearnedDetector : IBehaviourDetector
{
    // On words by writers it never learned from, the model errs by missing, not by over-reading (precision above
    // recall on every label): chosen by leaving each of five independent writers out in turn (0.865 vs 0.860 at 0.5).
    private const double Threshold = 0.4;
    private const string ShippedResource = "detection/model.bin";

    private readonly RuleBasedDetector _rules = new();
    private readonly LabelModel[] _models;

    private static readonly Lazy<LearnedDetector> ShippedModel = new(LoadShipped);

    private LearnedDetector(LabelModel[] models, byte[] fingerprint)
    {
        _models = models;
        Fingerprint = fingerprint;
    }

    /// <summary>The model shipped in this assembly, loaded once per process; thread-safe to share.</summary>
    public static LearnedDetector Shipped => ShippedModel.Value;

    /// <summary>What the model learned from: the train messages, their labels and the rules' reading of each.</summary>
    internal byte[] Fingerprint { get; }

    /// <summary>Learns from the train split of the labelled messages shipped in this assembly.</summary>
    public static LearnedDetector TrainOnShippedMessages() =>
        Train(LabelledMessages.Shipped().Where(m => m.Split == LabelledMessage.Train));

    internal static LearnedDetector Train(IEnumerable<LabelledMessage> examples)
    {
        var rules = new RuleBasedDetector();
        var list = examples.ToArray();
        var ruled = list.AsParallel().AsOrdered().Select(m => rules.Detect(m.Text, m.DetectionContext)).ToArray();
        var features = list.Select((m, i) => MessageFeatures.Of(m.Text, ruled[i], m.DetectionContext)).ToArray();
        var models = new LabelModel[BehaviourNames.All.Count];

        // Each label's model has its own seed and data, so training them side by side changes nothing in the result.
        Parallel.For(0, models.Length, i =>
        {
            var label = BehaviourNames.All[i];
            models[i] = LabelModel.Train(features, list.Select(m => (m.Expected & label) != 0).ToArray(), seed: 17 + i);
        });

        return new LearnedDetector(models, ModelFingerprint.Of(list, ruled));
    }

    /// <summary>Writes the model in the form <see cref="Shipped"/> loads.</summary>
    public void Save(Stream stream) => ModelFile.Write(stream, Fingerprint, _models);

    internal static LearnedDetector Load(Stream stream)
    {
        var (fingerprint, models) = ModelFile.Read(stream);
        return new LearnedDetector(models, fingerprint);
    }

    private static LearnedDetector LoadShipped()
    {
        using var stream = typeof(LearnedDetector).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"embedded resource {ShippedResource} is missing");
        return Load(stream);
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
