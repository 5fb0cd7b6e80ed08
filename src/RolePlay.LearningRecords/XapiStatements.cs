using System.Globalization;
using System.Text.Json.Nodes;
using RolePlay.Core;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;

namespace RolePlay.LearningRecords;

/// <summary>The xAPI statements of one tenant's learning records, shaped after xAPI 1.0.3 (and 2.0, where it differs:
/// <c>version</c>, the buddy in <c>contextAgents</c>). People are <c>account</c> actors (the tenant's home page and
/// the platform's user id), never an email, unless the team mapped them to its LMS's actors (<paramref name="mapped"/>).
/// Every id is derived from what the statement records.</summary>
public sealed class XapiStatements(LrsTenantOptions lrs, ContentCatalog catalog, IReadOnlyList<LmsActor>? mapped = null)
{
    private const string Language = "en-US";

    /// <summary>The account name RolePlay acts under when no person does (voiding what a forgotten person did).</summary>
    public const string RolePlayActor = "roleplay";

    private bool IsV2 => lrs.Version == "2.0.0";

    /// <summary>Statements as the store keeps them: by their id, when they happened (their timestamp) and their place
    /// among these, naming <paramref name="named"/>.</summary>
    public IReadOnlyList<QueuedStatement> Queued(IReadOnlyList<PersonKey> named, IReadOnlyList<JsonObject> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return [.. statements.Select((s, i) => new QueuedStatement(lrs.Tenant, s["id"]!.GetValue<string>(), named, s.ToJsonString(),
            DateTimeOffset.Parse(s["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture), i))];
    }

    /// <summary>The practice attempted, as of its start.</summary>
    public JsonObject Attempted(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Statement($"attempted|{Key(session.Person)}|{session.SessionId}", session.Person, XapiVocabulary.Attempted, "attempted",
            ScenarioActivity(session.ScenarioId), session.StartedUtc, result: null, PracticeContext(session, ended: false));
    }

    /// <summary>Attempted (as of its start: already kept unless a crash cut in), completed with the rubric, then passed
    /// or failed against the scenario's success criteria (when it declares any).</summary>
    public IReadOnlyList<JsonObject> Practice(SessionRecord session, PracticeReport report)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        var person = session.Person;
        var name = $"{Key(person)}|{session.SessionId}";
        var ended = session.EndedUtc ?? throw new ArgumentException("A scored session has ended.", nameof(session));
        var score = Score(report.Rubric);
        var statements = new List<JsonObject> { Attempted(session) };

        var completed = new JsonObject
        {
            ["score"] = score,
            ["completion"] = true,
            ["duration"] = Duration(ended - session.StartedUtc),
            ["extensions"] = Criteria(report.Rubric),
        };
        statements.Add(Statement($"completed|{name}", person, XapiVocabulary.Completed, "completed", ScenarioActivity(session.ScenarioId),
            ended, completed, PracticeContext(session, ended: true)));

        if (report.Success.Count > 0)
        {
            var success = report.Success.Values.All(s => s.Met);
            var criteria = new JsonObject();
            foreach (var (criterion, result) in report.Success.OrderBy(s => s.Key))
            {
                criteria[WireName.Of(criterion)] = result.Met;
            }

            var judged = new JsonObject
            {
                ["score"] = score.DeepClone(),
                ["success"] = success,
                ["extensions"] = new JsonObject { [XapiVocabulary.SuccessCriteria] = criteria },
            };
            statements.Add(Statement($"{(success ? "passed" : "failed")}|{name}", person, success ? XapiVocabulary.Passed : XapiVocabulary.Failed,
                success ? "passed" : "failed", ScenarioActivity(session.ScenarioId), ended, judged, PracticeContext(session, ended: true)));
        }

        return statements;
    }

    /// <summary>The commitment, in the person's words, as part of the practice it came from.</summary>
    public JsonObject Commitment(CommitmentRecord commitment, string? scenarioId)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        var context = Context(commitment.Person, commitment.SessionId);
        context["extensions"] = new JsonObject { [XapiVocabulary.Behaviour] = commitment.Behaviour };
        if (scenarioId is not null)
        {
            context["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(ScenarioActivity(scenarioId)) };
        }

        return Statement($"committed|{Key(commitment.Person)}|{commitment.CommitmentId}", commitment.Person, XapiVocabulary.Committed, "committed",
            CommitmentActivity(commitment), commitment.CreatedUtc, new JsonObject { ["response"] = commitment.Text }, context);
    }

    /// <summary>A check-in on the commitment: kept or not, in the words of whoever checked in, with the buddy in context
    /// when it was the buddy.</summary>
    public JsonObject CheckIn(CheckInRecord checkIn, CommitmentRecord commitment)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentNullException.ThrowIfNull(commitment);
        var byBuddy = checkIn.By != checkIn.Person;
        var context = Context(checkIn.Person, commitment.SessionId);
        context["extensions"] = new JsonObject
        {
            [XapiVocabulary.Behaviour] = commitment.Behaviour,
            [XapiVocabulary.ReportedBy] = byBuddy ? "buddy" : "self",
        };
        if (byBuddy && IsV2)
        {
            context["contextAgents"] = new JsonArray(new JsonObject
            {
                ["objectType"] = "contextAgent",
                ["agent"] = Actor(checkIn.By),
                ["relevantTypes"] = new JsonArray(XapiVocabulary.BuddyRole),
            });
        }
        else if (byBuddy)
        {
            context["team"] = new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(Actor(checkIn.By)) };
        }

        var result = new JsonObject { ["success"] = checkIn.Kept, ["response"] = checkIn.Text };
        return Statement($"checked-in|{Key(checkIn.Person)}|{checkIn.CommitmentId}|{checkIn.AtUtc.UtcTicks}|{Key(checkIn.By)}", checkIn.Person,
            XapiVocabulary.CheckedIn, "checked in on", CommitmentActivity(commitment), checkIn.AtUtc, result, context);
    }

    /// <summary>Who reacted recognised whose post (the object is the person recognised), and whether as the team's
    /// recognition or an empathy win.</summary>
    public JsonObject Recognition(RecognitionRecord recognition)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        // context.platform is for statements about an activity only (xAPI 1.0.3, 2.4.6): here it is an extension.
        var context = new JsonObject
        {
            ["language"] = Language,
            ["extensions"] = new JsonObject
            {
                [XapiVocabulary.RecognitionKind] = WireName.Of(recognition.Kind),
                [XapiVocabulary.PostKind] = recognition.PostKind,
                [XapiVocabulary.Platform] = PlatformName(recognition.Tenant.Platform),
            },
        };
        return Statement(RecognitionName(recognition), recognition.ReactedBy, XapiVocabulary.Recognized, "recognized",
            Actor(recognition.Recipient), recognition.AtUtc, result: null, context);
    }

    /// <summary>The reviewer reviewed the learner's practice (the object is the learner; the registration the practice's):
    /// each behaviour's answer from the peer and from the rubric, by behaviour id. The lines the peer wrote are the
    /// learner's alone and are not sent.</summary>
    public JsonObject PeerReview(PeerReview review, ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(request);
        var context = Context(review.Learner, request.SessionId);
        context.Remove("platform"); // for statements about an activity only (xAPI 1.0.3, 2.4.6)
        context["extensions"] = new JsonObject
        {
            [XapiVocabulary.Checklist] = review.ChecklistId,
            [XapiVocabulary.ReviewSource] = WireName.Of(review.Source),
            [XapiVocabulary.Platform] = PlatformName(review.Tenant.Platform),
        };
        var peer = new JsonObject();
        var rubric = new JsonObject();
        foreach (var (behaviour, answer) in review.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            peer[behaviour] = WireName.Of(answer);
            rubric[behaviour] = review.Engine.GetValueOrDefault(behaviour) is { } engine ? WireName.Of(engine) : null;
        }

        var result = new JsonObject { ["extensions"] = new JsonObject { [XapiVocabulary.PeerAnswers] = peer, [XapiVocabulary.RubricAnswers] = rubric } };
        return Statement(PeerReviewName(review), review.Reviewer, XapiVocabulary.Reviewed, "reviewed", Actor(review.Learner), review.AtUtc, result, context);
    }

    /// <summary>The learner found the review helpful: a statement about the review's statement.</summary>
    public JsonObject ReviewFoundHelpful(PeerReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var at = review.HelpfulUtc ?? throw new ArgumentException("The review has not been found helpful.", nameof(review));
        var target = StatementIds.For(PeerReviewName(review)).ToString();
        return Statement($"found-helpful|{target}", review.Learner, XapiVocabulary.FoundHelpful, "found helpful",
            new JsonObject { ["objectType"] = "StatementRef", ["id"] = target }, at, result: null, context: null);
    }

    private static string PeerReviewName(PeerReview review) =>
        $"reviewed|{review.Tenant.Platform.Id}|{review.Tenant.TenantId}|{review.TeamId}|{review.ReviewId}";

    /// <summary>Voids the recognition's statement, as the one who took the reaction back.</summary>
    public JsonObject RecognitionWithdrawn(RecognitionRecord recognition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recognition);
        var target = StatementIds.For(RecognitionName(recognition)).ToString();
        return Statement($"voided|{target}", recognition.ReactedBy, XapiVocabulary.Voided, "voided",
            new JsonObject { ["objectType"] = "StatementRef", ["id"] = target }, at, result: null, context: null);
    }

