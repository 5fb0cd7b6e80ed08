using System.Text.RegularExpressions;
using RolePlay.Core.Content;

namespace RolePlay.Core.Practice.Reading;

/// <summary>The word patterns the engine reads an agent's message with, beyond the detector's nine labels: what a
/// plan depends on, vague promises, small talk, jargon, rushing, an outage disclosed. Matched case-insensitively on
/// the message as typed.</summary>
internal static partial class Cues
{
    /// <summary>Questions that invite the customer's story whatever their problem ("what happened?").</summary>
    [GeneratedRegex(@"\b(?:what(?:'s| has)? (?:happened|went wrong|is going on|has been going on|'s been going on|would help|matters|else should i know|would (?:a )?good|would work|would you like|do you need|are you hoping|outcome)|tell me (?:a (?:little|bit) )?(?:more|about|what)|walk me through|talk me through|how (?:did|has|have|is|are) (?:this|that|it|things|everything)|how (?:did|does|do) (?:you|it) (?:feel|affect)|how can i (?:make|put)|what (?:is|'s) the (?:most|biggest|main|hardest)|in your own words|from the start|what does that mean for you|what would make)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex StoryProbe();

    [GeneratedRegex(@"\b(?:weather|weekend|holiday plans|vacation|football|soccer|cricket|rugby|tv|telly|netflix|hobb(?:y|ies)|pets?|favourite|favorite|where are you from|lunch|dinner plans|star sign|music)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex SmallTalk();

    [GeneratedRegex(@"\b(?:look into (?:it|this|that)|looking into (?:it|this|that)|get back to you|come back to you|be in touch|see what (?:i|we) can do|someone will|somebody will|we(?:'ll| will) (?:check|investigate|look)|i(?:'ll| will) (?:check|see|try)|let me check|leave it with (?:me|us)|as soon as (?:we|i) can|when (?:we|i) can|in due course|at some point)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex VaguePromise();

    /// <summary>When a plan will happen, as the customer would repeat it back.</summary>
    [GeneratedRegex(@"\b(?:(?:by|before|at|until) (?:\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)|noon|midday|lunch(?:time)?|(?:the )?end of (?:the )?(?:day|week)|close of business|tonight|tomorrow(?: morning| afternoon| evening)?|(?:this|tomorrow) (?:morning|afternoon|evening)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|within (?:the|an|one|two|three|\d+) (?:hour|hours|minutes|days|working days)|in (?:the next )?(?:\d+|ten|fifteen|twenty|thirty|five) minutes|(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: morning| afternoon| evening)?|tomorrow(?: morning| afternoon| evening)?|today|tonight|right now|straight away|right away|\d{1,2}(?:[:.]\d{2})? ?(?:am|pm))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex When();

    [GeneratedRegex(@"\b(?:instead of|rather than|no need (?:for|to)|without|not|never|won't|will not|can't|cannot|no) (?:a |an |any |the )?(?:phone |voice )?(?:call(?:s|ing)?|ring(?:ing)?|phon(?:e|ing)|video|link|app|letter|image|picture|screenshot)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NegatedChannel();

    private static readonly (Channel Channel, Regex Pattern)[] ChannelPatterns =
    [
        (Channel.VoiceMessage, new(@"\b(?:voice ?(?:note|message|mail)|voicemail)\b", Options)),
        (Channel.Video, new(@"\b(?:video(?: call)?|zoom|facetime|teams call)\b", Options)),
        (Channel.PhoneCall, new(@"\b(?:call(?:ing)? you|give you a (?:call|ring)|ring you|phone you|(?:phone|telephone) (?:call|line|us|number)|call (?:us|me|the|our|back)|calls? back|callback|on the phone|over the phone|a call)\b", Options)),
        (Channel.Image, new(@"\b(?:screenshot|picture|photo|image|diagram|infographic)\b", Options)),
        (Channel.Link, new(@"(?:https?://|www\.|\b(?:a |this |the )?link\b|\bclick (?:here|on))", Options)),
        (Channel.Letter, new(@"\b(?:letter|by post|in the post|posted to you)\b", Options)),
        (Channel.InPerson, new(@"\b(?:in person|in branch|come (?:in|into|to) (?:the |a |our )?(?:store|branch|shop|office)|visit (?:a|the|our) (?:store|branch))\b", Options)),
        (Channel.App, new(@"\b(?:the app|our app|in the app|download)\b", Options)),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>The channels a plan in <paramref name="text"/> depends on ("I'll call you" needs a phone call;
    /// "instead of a call" does not).</summary>
    public static IReadOnlyList<Channel> Channels(string text)
    {
        var plain = NegatedChannel().Replace(text, " ");
        var found = new List<Channel>(2);
        foreach (var (channel, pattern) in ChannelPatterns)
        {
            if (pattern.IsMatch(plain))
            {
                found.Add(channel);
            }
        }

        return found;
    }

    /// <summary>Terms a customer outside the trade may not know.</summary>
    [GeneratedRegex(@"\b(?:SLA|2FA|MFA|OTP|KYC|ONT|DNS|IMEI|APN|eSIM|PAC code|STAC|MPAN|MPRN|RMA|SKU|CRM|API|BACS|DD mandate|direct debit mandate|pro[- ]rata|chargeback|T&Cs|ETA|case ID|ticket (?:ID|number)|tier (?:2|two)|L2|backend|back end|provisioning|firmware|authenticat(?:e|ion)|two-factor|multi-factor|cache|port(?:ing)? out|SIM swap|consignment|depot scan|manifest(?:ed)?|escalation queue|triage|reconciliation|bereavement notification|probate|chargeable|remittance)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Jargon();

    [GeneratedRegex(@"\b(?:quick(?:ly)?|asap|hurry|real quick|as fast as|in a nutshell|moving on|anything else|next question|bear with)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Rush();

    [GeneratedRegex(@"\b(?:outage|(?:system|systems|site|website|app|network|tool|tools|database|server|servers|platform|booking system|ordering system)(?: is| are|'s|'re)? (?:down|offline|not working|unavailable|having (?:a |an )?(?:problem|issue|fault)s?|crashed|frozen)|technical (?:problem|issue|fault|difficult(?:y|ies))|(?:went|gone|is) down)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex OutageDisclosed();

    /// <summary>A refusal in plain words, for when the detector's boundary label is absent.</summary>
    [GeneratedRegex(@"\b(?:i|we) (?:can't|cannot|can not|am not able to|'m not able to|are not able to|'re not able to|am unable to|'m unable to|are unable to|won't be able to)\b|\b(?:i'm|i am) afraid (?:i|we|that)\b|\bnot (?:possible|allowed|permitted)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Refusal();
}
