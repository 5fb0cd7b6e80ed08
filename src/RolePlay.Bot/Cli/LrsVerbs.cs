using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;

namespace RolePlay.Bot.Cli;

/// <summary><c>lrs export</c>, <c>lrs actors</c> and <c>lrs resend</c>: a tenant's xAPI statements as JSON Lines,
/// the map from its people to its LMS's actors, and its parked statements queued again, over the bot's store (the storage settings pass through as for <c>serve</c>, e.g.
/// --Storage:Sqlite:Path=...).</summary>
internal static class LrsVerbs
{
    private static readonly Option<string> Platform = new("--platform") { Description = "teams, slack or studio.", Required = true };

    private static readonly Option<string> Tenant = new("--tenant") { Description = "The Teams tenant id or Slack team id.", Required = true };

    public static Command Build()
    {
        var lrs = new Command("lrs", "Learning record store (xAPI) tools.");
        lrs.Subcommands.Add(BuildExport());
        lrs.Subcommands.Add(BuildActors());
        lrs.Subcommands.Add(BuildResend());
        return lrs;
    }

    private static Command BuildResend()
    {
        var resend = new Command("resend",
            "Queue a tenant's parked statements (those its LRS refused for good) again, once what they were refused for is " +
            "fixed; the running bot sends them.") { Platform, Tenant };
        resend.TreatUnmatchedTokensAsErrors = false;
        resend.SetAction((parseResult, ct) => RunAsync(parseResult, async (services, tenant) =>
            $"queued {await services.GetRequiredService<IStatementOutbox>().UnparkAsync(tenant, ct)} parked statements of {tenant} again", ct));
        return resend;
    }

    private static Command BuildExport()
    {
        var from = new Option<DateOnly>("--from") { Description = "First day (UTC), yyyy-MM-dd.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day (UTC), yyyy-MM-dd, included.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the JSON Lines.", Required = true };
        var export = new Command("export",
            "Write a tenant's xAPI statements of a date range as JSON Lines: the statements its LRS receives, kept for every " +
            "tenant listed under Lrs:Tenants (with or without an Endpoint).") { Platform, Tenant, from, to, output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((parseResult, ct) => RunAsync(parseResult, async (services, tenant) =>
        {
            var (first, last) = (parseResult.GetValue(from), parseResult.GetValue(to));
            if (last < first)
            {
                throw new ArgumentException($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
            }

            var target = parseResult.GetValue(output)!.FullName;
            var partial = target + ".partial"; // the file appears whole or not at all
            try
            {
                int written;
                await using (var file = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
                {
                    written = await StatementExport.WriteAsync(services.GetRequiredService<IStatementOutbox>(), tenant, first, last, file, ct);
                }

                File.Move(partial, target, overwrite: true);
                return $"wrote {written} statements to {target}";
            }
            finally
            {
                File.Delete(partial);
            }
        }, ct));
        return export;
    }

    private static Command BuildActors()
    {
        var file = new Option<FileInfo>("--file") { Description = $"The CSV: {LmsActorCsv.Header}.", Required = true };
        var actors = new Command("actors",
            "Import the map from a tenant's people to its LMS's actors (an email, or an account on the LMS), replacing the one " +
            "before; statements name mapped people so instead of by their chat id. One bad line and nothing is imported.") { Platform, Tenant, file };
        actors.TreatUnmatchedTokensAsErrors = false;
        actors.SetAction((parseResult, ct) => RunAsync(parseResult, async (services, tenant) =>
        {
            var parsed = LmsActorCsv.Parse(await File.ReadAllTextAsync(parseResult.GetValue(file)!.FullName, ct), tenant);
            if (parsed.Errors.Count > 0)
            {
                throw new ArgumentException(string.Join(Environment.NewLine, parsed.Errors));
            }

            await services.GetRequiredService<ILmsActorStore>().ReplaceAsync(tenant, parsed.Actors, ct);
            return $"mapped {parsed.Actors.Count} people of {tenant}";
        }, ct));
        return actors;
    }

    /// <summary>The verb's work for the tenant named, over the configured store.</summary>
    private static Task<int> RunAsync(ParseResult parseResult, Func<IServiceProvider, TenantScope, Task<string>> work, CancellationToken ct) =>
        StoreVerb.RunAsync(parseResult, services => work(services, new TenantScope(parseResult.GetValue(Platform)!, parseResult.GetValue(Tenant)!)),
            "Nothing written", ct);
}
