namespace RolePlay.Storage.Sqlite;

/// <summary>
/// Versioned schema: migration N brings <c>PRAGMA user_version</c> from N-1 to N. Append, never edit:
/// a database already at version N never sees migration N again.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1: the row table mirrors the Azure Tables layout (table, partition, row) so one key design serves both.
        """
        CREATE TABLE rows (
            tbl     TEXT    NOT NULL,
            pk      TEXT    NOT NULL,
            rk      TEXT    NOT NULL,
            body    TEXT    NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (tbl, pk, rk)
        ) WITHOUT ROWID;
        """,
    ];
}
