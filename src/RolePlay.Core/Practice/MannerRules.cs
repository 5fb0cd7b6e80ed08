using RolePlay.Core.Content;

namespace RolePlay.Core.Practice;

/// <summary>Which manner a customer reply is written in: a reaction of the engine's to the persona (how frustration
/// shows in their writing, <see cref="PersonaManner"/>), their mood and how it moved this turn, and the seed. It is
/// decided after the engine's state has moved and never read back, so it changes nothing the engine decides.</summary>
internal static class MannerRules
{
    /// <summary>A turn that put this much on frustration is felt at once; smaller rises show only sometimes.</summary>
    private const double Jolt = 1.5;

    /// <summary>Easing at least this much, from at least this frustration, is relief.</summary>
    private const double ReliefDrop = 1.5;

    private const double ReliefFrom = MoodModel.TenseFrom;

    /// <param name="line">The engine's line: one that already thanks needs no words of relief before it.</param>
    /// <param name="before">Frustration before the agent's message (the same as <paramref name="after"/> for a line
    /// no message caused).</param>
    /// <param name="salt">Tells apart several replies in one turn.</param>
    public static Manner Decide(Persona persona, Reaction reaction, string line, double before, double after, SessionState state, int salt)
    {
        var manner = persona.Manner;
        if (reaction == Reaction.Escalates)
        {
            return Upset(manner.Upset, near: true);
        }

        var thanks = manner.Relief.Count == 0 || MannerStyle.Thanks().IsMatch(line);
        if (reaction == Reaction.Resolved)
        {
            return thanks ? Manner.Plain : Manner.Warm;
        }

        if (ReactionTone.Displeased.Contains(reaction) || reaction == Reaction.TimeUp)
        {
            if (after < MoodModel.TenseFrom)
            {
                return Manner.Plain;
            }

            // A tense customer's writing slips now and then, more often near the end of their patience; a jolt
            // (blame, being ignored again) shows at once.
            var near = after >= MoodModel.NearEscalationFrom;
            var shows = after - before >= Jolt || Roll(near ? 2 : 3, state, salt);
            return shows ? Upset(manner.Upset, near) : Manner.Plain;
        }

        // Relief shows once before the end: a second "oh thank goodness" in one conversation reads as a tic.
        var relieved = ReactionTone.Pleased.Contains(reaction) && !thanks
            && before >= ReliefFrom && before - after >= ReliefDrop
            && !state.Transcript.Any(u => u.Manner == Manner.Warm);
        return relieved && Roll(2, state, salt) ? Manner.Warm : Manner.Plain;
    }

    private static Manner Upset(Upset upset, bool near) => upset switch
    {
        Content.Upset.Quiet => Manner.Quiet,
        Content.Upset.Loud when near => Manner.Raised,
        _ => Manner.Terse,
    };

    /// <summary>One chance in <paramref name="oneIn"/>, fixed by the seed, the turn and the line.</summary>
    private static bool Roll(int oneIn, SessionState state, int salt) =>
        StableRandom.Below(oneIn, state.Options.Seed, state.Turn, RandomPurpose.Manner, salt) == 0;
}
