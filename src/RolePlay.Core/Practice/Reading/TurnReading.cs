using RolePlay.Core.Content;
using RolePlay.Core.Detection;

namespace RolePlay.Core.Practice.Reading;

/// <summary>What an agent's message did in this conversation, beyond its labels: whether it answered what the
/// customer said, repeated itself, recited a checklist, reached a fact, offered a choice, summarised rightly, made
/// a plan the customer can use, and whether it suited how this customer takes in messages.</summary>
internal sealed record TurnReading
{
    public required Behaviour Labels { get; init; }
    public required IReadOnlyList<BehaviourEvidence> Evidence { get; init; }
    public required int WordCount { get; init; }

    /// <summary>It uses something of this customer's situation (their words, their facts, their worry).</summary>
    public bool Responsive { get; init; }

    /// <summary>The same message (or nearly) as one the agent already sent.</summary>
    public bool Repeated { get; init; }

    /// <summary>Several helpful moves in one message with nothing of the customer's in it: a checklist recital.</summary>
    public bool Recital { get; init; }

    /// <summary>The empathy names the feeling the customer voiced or their situation, not a stock phrase.</summary>
    public bool EmpathyNamesTheirs { get; init; }

    /// <summary>The fact an open question about their problem reaches (null: none left, or not such a question).</summary>
    public HiddenFact? Fact { get; init; }

    /// <summary>An open question about their problem, whether or not a fact is left to tell.</summary>
    public bool AsksTheirStory { get; init; }

    /// <summary>A question or remark off the customer's problem.</summary>
    public bool OffTopic { get; init; }

    public PersonaDetail? Detail { get; init; }
    public ChoiceOffer? Choice { get; init; }
    public SummaryCheck Summary { get; init; } = SummaryCheck.None;

    /// <summary>The detail the summary got wrong, as (what the customer said, what the agent said).</summary>
    public (string Said, string Wrong)? SummaryContradiction { get; init; }

    /// <summary>When the plan will happen, as written ("by 4pm today").</summary>
    public string? PlanWhen { get; init; }

    /// <summary>A channel the plan depends on that this customer cannot use.</summary>
    public ChannelLimit? PlanBlockedBy { get; init; }

    public bool VaguePromise { get; init; }
    public bool Refusal { get; init; }
    public string? Jargon { get; init; }
    /// <summary>Far too long for this customer to take in: they answer that, not the content.</summary>
    public bool TooLong { get; init; }
    /// <summary>Longer than this customer takes in comfortably: what it says lands by half.</summary>
    public bool Long { get; init; }
    public bool Rushed { get; init; }
    public bool Plain { get; init; }
    public bool DisclosesOutage { get; init; }

    public bool Has(Behaviour behaviour) => (Labels & behaviour) != 0;

    /// <summary>The exact phrase that showed <paramref name="behaviour"/> (the whole message if none is quoted).</summary>
    public string Phrase(Behaviour behaviour, string text)
    {
        foreach (var item in Evidence)
        {
            if ((item.Behaviour & behaviour) != 0)
            {
                return item.Phrase;
            }
        }

        return text;
    }
}

/// <summary>How a summary compares with what the customer said.</summary>
internal enum SummaryCheck
{
    None,
    /// <summary>Restates their facts, nothing wrong, their main worry in it.</summary>
    Accurate,
    /// <summary>Gets a detail wrong.</summary>
    Wrong,
    /// <summary>Right as far as it goes, but leaves out their main worry.</summary>
    MissesWorry,
    /// <summary>A summary in form only: nothing the customer said is in it.</summary>
    Empty,
}
