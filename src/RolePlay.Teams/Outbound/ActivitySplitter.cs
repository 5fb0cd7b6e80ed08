using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using RolePlay.Teams.Protocol;

namespace RolePlay.Teams.Outbound;

/// <summary>Keeps each outgoing activity under Teams' channel-post budget (~28 KB): long text is cut at paragraph,
/// then sentence, then word boundaries; attachments travel in their own activity. An attachment that alone exceeds
/// the budget cannot be sent.</summary>
public static partial class ActivitySplitter
{
    public const int MaxActivityBytes = 28 * 1024;

    /// <summary>The activities to send in order, or null when an attachment alone is too large.</summary>
    public static IReadOnlyList<Activity>? Split(Activity activity, int maxBytes = MaxActivityBytes)
    {
        if (SizeOf(activity) <= maxBytes)
        {
            return [activity];
        }

        var result = new List<Activity>();
        if (activity.Attachments is { Count: > 0 })
        {
            var attachmentsOnly = CopyOf(activity, text: null);
            if (SizeOf(attachmentsOnly) > maxBytes)
            {
                return null;
            }

            if (!string.IsNullOrEmpty(activity.Text))
            {
                result.AddRange(SplitText(CopyOf(activity, activity.Text), maxBytes) ?? []);
            }

            result.Add(attachmentsOnly);
            return result;
        }

        return SplitText(activity, maxBytes);
    }

    public static int SizeOf(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJsonContext.Default.Activity).Length;

    private static List<Activity>? SplitText(Activity activity, int maxBytes)
    {
        var budget = maxBytes - SizeOf(CopyOf(activity, "")) - 16;
        if (budget <= 0)
        {
            return null;
        }

        return Chunk(activity.Text ?? "", budget).Select(chunk => CopyOf(activity, chunk)).ToList();
    }

    /// <summary>Packs boundary-cut pieces greedily into chunks whose JSON-encoded size fits <paramref name="budget"/>.</summary>
    internal static IEnumerable<string> Chunk(string text, int budget)
    {
        var current = new System.Text.StringBuilder();
        var currentSize = 0;
        foreach (var piece in Pieces(text, budget))
        {
            var size = EncodedSize(piece);
            if (currentSize + size > budget && current.Length > 0)
            {
                yield return current.ToString().Trim();
                current.Clear();
                currentSize = 0;
            }

            current.Append(piece);
            currentSize += size;
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    private static IEnumerable<string> Pieces(string text, int budget)
    {
        foreach (var paragraph in ParagraphEnd().Split(text))
        {
            if (EncodedSize(paragraph) <= budget)
            {
                yield return paragraph;
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(paragraph))
            {
                if (EncodedSize(sentence) <= budget)
                {
                    yield return sentence;
                    continue;
                }

                foreach (var word in WordEnd().Split(sentence))
                {
                    foreach (var part in EncodedSize(word) <= budget ? [word] : HardCut(word, budget))
                    {
                        yield return part;
                    }
                }
            }
        }
    }

    /// <summary>Cuts a single over-long word by characters, never inside a surrogate pair.</summary>
    private static IEnumerable<string> HardCut(string word, int budget)
    {
        var start = 0;
        while (start < word.Length)
        {
            var length = 0;
            var size = 0;
            while (start + length < word.Length)
            {
                var step = char.IsHighSurrogate(word[start + length]) && start + length + 1 < word.Length ? 2 : 1;
                var stepSize = EncodedSize(word.Substring(start + length, step));
                if (size + stepSize > budget && length > 0)
                {
                    break;
                }

                length += step;
                size += stepSize;
            }

            yield return word.Substring(start, length);
            start += length;
        }
    }

    private static int EncodedSize(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.Default).EncodedUtf8Bytes.Length;

    private static Activity CopyOf(Activity source, string? text) => new()
    {
        Type = source.Type,
        From = source.From,
        Recipient = source.Recipient,
        Conversation = source.Conversation,
        ChannelId = source.ChannelId,
        ServiceUrl = source.ServiceUrl,
        ReplyToId = source.ReplyToId,
        TextFormat = source.TextFormat,
        Locale = source.Locale,
        ChannelData = source.ChannelData,
        Entities = source.Entities,
        Text = text,
        Attachments = text is null ? source.Attachments : null,
    };

    // Each split keeps its delimiter at the end of the piece, so joining the pieces gives the text back.
    [GeneratedRegex(@"(?<=\n\s*\n)")]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"(?<=[.!?。！？]\s+)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=\s)")]
    private static partial Regex WordEnd();
}
