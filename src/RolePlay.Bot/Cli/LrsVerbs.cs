using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RolePlay.Core.Storage;
using RolePlay.LearningRecords;
using RolePlay.Storage;

namespace RolePlay.Bot.Cli;

/// <summary><c>lrs export</c>: a tenant's xAPI statements of some days as JSON Lines, read from the bot's store (the
/// storage settings pass through as for <c>serve</c>, e.g. --Storage:Sqlite:Path=...).</summary>
internal static class LrsVerbs
{
    public static Command Build()
    {
        var lrs = new Command("lrs", "Learning record store (xAPI) tools.");
        lrs.Subcommands.Add(BuildExport());
        return lrs;
    }

    private static Command BuildExport()
    {
        var platform = new Option<string>("--platform") { Description = "teams, slack or studio.", Required = true };
        var tenant = new Option<string>("--tenant") { Description = "The Teams tenant id or Slack team id.", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First day (UTC), yyyy-MM-dd.", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last day (UTC), yyyy-MM-dd, included.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the JSON Lines.", Required = true };
        var export = new Command("export",
            "Write a tenant's xAPI statements of a date range as JSON Lines: the statements its LRS receives, kept for every " +
            "tenant listed under Lrs:Tenants (with or without an Endpoint).") { platform, tenant, from, to, output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (parseResult, ct) =>
        {
            var (first, last) = (parseResult.GetValue(from), parseResult.GetValue(to));
            TenantScope scope;
            try
            {
                scope = new TenantScope(parseResult.GetValue(platform)!, parseResult.GetValue(tenant)!);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"Nothing written: {e.Message}");
                return 1;
            }

            if (last < first)
            {
                Console.Error.WriteLine($"Nothing written: --to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}.");
                return 1;
            }

            var builder = Host.CreateApplicationBuilder([.. parseResult.UnmatchedTokens]);
            builder.Services.AddRolePlayStorage(builder.Configuration);
            await using var services = builder.Services.BuildServiceProvider();
            var target = parseResult.GetValue(output)!.FullName;
            var partial = target + ".partial"; // the file appears whole or not at all
            try
            {
                await services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
                int written;
                await using (var file = new StreamWriter(partial, append: false, new System.Text.UTF8Encoding(false)))
                {
                    written = await StatementExport.WriteAsync(services.GetRequiredService<IStatementOutbox>(), scope, first, last, file, ct);
                }

                File.Move(partial, target, overwrite: true);
                Console.Out.WriteLine($"wrote {written} statements to {target}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or StorageUnavailableException or UnauthorizedAccessException)
            {
                File.Delete(partial);
                Console.Error.WriteLine($"Nothing written: {e.Message}");
                return 1;
            }
        });
        return export;
    }
}
