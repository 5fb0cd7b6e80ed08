using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;

namespace RolePlay.Core.Scene;

/// <summary>Turns what the engine said into chat messages: the coach's lines together in one message, each customer
/// burst on its own (a patchy connection arrives in pieces), so a turn costs few sends against rate limits.</summary>
internal static class Replies
{
    /// <param name="persona">Who speaks (null when the content no longer holds them): chat text names them by their
    /// first name, and their network paces their typing.</param>
    public static List<Outgoing> From(IEnumerable<Utterance> utterances, Persona? persona)
    {
        var customerName = persona?.Name ?? "Customer";
        var network = persona?.Artifacts.Network ?? NetworkQuality.Good;
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
                var hesitates = u is { Manner: Manner.Quiet, Burst: 0 };
                messages.Add(new TextOut($"{customerName.Split(' ')[0]}: {u.Seen}")
                {
                    Customer = new CustomerLine(customerName, u.Seen) { Pause = TypingPause.Before(u.Seen, network, hesitates) },
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
