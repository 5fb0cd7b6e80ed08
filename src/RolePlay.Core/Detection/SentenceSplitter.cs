namespace RolePlay.Core.Detection;

/// <summary>Cuts a message into sentences so each behaviour can be quoted with the exact sentence that showed it.
/// Chat text is loose, so a line break is a boundary too, and a full stop inside a number ("3.5") or a word
/// ("e.g", "example.com") is not.</summary>
internal static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/> as (start, length) spans, in order.</summary>
    public static List<(int Start, int Length)> Spans(string text)
    {
        var spans = new List<(int Start, int Length)>();
        Split(text, ref spans, static (ref List<(int Start, int Length)> list, int start, int length) => list.Add((start, length)));
        return spans;
    }

    /// <summary>Calls <paramref name="onSentence"/> for every non-blank sentence, trimmed, terminator included.</summary>
    public static void Split<TState>(string text, ref TState state, SentenceVisitor<TState> onSentence)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsBoundary(text, i))
            {
                // Keep runs like "?!" or "..." with the sentence they end.
                var end = i + 1;
                while (end < text.Length && IsTerminator(text[end]))
                {
                    end++;
                }

                Emit(text, start, end, ref state, onSentence);
                start = end;
                i = end;
                continue;
            }

            i++;
        }

        Emit(text, start, text.Length, ref state, onSentence);
    }

    private static void Emit<TState>(string text, int start, int end, ref TState state, SentenceVisitor<TState> onSentence)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            onSentence(ref state, start, end - start);
        }
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or ';';

    private static bool IsBoundary(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r' or '!' or '?' or '…' or ';')
        {
            return true;
        }

        if (c != '.')
        {
            return false;
        }

        // A full stop ends a sentence only when followed by space, the end, or more punctuation.
        return i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || IsTerminator(text[i + 1]) || text[i + 1] is '"' or '\'' or ')';
    }
}

internal delegate void SentenceVisitor<TState>(ref TState state, int start, int length);
