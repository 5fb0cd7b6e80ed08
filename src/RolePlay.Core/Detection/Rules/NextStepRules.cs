using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Next step: a concrete commitment. Either an owner ("I'll", "I'm", "let me", "my colleague will") with an
/// action verb and a time ("by 4pm", "tomorrow", "now", "within 3 days"), or an action already done for the
/// customer ("I've booked", "I've raised"). "We'll look into it" has neither a concrete action nor a time.</summary>
internal static partial class NextStepRules
{
    public static bool Matches(ReadOnlySpan<char> s) =>
        DoneAction().IsMatch(s) || DonePassive().IsMatch(s) || DoneShort().IsMatch(s)
        || ((Commitment().IsMatch(s) || ActingNow().IsMatch(s) || DoneWithTime().IsMatch(s) || OnItsWay().IsMatch(s)) && When().IsMatch(s) && !Hedged().IsMatch(s));

    // Chat drops the subject of a done action: "rebooked your dad on QR 017", "refund done", "closed it now".
    [GeneratedRegex(
        @"^(?:(?:ok|okay|done|right|so|great|all done|sorted|perfect) (?:, )?){0,2}(?:re ?booked|switched|closed|cancel+ed|refunded|booked|restored|cleared|credited|moved|reduced|issued|processed|reversed|added|removed|unlocked|activated|reset|fixed|pushed|raised|logged|escalated|sent) (?:it|this|that|your|you|the|them|\d)\b"
        + @"|^(?:ok |okay |so |great )?(?:the )?(?:refund|cancellation|transfer|replacement|booking|exchange|reset|credit|payment|reversal|change|claim) (?:is |has been )?(?:done|complete|completed|processed|sorted|approved)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DoneShort();

    // "The double charge is reversed today", "the card is posted first class today".
    [GeneratedRegex(
        @"(?<!\b(?:matter|case|conversation|discussion|chat|complaint|ticket) )\b(?:is|are|was|were) (?:now |already |just |also )?(?:reversed|posted|approved|dispatched|sent|cancel+ed|refunded|credited|issued|booked|restored|reconnected|closed|cleared|applied|released|waived|removed|fixed|reset|unlocked|reactivated|reserved|rebooked|scheduled|arranged)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DoneWithTime();

    // A delivery with its time: "it goes out by courier today", "the payment goes to your account tomorrow".
    [GeneratedRegex(
        @"\b(?:it|payment|refund|credit|card|replacement|parcel|package|order|engineer|technician|money|confirmation|label|letter)s? (?:\w+ ){0,2}?(?:goes|will go|ships|will ship|leaves|will leave|arrives|will arrive|will reach|lands|will land|will reflect|will show|will be (?:with you|at your|in your|on your))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OnItsWay();

    // "We'll try to get someone out next week if possible" promises nothing.
    [GeneratedRegex(@"\b(?:try to|try and|attempt to|if possible|hopefully|maybe|might|should be able|see if (?:i|we) can)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hedged();

    // Chat drops the subject: "Processing the exchange right now", "sending it over now".
    [GeneratedRegex(
        @"^(?:(?:ok|right|so|just|alright|great) (?:, )?){0,2}(?:processing|sending|booking|issuing|raising|cancel+ing|refunding|arranging|escalating|applying|creating|ordering|emailing|resetting|updating|putting|submitting|crediting|scheduling)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ActingNow();

    private const string Action =
        @"(?:call|ring|phon|email|e mail|send|sent|book|rais|refund|issu|process|arrang|escalat|chas|updat|check|follow|cancel|reset|appl|credit|order|set|log|creat|put|add|request|submit|text|messag|contact|schedul|revers|fix|replac|ship|dispatch|post|reimburs|waiv|remov|swap|exchang|collect|deliver|visit|speak|talk|get back|come back|be with you|be in touch|notif|reach out|flag|report|reinstat|unlock|activat|sort|organi[sz]|refund|pay|courier|expedit|upgrad|renew|restor|reconnect|install|repair|investigat|look into|have (?:it|a|the|your)|get|make sure(?! i\b)|stay|keep|hold|monitor|track|reserv|print|move|switch|clos|clear|block|chang|writ)\w*";

    [GeneratedRegex(
        @"(?:\bi (?:will|shall|am going to|am about to)|\bi am(?: now| just| also)?(?= (?!checking|looking|waiting|trying)\w+ing\b)|\blet me\b|\bexpect(?= (?:a|an|my|our) )|\bwe (?:will|are going to)|\bwe are(?: now| just)?(?= \w+ing\b)"
        + @"|\b(?:colleague|team|engineer|technician|supervisor|manager|specialist|courier|driver|department|someone|somebody|he|she|they)(?: [^ ]+){0,3}? (?:will|is going to|are going to)"
        + @"|\byou will (?:get|receive|see|hear|have(?! to\b)))(?! not\b| never\b)(?: [^ ]+){0,3}? " + Action,
        RegexOptions.CultureInvariant)]
    private static partial Regex Commitment();

    [GeneratedRegex(
        @"\b(?:i|we) (?:have|had) (?:just |now |already |also |personally )?(?:gone ahead and )?(?:re ?)?(?:booked|raised|sent|logged|escalated|arranged|put (?:[^ ]+ ){0,2}(?:through|in)\b|put a|processed|issued|applied|credited|cancel+ed|ordered|requested|reset|scheduled|created|refunded|emailed|updated|reversed|submitted|added|texted|messaged|flagged|set up|dispatched|posted|reinstated|unlocked|activated|waived|removed|replaced|fixed|organi[sz]ed|expedited|upgraded|reconnected|closed|cleared|restored|attached|moved|switched|reduced|pushed|re ?provisioned|called|phoned|rang|spoken|printed|split|corrected|approved|changed|transferred|paid|released|returned|blocked|extended|renewed|reserved|marked|cancelled)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DoneAction();

    [GeneratedRegex(
        @"\b(?:(?:has|have|is|was) )?(?:just |now |already )?been (?:issued|processed|booked|raised|sent|logged|escalated|arranged|cancel+ed|refunded|credited|dispatched|scheduled|applied|reversed|approved) (?:just )?(?:now|today|this (?:morning|afternoon))\b|\b(?:has|have) (?:just |now )been (?:issued|processed|booked|raised|sent|logged|escalated|arranged|cancel+ed|refunded|credited|dispatched|scheduled|applied|reversed|approved)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DonePassive();

    [GeneratedRegex(Lexicon.When, RegexOptions.CultureInvariant)]
    private static partial Regex When();
}
