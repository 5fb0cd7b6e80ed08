namespace RolePlay.Core.Text;

/// <summary>Plain word handling for reading a turn against the conversation: lower-case words, crude stems (so
/// "delivered" meets "delivery"), and the words that say nothing about this customer in particular.</summary>
internal static class Words
{
    /// <summary>Function words and the vocabulary every service message shares: a message made only of these
    /// says nothing about this customer's situation ("I hear you're upset, let me fix your problem").</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as",
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "have", "has", "had",
        "i", "me", "my", "mine", "we", "us", "our", "you", "your", "yours", "it", "its", "this", "that", "these",
        "those", "they", "them", "their", "he", "she", "him", "her", "his", "there", "here", "what", "which", "who",
        "whom", "how", "why", "when", "where", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "not", "no", "yes", "ok", "okay", "if", "then", "than", "just", "really", "very", "so", "too", "also",
        "all", "any", "some", "more", "most", "much", "many", "about", "up", "out", "into", "over", "again", "now",
        "get", "got", "make", "made", "let", "go", "going", "know", "see", "look", "looking", "sure", "right", "well",
        "thing", "things", "problem", "problems", "issue", "issues", "service", "services", "help", "helping",
        "happen", "happened", "happening", "situation", "experience", "matter", "sorry", "apologise", "apologize",
        "apologies", "please", "thank", "thanks", "understand", "understanding", "hear", "hearing", "feel",
        "feeling", "upset", "frustrating", "frustrated", "frustration", "annoying", "stressful", "difficult",
        "hard", "fix", "fixed", "sort", "sorted", "resolve", "resolved", "deal", "handle", "take", "care", "want",
        "need", "like", "prefer", "would", "summarise", "summarize", "summary", "recap", "so", "basically",
        "having", "get", "that", "must", "be", "one", "way", "ll", "m", "s", "re", "ve", "d", "t", "don", "can",
        "today", "now", "soon", "asap", "time", "sounds", "sound", "seems", "totally", "completely", "absolutely",
        "customer", "company", "team", "our", "end", "side", "case", "anything", "everything", "something",
        "nothing", "else", "said", "say", "tell", "told", "me", "mean", "good", "great", "fine", "best", "work",
        "works", "option", "options", "do", "got", "correct", "sense", "fair", "hi", "hello", "dear", "account",
        "accounts", "details", "information", "info", "request", "query", "question", "concern", "concerns",
        "stuff", "bit", "lot", "little", "moment", "minute", "day", "week", "able", "possible", "try", "again",
    };

    public static List<string> Of(string text)
    {
        var words = new List<string>(text.Length / 5 + 1);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '£' or '$' or '€');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    public static int Count(string text) => Of(text).Count;

    /// <summary>A crude stem: enough to let "delivered", "delivery" and "deliveries" meet.</summary>
    public static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ies", "ied", "ing", "ery", "ed", "es", "er", "ly", "y", "s"])
        {
            if (word.Length > suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }

    /// <summary>The stems of the words that are about this situation in particular.</summary>
    public static HashSet<string> Specific(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Of(text))
        {
            if (!Generic.Contains(word) && (word.Length > 2 || char.IsDigit(word[0])))
            {
                stems.Add(Stem(word));
            }
        }

        return stems;
    }

    /// <summary>Whether a topic word or phrase occurs in the text, by stems ("delivery" finds "delivered").</summary>
    public static bool Mentions(string text, string topic)
    {
        var textStems = Of(text).Select(Stem).ToArray();
        var topicStems = Of(topic).Select(Stem).ToArray();
        if (topicStems.Length == 0)
        {
            return false;
        }

        for (var i = 0; i + topicStems.Length <= textStems.Length; i++)
        {
            var all = true;
            for (var j = 0; j < topicStems.Length && all; j++)
            {
                all = textStems[i + j] == topicStems[j];
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Share of the words of <paramref name="a"/> and <paramref name="b"/> in common (Jaccard on word sets).</summary>
    public static double Overlap(string a, string b)
    {
        var left = Of(a).ToHashSet(StringComparer.Ordinal);
        var right = Of(b).ToHashSet(StringComparer.Ordinal);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }
}
