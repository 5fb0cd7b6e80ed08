using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace RolePlay.Bot.Hosting;

/// <summary>Protects each key of the ring at rest with Key Vault (<c>DataProtection:KeyVaultKeyUri</c>): the key's XML is
/// sealed with a fresh AES-256-GCM key, and that key is wrapped by the vault's RSA key, so whoever can read the blob
/// still cannot open sign-in cookies, OAuth state or Slack tokens without the vault's permission to unwrap.</summary>
public sealed class KeyVaultXmlEncryptor(KeyVaultKeyWrap vault) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        try
        {
            using (var aes = new AesGcm(contentKey, tag.Length))
            {
                aes.Encrypt(nonce, plaintext, ciphertext, tag);
            }

            var (kid, wrapped) = vault.Wrap(contentKey);
            var element = new XElement(KeyVaultXmlDecryptor.Root,
                new XComment(" The key below is sealed with AES-256-GCM; its content key is wrapped by Azure Key Vault. "),
                new XElement("kid", kid),
                new XElement("wrappedKey", Convert.ToBase64String(wrapped)),
                new XElement("nonce", Convert.ToBase64String(nonce)),
                new XElement("tag", Convert.ToBase64String(tag)),
                new XElement("value", Convert.ToBase64String(ciphertext)));
            return new EncryptedXmlInfo(element, typeof(KeyVaultXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Opens what <see cref="KeyVaultXmlEncryptor"/> sealed. Data Protection creates it by the type name stored
/// in the ring, with the app's services.</summary>
public sealed class KeyVaultXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public const string Root = "keyVaultSealed";

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var vault = services.GetService<KeyVaultKeyWrap>() ?? throw new InvalidOperationException(
            $"The key ring holds keys sealed with Key Vault, and {KeyRing.Section}:KeyVaultKeyUri is not set: set it to the key that sealed them.");
        string Part(string name) => (string?)encryptedElement.Element(name)
            ?? throw new InvalidOperationException($"A Key Vault sealed key ring element has no <{name}>.");
        var contentKey = vault.Unwrap(Part("kid"), Convert.FromBase64String(Part("wrappedKey")));
        var ciphertext = Convert.FromBase64String(Part("value"));
        var plaintext = new byte[ciphertext.Length];
        try
        {
            var tag = Convert.FromBase64String(Part("tag"));
            using (var aes = new AesGcm(contentKey, tag.Length))
            {
                aes.Decrypt(Convert.FromBase64String(Part("nonce")), ciphertext, tag, plaintext);
            }

            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(contentKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
