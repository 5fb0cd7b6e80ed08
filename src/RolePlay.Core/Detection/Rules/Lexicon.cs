using System.Text.RegularExpressions;

namespace RolePlay.Core.Detection.Rules;

/// <summary>Word classes shared by several rule sets, written against <see cref="TextNormaliser"/> output
/// (lower case, contractions expanded). Stems cover British and American spellings and common typos.</summary>
internal static class Lexicon
{
    /// <summary>Words that name a feeling or a hard situation.</summary>
    public const string Feeling =
        @"(?:frust\w*|frusrat\w*|annoy\w*|upset\w*|stress\w*|worr(?:y|ied|ying|ies)|disappoint\w*|anxi\w*|angry|anger|"
        + @"fed up|exhaust\w*|tired|confus\w*|embar+as+\w*|scar(?:y|ed|ing)|awful|horrible|terrible|nightmare|rubbish|"
        + @"madden\w*|infuriat\w*|irritat\w*|gutted|fuming|furious|livid|concern\w*|hassle|trouble|inconvenien\w*|difficult\w*|sucks|"
        + @"tough|hard|pain(?:ful)?|overwhelm\w*|let down|sad|unfair|heartbreak\w*|devastat\w*|distress\w*|panic\w*|"
        + @"nervous|hurt\w*|shock\w*|drive me mad|bad luck|unacceptable|not ok|not (?:been )?easy|a lot to deal with|"
        + @"rough|long (?:wait|week|day|time|few days)|mess|going round in circles|knocked your confidence|sadface|"
        + @"not the experience|(?:been|going|gone) through a lot|ordeal|headache|draining|worst|miserable|rotten|looking forward|troublesom\w*|bummer|not cool|last thing you need|unpleasant|a shame|bad experience|terrif\w*|frighten\w*|galling|dishearten\w*|letdown|mortif\w*|humiliat\w*|alarm\w*|unsettl\w*|gutting|raging|gatvol|grim)\b";

    /// <summary>When a commitment will happen: a day, a clock time, a duration, or "now".</summary>
    public const string When =
        @"\b(?:today|tonight|tomorrow|now|right away|straight away|immediately|shortly|as soon as possible|as we speak|"
        + @"this (?:morning|afternoon|evening|week|weekend)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
        + @"(?:by|before|within|until|after) (?:\d|an? |the (?:end|morning|afternoon|evening|weekend|next)|one |two |three |half|end|close|noon|midday|lunch)|"
        + @"(?:in|at) (?:\d|an? (?:hour|minute|day|week|couple|few)|the (?:morning|afternoon|evening|next)|half|one |two |three |noon|midday|lunch)|"
        + @"\d+ ?(?:am|pm)|\d+(?: \d+)? (?:working |business )?(?:minutes?|hours?|days?|weeks?)|end of (?:the )?(?:day|business|week)|"
        + @"close of business|(?:straight|right|immediately) after|as soon as|first thing|next (?:week|day)|within the hour|noon|midday|by (?:email|text|sms))\b";

    /// <summary>Builds a rule from a long list of lexicon alternatives. Non-backtracking matching reads a sentence
    /// once whatever the number of alternatives (measured about twice as fast as backtracking here) and can never
    /// blow up; it supports no lookarounds, so rules that need them stay source-generated.</summary>
    public static Regex Dfa(string pattern) => new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
}
