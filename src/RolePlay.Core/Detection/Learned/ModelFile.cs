using System.IO.Compression;

namespace RolePlay.Core.Detection.Learned;

/// <summary>The trained detector as a file, so a host loads it instead of learning it at every start-up: the
/// fingerprint of what it learned from, the hashed features any label weighs (the same set for all, as every label
/// learns from every message), and per label its bias, rule weights and feature weights as half floats. Brotli
/// compressed; about 1.5 MB for the shipped model.</summary>
internal static class ModelFile
{
    private const int Magic = 0x4D4C5052; // "RPLM"
    private const int Version = 1;

    public static void Write(Stream stream, byte[] fingerprint, IReadOnlyList<LabelModel> models)
    {
        using var compressed = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(compressed);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(fingerprint.Length);
        writer.Write(fingerprint);
        writer.Write(MessageFeatures.Size);
        writer.Write(models.Count);

        var used = Enumerable.Range(0, MessageFeatures.Size).Where(f => models.Any(m => m.Weights[f] != 0)).ToArray();
        writer.Write(used.Length);
        var previous = -1;
        foreach (var feature in used)
        {
            writer.Write7BitEncodedInt(feature - previous);
            previous = feature;
        }

        foreach (var model in models)
        {
            writer.Write(model.Bias);
            writer.Write(model.RuleWeights.Length);
            foreach (var weight in model.RuleWeights)
            {
                writer.Write(weight);
            }

            foreach (var feature in used)
            {
                writer.Write((Half)model.Weights[feature]);
            }
        }
    }

    public static (byte[] Fingerprint, LabelModel[] Models) Read(Stream stream)
    {
        try
        {
            return ReadModels(stream);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the model file ends early", e);
        }
    }

    private static (byte[] Fingerprint, LabelModel[] Models) ReadModels(Stream stream)
    {
        using var decompressed = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(decompressed);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException("not a RolePlay detector model of this version");
        }

        var fingerprint = reader.ReadBytes(reader.ReadInt32());
        if (reader.ReadInt32() != MessageFeatures.Size || reader.ReadInt32() != BehaviourNames.All.Count)
        {
            throw new InvalidDataException("the model was trained for another feature space or label set");
        }

        var used = new int[reader.ReadInt32()];
        var previous = -1;
        for (var i = 0; i < used.Length; i++)
        {
            previous += reader.Read7BitEncodedInt();
            used[i] = previous;
        }

        var models = new LabelModel[BehaviourNames.All.Count];
        for (var m = 0; m < models.Length; m++)
        {
            var bias = reader.ReadSingle();
            var ruleWeights = new float[reader.ReadInt32()];
            if (ruleWeights.Length != BehaviourNames.All.Count)
            {
                throw new InvalidDataException("the model weighs another set of rule labels");
            }

            for (var j = 0; j < ruleWeights.Length; j++)
            {
                ruleWeights[j] = reader.ReadSingle();
            }

            var weights = new float[MessageFeatures.Size];
            foreach (var feature in used)
            {
                weights[feature] = (float)reader.ReadHalf();
            }

            models[m] = new LabelModel(weights, ruleWeights, bias);
        }

        return (fingerprint, models);
    }
}
