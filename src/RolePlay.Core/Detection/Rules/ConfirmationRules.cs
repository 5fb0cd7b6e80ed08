using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Confirmation: the agent checks understanding or agreement ("does that sound right?", "have I got that
/// right?", "can you confirm this is ...", a closing "right?"). A request for data ("please confirm your name")
/// is not a check of understanding.</summary>
internal static partial class ConfirmationRules
{
    public static bool Matches(ReadOnlySpan<char> s) => Check.IsMatch(s) || JustToCheck().IsMatch(s) || SuitsYou().IsMatch(s);

    // "Does Thursday at 11 suit you?" checks agreement; "do either of those work for you?" offers a choice.
    [GeneratedRegex(
        @"^(?:does|do|would|will|is|are) (?!either|any|which|one of)(?:\w+ ){1,6}(?:suit you|work for you|ok for you|okay for you|good for you|convenient for you|work \?)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SuitsYou();

    // "Just to check, ..." asks for agreement; "just to check I've understood" opens a summary instead.
    [GeneratedRegex(@"\bjust to (?:confirm|double check|clarify|be sure|check)\b(?! i )", RegexOptions.CultureInvariant)]
    private static partial Regex JustToCheck();

    private static readonly Regex Check = Lexicon.Dfa(
        @"\b(?:is|was) (?:that|this|it|everything)(?: all| about| roughly| more or less| broadly)? (?:right|correct|accurate|ok|alright|fine|fair|clear|true|what you (?:meant|mean|are after|wanted|want|need|were after|were looking for|had in mind)|the (?:right|correct) \w+)\b"
        + @"|\b(?:does|do|would|will) (?:that|this|it|everything|that all|this all|all (?:that|this))(?: all)?(?: \w+)? (?:sound|make sense|work|help|answer|suit|seem|cover|look|clear (?:\w+ )?up|be (?:ok|alright|acceptable|fine|enough|good|possible))\b"
        + @"|\bdid (?:that|this|it|everything|all that)(?: all)? (?:make sense|answer|cover|clear)\b|\b(?:have|did) i (?:got|get|understood|understand|misunderstood|missed|miss|capture|captured|summari[sz]ed|explained|cover|covered)\b"
        + @"|\bam i (?:understanding|right|correct|on the right track|getting|reading|hearing)\b"
        + @"|\bis (?:that|this) (?:a |an )?(?:fair|accurate|good|correct|right|reasonable) (?:summary|description|picture|reflection|way to put it)\b|\b(?:do|can) we agree\b|^(?:are you )?(?:happy|ok|alright|comfortable|good) with (?:that|this)\b|^(?:all|everything) (?:clear|good|ok|sorted) \?|\bis my understanding (?:correct|right|accurate)\b|\b(?:please |kindly )?confirm (?:if|whether) (?:that|this|it|everything|my)\b|^(?:that|this) (?:work|works|sound good|sounds good|suit|suits|ok)(?: for you)? \?|\bsame page\b|\b(?:would|do) you agree\b|\bare we (?:on the same page|agreed|good|clear|aligned|ok)\b"
        + @"|\b(?:can|could|would) you (?:please |just |quickly )?(?:confirm|double check|verify|check) (?:that|this|it|those|these|for me|if|whether|the (?:[^ ]+ ){1,4}(?:is|are))\b"
        + @"|\bcan i (?:just |quickly )?(?:check|confirm|double check)\b"
        + @"|(?:^|, )(?:right|yes|correct|ok|true|agreed) \?"
        + @"|^(?:does (?:that|this) )?sounds? (?:ok|good|right|fair|alright)\b"
        + @"|^(?:that )?makes? sense \?"
        + @"|\bare you (?:happy|ok|comfortable|alright|fine) with\b"
        + @"|\b(?:is|are) (?:everything|things|we) (?:clear|good|ok)\b"
        + @"|\bis (?:that|this) (?:it|the (?:situation|issue|problem|case)|what (?:is|was) happening|what you mean|what you meant)\b|\bthat is (?:it|the issue|what you mean)(?: ,)?(?: yes| yeah| right)? \?"
        + @"|[,:] (?:correct|right|yes|yeah|ok|fine|agreed|true)(?: ,)?(?: \w+)? \?$|\bis correct \?|\bwe agree \?|\b(?:fine|ok|alright|good) (?:with|for) you \?|\beverything (?:correct|right|ok) \?|\b(?:tama|sahi|theek) "
        + @"|\bthat (?:sound|sounds) (?:ok|good|alright|fair)\b"
        + @"|\b(?:correct|stop) me if i am wrong\b|\blet me know if i (?:have |ve )?(?:missed|got|understood|misunderstood)\b");
}
