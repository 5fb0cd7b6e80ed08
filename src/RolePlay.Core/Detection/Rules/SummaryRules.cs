using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Summary: the agent restates the customer's situation. A summary marker ("to recap", "if I understand
/// correctly", "what I'm hearing is", "in other words"), a restatement opened with "so you / so the", or a
/// second-person statement closed by a check tag ("you paid for next day and it took a week, right?").</summary>
internal static partial class SummaryRules
{
    public static bool Matches(ReadOnlySpan<char> s) => Marker().IsMatch(s) || Restatement().IsMatch(s);

    [GeneratedRegex(
        @"\b(?:recap|recapping|summari[sz]e|summari[sz]ing|to sum (?:it |this |that |things )?up|sum (?:it|this|that|things) up|play (?:that|it|this) back|playing (?:that|it|this) back|in other words|short version|in short|in summary|to summari[sz]e)\b"
        + @"|(?<!know )\bif i (?:have |am )?(?:understand|understood|got|get|am understanding|understanding|hearing|heard|reading|read)(?: (?:this|that|it|you|everything|things|the situation))?(?: (?:correctly|right|properly))?\b"
        + @"|\b(?:make sure|check|confirm|see if) (?:that )?i (?:have |ve )?(?:got|get|understood|understand|heard|have (?:this|it|that|everything))\b(?! the (?:right|correct))"
        + @"|\b(?:just )?so i am clear\b|\blet me (?:see if i|make sure i)\b"
        + @"|\bas i understand (?:it|things|the situation)\b|\bif i am (?:getting|following|hearing|reading) you\b|\byou are saying (?:that )?(?:you|your|the|it)\b|^(?:so )?you (?:mentioned|said|told me|explained) (?:that )?(?:you|your|the|it)\b"
        + @"|\bwhat i am (?:hearing|understanding|getting)\b|\bwhat i (?:hear|understand) is\b"
        + @"|\bwhat (?:you are|your|you re) (?:saying|telling me|describing)\b"
        + @"|\bfrom what you (?:have |ve )?(?:said|told me|described|explained|mentioned|wrote|written)\b"
        + @"|\bsounds like the (?:main |real |core |key |underlying )?(?:issue|problem|cause)\b|\bthe (?:main|core|real|underlying|key) (?:problem|issue|concern) (?:here )?(?:is|was)\b|\bputting (?:that|this|it|all that|it all) together\b|\bhere is (?:what i (?:have )?(?:got|heard|understood)|where we are|the situation)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(
        @"^(?:(?:ok|okay|right|alright|yes|and|right then|sorry|hmm|ah|oh|got it|thanks|thank you) (?:, )?){0,3}(?:so|basically|essentially)(?: ,)? (?:, )?(?:basically |essentially |just |in short )?(?:you|your|the|it|this)\b(?! (?:will|can|should|might|next|plan|best|way|only|easiest|quickest|fix|solution)\b)(?: [^ ?]+){3}"
        + @"|: (?:so )?(?:you|your) (?:[^ ]+ ){3}"
        + @"|^(?:for clarity|to clarify|to be clear|just to be clear|for the record)(?: ,)? (?:so )?(?:you|your)\b"
        + @"|^(?:and )?you (?:were|have been) (?:promised|told|charged|quoted|offered|sent|given)\b[^?]* but\b"
        + @"|^(?:and )?(?:you|your)\b(?: [^ ]+){4,}? , (?:right|yes|correct|is that (?:right|correct)) \?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Restatement();
}
