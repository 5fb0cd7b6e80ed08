using System.Globalization;
using System.Text;

namespace RolePlay.Infrastructure.Tests;

/// <summary>A representative value of what an ARM template expression left in a Bicep snapshot will be at deployment.
/// The snapshot has already resolved parameters, variables, loops and modules; what remains is <c>format()</c> over
/// literals and values only Azure knows (<c>reference()</c>, <c>environment()</c>). Those become
/// <see cref="Unresolved"/>, a valid DNS label, so a URL keeps its shape: scheme, host, path.</summary>
internal static class ArmExpression
{
    public const string Unresolved = "unresolved";

    public static string Representative(string value)
    {
        if (!value.StartsWith('[') || value.StartsWith("[[", StringComparison.Ordinal))
        {
            return value.StartsWith("[[", StringComparison.Ordinal) ? value[1..] : value;
        }

        var parser = new Parser(value[1..^1]);
        var result = parser.Expression();
        parser.End();
        return result ?? Unresolved;
    }

    /// <summary>Evaluates to a string, or null for a value only Azure knows.</summary>
    private sealed class Parser(string text)
    {
        private int _at;

        public string? Expression()
        {
            Skip();
            if (Peek() == '\'')
            {
                return Literal();
            }

            if (char.IsDigit(Peek()))
            {
                var start = _at;
                while (char.IsDigit(Peek()))
                {
                    _at++;
                }

                return text[start.._at];
            }

            var name = Identifier();
            Expect('(');
            var args = new List<string?>();
            Skip();
            while (Peek() != ')')
            {
                args.Add(Expression());
                Skip();
                if (Peek() == ',')
                {
                    _at++;
                }
            }

            Expect(')');
            var result = name switch
            {
                "format" when args.Count > 0 && args[0] is { } pattern =>
                    string.Format(CultureInfo.InvariantCulture, pattern, [.. args.Skip(1).Select(a => (object)(a ?? Unresolved))]),
                "concat" => string.Concat(args.Select(a => a ?? Unresolved)),
                _ => null,
            };
            return Accessors() ? null : result;
        }

        public void End()
        {
            Skip();
            if (_at != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_at..]}' in ARM expression '{text}'.");
            }
        }

        /// <summary>Reads <c>.name</c> and <c>[index]</c> after a call; true if there were any (the value is then Azure's).</summary>
        private bool Accessors()
        {
            var any = false;
            while (true)
            {
                if (Peek() == '.')
                {
                    _at++;
                    Identifier();
                }
                else if (Peek() == '[')
                {
                    _at++;
                    Expression();
                    Expect(']');
                }
                else
                {
                    return any;
                }

                any = true;
            }
        }

        private string Literal()
        {
            var builder = new StringBuilder();
            _at++;
            while (true)
            {
                if (_at >= text.Length)
                {
                    throw new FormatException($"Unterminated string in ARM expression '{text}'.");
                }

                if (text[_at] == '\'')
                {
                    if (_at + 1 < text.Length && text[_at + 1] == '\'')
                    {
                        builder.Append('\'');
                        _at += 2;
                        continue;
                    }

                    _at++;
                    return builder.ToString();
                }

                builder.Append(text[_at++]);
            }
        }

        private string Identifier()
        {
            var start = _at;
            while (char.IsLetterOrDigit(Peek()) || Peek() == '_')
            {
                _at++;
            }

            return start == _at ? throw new FormatException($"Expected a name at {_at} in ARM expression '{text}'.") : text[start.._at];
        }

        private void Expect(char c)
        {
            Skip();
            if (Peek() != c)
            {
                throw new FormatException($"Expected '{c}' at {_at} in ARM expression '{text}'.");
            }

            _at++;
        }

        private void Skip()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private char Peek() => _at < text.Length ? text[_at] : '\0';
    }
}