    /// <summary>Voids a statement the LRS has about someone RolePlay has forgotten. RolePlay itself is the actor, so
    /// the voiding statement names nobody.</summary>
    public JsonObject Forgotten(string statementId, DateTimeOffset at) =>
        Statement($"voided|{statementId}", Account(lrs.ActorHomePage, RolePlayActor), XapiVocabulary.Voided, "voided",
            new JsonObject { ["objectType"] = "StatementRef", ["id"] = statementId }, at, result: null, context: null);

    /// <summary>A reaction added again after it was taken back is a new recognition: its voided statement stays voided.</summary>
    private static string RecognitionName(RecognitionRecord recognition) =>
        $"recognized|{recognition.Tenant.Platform.Id}|{recognition.Tenant.TenantId}|{recognition.RecognitionId}|{recognition.AtUtc.UtcTicks}";

    private JsonObject Statement(string name, PersonKey actor, string verb, string verbDisplay, JsonObject activity, DateTimeOffset at,
        JsonObject? result, JsonObject? context) =>
        Statement(name, Actor(actor), verb, verbDisplay, activity, at, result, context);

    private JsonObject Statement(string name, JsonObject actor, string verb, string verbDisplay, JsonObject activity, DateTimeOffset at,
        JsonObject? result, JsonObject? context)
    {
        var statement = new JsonObject
        {
            ["id"] = StatementIds.For(name).ToString(),
            ["actor"] = actor,
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = Display(verbDisplay) },
            ["object"] = activity,
        };
        if (result is not null)
        {
            statement["result"] = result;
        }

