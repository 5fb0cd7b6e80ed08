using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>Plain lines for the banks a persona may leave out (the ones added after the first edition), so a team's
/// older persona still answers every act. Each is short enough for a customer on a bad connection.</summary>
internal static class FallbackLines
{
    private static readonly Dictionary<Reaction, string[]> Lines = new()
    {
        [Reaction.AnswersChoice] = ["{choice}, please.", "I'll go with {choice}.", "{choice}, I think."],
        [Reaction.AsksAboutChoice] = ["What's the difference between them?", "Which one is quicker?", "Which would you do?"],
        [Reaction.CorrectsSummary] = ["No, {said}, not {wrong}.", "Not quite: {said}, not {wrong}.", "{said}. Not {wrong}."],
        [Reaction.WantsSpecifics] = ["When, though? And who gets back to me?", "Look into it how? By when?", "Who, and by when?"],
        [Reaction.PlanEcho] = ["So {when}. Okay.", "{when}, then. I'll hold you to that.", "Okay, {when}."],
        [Reaction.AsksJargon] = ["Sorry, what does {term} mean?", "What's {term}?", "{term}? In plain words?"],
        [Reaction.TooLong] = ["That's a lot. What do I do first?", "Can you say that shorter?", "Sorry, too much at once."],
        [Reaction.Repeated] = ["You said that already.", "You've just said that.", "Same again?"],
        [Reaction.Canned] = ["You keep saying that.", "Okay, but what happens now?", "Saying it again won't fix it."],
        [Reaction.OffTopic] = ["What has that got to do with it?", "Why are you asking me that?", "Can we stick to my problem?"],
        [Reaction.PlanHolds] = ["Okay. Anything else you need from me?", "Fine, we're agreed then.", "Good. I'll wait for it."],
        [Reaction.OutageDisclosed] = ["Thanks for being straight with me.", "Okay, at least I know now.", "Right. Good to know."],
        [Reaction.NeedsTime] = ["Slow down, please. One thing at a time.", "Hang on, not so fast.", "One step at a time, please."],
        [Reaction.PlainThanks] = ["Thank you, that's clear.", "Okay, I can follow that.", "Right, that makes sense."],
    };

    public static IReadOnlyList<string> For(Reaction reaction) => Lines.TryGetValue(reaction, out var lines) ? lines : [];
}
