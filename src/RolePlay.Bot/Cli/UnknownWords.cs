using System.CommandLine;
using System.CommandLine.Parsing;

namespace RolePlay.Bot.Cli;

/// <summary>A word on the command line that no verb takes. System.CommandLine leaves to us what it does not match,
/// since the root, <c>serve</c> and the verbs over the store hand it to ASP.NET Core's configuration, which skips a
/// bare word: without this check a mistyped verb (<c>contnet list</c>) would start the server, and a mistyped option
/// (<c>content list --jsn</c>) would be ignored.</summary>
internal static class UnknownWords
{
    /// <summary>The one-line refusal naming the first unknown word, with the verb or option it is closest to, or null
    /// when every word is taken (by a verb, or as a host setting by a verb that passes them on).</summary>
    public static string? Problem(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var passesSettings = !command.TreatUnmatchedTokensAsErrors;
        IReadOnlyList<string> unknown = passesSettings ? BareWords(parse.UnmatchedTokens) : parse.UnmatchedTokens;
        if (unknown.Count == 0)
        {
            return null;
        }

        var path = PathOf(parse.CommandResult);
        var word = unknown[0];
        if (word.StartsWith('-'))
        {
            var options = OptionsOf(parse.CommandResult);
            return Nearest(word, options) is { } option
                ? $"'{word}' is not an option of '{path}'. Did you mean '{option}'?"
                : $"'{word}' is not an option of '{path}' ({string.Join(", ", options)}).";
        }

        if (command.Subcommands.Count > 0)
        {
            var where = path.Length == 0 ? "a RolePlay verb" : $"a verb of '{path}'";
            return Correct(command, unknown) is { } suggestion
                ? $"'{word}' is not {where}. Did you mean '{Join(path, suggestion)}'?"
                : $"'{word}' is not {where} ({string.Join(", ", command.Subcommands.Select(c => c.Name))}; --help explains them).";
        }

        return passesSettings
            ? $"'{word}' is not a setting of '{path}': settings look like --Key=Value or --Key value, e.g. --Storage:Provider=AzureTables."
            : $"'{word}' is not something '{path}' takes (--help explains it).";
    }

    /// <summary>The words ASP.NET Core's command-line configuration would skip: not <c>--key value</c>,
    /// <c>/key value</c>, <c>key=value</c> or a <c>-</c> switch (its rules, so exactly what it reads passes).</summary>
    private static List<string> BareWords(IReadOnlyList<string> tokens)
    {
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Contains('='))
            {
                continue;
            }

            if (token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/'))
            {
                i++; // the next token is this key's value
            }
            else if (!token.StartsWith('-'))
            {
                words.Add(token);
            }
        }

        return words;
    }

    /// <summary>Each word in turn replaced by the nearest verb under the one before, as far as one is near.</summary>
    private static string? Correct(Command command, IReadOnlyList<string> words)
    {
        var corrected = new List<string>();
        foreach (var word in words)
        {
            if (Nearest(word, command.Subcommands.Select(c => c.Name)) is not { } verb)
            {
                break;
            }

            corrected.Add(verb);
            command = command.Subcommands.First(c => c.Name == verb);
        }

        return corrected.Count == 0 ? null : string.Join(' ', corrected);
    }

    /// <summary>The name a typo most likely meant: within a third of its length (at least one edit) of the word.</summary>
    private static string? Nearest(string word, IEnumerable<string> names) => names
        .Select(name => (Name: name, Distance: EditDistance(word.ToLowerInvariant(), name.ToLowerInvariant())))
        .Where(c => c.Distance <= Math.Max(1, c.Name.Length / 3))
        .OrderBy(c => c.Distance)
        .Select(c => c.Name)
        .FirstOrDefault();

    /// <summary>The options the command takes: its own and those its parents share with it (--content, --help).</summary>
    private static List<string> OptionsOf(CommandResult result)
    {
        var names = result.Command.Options.Select(o => o.Name).ToList();
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            names.AddRange(parent.Command.Options.Where(o => o.Recursive).Select(o => o.Name));
        }

        return names;
    }

    /// <summary>Optimal string alignment distance: edits and swaps of neighbours ("lsit" is one from "list").</summary>
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>The verbs from the root to the command, e.g. "content"; empty for the root itself.</summary>
    private static string PathOf(CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current.Parent is CommandResult parent; current = parent)
        {
            names.Insert(0, current.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string Join(string path, string verbs) => path.Length == 0 ? verbs : $"{path} {verbs}";
}