        if (context is not null)
        {
            statement["context"] = context;
        }

        statement["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        if (IsV2)
        {
            statement["version"] = "2.0.0";
        }

        return statement;
    }

    private JsonObject Actor(PersonKey person) => mapped?.FirstOrDefault(a => a.Person == person) switch
    {
        { Mbox: { } mbox } => new JsonObject { ["objectType"] = "Agent", ["mbox"] = mbox },
        { HomePage: { } home, Name: { } name } => Account(home, name),
        _ => Account(lrs.ActorHomePage, person.UserId),
    };

    private static JsonObject Account(string homePage, string name) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = homePage, ["name"] = name },
    };

    /// <summary>The persona the practice was with, its intensity, and once it has ended how it ended.</summary>
    private JsonObject PracticeContext(SessionRecord session, bool ended)
    {
        var context = Context(session.Person, session.SessionId);
        context["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(PersonaActivity(session.PersonaId)) };
        var extensions = new JsonObject { [XapiVocabulary.Intensity] = session.Intensity };
        if (ended && session.Outcome is { } outcome)
        {
            extensions[XapiVocabulary.Outcome] = outcome;
        }

        context["extensions"] = extensions;
        return context;
    }

    /// <summary>The registration is the practice: every statement of one session (and of its commitment) shares it.</summary>
    private static JsonObject Context(PersonKey person, string sessionId) => new()
    {
        ["registration"] = StatementIds.For($"registration|{Key(person)}|{sessionId}").ToString(),
        ["platform"] = PlatformName(person.Tenant.Platform),
        ["language"] = Language,
    };

    private JsonObject ScenarioActivity(string scenarioId)
    {
        var definition = new JsonObject { ["type"] = XapiVocabulary.Simulation };
        if (catalog.Scenarios.TryGetValue(scenarioId, out var scenario))
        {
            definition["name"] = Display(scenario.Title);
        }

        return new JsonObject { ["objectType"] = "Activity", ["id"] = XapiVocabulary.Scenario(scenarioId), ["definition"] = definition };
    }

    private JsonObject PersonaActivity(string personaId)
    {
        var definition = new JsonObject { ["type"] = XapiVocabulary.PersonaType };
        if (catalog.Personas.TryGetValue(personaId, out var persona))
        {
            definition["name"] = Display(persona.Name);
        }

        return new JsonObject { ["objectType"] = "Activity", ["id"] = XapiVocabulary.Persona(personaId), ["definition"] = definition };
    }

    private static JsonObject CommitmentActivity(CommitmentRecord commitment) => new()
    {
        ["objectType"] = "Activity",
        ["id"] = XapiVocabulary.Commitment(commitment.CommitmentId),
        ["definition"] = new JsonObject
        {
            ["type"] = XapiVocabulary.CommitmentType,
            ["name"] = Display($"Commitment: {commitment.Behaviour.Replace('_', ' ')}"),
        },
    };

    /// <summary>The rubric's sum over its criteria, each 0 to <see cref="RubricScore.Max"/>.</summary>
    private static JsonObject Score(IReadOnlyList<RubricScore> rubric)
    {
        var max = RubricScore.Max * rubric.Count;
        var raw = rubric.Sum(r => r.Score);
        return new JsonObject
        {
            ["scaled"] = max == 0 ? 0 : Math.Round((double)raw / max, 4),
            ["raw"] = raw,
            ["min"] = 0,
            ["max"] = max,
        };
    }

    /// <summary>One extension per criterion: its score and the agent's exact phrases that earned it and that cost it.</summary>
    private static JsonObject Criteria(IReadOnlyList<RubricScore> rubric)
    {
        var extensions = new JsonObject();
        foreach (var criterion in rubric)
        {
            extensions[XapiVocabulary.Criterion(WireName.Of(criterion.Criterion))] = new JsonObject
            {
                ["score"] = criterion.Score,
                ["max"] = RubricScore.Max,
                ["evidence"] = new JsonArray([.. criterion.Evidence.Where(e => !e.Cost).Select(JsonNode (e) => Evidence(e))]),
                ["costs"] = new JsonArray([.. criterion.Evidence.Where(e => e.Cost).Select(JsonNode (e) => Evidence(e))]),
            };
        }

        return extensions;
    }

    /// <summary>The agent's phrase, its turn, and the behaviour it showed (none for a phrase that earned a criterion
    /// by what it promised rather than by a behaviour, as a values-aligned next step can).</summary>
    private static JsonObject Evidence(RubricEvidence evidence)
    {
        var found = new JsonObject { ["turn"] = evidence.Turn, ["phrase"] = evidence.Phrase };
        if (evidence.Label != Core.Detection.Behaviour.None)
        {
            found["behaviour"] = WireName.Of(evidence.Label);
        }

        return found;
    }

    /// <summary>ISO 8601, to the hundredth of a second as xAPI asks.</summary>
    private static string Duration(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"PT{Math.Round(Math.Max(0, span.TotalSeconds), 2)}S");

    private static JsonObject Display(string text) => new() { [Language] = text };

    private static string PlatformName(Platform platform) => platform.Id switch
    {
        "teams" => "Microsoft Teams",
        "slack" => "Slack",
        "studio" => "RolePlay studio",
        _ => platform.Id,
    };

    private static string Key(PersonKey person) => $"{person.Tenant.Platform.Id}|{person.Tenant.TenantId}|{person.UserId}";
}
