namespace RolePlay.Core.Routines;

/// <summary>The standup openers: 60-second reflections answered in the thread. One a day, rotating by date, so every
/// host picks the same one and a team meets each before any repeats.</summary>
public static class StandupPrompts
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Name the customer's day in one adjective.",
        "Which feeling did you hear most from customers yesterday? One word is enough.",
        "Share one question that opened a customer up.",
        "What's one thing a customer could not change, and how did you say so kindly?",
        "Finish the sentence: “It sounds like you…” with something a customer told you.",
        "Which customer would you like to call back today, and why?",
        "Name one moment you slowed down for a customer. What happened next?",
        "What did a customer need that wasn't in their words?",
        "One phrase you'd like to try on a call today?",
        "Which of our service values showed up in your last call?",
        "What's one thing you'll confirm back to a customer before you hang up today?",
        "Whose empathy impressed you this week? Tag them.",
    ];

    public static string For(DateOnly localDate) => All[localDate.DayNumber % All.Count];
}
