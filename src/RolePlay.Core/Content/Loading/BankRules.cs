namespace RolePlay.Core.Content.Loading;

/// <summary>Which line banks a persona has, which are required, and which placeholders each may hold. Only a few
/// banks take a slot the engine fills from the conversation ({choice}, {said}/{wrong}, {when}, {term}); everywhere
/// else a brace is an author expecting a placeholder that nothing would fill.</summary>
internal static class BankRules
{
    /// <summary>The banks of the first edition: every persona written since has them all.</summary>
    private const Reaction LastRequired = Reaction.TimeUp;

    public static IReadOnlyList<Reaction> Banks { get; } =
        Enum.GetValues<Reaction>().Where(reaction => reaction != Reaction.Tells).ToArray();

    public static bool IsRequired(Reaction reaction) => reaction <= LastRequired;

    public static IReadOnlyList<string> Slots(Reaction reaction) => reaction switch
    {
        Reaction.AnswersChoice => ["choice"],
        Reaction.CorrectsSummary => ["said", "wrong"],
        Reaction.PlanEcho => ["when"],
        Reaction.AsksJargon => ["term"],
        _ => [],
    };
}
