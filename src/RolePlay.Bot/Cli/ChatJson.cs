using System.Text.Json;
using RolePlay.Core;
using RolePlay.Core.Detection;
using RolePlay.Core.Practice;
using SessionOptions = RolePlay.Core.Practice.SessionOptions;

namespace RolePlay.Bot.Cli;

/// <summary>The one JSON document <c>chat --json</c> prints: the contract scripts and tests rely on.</summary>
internal static class ChatJson
{
    public static void Write(Stream output, SessionOptions options, PracticeSession session, PracticeReport report)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("scenario", session.State.Options.ScenarioId);
        writer.WriteString("persona", session.State.PersonaId);
        writer.WriteNumber("seed", options.Seed);
        writer.WriteString("intensity", WireName.Of(options.Intensity));
        writer.WriteString("outcome", WireName.Of(report.Outcome));

        writer.WriteStartArray("transcript");
        foreach (var utterance in session.Transcript)
        {
            writer.WriteStartObject();
            writer.WriteString("role", WireName.Of(utterance.Speaker));
            writer.WriteString("text", utterance.Seen);
            if (utterance.Manner is { } manner)
            {
                writer.WriteString("manner", WireName.Of(manner));
            }
            writer.WriteStartArray("labels");
            foreach (var label in BehaviourNames.ToNames(utterance.Labels))
            {
                writer.WriteStringValue(label);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("personaState");
        writer.WriteNumber("frustration", report.FinalMood.Frustration);
        writer.WriteNumber("trust", report.FinalMood.Trust);
        writer.WriteEndObject();

        writer.WriteStartObject("success");
        foreach (var (criterion, result) in report.Success)
        {
            writer.WriteBoolean(WireName.Of(criterion), result.Met);
        }

        writer.WriteEndObject();

        writer.WriteStartArray("rubric");
        foreach (var score in report.Rubric)
        {
            writer.WriteStartObject();
            writer.WriteString("criterion", WireName.Of(score.Criterion));
            writer.WriteNumber("score", score.Score);
            // "evidence" stays a list of the agent's exact phrases; "citations" says where each came from and what it did.
            writer.WriteStartArray("evidence");
            foreach (var item in score.Evidence)
            {
                writer.WriteStringValue(item.Phrase);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("citations");
            foreach (var item in score.Evidence)
            {
                writer.WriteStartObject();
                writer.WriteNumber("turn", item.Turn);
                if (item.Label == Behaviour.None)
                {
                    writer.WriteNull("label");
                }
                else
                {
                    writer.WriteString("label", BehaviourNames.ToName(item.Label));
                }

                writer.WriteString("phrase", item.Phrase);
                writer.WriteString("effect", item.Cost ? "cost" : "earned");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("criterionName", RubricCriterionText.Describe(score.Criterion));
            if (score.NextLevel is { } next)
            {
                writer.WriteString("nextLevel", next);
            }
            else
            {
                writer.WriteNull("nextLevel");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        if (report.Scored)
        {
            writer.WriteString("commitmentPrompt", report.Debrief.CommitmentPrompt);
        }
        else
        {
            writer.WriteNull("commitmentPrompt");
        }

        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }
}
