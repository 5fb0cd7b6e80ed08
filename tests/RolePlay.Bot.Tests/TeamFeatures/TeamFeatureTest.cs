using RolePlay.Bot.Tests.Routines;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Recognition;
using RolePlay.Core.Storage;

namespace RolePlay.Bot.Tests.TeamFeatures;

/// <summary>A router on a fresh SQLite file, with a Teams team ("team-1" with two channels) and a Slack channel.</summary>
public abstract class TeamFeatureTest : IAsyncLifetime
{
    // A Wednesday morning in London.
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    protected static readonly ChannelUser Mia = new("teams", "tenant-a", "29:mia", "Mia");
    protected static readonly ChannelUser Ana = new("teams", "tenant-a", "29:ana", "Ana");
    protected static readonly ChannelUser Ben = new("teams", "tenant-a", "29:ben", "Ben");
    protected static readonly ChannelUser Sam = new("slack", "T1", "U0SAM", "Sam");

    protected static readonly ConversationAddress General =
        new("teams", "tenant-a", "19:general@thread.tacv2", ConversationKind.Channel, TeamId: "team-1");

    protected static readonly ConversationAddress Floor =
        new("teams", "tenant-a", "19:floor@thread.tacv2", ConversationKind.Channel, TeamId: "team-1");

    /// <summary>As the Slack adapter addresses a channel: TeamId is the workspace, so a workspace is one team.</summary>
    protected static readonly ConversationAddress SlackSupport = new("slack", "T1", "C0SUPPORT", ConversationKind.Channel, TeamId: "T1");

    protected static readonly TenantScope TenantA = new("teams", "tenant-a");

    private readonly string _db = Path.Combine(Directory.CreateTempSubdirectory("roleplay-team-").FullName, "roleplay.db");

    private protected RouterHarness Bot { get; private set; } = null!;

    protected virtual RecognitionPolicy? Policy => null;

    /// <summary>What the bot sent on its own (to a person's personal chat), across restarts.</summary>
    private protected DeliveredLog Delivered { get; } = new();

    public async Task InitializeAsync() => Bot = await RouterHarness.StartAsync(_db, Now, new RoutineSetup(Delivered), Policy);

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_db)!, recursive: true);
    }

    /// <summary>The bot restarts on the same database file.</summary>
    private protected async Task RestartAsync()
    {
        var clock = Bot.Clock.GetUtcNow();
        await Bot.DisposeAsync();
        Bot = await RouterHarness.StartAsync(_db, clock, new RoutineSetup(Delivered), Policy);
    }

    protected static CancellationToken Ct => CancellationToken.None;

    protected static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    protected static string Text(RouterResult result) => string.Join("\n", result.Replies.OfType<TextOut>().Select(t => t.Text));

    protected static List<Card> Cards(RouterResult result) => result.Replies.OfType<CardOut>().Select(c => c.Card).ToList();

    protected static IEnumerable<string> CardTexts(Card card) =>
        card.Body.SelectMany(e => e switch
        {
            TextBlock t => [t.Text],
            FactSet f => f.Facts.Select(x => $"{x.Title}: {x.Value}"),
            _ => [],
        });
}
