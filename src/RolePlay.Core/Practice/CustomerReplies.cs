using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>A customer reply in the transcript: the bursts one reaction was said in, from its first (burst 0), and the
/// manner it is written in.</summary>
public readonly record struct CustomerReply(int First, int Bursts, Reaction? Reaction, Manner? Manner = null);

/// <summary>Finds the customer's replies among transcript lines, for a voice that words a reply whole.</summary>
public static class CustomerReplies
{
    /// <summary>The replies that start at or after <paramref name="from"/>.</summary>
    public static IEnumerable<CustomerReply> From(IReadOnlyList<Utterance> transcript, int from)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        for (var i = Math.Max(0, from); i < transcript.Count; i++)
        {
            if (transcript[i] is { Speaker: Speaker.Customer, Burst: 0 } line)
            {
                yield return new CustomerReply(i, Length(transcript, i), line.Reaction, line.Manner);
            }
        }
    }

    /// <summary>How many bursts the reply starting at <paramref name="first"/> has.</summary>
    public static int Length(IReadOnlyList<Utterance> transcript, int first)
    {
        var end = first + 1;
        while (end < transcript.Count && transcript[end] is { Speaker: Speaker.Customer, Burst: > 0 })
        {
            end++;
        }

        return end - first;
    }
}
