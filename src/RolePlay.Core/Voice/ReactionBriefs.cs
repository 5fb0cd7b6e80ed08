using RolePlay.Core.Content;

namespace RolePlay.Core.Voice;

/// <summary>The engine's reaction in words a model can play: what the customer does this turn, not what to say.</summary>
internal static class ReactionBriefs
{
    public static string For(Reaction? reaction) => reaction switch
    {
        Reaction.Opening => "You open the conversation: say why you are getting in touch.",
        Reaction.FeelingNamed => "The agent named how you feel, and it lands: you ease a little.",
        Reaction.OpensUp => "The agent asked about your side, so you tell a bit more.",
        Reaction.SummaryConfirmed => "The agent summed up your situation correctly: you confirm it.",
        Reaction.NextStepAccepted => "The agent offered a clear next step: you accept it.",
        Reaction.CollaborationWelcomed => "The agent asked what would work for you: you welcome being asked.",
        Reaction.BoundaryPushback => "The agent said no without care or an alternative: you push back.",
        Reaction.BoundaryAccepted => "The agent held a limit kindly and offered what they can do: you accept it, not happily.",
        Reaction.ExceptionPush => "You push for an exception to the rule.",
        Reaction.Blamed => "The agent's words blamed you: you are hurt and say so.",
        Reaction.Dismissed => "The agent brushed you off: you feel dismissed and say so.",
        Reaction.Unheard => "The agent did not answer what you said: you feel unheard.",
        Reaction.RepeatsFeeling => "Nobody has acknowledged how you feel yet: you say it again.",
        Reaction.OutageNoticed => "You notice something is down or not working.",
        Reaction.GoalSwap => "What you want from this contact changes.",
        Reaction.TimePressure => "You are running out of time and say so.",
        Reaction.Escalates => "You have had enough: you ask for this to go higher.",
        Reaction.Resolved => "Your problem is dealt with: you close the conversation.",
        Reaction.TimeUp => "You have to go now, and the problem is not settled.",
        Reaction.AnswersChoice => "The agent offered a choice: you pick one.",
        Reaction.AsksAboutChoice => "The agent offered a choice: you ask about it before choosing.",
        Reaction.CorrectsSummary => "The agent's summary got a detail wrong: you correct it.",
        Reaction.WantsSpecifics => "The agent promised something vague: you ask who will do it and when.",
        Reaction.PlanEcho => "You repeat back the plan to be sure.",
        Reaction.AsksJargon => "The agent used a term you do not know: you ask what it means.",
        Reaction.TooLong => "The agent's message was too long to take in: you say so.",
        Reaction.Repeated => "The agent said the same thing again: you notice.",
        Reaction.Canned => "The agent sounds scripted: you notice.",
        Reaction.OffTopic => "The agent's question is beside the point: you steer back to your problem.",
        Reaction.PlanHolds => "The plan still stands for you.",
        Reaction.OutageDisclosed => "The agent was honest about what is down: you appreciate it.",
        Reaction.NeedsTime => "You need a moment before going on.",
        Reaction.PlainThanks => "You thank the agent plainly.",
        Reaction.Tells => "You answer the question: you tell what was asked.",
        _ => "You answer the agent.",
    };
}
