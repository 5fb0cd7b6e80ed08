namespace RolePlay.LearningRecords;

/// <summary>The IRIs RolePlay's statements use: ADL's registry where it has the word (attempted, completed, passed,
/// failed, voided, simulation), RolePlay's own IRI space (<see cref="Base"/>) for what it does not (a commitment, a
/// check-in on it, a persona, a rubric criterion). The IRIs are identifiers an LRS reports by, so they never change;
/// docs/learning-records.md lists them.</summary>
public static class XapiVocabulary
{
    public const string Base = "https://roleplay.example.com/xapi/";

    public const string Attempted = "http://adlnet.gov/expapi/verbs/attempted";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Voided = "http://adlnet.gov/expapi/verbs/voided";
    public const string Committed = Base + "verbs/committed";
    public const string CheckedIn = Base + "verbs/checked-in";
    public const string Recognized = Base + "verbs/recognized";
    public const string Reviewed = Base + "verbs/reviewed";
    public const string FoundHelpful = Base + "verbs/found-helpful";

    public const string Simulation = "http://adlnet.gov/expapi/activities/simulation";
    public const string PersonaType = Base + "activity-types/persona";
    public const string CommitmentType = Base + "activity-types/commitment";

    /// <summary>The buddy's role in a check-in (xAPI 2.0 contextAgents' relevantTypes).</summary>
    public const string BuddyRole = Base + "roles/buddy";

    public const string Behaviour = Base + "extensions/behaviour";
    public const string Intensity = Base + "extensions/intensity";
    public const string Outcome = Base + "extensions/outcome";
    public const string SuccessCriteria = Base + "extensions/success-criteria";
    public const string ReportedBy = Base + "extensions/reported-by";
    public const string RecognitionKind = Base + "extensions/recognition-kind";
    public const string PostKind = Base + "extensions/post-kind";
    public const string Platform = Base + "extensions/platform";
    public const string PeerAnswers = Base + "extensions/peer-answers";
    public const string RubricAnswers = Base + "extensions/rubric-answers";
    public const string ReviewSource = Base + "extensions/review-source";
    public const string Checklist = Base + "extensions/checklist";

    public static string Criterion(string wireName) => Base + "extensions/rubric/" + wireName;

    public static string Scenario(string id) => Base + "scenarios/" + Uri.EscapeDataString(id);

    public static string Persona(string id) => Base + "personas/" + Uri.EscapeDataString(id);

    public static string Commitment(string id) => Base + "commitments/" + Uri.EscapeDataString(id);
}
