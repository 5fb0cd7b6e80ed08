namespace RolePlay.Storage.Rows;

/// <summary>The logical tables (Azure: one table each, with the configured prefix; SQLite: a column). See docs/storage.md.</summary>
internal static class Tables
{
    public const string People = "People";
    public const string DuePrompts = "DuePrompts";
    public const string DueShiftEnds = "DueShiftEnds";
    public const string Tenants = "Tenants";
    public const string Teams = "Teams";
    public const string Pairing = "Pairing";
    public const string Recognitions = "Recognitions";
    public const string Phrases = "Phrases";
    public const string Ledger = "Ledger";
    public const string LedgerDue = "LedgerDue";
    public const string CheckInDue = "CheckInDue";
    public const string Dedupe = "Dedupe";
    public const string ConversationRefs = "ConversationRefs";
    /// <summary>Installs of every platform. The table keeps the name it had when only Slack had installs, so the
    /// installs stored then still load.</summary>
    public const string Installs = "SlackInstalls";
    public const string MessageAuthors = "MessageAuthors";
    public const string Routines = "Routines";
    public const string Insights = "Insights";
    public const string Aliases = "Aliases";
    public const string SignIns = "SignIns";
    public const string Inbox = "Inbox";
    public const string Statements = "Statements";
    public const string LmsActors = "LmsActors";
    public const string Clips = "Clips";
    public const string PeerReviews = "PeerReviews";

    public static IReadOnlyList<string> All { get; } =
        [People, DuePrompts, DueShiftEnds, Tenants, Teams, Pairing, Recognitions, Phrases, Ledger, LedgerDue, CheckInDue, Dedupe, ConversationRefs, Installs, MessageAuthors, Routines, Insights, Aliases, SignIns, Inbox, Statements, LmsActors, PeerReviews, Clips];
}

/// <summary>
/// A row elsewhere that names a person, recorded in the person's own partition (written BEFORE the row it points
/// to, so a crash can leave a dangling pointer but never an unlisted mention). "Forget me" deletes the targets.
/// </summary>
internal sealed record Mention(string Table, string PartitionKey, string RowKey)
{
    public const string Prefix = "mention|";

    public string Key => $"{Prefix}{Table}|{PartitionKey}|{RowKey}";
}
