using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Blame: the agent puts fault on the customer ("you should have", "you forgot to"), on someone else ("the
/// warehouse messed up", "that's the courier's fault", "not my department"), or hides behind policy defensively
/// ("policy is policy", "the policy says no, nothing I can do"). Stating a policy while offering an alternative
/// is a boundary, not blame; owning a mistake ("I messed up") is not blame.</summary>
internal static partial class BlameRules
{
    public static bool Matches(ReadOnlySpan<char> s) =>
        !NegatedFault().IsMatch(s) && Blames(s);

    // "It's not your fault at all", "none of this is on you": reassurance, whoever else the sentence names.
    [GeneratedRegex(
        @"\b(?:not|never|none of (?:this|it|that) (?:is|was)|nothing to do with) (?:\w+ )?(?:your|you r) (?:fault|doing|mistake)\b|\bnone of (?:this|it|that) (?:is|was) on you\b|\byou (?:are|were) (?:fine|not to blame)\b|\bnot on you\b|\bshould not have been you\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NegatedFault();

    private static bool Blames(ReadOnlySpan<char> s) =>
        CustomerFault().IsMatch(s) || OthersFault.IsMatch(s) || OthersMistake().IsMatch(s) || Deflection().IsMatch(s)
        || (!BoundaryRules.OffersAlternative(s) && (PolicyShield().IsMatch(s) || (PolicyMention().IsMatch(s) && Helpless().IsMatch(s))));

    private const string Others =
        @"(?:driver|courier|agent|engineer|installer|technician|tech|colleague|team|staff|store|shop|bank|warehouse|he|she|they|someone|somebody|department|manufacturer|supplier|person|guy|guys|office|it|billing|accounts|marketing|sales|system|lady|man|woman|partner|carrier|provider|isp|company|network|post office|previous agent|other agent)s?";

    [GeneratedRegex(
        @"\byou (?:really |clearly |obviously |just |probably |definitely )?should (?:have|not have)\b(?! had to)"
        + @"|\byou (?:were|are) (?:supposed|meant|required|told) to\b(?! (?:fly|be|get|receive|arrive|have|go|travel|leave|start|meet|see|hear|collect|pick|move)\b)|\byou needed to\b|\byou were (?:clearly |already |definitely )?(?:told|informed|warned|notified) (?:about (?:this|that|it)|in the|at the time|beforehand|before|when you)"
        + @"|\byou (?:must|might|probably|obviously|clearly) have (?!been\b|had\b)[^ ]+"
        + @"|\byou (?:clearly |obviously |simply |just |probably |apparently )?(?:did not|never) (?:bother|read|check|tell|update|register|cancel|follow|return|keep|contact|call|notice|pay|submit|activate|reply|respond|save|inform|let us know|provide|look|install|turn)\b"
        + @"|\byou (?:clearly |obviously |simply |just |probably |apparently )?(?:forgot|ignored|failed to|neglected to|missed the deadline)\b"
        + @"|\bif you (?:had|would have|would) (?!like|prefer|rather|want|need|any|mind|be|please|stop|just|let|a\b|an\b)[^ ]+"
        + @"|\b(?:because|since) you (?:did not|never|forgot|ignored|clicked|chose|ticked|selected|entered|typed|missed|failed|used|put|agreed|signed)\b|\b(?:it is|that is|this is) because you\b"
        + @"|\byou (?:have |had )?(?:clicked|ticked|chose|chosen|selected|picked|entered|typed|put|put in|gave us|given us|used|ordered|bought|booked) (?:the |a )?(?:wrong|cheapest|incorrect|box|option to)\b|\byou agreed to the\b"
        + @"|\byou (?:need|have|ought) to (?:read|pay attention|be more careful)\b|\bmore carefully\b|\bwhen (?:people|customers|users|you) (?:ignore|skip|forget|do not (?:read|follow|update))\b|\byou (?:\w+ )?(?:entered|typed|put in|set up|used) (?:your |the )?\w+ (?:wrong|incorrectly)\b|\b(?:someone|somebody|your \w+) (?:must|might|probably|may) have (?:changed|deleted|cancel+ed|reset|moved|clicked|entered|turned|unplugged|unsubscribed|removed|switched|blocked)\b|\byou (?:are|were) (?:just |simply |probably |obviously |clearly )?\w+ing (?:it|this|that|them|the \w+) (?:wrong|incorrectly)\b"
        + @"|\byour (?:own )?fault\b|\b(?:that is|it is) (?:on you|your (?:mistake|error|responsibility))\b"
        + @"|\b(?:someone|somebody) (?:in|at) your (?:household|family|house|home|office)\b"
        + @"|\byou agreed to (?:them|it|this|that|these)\b|\b(?:it is|that is) on you\b|\bon you$|\byour \w+ (?:[^ ]+ ){0,4}that is why\b|\byou \w+ (?:[^ ]+ ){0,6}that is why\b|\b(?:it is|that is|is) (?:probably |likely |most likely )?your (?:wifi|wi fi|router|phone|device|internet|connection|browser|app)\b|\byou were told\b|\b(?:right there|clearly (?:stated|written|shown|indicated)) (?:at|on|in)\b|\b(?:indicated|stated|written) (?:on|in) the (?:email|terms|contract|receipt|website)\b"
        + @"|\bi am (?:only|just) an? (?:agent|advisor|adviser)\b|\bnot (?:making|the one making) (?:these|the) rules\b|\bi am not the one (?:that|who)\b|\b\w+ (?:partner s |s )?side\b(?<!\b(?:our|my) \w+ side)(?= ,| we)|\bwe (?:just|only) do the\b"
        + @"|\byou people\b|\byou are the one (?:who|that)\b|\byou only (?:read|did|checked|sent|filled)\b|\bwhich you (?:did not|never|forgot)\b|\b(?:is|was) (?:\w+ )?(?:down to|on) your (?:side|end)\b|\b(?:is|was) (?:\w+ )?down to you\b(?! to| which| whether| how)"
        + @"|\byou (?:did not|never) (?:answer|level|charge|send|give|sign|attach|upload|select|choose|enter|ask|mention|request|specify)\b|\bwrong \w+ you (?:typed|entered|gave|put)\b|\b(?:terms|conditions)(?: of \w+)? you (?:accepted|agreed|signed)\b|\byou (?:chose|picked|selected) the (?:basic|cheapest|wrong|standard)\b|\bif (?:people|customers) (?:read|checked|followed)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CustomerFault();

    private static readonly Regex OthersFault = Lexicon.Dfa(
        @"\b\w*[a-rt-z0-9]s (?:fault|problem|responsibility|mistake|error|doing)\b|\b(?:their|his|her|its) (?:fault|mistake|error|problem|responsibility|doing)\b|\bis (?:problem|fault)\b|\b(?:that|it) is because (?:the|your|our) \w+ (?:did not|forgot|failed|messed|never)\b|\b(?:before me|previous (?:agent|team|person|colleague)|last (?:agent|person))\b(?: [^ ]+){0,3}? (?:did not|never|forgot|failed|messed|should)\b"
        + @"|\b" + Others + @"(?: [^ ]+){0,4}? (?:obviously |clearly |just |never |apparently )?(?:should (?:not )?have|did not (?:bother|do|check|read|knock|ring|leave|follow)|did not (?:\w+ ){1,3}(?:properly|correctly|right)\b|failed to|forgot to|(?:was|were|is|are) (?:responsible|liable|useless|rubbish|incompetent|hopeless|to blame|the problem|the one|the ones))\b"
        + @"|\bfault of\b|\bfault (?:is|lies) with\b|\b(?:is|are) the ones? (?:who|that)\b"
        + @"|\bblame (?:them|him|her|the|head office|management|it|that|those|\w+ not me)\b|\bnot me\b|\bnot us\b|\bnot ours\b|\bnot mine\b");

    // A mistake pinned on someone else; "I messed up" or "we made a mistake" owns it instead.
    [GeneratedRegex(
        @"\b(?:messed|screwed|mucked|stuffed|cocked) (?:it |this |that |things )?up\b(?<!\b(?:i|we|i have|we have|i really|we really|i totally|we totally|i may have|we may have|i might have|i think i) \w+ (?:\w+ )?up)"
        + @"|\b(?<!\b(?:i|we|i have|we have) )(?:dropped the ball|got (?:it|this|that|your \w+) wrong|made a (?:mistake|mess|bad|error|mix up|hash)|keeps? (?:getting|making|messing|losing|breaking)|broke (?:the|it|your|this|that)|(?:gave|sent|told) you (?:the )?wrong|did (?:it|this|that|the job|the \w+) (?:wrong|badly)|sent (?:the|us the|you the) wrong|lost (?:it|your|the)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex OthersMistake();

    [GeneratedRegex(
        @"\bnot (?:really |entirely |strictly )?(?:our|my) (?:fault|problem|issue|responsibility|department|job|call|decision|doing|area|team|remit)\b|\bnot up to (?:me|us)\b|\b(?:we are|we re|i am|the company is) not (?:really )?(?:responsible|liable)\b|\bnot (?:really )?our responsibility\b"
        + @"|\bnothing to do with (?:me|us|our|my)\b|\bnot on (?:us|me)\b|\bon (?:them|him|her|their end|their side)\b|\btalk to them\b|\bspeak to them\b"
        + @"|\btake (?:it|this|that) up with\b|\bhead office (?:decided|made|decision|says|rules)\b|\bthat is head office\b|\b(?:they|management) made the decision\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Deflection();

    [GeneratedRegex(
        @"\b(?:policy|rules?|terms) (?:is|are) (?:the )?(?:policy|rules?|terms)\b|\bi (?:do not|did not) (?:make|write|set) the (?:rules|polic\w*)\b|\bi (?:just|only) (?:follow|work here|do what)\b|\baccording to (?:the |our )?polic\w* (?:i|we) can not do anything\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PolicyShield();

    [GeneratedRegex(@"\b(?:polic\w*|rules?|terms|head office|management|system)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyMention();

    [GeneratedRegex(
        @"\bnothing (?:i|we) can do\b|\bnot up to (?:me|us)\b|\bmy hands are tied\b|\bcan not do anything\b|\bnot my\b|\bnot our\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Helpless();
}
