using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RolePlay.Core.Storage;
using RolePlay.Storage;

namespace RolePlay.Bot.Cli;

/// <summary>A verb's work over the configured store: the host's settings (storage, and whatever else the verb reads)
/// pass through as for <c>serve</c>; what it did is told on stdout, a problem on stderr with exit code 1.</summary>
internal static class StoreVerb
{
    public static async Task<int> RunAsync(ParseResult parseResult, Func<IServiceProvider, Task<string>> work, string refused,
        CancellationToken ct, Action<HostApplicationBuilder>? more = null)
    {
        try
        {
            var builder = Host.CreateApplicationBuilder([.. parseResult.UnmatchedTokens]);
            builder.Services.AddRolePlayStorage(builder.Configuration);
            more?.Invoke(builder);
            await using var services = builder.Services.BuildServiceProvider();
            await services.GetRequiredService<IStorageInitializer>().InitializeAsync(ct);
            Console.Out.WriteLine(await work(services));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or StorageUnavailableException
            or OptionsValidationException)
        {
            Console.Error.WriteLine($"{refused}: {e.Message}");
            return 1;
        }
    }
}
