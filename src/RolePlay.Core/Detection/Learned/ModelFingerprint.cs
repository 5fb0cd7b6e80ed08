using System.Security.Cryptography;
using System.Text;

namespace RolePlay.Core.Detection.Learned;

/// <summary>A digest of what a model learns from: every train message's id, text, context and labels, and the rules'
/// reading of it. A shipped model whose fingerprint differs was trained on other messages or other rules.</summary>
internal static class ModelFingerprint
{
    public static byte[] Of(IReadOnlyList<LabelledMessage> messages, IReadOnlyList<Behaviour> ruled)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < messages.Count; i++)
        {
            var m = messages[i];
            var line = $"{m.Id}\u001f{m.Text}\u001f{string.Join('\u001e', m.Context)}\u001f{(int)m.Expected}\u001f{(int)ruled[i]}\n";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return hash.GetHashAndReset();
    }
}
