using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Testing.Slack;

/// <summary>Signs a request body the way Slack does (v0: HMAC-SHA256 of <c>v0:{timestamp}:{body}</c> with the signing
/// secret), written from Slack's documentation rather than borrowed from the code under test.</summary>
public sealed class SlackSigner(string signingSecret)
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }

    /// <summary>The two headers Slack adds to a request with this body, timestamped now.</summary>
    public Dictionary<string, string> Headers(ReadOnlySpan<byte> body)
    {
        var timestamp = Now();
        return new Dictionary<string, string> { [TimestampHeader] = timestamp, [SignatureHeader] = Sign(timestamp, body) };
    }
}
