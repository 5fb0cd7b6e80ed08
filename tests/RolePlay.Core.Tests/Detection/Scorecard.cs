using System.Globalization;
using System.Text;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Tests.Detection;

/// <summary>Per-label precision, recall and F1 of a detector over a set of labelled messages.</summary>
internal sealed class Scorecard
{
    private readonly Dictionary<Behaviour, (int Tp, int Fp, int Fn)> _counts = BehaviourNames.All.ToDictionary(b => b, _ => (0, 0, 0));

    public Scorecard(IBehaviourDetector detector, IEnumerable<LabelledMessage> messages)
    {
        foreach (var message in messages)
        {
            var expected = message.Expected;
            var actual = detector.Detect(message.Text, message.DetectionContext);
            foreach (var b in BehaviourNames.All)
            {
                bool e = (expected & b) != 0, a = (actual & b) != 0;
                var (tp, fp, fn) = _counts[b];
                _counts[b] = (tp + (e && a ? 1 : 0), fp + (!e && a ? 1 : 0), fn + (e && !a ? 1 : 0));
            }

            if (expected != actual)
            {
                Misses.Add($"{message.Id}: expected [{string.Join(",", BehaviourNames.ToNames(expected))}] got [{string.Join(",", BehaviourNames.ToNames(actual))}] {message.Text}");
            }
        }
    }

    public List<string> Misses { get; } = [];

    public double Precision(Behaviour b) => _counts[b] is var (tp, fp, _) && tp + fp == 0 ? 0 : (double)tp / (tp + fp);

    public double Recall(Behaviour b) => _counts[b] is var (tp, _, fn) && tp + fn == 0 ? 0 : (double)tp / (tp + fn);

    public double F1(Behaviour b)
    {
        var (p, r) = (Precision(b), Recall(b));
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double MacroF1 => BehaviourNames.All.Average(F1);

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"label",-14} {"P",6} {"R",6} {"F1",6} {"TP",4} {"FP",4} {"FN",4}");
        foreach (var b in BehaviourNames.All)
        {
            var (tp, fp, fn) = _counts[b];
            sb.AppendLine(CultureInfo.InvariantCulture, $"{BehaviourNames.ToName(b),-14} {Precision(b),6:0.000} {Recall(b),6:0.000} {F1(b),6:0.000} {tp,4} {fp,4} {fn,4}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"{"macro F1",-14} {MacroF1,20:0.000}");
        return sb.ToString();
    }
}
