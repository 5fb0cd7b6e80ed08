using System.Buffers.Binary;

namespace RolePlay.Storage.Sqlite;

/// <summary>What the store checks of its files before SQLite opens them. SQLite, by design, starts a new database in an
/// empty file and ignores a write-ahead log whose header it cannot verify; after a truncation or damage that would lose
/// data without a word. Found here, start-up stops with what happened and what to do.</summary>
internal static class SqliteFileCheck
{
    private const int WalHeaderBytes = 32;
    private const uint WalMagicLittleEndian = 0x377f0682;
    private const uint WalMagicBigEndian = 0x377f0683;

    /// <summary>Null when the files look sound (or do not exist yet); otherwise the problem and what to do.</summary>
    public static string? Problem(string databasePath)
    {
        var database = new FileInfo(databasePath);
        if (database.Exists && database.Length == 0)
        {
            return $"the database file {database.FullName} is empty (0 bytes), so it may have been truncated. Restore it from a " +
                   "backup, or delete it to start a new, empty database.";
        }

        var wal = new FileInfo(databasePath + "-wal");
        return wal is { Exists: true, Length: >= WalHeaderBytes } && !HasValidHeader(wal)
            ? $"its write-ahead log {wal.FullName} is damaged, so what was written since the last checkpoint cannot be read. " +
              "Restore the database and its -wal file from a backup, or move the -wal file aside to keep only what was checkpointed."
            : null;
    }

    /// <summary>The WAL header (sqlite.org/fileformat.html#wal_file_format): a magic number naming the checksum's byte
    /// order, then a checksum of its first 24 bytes. A shorter file is a header torn mid-write, before any commit.</summary>
    private static bool HasValidHeader(FileInfo wal)
    {
        Span<byte> header = stackalloc byte[WalHeaderBytes];
        using (var stream = wal.OpenRead())
        {
            stream.ReadExactly(header);
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (magic is not (WalMagicLittleEndian or WalMagicBigEndian))
        {
            return false;
        }

        uint s0 = 0, s1 = 0;
        for (var i = 0; i < 24; i += 8)
        {
            var (x0, x1) = magic == WalMagicBigEndian
                ? (BinaryPrimitives.ReadUInt32BigEndian(header[i..]), BinaryPrimitives.ReadUInt32BigEndian(header[(i + 4)..]))
                : (BinaryPrimitives.ReadUInt32LittleEndian(header[i..]), BinaryPrimitives.ReadUInt32LittleEndian(header[(i + 4)..]));
            s0 += x0 + s1;
            s1 += x1 + s0;
        }

        return s0 == BinaryPrimitives.ReadUInt32BigEndian(header[24..]) && s1 == BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
    }
}
