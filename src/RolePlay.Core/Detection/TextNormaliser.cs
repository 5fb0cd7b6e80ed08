using System.Globalization;

namespace RolePlay.Core.Detection;

/// <summary>Turns one sentence of messy chat into the canonical form the rules read: lower case, one space between
/// tokens, contractions and shorthand expanded (<see cref="ChatLexicon"/>), "should of" read as "should have",
/// punctuation dropped except "?" "," and ":" (dashes become ":"), sad emoji kept as the token "sadface", and the eye-roll and shrug as "eyeroll" and "shrug".</summary>
internal static class TextNormaliser
{
    private const int MaxMappedWordLength = 32;

    /// <summary>The canonical form of <paramref name="source"/> as a string.</summary>
    public static string Normalise(ReadOnlySpan<char> source)
    {
        var buffer = new char[MaxOutputLength(source.Length)];
        return new string(buffer, 0, Normalise(source, buffer));
    }

    /// <summary>Writes the canonical form of <paramref name="source"/> into <paramref name="output"/>, which must hold
    /// at least <see cref="MaxOutputLength"/> characters, and returns its length.</summary>
    public static int Normalise(ReadOnlySpan<char> source, Span<char> output)
    {
        var writer = new TokenWriter(output);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || IsInnerApostrophe(source, i)))
                {
                    i++;
                }

                writer.WriteWord(source[start..i]);
                continue;
            }

            switch (c)
            {
                case '?':
                    writer.WriteToken("?");
                    break;
                case ',':
                    writer.WriteToken(",");
                    break;
                case ':' or '—' or '–':
                    writer.WriteToken(":");
                    break;
                case '-' when i > 0 && i + 1 < source.Length && char.IsWhiteSpace(source[i - 1]) && char.IsWhiteSpace(source[i + 1]):
                    writer.WriteToken(":");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                    {
                        var codePoint = char.ConvertToUtf32(c, source[i + 1]);
                        if (IsSadEmoji(codePoint))
                        {
                            writer.WriteToken("sadface");
                        }
                        else if (codePoint is 0x1F644 or 0x1F937)
                        {
                            writer.WriteToken(codePoint == 0x1F644 ? "eyeroll" : "shrug");
                        }

                        i++;
                    }
                    else if (c == '☹')
                    {
                        writer.WriteToken("sadface");
                    }

                    break;
            }

            i++;
        }

        return writer.Length;
    }

    /// <summary>The worst-case output length: the longest expansion per input character is "☹" to " sadface".</summary>
    public static int MaxOutputLength(int sourceLength) => (sourceLength * 8) + 16;

    private static bool IsInnerApostrophe(ReadOnlySpan<char> s, int i) =>
        s[i] is '\'' or '’' or '‘' or '`' or '´' && i + 1 < s.Length && char.IsLetter(s[i + 1]);

    private static bool IsSadEmoji(int codePoint) => codePoint is
        0x1F61E or 0x1F641 or 0x1F614 or 0x1F622 or 0x1F625 or 0x1F61F or 0x1F629 or 0x1F62B or 0x1F62D
        or 0x1F615 or 0x1F494 or 0x1F623 or 0x1F616 or 0x1F613 or 0x1F630 or 0x1F97A;

    private ref struct TokenWriter(Span<char> output)
    {
        private readonly Span<char> _output = output;
        private bool _lastWasModal;

        public int Length { get; private set; }

        public void WriteWord(ReadOnlySpan<char> word)
        {
            if (word.Length > MaxMappedWordLength)
            {
                // Too long to be a word the rules care about (a URL, a pasted id): keep it lower-cased, unmapped.
                Span<char> tail = _output[Separate()..];
                Length += word.ToLowerInvariant(tail);
                _lastWasModal = false;
                return;
            }

            Span<char> lower = stackalloc char[MaxMappedWordLength];
            var length = 0;
            var hadApostrophe = false;
            foreach (var ch in word)
            {
                if (char.IsLetterOrDigit(ch))
                {
                    lower[length++] = char.ToLower(ch, CultureInfo.InvariantCulture);
                }
                else
                {
                    hadApostrophe = true;
                }
            }

            ReadOnlySpan<char> token = lower[..length];
            if (_lastWasModal && token.SequenceEqual("of"))
            {
                token = "have"; // "should of", "must of": a common spelling of "should've".
            }
            else if (ChatLexicon.Canonical(token, hadApostrophe) is { } canonical)
            {
                token = canonical;
            }

            _lastWasModal = token is "should" or "must" or "could" or "would" or "might";
            WriteToken(token);
        }

        public void WriteToken(scoped ReadOnlySpan<char> token)
        {
            var at = Separate();
            token.CopyTo(_output[at..]);
            Length = at + token.Length;
            if (token is "?" or "," or ":")
            {
                _lastWasModal = false;
            }
        }

        private int Separate()
        {
            if (Length > 0)
            {
                _output[Length++] = ' ';
            }

            return Length;
        }
    }
}
