using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Empathy: the agent names or validates the customer's feeling or situation. Either a set phrase
/// ("sorry to hear", "makes total sense", "I'd be fuming too") or an acknowledging word ("sorry", "I can see",
/// "sounds") together with a word that names a feeling or a hard situation.</summary>
internal static partial class EmpathyRules
{
    public static bool Matches(ReadOnlySpan<char> s) =>
        SetPhrase.IsMatch(s) || GetIt().IsMatch(s) || NamedFeeling().IsMatch(s) || NamedSituation.IsMatch(s)
        || (Acknowledger().IsMatch(s) && Feeling.IsMatch(s) && !Canned().IsMatch(s));

    // "I apologise for any frustration this may have caused": the stock apology names no one's feeling.
    [GeneratedRegex(@"\b(?:for|about) any (?:\w+ )?(?:inconvenience|frustration|trouble|distress|upset|confusion|difficult\w*|hassle|concern)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Canned();

    // The situation itself called hard, whatever the subject: "a leak through the ceiling is horrible to deal
    // with", "a week of chasing this would drive anyone mad". Only words that can only describe an ordeal.
    private static readonly Regex NamedSituation = Lexicon.Dfa(
        @"\b(?:is|are|was|were|must be|must have been|would be|has been|can be) (?:so |really |very |genuinely |truly |incredibly |absolutely |such |such a |a |a real |quite |pretty |deeply |honestly |just |beyond ){0,3}"
        + @"(?:terrif\w*|scary|frightening|horrible|awful|terrible|maddening|infuriating|galling|dishearten\w*|devastat\w*|heartbreak\w*|gutting|mortifying|humiliating|embarrassing|upsetting|stressful|worrying|distressing|exhausting|wearing|draining|frustrating|annoying|disappointing|letdown|let down|unfair|nightmare|alarming|unsettling|nerve \w*racking|shock\w*|miserable|rotten|rough|grim|tiring|desperate|a (?:considerable |real |huge )?burden)\b"
        + @"|\b(?:drive|drives|driving) (?:anyone|anybody|everyone|you|most people) (?:mad|crazy|up the wall|round the bend)\b|\bwould make anyone\b|\banyone would (?:be|feel)\b|\b(?:a lot|so much|too much) to (?:handle|deal with|take in|cope with|go through)\b"
        + @"|\bcan only imagine\b|\bi would be (?:\w+ )?too\b|\bnot wrong to (?:be|feel)\b|\bunderstandably (?:upset|angry|frustrated|worried|annoyed|concerned|anxious)\b|\bnot how it should be\b|\bnot going to pretend\b|\bdesperate situation\b|\b(?:a lot of|serious|real) money to (?:be out|lose)\b|\bno fun\b|\bnot fair on\b");

    private static readonly Regex SetPhrase = Lexicon.Dfa(
        @"\b(?:sorry|apologies) (?:to (?:hear|learn|read|see)|(?:about|for) (?:that|this|all (?:that|this|of this|the))\b|(?:that|this) (?:happened|has happened)|(?:that )?you (?:have|had|are|were|went|did|got)\b)"
        + @"|\b(?:so|really|very|truly|terribly|incredibly|deeply|super|genuinely|extremely|awfully) sorry\b"
        + @"|\bi (?:can|could) (?:\w+ )?(?:see|imagine|understand|tell|hear) (?:how|why|what a|this (?:has|is|must))\b"
        + @"|\b(?:i|we) (?:\w+ )?(?:understand|get|appreciate) (?:how|why|what you|your (?:frustration|concern|worry|disappointment|situation|point|feelings?|anger|annoyance|position))\b"
        + @"|\b(?:i|we) (?:\w+ )?know how (?:important|much|hard|stressful|frustrating|upsetting)\b"
        + @"|\b(?:totally|completely|fully|perfectly|very|so|quite|that is|it is|is) understandable\b|\bunderstandable that\b"
        + @"|\bmakes? (?:total |complete |perfect |a lot of )?sense (?:that|why)\b|\bmakes? (?:total|complete|perfect) sense\b"
        + @"|\b(?:you are|you were) right to\b|\bevery right\b|\b(?:fair|good|valid) point\b"
        + @"|\b(?:is|are) (?:completely |totally |absolutely |perfectly |entirely )?(?:valid|justified|legitimate)\b"
        + @"|\bwhat a (?:nightmare|pain|hassle|mess|headache|palaver|ordeal|shame|day|week)\b"
        + @"|\bshould not have (?:happened|had to)\b|\bnot the experience you\b|\byou deserve(?:d)? better\b"
        + @"|\bi (?:can |could )?hear (?:how|that you|that this|this|you are|your)\b"
        + @"|\b(?:totally|completely|fully|absolutely) understand (?:why|how|that|your|the|what|you)\b|\bwould (?:feel|be) (?:exactly )?the same\b|\b(?:normal|natural|understandable|fair|reasonable|ok) to (?:feel|be)\b|\b(?:that|this|it) (?:sounds|seems|is) like (?:a lot|so much|too much)\b|\byou (?:have|had)(?: \w+)? (?:had|been through|been having) (?:a |such a |quite a )?(?:really |very |pretty |such a )?(?:rough|tough|hard|difficult|horrible|awful|terrible|bad|long|stressful|frustrating|miserable)\b|\bwish i (?:had|could give you) better news\b|\bsituation to be in\b|\b(?:i|anyone) would (?:hate|not want|not like) (?:that|this|it)\b|\bnobody (?:wants|likes|needs)\b|\bno one (?:wants|likes|needs)\b|\bno wonder\b|\bnot fair (?:on|to|for) you\b|\bi feel (?:for )?you\b|\bfeel your pain\b|\blast thing you need\b|\bnot (?:the (?:service|standard|experience) (?:you|we|anyone)|good enough|acceptable)\b|\bnot on$|\bnot on ,");

    // "I totally get it", but not "get it done" or "did I get that right".
    [GeneratedRegex(
        @"\bi (?:totally |completely |really |fully )get (?:it|that|why)\b(?! done| sorted| fixed| to| right| correct| wrong)|\bi get why\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex GetIt();

    // A copula or "would be" right before the feeling word: "that is awful", "I'd be fuming too".
    [GeneratedRegex(
        @"\b(?:that|this|it|which|everything|being \w+(?: \w+)?) (?:is|was|has been|must be|must have been|must feel|sounds|seems|looks|feels) (?:like )?(?:so |really |very |such |incredibly |absolutely |totally |truly |just |pretty |quite |super |literally |honestly |seriously |hugely |extremely |kind of |kinda |a |an |such a |really a |a really |a very |a real |a lot ){0,4}"
        + Lexicon.Feeling
        + @"|\bwould (?:be|feel|have been|drive me) (?:so |really |pretty |quite |just as |absolutely |very |a bit |the same )?(?:mad|" + Lexicon.Feeling + ")",
        RegexOptions.CultureInvariant)]
    private static partial Regex NamedFeeling();

    [GeneratedRegex(
        @"\b(?:sorr(?:y|ie)|apolog\w*|understand|imagine|i (?:can|could) (?:\w+ )?(?:see|hear|tell)|i hear|get it|i know|sounds?|must (?:be|have been|feel)|oh no|oh dear|ugh|omg|aw+|no wonder|of course you|being|appreciate)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Acknowledger();

    private static readonly Regex Feeling = Lexicon.Dfa(
        @"\b" + Lexicon.Feeling);
}
