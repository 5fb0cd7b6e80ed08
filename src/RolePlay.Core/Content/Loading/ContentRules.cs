namespace RolePlay.Core.Content.Loading;

/// <summary>The limits content is validated against, in one place so messages and docs agree.</summary>
internal static class ContentRules
{
    public const int MinAge = 16;
    public const int MaxAge = 110;
    public const double MaxSensitivity = 5.0;

    /// <summary>Longest line a persona on a patchy or poor connection may send: their artifacts show in the chat.</summary>
    public const int ShortBurstMaxChars = 60;

    /// <summary>Sessions are short (3–8 agent turns): an exercise longer than that is not daily micro-practice.</summary>
    public const int MinTurns = 3;
    public const int MaxTurns = 8;
    public const int DefaultMaxTurns = 6;

    /// <summary>Customer lines are said as written: a brace means an author expected a placeholder ({goal},
    /// {agent_name}) that nothing would fill, so the customer would say it literally.</summary>
    public const string PlaceholderMessage = "placeholders such as {goal} are not filled in: write the words out";

    public static bool HasPlaceholder(string line) => line.AsSpan().IndexOfAny('{', '}') >= 0;

    /// <summary>A content file is hand-written YAML; anything bigger is a mistake and would slow startup.</summary>
    public const int MaxFileChars = 512 * 1024;
}
