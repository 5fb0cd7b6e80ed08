using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Open question: invites the customer to explain. A how/why/what question at the start of a clause that
/// is not a single-fact request ("what's your postcode?", "how many?") or a greeting ("how can I help?"), or an invitation verb
/// ("tell me", "walk me through", "could you describe"). Yes/no questions (is/do/did/can you ...) are not open.</summary>
internal static partial class OpenQuestionRules
{
    public static bool Matches(ReadOnlySpan<char> s) => WhQuestion().IsMatch(s) || Invitation().IsMatch(s);

    private const string ClauseStart =
        @"(?:^|[,:] )(?:(?:so|and|ok|right|well|then|just|also|but|oh|sure|great|thanks|alright|first|now|hmm|hm|cool|before (?:i|we) \w+ anything|if you do not mind(?: me asking)?|out of interest|honestly|can i ask|may i ask|i am curious|i wonder|i was wondering) (?:, )?){0,3}";

    private const string FactNoun =
        @"(?:number|no|email|e mail|address|postcode|post code|zip|name|reference|ref|date|dob|phone|mobile|serial|model|account|order|id|code|pin|password|username|user|card|total|price|amount|time|birth|surname|booking)";

    [GeneratedRegex(
        ClauseStart
        + @"(?:"
        + @"how (?!(?:many|much|old|about|long ago)\b|are you(?: doing)?(?: today)?(?: \?)?$|(?:can|may|could) (?:i|we) (?:help|assist)|" + Lexicon.Feeling + @"|(?:so|very|really) )"
        + @"|why (?!not\b)"
        + @"|in what way|to what extent"
        + @"|what (?!(?:is|was|are) (?:your|the) (?:\w+ )?" + FactNoun + @"\b|" + FactNoun + @"\b|a |an |i |we |you are (?:saying|telling|describing)|your (?:saying|telling)|you have (?:said|told|described)|else do you want|more do you want|do you (?:want|expect) me)"
        + @")",
        RegexOptions.CultureInvariant)]
    private static partial Regex WhQuestion();

    [GeneratedRegex(
        @"\b(?:can|could|would|will) you (?:please |just |maybe |kindly |perhaps |be able to )?(?:tell me|describe|explain|elaborate|expand on|outline|(?:provide|share|give) (?:me |us )?(?:some |a few |a bit (?:more )?)?(?:more |further |additional )?(?:details|detail|information|info|background|context)|walk me|talk me|share (?:more|what|how|a bit|a little)|say (?:more|a bit|a little)|give me (?:an idea|a sense|some (?:more )?(?:detail|background|context))|help me understand|let me know (?:what|how|why|more))"
        + @"|(?:^|[,:] )(?:(?:so|ok|and|please|first|now|right|then|just) (?:, )?){0,3}(?:tell me|describe|explain|elaborate|walk me through|talk me through|help me understand|share (?:with me )?(?:more|what|how)|say more|let me know (?:what|how|why))"
        + @"|\bi (?:would|d) (?:love|like) to (?:hear|understand|know) (?:more|what|how|why|about)\b"
        + @"|\bdo you mind (?:telling|explaining|sharing|describing|walking)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Invitation();
}
