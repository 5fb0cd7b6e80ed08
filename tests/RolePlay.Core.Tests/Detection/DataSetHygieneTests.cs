using RolePlay.Core.Detection;

namespace RolePlay.Core.Tests.Detection;

public sealed class DataSetHygieneTests
{
    [Fact]
    public void Has_at_least_400_messages_with_unique_ids()
    {
        Assert.True(LabelledMessages.All.Count >= 400, $"only {LabelledMessages.All.Count} messages");
        Assert.Equal(LabelledMessages.All.Count, LabelledMessages.All.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public void Uses_known_labels_and_splits_only_and_no_blank_text()
    {
        Assert.All(LabelledMessages.All, m =>
        {
            Assert.All(m.Labels, l => Assert.True(BehaviourNames.TryParse(l, out _), $"{m.Id}: unknown label {l}"));
            Assert.Equal(m.Labels.Count, m.Labels.Distinct().Count());
            Assert.Contains(m.Split, new[] { LabelledMessages.Train, LabelledMessages.Heldout });
            Assert.False(string.IsNullOrWhiteSpace(m.Text), m.Id);
        });
    }

    [Fact]
    public void Heldout_is_a_quarter_to_a_third_of_the_set()
    {
        var share = (double)LabelledMessages.InSplit(LabelledMessages.Heldout).Count() / LabelledMessages.All.Count;
        Assert.InRange(share, 0.25, 0.33);
    }

    [Fact]
    public void Every_label_has_40_examples_overall_and_12_in_each_split()
    {
        foreach (var b in BehaviourNames.All)
        {
            var name = BehaviourNames.ToName(b);
            Assert.True(LabelledMessages.All.Count(m => m.Labels.Contains(name)) >= 40, $"{name}: fewer than 40 positives");
            foreach (var split in new[] { LabelledMessages.Train, LabelledMessages.Heldout })
            {
                var count = LabelledMessages.InSplit(split).Count(m => m.Labels.Contains(name));
                Assert.True(count >= 12, $"{name}: only {count} positives in {split}");
            }
        }
    }

    [Fact]
    public void Has_unlabelled_messages_in_both_splits()
    {
        Assert.True(LabelledMessages.InSplit(LabelledMessages.Train).Count(m => m.Labels.Count == 0) >= 20);
        Assert.True(LabelledMessages.InSplit(LabelledMessages.Heldout).Count(m => m.Labels.Count == 0) >= 20);
    }

    [Fact]
    public void No_text_appears_in_both_splits()
    {
        static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var train = LabelledMessages.InSplit(LabelledMessages.Train).Select(m => Key(m.Text)).ToHashSet();
        var leaked = LabelledMessages.InSplit(LabelledMessages.Heldout).Where(m => train.Contains(Key(m.Text))).ToArray();
        Assert.Empty(leaked);
    }
}
