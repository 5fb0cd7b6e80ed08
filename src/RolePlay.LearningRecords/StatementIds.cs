using System.Security.Cryptography;
using System.Text;

namespace RolePlay.LearningRecords;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1) in RolePlay's own namespace: the same event always gets the
/// same statement id and registration, so a retried turn or a resend after a crash is never a second statement.</summary>
public static class StatementIds
{
    private static readonly Guid Namespace = new("6f0f7c1e-3b7e-5a52-9d27-1d4a2f8c9e41");

    public static Guid For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        Namespace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; nothing secret depends on it.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
