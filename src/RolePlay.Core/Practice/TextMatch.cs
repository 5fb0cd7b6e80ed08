namespace RolePlay.Core.Practice;

internal static class TextMatch
{
    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> as a whole word (or phrase),
    /// ignoring case: "car" does not match "care".</summary>
    public static bool ContainsWord(string text, string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        var start = 0;
        while (start <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            var boundedLeft = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var boundedRight = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (boundedLeft && boundedRight)
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }
}
