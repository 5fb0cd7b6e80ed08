namespace RolePlay.Core.Detection.Learned;

/// <summary>Logistic regression for one label over a message's hashed text features and the rules' labels,
/// trained by plain stochastic gradient descent in a seeded order: the same examples always give the same
/// weights.</summary>
internal sealed class LabelModel
{
    // Chosen by five-fold cross-validation on the messages written by others (train-a): enough passes for the
    // text features to correct the rules, a slow rule rate so the rules stay the backbone.
    private const int Epochs = 12;
    private const double LearningRate = 3.0;
    private const double L2 = 1e-5;
    private const double RuleRate = 0.1;

    private readonly float[] _weights;
    private readonly float[] _ruleWeights;
    private float _bias;

    private LabelModel()
        : this(new float[MessageFeatures.Size], new float[BehaviourNames.All.Count], 0)
    {
    }

    /// <summary>A model as <see cref="ModelFile"/> stored it.</summary>
    internal LabelModel(float[] weights, float[] ruleWeights, float bias)
    {
        _weights = weights;
        _ruleWeights = ruleWeights;
        _bias = bias;
    }

    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> RuleWeights => _ruleWeights;

    internal float Bias => _bias;

    /// <summary>The probability that the features show this label.</summary>
    public double Probability(FeatureVector features) => 1 / (1 + Math.Exp(-Logit(features)));

    private double Logit(FeatureVector features)
    {
        var scale = Scale(features.Hashed);
        double z = _bias;
        foreach (var f in features.Hashed)
        {
            z += _weights[f] * scale;
        }

        for (var j = 0; j < _ruleWeights.Length; j++)
        {
            if ((features.Rules & BehaviourNames.All[j]) != 0)
            {
                z += _ruleWeights[j];
            }
        }

        return z;
    }

    public static LabelModel Train(IReadOnlyList<FeatureVector> examples, IReadOnlyList<bool> positive, int seed)
    {
        var model = new LabelModel();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = LearningRate / (1 + epoch * 0.25);
            foreach (var i in order)
            {
                var features = examples[i];
                var error = (positive[i] ? 1 : 0) - model.Probability(features);
                var step = (float)(rate * error * Scale(features.Hashed));
                foreach (var f in features.Hashed)
                {
                    model._weights[f] += step - (float)(L2 * model._weights[f]);
                }

                for (var j = 0; j < model._ruleWeights.Length; j++)
                {
                    if ((features.Rules & BehaviourNames.All[j]) != 0)
                    {
                        model._ruleWeights[j] += (float)(rate * error * RuleRate);
                    }
                }

                model._bias += (float)(rate * error * 0.1);
            }
        }

        return model;
    }

    // Each message's text weighs the same however many features it has.
    private static float Scale(int[] features) => features.Length == 0 ? 0 : 1f / MathF.Sqrt(features.Length);
}
