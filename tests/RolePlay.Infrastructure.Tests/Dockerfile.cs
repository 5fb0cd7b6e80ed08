namespace RolePlay.Infrastructure.Tests;

/// <summary>The instructions of the repository's Dockerfile, by stage (continuation lines joined, comments dropped).</summary>
internal sealed class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    public sealed record Stage(string BaseImage, string? Name, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<string> All(string keyword) =>
            Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase)).Select(i => i.Arguments);

        public string? Last(string keyword) => All(keyword).LastOrDefault();

        /// <summary>The value the stage's ENV instructions give a variable (KEY=value form).</summary>
        public string? Env(string name) =>
            All("ENV").SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(pair => pair.Split('=', 2)).Where(p => p.Length == 2 && p[0] == name).Select(p => p[1]).LastOrDefault();
    }

    public IReadOnlyList<Stage> Stages { get; }

    public Stage Final => Stages[^1];

    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public static Dockerfile Load(string path)
    {
        var stages = new List<Stage>();
        List<Instruction>? current = null;
        foreach (var line in Logical(File.ReadAllLines(path)))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var instruction = new Instruction(parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : "");
            if (instruction.Keyword == "FROM")
            {
                var from = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = [];
                stages.Add(new Stage(from[0], from.Length == 3 && from[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? from[2] : null, current));
            }
            else
            {
                (current ?? throw new FormatException("The Dockerfile must start with FROM.")).Add(instruction);
            }
        }

        return new Dockerfile(stages);
    }

    private static IEnumerable<string> Logical(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (raw.EndsWith('\\'))
            {
                pending += raw[..^1] + " ";
                continue;
            }

            yield return pending + raw;
            pending = "";
        }
    }
}
