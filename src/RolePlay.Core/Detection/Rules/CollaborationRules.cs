using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Collaboration: the agent invites the customer to choose or shape the solution ("what would work best
/// for you?", "would you prefer A or B?", "let's figure this out together", "it's your call").</summary>
internal static partial class CollaborationRules
{
    public static bool Matches(ReadOnlySpan<char> s) => PreferenceQuestion().IsMatch(s) || Invitation.IsMatch(s) || Together().IsMatch(s) || EitherOr().IsMatch(s);

    // "Let's sort this together", but not "putting that together" (a summary) or "together with".
    [GeneratedRegex(@"(?<!\b(?:putting|put|piece|pieced|piecing) (?:\w+ ){0,2})\btogether\b(?! with)", RegexOptions.CultureInvariant)]
    private static partial Regex Together();

    [GeneratedRegex(
        @"\b(?:what|which|how|when|where)\b(?: [^ ]+){0,6}? (?:(?:work|works|suit|suits|convenient|easier|easiest|best|better|ideal|fair|helpful|useful|right|good|sense)(?: [^ ]+)? for you|suits? you|would you (?:prefer|rather|like (?:me|us) to|like to (?:happen|do|proceed|go|see happen|try|get|pay|receive|send|hear|handle|have|be contacted))|do you (?:prefer|think would|think is fair)|you (?:would )?prefer|you would like|like (?:me|us) to|(?:matters|important) (?:most )?to you|feel about|outcome|proceed|ideal|fair|help (?:you )?most|suit you)\b|\byou (?:choose|decide|pick)\b(?! (?:to|not)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PreferenceQuestion();

    private static readonly Regex Invitation = Lexicon.Dfa(
        @"\bwould you (?:prefer|rather|like (?:me|us) to|like to (?:try|go|choose|pick|start))\b|\b(?:do|would) you prefer\b|\bor (?:would|do) you (?:rather|prefer)\b"
        + @"|\bwhichever (?:\w+ )?(?:you|suits|works|is)\b|\b(?:your|you r) (?:call|choice|decision)\b|\bup to you\b"
        + @"|\b(?:you can|you could|feel free to|i would like you to|i will let you|let you) (?:choose|decide|pick)\b|^(?:choose|decide|pick)\b|(?:^|, )(?:you tell me|tell me what you (?:think|would like|prefer|want))\b"
        + @"|\bwhich (?:one |of (?:the|these|those) (?:\w+ )?)?(?:would|do|will) you (?:go for|choose|pick|want|like|prefer)\b|\byour (?:input|thoughts|ideas|take)\b|\bwhat would (?:\w+ ){1,3}look like\b|\bwhich (?:\w+ )?(?:sounds|seems|looks|is) (?:better|best|easier|nicer)\b|^what do you think \?|\b(?:either|any|one) of (?:those|these|them|the options)\b|\b(?:these|those) options\b|\b(?:go|going|happy|fine|ok) (?:\w+ )?either way\b|\bgo from here\b|\bwhere (?:do|would) you (?:want|like) to (?:go|start)\b|\b(?:how|what) about (?:we|if we|i)\b|\bwhat if we\b|\blet us (?:figure|work|decide|look|sort|find|go through|come up|try|think|choose|explore|plan|agree)\b|\bshall we\b|\bwe could (?:either|also|try)\b"
        + @"|\b(?:is|are) there (?:a|any) (?:[^ ]+ )?(?:time|day|date|slot|option|way|place)s? (?:that )?(?:works?|suits?|would)\b"
        + @"|\bwould it (?:be (?:easier|better|simpler|more convenient)|help|suit you|work (?:better )?for you) if\b|\b(?:your|a|any) preference\b|\bopen to (?:ideas|suggestions|other)\b|\b(?:happy|fine|glad) to go with\b|\bhow close we can get\b"
        + @"|\bfits? (?:in with )?your (?:schedule|budget|needs|plans|day)\b|\bsuits? your\b|\b(?:like|want) me to do differently\b"
        + @"|\b(?:two|a few|some|several|three|a couple of) (?:options|ways|choices)\b|\boptions? for you\b"
        + @"|\bor would (?:another|a different|an? other) \w+ (?:be|suit|work)\b|\b(?:want|like|prefer) (?:that|this|it) or\b|\bwhat matters most\b|\bmost important (?:thing )?(?:to|for) you\b|\byou (?:would )?(?:want|like) us to\b|\bwould you want\b"
        + @"|\bwould make (?:you|your \w+|him|her|them) (?:happy|happier|comfortable|feel)\b|\bfeels? (?:manageable|right|comfortable|doable)\b|\btell me what (?:works|suits)\b|\bwould you (?:change|add) anything\b|\bor shall i\b");

    // An either/or put to the customer: "would you like the refund or a voucher?", "shall I skip March or pause it?".
    [GeneratedRegex(@"\b(?:would you|shall (?:i|we)|should i|do you (?:want|prefer))\b(?: [^ ?]+)+? or (?!not\b)[^?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex EitherOr();
}
