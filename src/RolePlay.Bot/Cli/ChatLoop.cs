using RolePlay.Core.Chat;
using RolePlay.Core.Practice;

namespace RolePlay.Bot.Cli;

/// <summary>Feeds agent lines and slash commands to a session and shows what comes back.</summary>
internal sealed class ChatLoop(PracticeSession session, TextReader input, TextWriter screen, TextWriter notices, bool interactive)
{
    private const string Help = "Commands: /pause, /resume, /stop (nothing is scored), /end (finish now and get the debrief), /help.";

    public void Run()
    {
        Show(session.Opening);
        if (interactive)
        {
            screen.WriteLine(Help);
        }

        while (!session.IsOver)
        {
            if (interactive)
            {
                screen.Write("you › ");
            }

            var line = input.ReadLine();
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('/'))
            {
                RunCommand(line);
            }
            else if (session.Outcome == SessionOutcome.Paused)
            {
                notices.WriteLine("The session is paused: /resume to continue, /stop to stop. That line was not sent.");
            }
            else if (MessageLimit.Refusal(line) is { } tooLong)
            {
                notices.WriteLine(tooLong);
            }
            else
            {
                if (!interactive)
                {
                    screen.WriteLine($"you › {line}");
                }

                Show(session.Respond(line).Replies);
            }
        }

        // Input ran out mid-scene: the learner is done, so the scene ends as it stands (a pause stays a pause).
        if (!session.IsOver && session.Outcome != SessionOutcome.Paused)
        {
            Show(session.End());
        }
    }

    private void RunCommand(string command)
    {
        switch (command.ToLowerInvariant())
        {
            case "/pause" when session.Outcome == SessionOutcome.Paused:
                notices.WriteLine(PracticeSession.AlreadyPaused);
                break;
            case "/pause":
                Show(session.Pause());
                break;
            case "/resume" when session.Outcome == SessionOutcome.Paused:
                Show(session.Resume());
                break;
            case "/resume":
                notices.WriteLine("The session is not paused.");
                break;
            case "/stop":
                Show(session.Stop());
                break;
            case "/end":
                Show(session.End());
                break;
            default:
                notices.WriteLine(Help);
                break;
        }
    }

    private void Show(IEnumerable<Utterance> utterances)
    {
        foreach (var utterance in utterances)
        {
            screen.WriteLine($"{SpeakerLabel(utterance.Speaker)} › {utterance.Seen}");
        }
    }

    private static string SpeakerLabel(Speaker speaker) => speaker switch
    {
        Speaker.Customer => "customer",
        Speaker.Coach => "coach",
        _ => "you",
    };
}
