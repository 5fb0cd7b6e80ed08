using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Tests.Detection;

public sealed class DataSetHygieneTests
{
    private static IEnumerable<LabelledMessage> Everything => LabelledSets.Shipped.Concat(LabelledSets.ExternalSplit);

    [Fact]
    public void Holds_at_least_2500_messages_with_unique_ids()
    {
        var all = Everything.ToArray();
        Assert.True(all.Length >= 2500, $"only {all.Length} messages");
        Assert.Equal(all.Length, all.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Uses_known_labels_and_splits_only_and_no_blank_text()
    {
        Assert.All(LabelledSets.Shipped, m => Assert.Contains(m.Split, new[] { LabelledMessage.Train, LabelledMessage.Heldout }));
        Assert.All(LabelledSets.ExternalSplit, m => Assert.Equal(LabelledSets.External, m.Split));
        Assert.All(Everything, m =>
        {
            Assert.All(m.Labels, l => Assert.True(BehaviourNames.TryParse(l, out _), $"{m.Id}: unknown label {l}"));
            Assert.Equal(m.Labels.Count, m.Labels.Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(m.Text), m.Id);
            Assert.All(m.Context, c => Assert.False(string.IsNullOrWhiteSpace(c), $"{m.Id}: blank context message"));
        });
    }

    [Fact]
    public void Each_scored_split_holds_250_messages_with_15_positives_per_label_and_unlabelled_ones()
    {
        foreach (var split in new[] { LabelledSets.InSplit(LabelledMessage.Heldout).ToArray(), LabelledSets.ExternalSplit.ToArray() })
        {
            Assert.True(split.Length >= 250, $"{split[0].Split}: only {split.Length} messages");
            Assert.True(split.Count(m => m.Labels.Count == 0) >= 20, $"{split[0].Split}: fewer than 20 unlabelled messages");
            foreach (var b in BehaviourNames.All)
            {
                var name = BehaviourNames.ToName(b);
                var count = split.Count(m => m.Labels.Contains(name));
                Assert.True(count >= 15, $"{name}: only {count} positives in {split[0].Split}");
            }
        }
    }

    [Fact]
    public void Many_messages_carry_the_conversation_so_summaries_are_judged_against_it()
    {
        Assert.True(LabelledSets.InSplit(LabelledMessage.Train).Count(m => m.Context.Count > 0) >= 200);
        Assert.True(LabelledSets.ExternalSplit.Count(m => m.Context.Count > 0) >= 50);
    }

    [Fact]
    public void No_text_appears_in_two_splits()
    {
        static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var train = LabelledSets.InSplit(LabelledMessage.Train).Select(m => Key(m.Text)).ToHashSet();
        var heldout = LabelledSets.InSplit(LabelledMessage.Heldout).Select(m => Key(m.Text)).ToHashSet();
        Assert.DoesNotContain(heldout, train.Contains);
        Assert.DoesNotContain(LabelledSets.ExternalSplit, m => train.Contains(Key(m.Text)) || heldout.Contains(Key(m.Text)));
    }
}
