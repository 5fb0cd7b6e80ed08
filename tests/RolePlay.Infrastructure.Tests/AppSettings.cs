using System.Text.RegularExpressions;
using RolePlay.Bot.Hosting;
using RolePlay.Slack;
using RolePlay.Storage;
using RolePlay.Teams;

namespace RolePlay.Infrastructure.Tests;

/// <summary>Every setting the Bicep may hand the app, named from the app's own option classes and section constants
/// (so renaming one in code renames it here), each with how the tests prove the app reads it.</summary>
internal static partial class AppSettings
{
    /// <summary>A list entry's index in a name, e.g. <c>ForwardedHeaders__KnownNetworks__{i}</c>.</summary>
    public const string Index = "{i}";

    /// <summary>Checked at start-up: a broken value stops the start with a message naming the setting. Each maps to
    /// the broken value the tests give it.</summary>
    public static IReadOnlyDictionary<string, string> Validated { get; } = new Dictionary<string, string>
    {
        [Env(StorageOptions.Section, nameof(StorageOptions.Provider))] = "Sqlit3",
        [Env(StorageOptions.Section, nameof(StorageOptions.AzureTables), nameof(AzureTablesStorageOptions.Endpoint))] = "account.table.core.windows.net",
        [Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppId))] = "not-a-guid",
        [Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppPassword))] = "",
        [Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppType))] = "AnyTenant",
        [Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppTenantId))] = "",
        [Env(SlackOptions.Section, nameof(SlackOptions.SigningSecret))] = "",
        [Env(SlackOptions.Section, nameof(SlackOptions.ClientId))] = "",
        [Env(SlackOptions.Section, nameof(SlackOptions.ClientSecret))] = "",
        [Env(SlackOptions.Section, nameof(SlackOptions.RedirectUri))] = "https://roleplay.example.com/slack/oauth",
        [Env(ProxyTrust.Section, nameof(ProxyTrust.KnownNetworks), Index)] = "10.0.0.0",
        // A version pinned: a rotated key would never seal the ring's new keys.
        [KeyRingVaultKey] = "https://vault.vault.azure.net/keys/roleplay-keyring/0123456789abcdef0123456789abcdef",
    };

    /// <summary>The Key Vault key sealing the key ring at rest.</summary>
    public static string KeyRingVaultKey => Env(KeyRing.Section, "KeyVaultKeyUri");

    /// <summary>Read by the app but not validated at start-up: <c>KeyRingTests</c> proves it by behaviour.</summary>
    public static string KeyRingBlob { get; } = Env(KeyRing.Section, "BlobUri");

    /// <summary>Read by libraries the app uses, not by its options; each with a value of the shape Azure hands out.</summary>
    public static IReadOnlyDictionary<string, string> ReadByLibraries { get; } = new Dictionary<string, string>
    {
        // Azure.Identity's DefaultAzureCredential: which of the app's managed identities to sign in with.
        ["AZURE_CLIENT_ID"] = "6b1d2c3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
        // The Azure Monitor exporter (the app's export to Application Insights is being added on main).
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
    };

    /// <summary>Read when the host is built, not validated: <c>SignInTests</c> proves them by the sign-in they set up.
    /// Each maps to the Key Vault secret it must come from, or null for a plain value.</summary>
    public static IReadOnlyDictionary<string, string?> ReadBySignIn { get; } = new Dictionary<string, string?>
    {
        ["Web__Entra__ClientId"] = null,
        ["Web__Entra__ClientSecret"] = "teams-app-password",
        ["Web__Entra__TenantId"] = null,
        ["Web__Slack__ClientId"] = null,
        ["Web__Slack__ClientSecret"] = "slack-client-secret",
    };

    /// <summary>What a production deployment cannot do without: the shared store, the shared key ring sealed by the vault, Teams with
    /// its app registration, Slack's request signing.</summary>
    public static IReadOnlyList<string> RequiredInProduction { get; } =
    [
        Env(StorageOptions.Section, nameof(StorageOptions.Provider)),
        Env(StorageOptions.Section, nameof(StorageOptions.AzureTables), nameof(AzureTablesStorageOptions.Endpoint)),
        KeyRingBlob,
        KeyRingVaultKey,
        Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppId)),
        Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppPassword)),
        Env(SlackOptions.Section, nameof(SlackOptions.SigningSecret)),
    ];

    /// <summary>The settings that are secrets: they must come from Key Vault, never as plain values.</summary>
    public static IReadOnlyList<string> Secrets { get; } =
    [
        Env(TeamsOptions.SectionName, nameof(TeamsOptions.MicrosoftAppPassword)),
        Env(SlackOptions.Section, nameof(SlackOptions.SigningSecret)),
        Env(SlackOptions.Section, nameof(SlackOptions.ClientSecret)),
    ];

    /// <summary>A setting that cannot pass (Recognition:DailyCapPerManager=0), so the real bot stops right after
    /// checking every setting, before it reaches any Azure service; the only complaint must then be this one.</summary>
    public static KeyValuePair<string, string> Canary { get; } = new("Recognition__DailyCapPerManager", "0");

    public const string CanaryRefusal = "Recognition:DailyCapPerManager must be 1 or more.";

    /// <summary>The environment variable form ASP.NET Core maps to <c>Section:Key</c>.</summary>
    public static string Env(params string[] path) => string.Join("__", path);

    /// <summary>The configuration key a variable stands for, as the app names it in its messages.</summary>
    public static string Key(string env) => env.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>The table entry for a variable: list entries share one, under <see cref="Index"/>.</summary>
    public static string Entry(string env) => ListIndex().Replace(env, "__" + Index);

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ListIndex();
}
