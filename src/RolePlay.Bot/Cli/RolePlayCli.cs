using System.CommandLine;

namespace RolePlay.Bot.Cli;

/// <summary>The host's verbs. <c>serve</c> is the default, so a bare <c>dotnet run</c> starts the bot.</summary>
internal static class RolePlayCli
{
    /// <summary>Parses and runs the verb; an unknown word stops here, before any verb (or the server) runs.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        if (UnknownWords.Problem(parse) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }

        return await parse.InvokeAsync();
    }

    public static RootCommand Build()
    {
        var contentDirs = new Option<string[]>("--content")
        {
            Description = "A directory of extra content (personas, scenarios, cue cards, warm-ups) loaded after the shipped packs. Repeatable.",
            Recursive = true,
        };

        var root = new RootCommand(
            "RolePlay: daily empathy practice for customer-service agents, in Teams, Slack and the terminal. " +
            "With no verb it serves the bot (like 'serve').")
        {
            // Host settings such as --urls or --Storage:Provider=AzureTables pass through to ASP.NET Core configuration.
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(contentDirs);
        root.Subcommands.Add(ServeVerb.Build(contentDirs));
        root.Subcommands.Add(ChatVerb.Build(contentDirs));
        root.Subcommands.Add(DetectVerb.Build());
        root.Subcommands.Add(ContentVerbs.Build(contentDirs));
        root.Subcommands.Add(TeamsVerbs.Build());
        root.Subcommands.Add(LrsVerbs.Build());
        root.Subcommands.Add(PeopleVerbs.Build());
        root.Subcommands.Add(CueVerbs.Build(contentDirs));
        root.SetAction((parseResult, ct) => ServeVerb.RunAsync(parseResult, contentDirs, ct));
        return root;
    }
}
