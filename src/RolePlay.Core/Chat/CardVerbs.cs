using RolePlay.Core.Practice;

namespace RolePlay.Core.Chat;

/// <summary>The verbs card actions carry back to the router, and the ids of the inputs they read.</summary>
public static class CardVerbs
{
    public const string OptIn = "consent.opt_in";
    public const string OptOut = "consent.opt_out";
    public const string PickScenario = "practice.pick";
    public const string Start = "practice.start";
    public const string Pause = "practice.pause";
    public const string Resume = "practice.resume";
    public const string Stop = "practice.stop";
    public const string End = "practice.end";
    public const string DebriefFeelings = "debrief.feelings";
    public const string DebriefCommit = "debrief.commit";
    public const string OpenSettings = "settings.open";
    public const string SaveSettings = "settings.save";
    public const string LogPhrase = "phrase.log";
    public const string CheckIn = "checkin.answer";
    public const string ConsentKeep = "consent.keep";
    public const string ConsentPauseWeek = "consent.pause_week";
    public const string ConsentStop = "consent.stop";
    public const string ReviewInvite = "review.invite";
    public const string ReviewOpen = "review.open";
    public const string ReviewSubmit = "review.submit";
    public const string ReviewHelpful = "review.helpful";
    public const string ShareWithdraw = "share.withdraw";

    public static class Inputs
    {
        public const string Scenario = "scenario";
        public const string Intensity = "intensity";
        public const string Session = "session";
        public const string FeelingRating = "feeling_rating";
        public const string FeelingWords = "feeling_words";
        public const string Commitment = "commitment";
        /// <summary>A suggested commitment taken with one tap, when the learner wrote none of their own.</summary>
        public const string SuggestedCommitment = "suggested_commitment";
        public const string PromptTime = "prompt_time";
        public const string Days = "days";
        public const string PauseUntil = "pause_until";
        public const string TimeZone = "time_zone";
        public const string Phrase = "phrase";
        public const string Learner = "learner";
        public const string CommitmentId = "commitment_id";
        public const string CheckInOutcome = "checkin_outcome";
        public const string CheckInNote = "checkin_note";
        public const string Team = "team";
        public const string Request = "request";
        public const string Review = "review";
        public const string Week = "week";
        /// <summary>A checklist behaviour's answer is submitted as this prefix and the behaviour's id.</summary>
        public const string ChecklistPrefix = "pc_";
        public const string Landed = "pc_landed";
        public const string TryNext = "pc_next";
    }
}
