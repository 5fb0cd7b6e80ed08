using RolePlay.Core.Text;

namespace RolePlay.Core.Detection.Learned;

/// <summary>Turns a message into the sparse binary features the classifier reads, hashed into a fixed space: the
/// words, word pairs and triples of its normalised sentences (so "not your fault" differs from "your fault"),
/// letter groups inside words (so typos and "apologise/apologize" still meet), how each sentence opens and whether
/// it asks, and, with a conversation, how much of the message restates the customer.</summary>
internal static class MessageFeatures
{
    public const int Bits = 18;
    public const int Size = 1 << Bits;

    public static FeatureVector Of(string text, Behaviour rules, DetectionContext? context)
    {
        var features = new HashSet<int>();
        var sentences = SentenceSplitter.Spans(text);
        var words = 0;
        foreach (var (start, length) in sentences)
        {
            var tokens = TextNormaliser.Normalise(text.AsSpan(start, length)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            words += tokens.Length;
            AddSentence(features, tokens);
        }

        features.Add(Hash("words", Bucket(words, 3, 6, 12, 25, 50).ToString()));
        features.Add(Hash("sentences", Math.Min(sentences.Count, 4).ToString()));
        var specific = Words.Specific(text);
        features.Add(Hash("specific", Math.Min(specific.Count, 5).ToString()));
        AddContext(features, specific, rules, context);
        var result = features.ToArray();
        Array.Sort(result);
        return new FeatureVector(result, rules);
    }

    private static void AddSentence(HashSet<int> features, string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return;
        }

        var asks = tokens[^1] == "?";
        features.Add(Hash("open", tokens[0]));
        if (tokens.Length > 1)
        {
            features.Add(Hash("open2", tokens[0] + " " + tokens[1]));
        }

        if (asks)
        {
            features.Add(Hash("asks", tokens[0]));
            features.Add(Hash("asks2", tokens.Length > 1 ? tokens[0] + " " + tokens[1] : tokens[0]));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            features.Add(Hash("w", tokens[i]));
            if (i + 1 < tokens.Length)
            {
                features.Add(Hash("w2", tokens[i] + " " + tokens[i + 1]));
            }

            if (i + 2 < tokens.Length)
            {
                features.Add(Hash("w3", tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]));
            }

            AddLetterGroups(features, tokens[i]);
        }
    }

    private static void AddLetterGroups(HashSet<int> features, string token)
    {
        if (token.Length < 4)
        {
            return;
        }

        var padded = "<" + token + ">";
        for (var n = 3; n <= 4; n++)
        {
            for (var i = 0; i + n <= padded.Length; i++)
            {
                features.Add(Hash("c", padded.Substring(i, n)));
            }
        }
    }

    /// <summary>A summary has to restate what the customer said; how much of this message does is a feature of its
    /// own, alone and beside the rules' summary reading.</summary>
    private static void AddContext(HashSet<int> features, HashSet<string> specific, Behaviour rules, DetectionContext? context)
    {
        if (context is not { CustomerMessages.Count: > 0 })
        {
            return;
        }

        var theirs = SummaryGrounding.CustomerStems(context);
        var shared = specific.Count(theirs.Contains);
        var share = specific.Count == 0 ? 0 : shared * 4 / specific.Count;
        var summaryRule = (rules & Behaviour.Summary) != 0 ? "s" : "-";
        features.Add(Hash("context", "yes"));
        features.Add(Hash("shared", Math.Min(shared, 4).ToString()));
        features.Add(Hash("share", share.ToString()));
        features.Add(Hash("shared+rule", summaryRule + Math.Min(shared, 4)));
        features.Add(Hash("share+rule", summaryRule + share));
    }

    private static int Bucket(int value, params ReadOnlySpan<int> bounds)
    {
        for (var i = 0; i < bounds.Length; i++)
        {
            if (value <= bounds[i])
            {
                return i;
            }
        }

        return bounds.Length;
    }

    /// <summary>FNV-1a over the kind and the value: stable across processes and machines, unlike
    /// <see cref="string.GetHashCode()"/>, so the same text always lands in the same place.</summary>
    private static int Hash(string kind, string value)
    {
        var hash = 2166136261u;
        foreach (var c in kind)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash = (hash ^ '|') * 16777619u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & (Size - 1));
    }
}
