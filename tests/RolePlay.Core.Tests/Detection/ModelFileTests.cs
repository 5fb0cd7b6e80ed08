using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Core.Tests.Detection;

public sealed class ModelFileTests
{
    [Fact]
    public void A_saved_model_loads_with_its_fingerprint_and_reads_as_before()
    {
        var model = LearnedDetector.Train(LabelledSets.Shipped.Take(300));
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;

        var loaded = LearnedDetector.Load(file);

        Assert.Equal(model.Fingerprint, loaded.Fingerprint);
        Assert.All(LabelledSets.InSplit(LabelledMessage.Heldout).Take(100), m =>
            Assert.Equal(model.Detect(m.Text, m.DetectionContext), loaded.Detect(m.Text, m.DetectionContext)));
    }

    [Fact]
    public void Other_messages_give_another_fingerprint()
    {
        var some = LearnedDetector.Train(LabelledSets.Shipped.Take(50));
        var others = LearnedDetector.Train(LabelledSets.Shipped.Skip(1).Take(50));

        Assert.NotEqual(some.Fingerprint, others.Fingerprint);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void A_file_that_is_not_a_model_is_refused_clearly(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(bytes);
        }

        compressed.Position = 0;
        Assert.Throws<InvalidDataException>(() => LearnedDetector.Load(compressed));
    }
}
