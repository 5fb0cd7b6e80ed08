using RolePlay.Core.Chat;
using RolePlay.Core.Practice;

namespace RolePlay.Core.Scene;

/// <summary>Turns what the engine said into chat messages: the coach's lines together in one message, each customer
/// burst on its own (a patchy connection arrives in pieces), so a turn costs few sends against rate limits.</summary>
internal static class Replies
{
    /// <param name="customerName">The persona's full name; chat text names them by their first.</param>
    public static List<Outgoing> From(IEnumerable<Utterance> utterances, string customerName)
    {
        var messages = new List<Outgoing>();
        var coach = new List<string>();
        foreach (var u in utterances)
        {
            if (u.Speaker == Speaker.Coach)
            {
                coach.Add(u.Text);
                continue;
            }

            Flush(coach, messages);
            // A burst a model voice's words went before has nothing of its own to say.
            if (u is { Speaker: Speaker.Customer, Seen.Length: > 0 })
            {
                messages.Add(new TextOut($"{customerName.Split(' ')[0]}: {u.Seen}") 
                {
                    Customer = new CustomerLine(customerName, u.Seen) { Hesitates = u is { Manner: Manner.Quiet, Burst: 0 } },
                });
            }
        }

        Flush(coach, messages);
        return messages;
    }

    private static void Flush(List<string> coach, List<Outgoing> messages)
    {
        if (coach.Count > 0)
        {
            messages.Add(new TextOut("Coach: " + string.Join("\n", coach)));
            coach.Clear();
        }
    }
}
