using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Dismissive: the agent minimises, rushes or shuts down the customer ("calm down", "it's just a parcel",
/// "sorry you feel that way", "as I already said", "anything else?" straight after a bare "I understand").</summary>
internal static partial class DismissiveRules
{
    public static bool Matches(ReadOnlySpan<char> s) =>
        ShutDown.IsMatch(s) || ShutDownPhrases.IsMatch(s) || BrushOff.IsMatch(s) || Guarded().IsMatch(s) || Tautology().IsMatch(s);

    private static readonly Regex BrushOff = Lexicon.Dfa(
        @"\bnothing (?:which|that) can be done\b|\bcan not do anything (?:more|else)\b|\b(?:above|beyond) (?:me|my pay grade)\b|\bnot the first (?:one|person|customer)\b|\blet me guess\b|\bwho could have (?:predicted|guessed|known)\b|\bliving the dream\b|\bas (?:mentioned|stated|said) (?:earlier|before|already|previously)\b|\b(?:second|third|fourth) time i (?:must|have to|need to) (?:point out|say|explain|tell)\b|\byou were told\b|\blot of caps\b|\bif you are (?:yelling|shouting)\b|\bnothing will happen\b|\bsmall amount\b|\bi am not the one\b|^oh (?:great|wonderful|brilliant|lovely|fantastic|perfect|joy)\b|\bwhat a surprise\b|\banother one of these\b|^(?:k|meh|sigh)\b|\beyeroll\b|\bshrug\b"
        + @"|\b(?:there is |there s )?nothing (?:more |else )?(?:i|we|anyone|anybody) can do\b|\bnot much (?:anyone|anybody|i|we) can do\b|\b(?:i|we) can not do anything\b"
        + @"|\bper my (?:previous|last|earlier) (?:message|email|reply)\b|\bas per my (?:last|previous)\b|\bhow many times do i (?:have|need) to\b|\b(?:second|third|fourth|fifth) time you (?:have )?asked\b"
        + @"|\bi am not going to (?:argue|go through|explain|repeat|debate)\b|\bnot going to argue\b|\bjust doing my job\b|\b(?:do not|please do not) take that tone\b|\bstop (?:sending|spamming|messaging|typing)\b|\bkeep (?:spamming|messaging|sending)\b"
        + @"|\b(?:everybody|everyone) (?:is )?(?:complaining|busy|says|knows)\b|\bnot only you\b|\bnot personal\b|\bi do not (?:really )?care\b|\bnot a mind reader\b|\bnot rocket science\b"
        + @"|\bfree to (?:go|take your|leave|shop)\b|\b(?:shouting|crying|yelling|swearing|being rude)(?: at me| about it)? (?:will not|does not|is not going to|will get you nowhere)\b|\bwhy you are surprised\b|\bnot sure how else to explain\b|\bno point (?:me )?explaining\b"
        + @"|\b(?:refer to|read) the (?:faq|website|manual|terms)\b|\ball (?:the )?information is (?:already )?(?:there|on)\b|\bthen we can talk\b|\bwhen it comes\b|\bjust try again later\b|^(?:yeah|yes|ye|yea) (?:, )?(?:yeah|yes|ye|yea)\b|\bthat is how \w+ work\b|\bnot that long\b|\bit is (?:still|just) food\b|\bprobably (?:just )?fine\b|\bit is fine to use\b");

    // "Weather is weather", "rules are rules": a tautology that closes the subject.
    [GeneratedRegex(@"\b(\w{3,}) (?:is|are) \1\b", RegexOptions.CultureInvariant)]
    private static partial Regex Tautology();

    /// <summary>A sentence that only acknowledges ("I understand.", "Noted."): dismissive when the agent then rushes on.</summary>
    public static bool IsBareAcknowledgement(ReadOnlySpan<char> s) => BareAcknowledgement().IsMatch(s);

    /// <summary>A sentence that hurries the customer along ("Anything else?", "Next question?").</summary>
    public static bool IsRush(ReadOnlySpan<char> s) => Rush().IsMatch(s);

    private static readonly Regex ShutDown = Lexicon.Dfa(
        @"\bcalm down\b|\brelax\b|\bchill\b|\b(?:stay|keep) calm\b|\bno need to (?:be|get|shout|panic|worry|raise)\b|\bstop (?:complaining|shouting|yelling|moaning|being)\b"
        + @"|\b(?:it is|that is|this is|it was|they are) (?:literally |honestly |really )?(?:just|only) (?:a |an |\d|one |a few |ten |five |two |some |£|minor|small)"
        + @"|\b(?:not|no) (?:a |that |such a |really a )?big (?:deal|thing)\b|\bnot (?:that|so|really|very) (?:serious|bad|important|complicated|hard|difficult|big)\b|\bnot (?:a )?(?:serious|big) (?:issue|problem)\b"
        + @"|\boverreact\w*|\bmaking a (?:fuss|drama|scene)\b|\bmake (?:this |it )?(?:into )?a (?:drama|fuss|big thing)\b|\b(?:out of|over|about) nothing\b|\b(?:others|other customers|other people|lots of (?:people|customers)|some people|many people) have it (?:worse|harder)\b|\bcould be (?:a lot |much )?worse\b|\bget to the point\b|\b(?:two|2|one|1|five|5|ten|10) (?:minute|second|min|sec) (?:job|fix|thing)\b|^(?:ok|yes|fine|alright) (?:, )?(?:ok|yes|fine|alright) (?:, )?i (?:get it|understand|hear you)\b|\bcan i close (?:this|the chat)\b|\bclose this chat\b|\bend of the world\b|\b(?:it is|that is|it was|this is) literally (?:a |an |\d|one |two |just |only )|\bas (?:previously|already) (?:advised|said|mentioned|explained|stated|discussed)\b|\b(?:this|the) (?:matter|case|conversation|discussion) is (?:now )?closed\b|\bend of (?:discussion|story)\b|^meh\b|\b(?:it is|that is) (?:a |such a )?(?:small|little|tiny|minor) (?:thing|issue|problem|matter)\b|\b(?:nothing|not much) (?:more )?(?:i|we) can do(?: about (?:it|that|this))?(?: ,)? (?:is there )?anything else\b|\b(?:get anywhere|no point) (?:in )?(?:arguing|discussing|going on)\b|\bstop interrupting\b|\blet me finish\b|\brepeat myself\b|\bget over it\b|\b(?:let us|we are|i am|now|ok|so|right) moving on\b|^moving on\b|\bmoving on (?:now|then)\b|^(?:lol|lmao|haha|rofl)\b|\bnot (?:that|so) deep\b|\bdo not have all day\b|\b(?:sort|resolve|fix) itself\b|\btake a (?:deep )?breath\b|\byou are being (?:unreasonable|difficult|silly|dramatic|rude|ridiculous)\b|\bkeep (?:this|it) (?:short|brief|quick)\b|\bother chats\b|\b(?:nobody|no one) else (?:has|had|is) (?:complained|had|having|reported)\b|\bnot the only (?:customer|person|one)\b|\bwhat the fuss is\b|\bdo not see what the (?:fuss|problem|issue|big deal)\b|\b(?:we have|i have) (?:already )?(?:been through|gone over|covered) (?:this|that)\b|\b(?:people|customers|others) (?:waiting|in the queue)\b|\bqueue of\b|\bfirst world problem\b|\b(?:it is|that is|it was) (?:only |just )?(?:a tenner|a fiver|a few (?:quid|pounds|dollars|euros|bucks)|pennies|peanuts)\b|\bnot (?:really )?(?:my|our) concern\b|\b(?:go|take your business|shop) elsewhere\b|\bworking as (?:designed|intended)\b|\bminor (?:issue|thing|problem|inconvenience)\b|^so what(?: \?)?$");

    private static readonly Regex ShutDownPhrases = Lexicon.Dfa(
        @"\bsorry (?:that |if )?you (?:feel|think|felt|see it|are upset but)\b|\bsorry if (?:that|this|you|we|it)\b"
        + @"|\bas i (?:already |have |have already |just |previously )?(?:said|told you|explained|mentioned|stated)\b|\bi (?:have )?already (?:told|explained|said)\b|\bi have (?:told you|explained|said) (?:this|that|it)\b|\b(?:explained|told you|said) (?:this |it |that )?(?:twice|already|before|three times)\b"
        + @"|\bwe get (?:this|that|these|it) (?:complaint |a lot |kind of \w+ )?(?:all the time|a lot|every day|constantly)\b"
        + @"|\b(?:that is|it is) (?:life|how it is|how it works|just how it is|just the way it is|the way it is)\b|\bthat is life\b|\bit is what it is\b"
        + @"|\byou will (?:just )?have to (?:live with|wait|accept|deal with)\b|\b(?:live|deal) with it\b|\bnot my problem\b|\b(?:it is|that is) (?:really |honestly |seriously )?not (?:that |so )?(?:hard|difficult|complicated|rocket science)\b"
        + @"|\b(?:can we|let us|we need to) move on\b|\bnext question\b|\bdo not have time\b|\b(?:other|more) customers (?:waiting|to help)\b|\bquickly please\b|\bhurry up\b"
        + @"|\bnothing (?:more|else) (?:i can|to) (?:say|tell|discuss|add)\b|\bnothing (?:more |else )?to discuss\b"
        + @"|\bthat is your (?:opinion|problem)\b|\bdo not (?:know|see) what (?:else |more )?you want\b|\bwhat (?:else|more) do you want\b|\bdo not see the (?:problem|issue|big deal)\b"
        + @"|\bor not \?|\bor not$|\bit happens\b|\bjust (?:wait|order another|deal with|live with|accept|get over)\b"
        + @"|\b(?:i understand|i hear you|i get it|i see|i know)(?: ,)? but (?:i (?:need|have|must|am busy|do not)|there is (?:really )?nothing|that is|it is (?:just|only|policy|what)|you (?:need|have|will|should))\b"
        + @"|\bi (?:do not|can not) (?:understand|see) why you (?:are|would be|re) (?:so )?(?:upset|angry|annoyed|bothered|complaining)\b|^anyway$");

    // Words that are dismissive except in a few set phrases ("whatever suits you", "bye for now").
    [GeneratedRegex(
        @"\bwhatever\b(?! (?:suits|works|you (?:prefer|choose|decide|need|pick)|is (?:best|easiest|easier)))|\bbye\b(?! for now)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Guarded();

    [GeneratedRegex(
        @"^(?:(?:yes|ok|sure|right|mm|hmm|fine) (?:, )?){0,3}(?:i (?:understand|see|hear you|get it)|noted|got it|understood|mhm|mm hmm|uh huh|mm)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex BareAcknowledgement();

    [GeneratedRegex(
        @"^(?:(?:so|ok|now|and|right) (?:, )?){0,3}(?:is there )?anything else\b|\bnext question\b|^next(?: \?)?$|^(?:so )?(?:do you want|shall we) (?:to )?(?:continue|carry on|proceed)\b|\bmove on\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Rush();
}
