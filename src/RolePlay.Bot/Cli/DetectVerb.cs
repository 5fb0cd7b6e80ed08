using System.CommandLine;
using System.Text;
using System.Text.Json;
using RolePlay.Core.Detection;
using RolePlay.Core.Detection.Learned;

namespace RolePlay.Bot.Cli;

/// <summary><c>detect</c>: JSON Lines in, one labelled line out per input line, in order. A bad line gets an
/// error line of its own and the rest still run.</summary>
internal static class DetectVerb
{
    public static Command Build()
    {
        var detect = new Command("detect",
            "Label agent messages. Reads JSON Lines {\"id\":\"...\",\"text\":\"...\",\"context\":[\"what the customer said\", ...]} " +
            "(context optional, oldest first) from stdin and writes " +
            "{\"id\":\"...\",\"labels\":[...]} per line, in input order; a malformed line yields {\"id\":...,\"error\":\"...\"}. " +
            "Labels: " + string.Join(", ", BehaviourNames.All.Select(BehaviourNames.ToName)) + ".");
        detect.SetAction(_ =>
        {
            using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
            using var stdout = Console.OpenStandardOutput();
            Run(stdin, stdout, LearnedDetector.Shipped);
            return 0;
        });
        detect.Subcommands.Add(BuildTrain());
        return detect;
    }

    /// <summary><c>detect train</c>: learns the model from the labelled messages built into this version and writes
    /// it where the build embeds it, after the messages or the rules changed.</summary>
    private static Command BuildTrain()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the model (src/RolePlay.Core/Detection/Data/model.bin is the shipped one).",
            Required = true,
        };
        var train = new Command("train",
            "Train the detector's model from the labelled messages in this build (Detection/Data/agent-messages.jsonl) and write it.")
        {
            output,
        };
        train.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(output)!;
            var model = LearnedDetector.TrainOnShippedMessages();
            var temporary = file.FullName + ".tmp";
            try
            {
                using (var stream = File.Create(temporary))
                {
                    model.Save(stream);
                }

                File.Move(temporary, file.FullName, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"cannot write {file.FullName}: {e.Message}");
                return 1;
            }

            Console.Error.WriteLine($"wrote {file.FullName} ({new FileInfo(file.FullName).Length:N0} bytes); rebuild to ship it");
            return 0;
        });
        return train;
    }

    public static void Run(TextReader input, Stream output, IBehaviourDetector detector)
    {
        using var buffered = new BufferedStream(output, 64 * 1024);
        using var writer = new Utf8JsonWriter(buffered, new JsonWriterOptions { SkipValidation = false });
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            WriteResult(writer, line, lineNumber, detector);
            writer.Flush();
            writer.Reset();
            buffered.WriteByte((byte)'\n');
        }

        buffered.Flush();
    }

    private static void WriteResult(Utf8JsonWriter writer, string line, int lineNumber, IBehaviourDetector detector)
    {
        writer.WriteStartObject();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            writer.WriteNull("id");
            writer.WriteString("error", $"line {lineNumber}: not valid JSON ({e.Message})");
            writer.WriteEndObject();
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                writer.WriteNull("id");
                writer.WriteString("error", $"line {lineNumber}: expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}");
            }
            else
            {
                WriteId(writer, root);
                if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                {
                    writer.WriteString("error", $"line {lineNumber}: \"text\" must be a string");
                }
                else if (!TryReadContext(root, out var context))
                {
                    writer.WriteString("error", $"line {lineNumber}: \"context\" must be an array of strings (the customer's messages, oldest first)");
                }
                else
                {
                    writer.WriteStartArray("labels");
                    foreach (var name in BehaviourNames.ToNames(detector.Detect(text.GetString()!, context)))
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                }
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The optional conversation so far: absent or null means none; anything but an array of strings is an error.</summary>
    private static bool TryReadContext(JsonElement root, out DetectionContext? context)
    {
        context = null;
        if (!root.TryGetProperty("context", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(m => m.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        context = new DetectionContext(element.EnumerateArray().Select(m => m.GetString()!).ToArray(), []);
        return true;
    }

    /// <summary>The id is echoed as given (string or number) so callers can join results to inputs.</summary>
    private static void WriteId(Utf8JsonWriter writer, JsonElement root)
    {
        writer.WritePropertyName("id");
        if (root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            id.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
