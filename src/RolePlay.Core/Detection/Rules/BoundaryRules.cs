using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Boundary: the agent states a limit ("I can't extend the warranty", "that isn't possible", "we only
/// offer exchanges", "unfortunately ... not"), usually with an alternative. "I can't help" and "there's nothing I
/// can do" are not limits on something specific, so they are left to blame and dismissive.</summary>
internal static partial class BoundaryRules
{
    public static bool Matches(ReadOnlySpan<char> s) => Limit().IsMatch(s) || (Hedge().IsMatch(s) && Negative().IsMatch(s));

    /// <summary>The agent offers something instead ("but I can", "what I can do is"): a boundary, never defensive blame.</summary>
    public static bool OffersAlternative(ReadOnlySpan<char> s) => Alternative().IsMatch(s);

    [GeneratedRegex(
        @"\b(?:i|we)(?: really| just| unfortunately| sadly| honestly| simply| currently)? (?:can not|could not|am not able to|are not able to|am unable to|are unable to|will not be able to|would not be able to|am not going to be able to|are not going to be able to|am not allowed to|are not allowed to|am not permitted to|am not authori[sz]ed to|are not authori[sz]ed to|are not permitted to|am not in a position to|are not in a position to|do not have the (?:authority|ability|option|power) to)(?: really| actually)? (?!help\b|do anything|do much|do more|see (?:why|how|what|that|it|any|anything|a record|the (?:problem|issue|point|order|record))\b|find\b|understand|hear\b|believe|wait\b|thank|stress|emphasi|apologi|say\b|tell you (?:how|enough)|imagine|locate)"
        + @"|\b(?:is|are) not (?:possible|allowed|permitted|available|something (?:i|we)|an option)\b|\bnot something (?:i|we)\b"
        + @"|\b(?:is|are|falls) (?:outside|beyond) (?:of )?(?:what|my|our|the)\b"
        + @"|\bthe (?:best|earliest|soonest|most|fastest|quickest|latest|closest) (?:i|we) can (?:do|offer|manage|arrange|get)\b"
        + @"|\b(?:i|we) can only (?!imagine|think|guess|apologi[sz]e|say)|\b(?:we|i) only (?:offer|accept|deliver|ship|refund|provide|discuss|exchange|do|allow|cover)\b"
        + @"|\bwe do not (?:offer|deliver|ship|accept|provide|allow|support|sell|refund|exchange|cover|do (?:refunds|exchanges|that|this))\b"
        + @"|\bagainst (?:our|the|company) (?:terms|polic\w*|rules)\b|\b(?:will not|does not|do not|would not) (?:let|allow) (?:me|us)\b|\bpolic\w* (?:does not|will not|would not|do not) (?:allow|permit|cover|let)\b|\bnot (?:within|in) my (?:power|control|authority|remit|gift)\b|\bbeyond my (?:power|control|authority|remit)\b|\bno can do\b|\bi wish i could\b|\bwhat i can do (?:is|instead)\b|\bhere is what i can\b"
        + @"|\b(?:can not|unable to) (?:guarantee|promise)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Limit();

    [GeneratedRegex(@"(?:^|, )(?:unfortunately|regrettably|sadly|i am afraid)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hedge();

    [GeneratedRegex(@"\b(?:not|no|only|unable|can not|nothing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(
        @"\b(?:but|however|though|instead)(?: ,)? (?:i|we) (?:can|could|will|am able|are able|would be happy)\b|\bwhat (?:i|we) can (?:do|offer)\b|\binstead\b|(?<!nothing )\b(?:i|we) can (?:offer|arrange|give you|send|add)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Alternative();
}
