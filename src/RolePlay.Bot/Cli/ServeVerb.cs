using System.CommandLine;
using RolePlay.Bot.Hosting;

namespace RolePlay.Bot.Cli;

internal static class ServeVerb
{
    public static Command Build(Option<string[]> contentDirs)
    {
        var serve = new Command("serve",
            "Serve the bot (the default verb) on http://127.0.0.1:3978 unless ASP.NET Core is told otherwise (--urls, ASPNETCORE_URLS, " +
            "ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints). ASP.NET Core settings pass through, e.g. " +
            "--urls http://127.0.0.1:5000 or --Storage:Provider=AzureTables.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((parseResult, ct) => RunAsync(parseResult, contentDirs, ct));
        return serve;
    }

    public static async Task<int> RunAsync(ParseResult parseResult, Option<string[]> contentDirs, CancellationToken ct)
    {
        var hostArgs = parseResult.UnmatchedTokens.ToArray();
        var extraContent = parseResult.GetValue(contentDirs) ?? [];
        return await BotHost.RunAsync(hostArgs, extraContent, ct);
    }
}
