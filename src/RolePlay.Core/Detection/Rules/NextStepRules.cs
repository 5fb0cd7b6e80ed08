using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Next step: a concrete commitment. Either an owner ("I'll", "I'm", "let me", "my colleague will") with an
/// action verb and a time ("by 4pm", "tomorrow", "now", "within 3 days"), or an action already done for the
/// customer ("I've booked", "I've raised"). "We'll look into it" has neither a concrete action nor a time.</summary>
internal static partial class NextStepRules
{
    public static bool Matches(ReadOnlySpan<char> s) =>
        DoneAction().IsMatch(s) || DonePassive().IsMatch(s)
        || ((Commitment().IsMatch(s) || ActingNow().IsMatch(s)) && When().IsMatch(s) && !Hedged().IsMatch(s));

    // "We'll try to get someone out next week if possible" promises nothing.
    [GeneratedRegex(@"\b(?:try to|try and|attempt to|if possible|hopefully|maybe|might|should be able|see if (?:i|we) can)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hedged();

    // Chat drops the subject: "Processing the exchange right now", "sending it over now".
    [GeneratedRegex(
        @"^(?:(?:ok|right|so|just|alright|great) (?:, )?){0,2}(?:processing|sending|booking|issuing|raising|cancel+ing|refunding|arranging|escalating|applying|creating|ordering|emailing|resetting|updating|putting|submitting|crediting|scheduling)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ActingNow();

    private const string Action =
        @"(?:call|ring|phon|email|e mail|send|sent|book|rais|refund|issu|process|arrang|escalat|chas|updat|check|follow|cancel|reset|appl|credit|order|set|log|creat|put|add|request|submit|text|messag|contact|schedul|revers|fix|replac|ship|dispatch|post|reimburs|waiv|remov|swap|exchang|collect|deliver|visit|speak|talk|get back|come back|be with you|be in touch|notif|reach out|flag|report|reinstat|unlock|activat|sort|organi[sz]|refund|pay|courier|expedit|upgrad|renew|restor|reconnect|install|repair|investigat|look into|have (?:it|a|the|your)|get|make sure(?! i\b))\w*";

    [GeneratedRegex(
        @"(?:\bi (?:will|shall|am going to|am about to)|\bi am(?: now| just| also)?(?= (?!checking|looking|waiting|trying)\w+ing\b)|\blet me\b|\bexpect(?= (?:a|an|my|our) )|\bwe (?:will|are going to)|\bwe are(?: now| just)?(?= \w+ing\b)"
        + @"|\b(?:colleague|team|engineer|technician|supervisor|manager|specialist|courier|driver|department|someone|somebody|he|she|they)(?: [^ ]+){0,3}? (?:will|is going to|are going to)"
        + @"|\byou will (?:get|receive|see|hear|have(?! to\b)))(?! not\b| never\b)(?: [^ ]+){0,3}? " + Action,
        RegexOptions.CultureInvariant)]
    private static partial Regex Commitment();

    [GeneratedRegex(
        @"\b(?:i|we) (?:have|had) (?:just |now |already |also |personally )?(?:gone ahead and )?(?:re ?)?(?:booked|raised|sent|logged|escalated|arranged|put (?:[^ ]+ ){0,2}(?:through|in)\b|put a|processed|issued|applied|credited|cancel+ed|ordered|requested|reset|scheduled|created|refunded|emailed|updated|reversed|submitted|added|texted|messaged|flagged|set up|dispatched|posted|reinstated|unlocked|activated|waived|removed|replaced|fixed|organi[sz]ed|expedited|upgraded|reconnected)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DoneAction();

    [GeneratedRegex(
        @"\b(?:(?:has|have|is|was) )?(?:just |now |already )?been (?:issued|processed|booked|raised|sent|logged|escalated|arranged|cancel+ed|refunded|credited|dispatched|scheduled|applied|reversed|approved) (?:just )?(?:now|today|this (?:morning|afternoon))\b|\b(?:has|have) (?:just |now )been (?:issued|processed|booked|raised|sent|logged|escalated|arranged|cancel+ed|refunded|credited|dispatched|scheduled|applied|reversed|approved)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DonePassive();

    [GeneratedRegex(Lexicon.When, RegexOptions.CultureInvariant)]
    private static partial Regex When();
}
