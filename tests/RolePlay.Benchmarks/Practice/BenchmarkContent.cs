using RolePlay.Core.Content;
using RolePlay.Core.Content.Loading;

namespace RolePlay.Benchmarks.Practice;

/// <summary>The shipped content and a varied set of agent messages, shared by the practice benchmarks.</summary>
internal static class BenchmarkContent
{
    public static ContentCatalog Catalog { get; } = ContentLoader.Load(ContentSources.Shipped()).EnsureValid();

    /// <summary>Warm, cold, neutral, short and long messages, as agents write them.</summary>
    public static string[] AgentMessages { get; } =
    [
        "I'm so sorry, that sounds really stressful. What happened when you tried to pay?",
        "you should have read the terms before signing up tbh",
        "So just to check I've got this right: the parcel was due Monday, it still hasn't come, and you need it for Saturday?",
        "I'll ring the courier myself now and call you back by 3pm today with a delivery slot.",
        "I can't change the refund policy, but what I can do is offer you a credit note today.",
        "What would work best for you — a call back this afternoon or an email with the details?",
        "calm down, it's just a small delay",
        "ok",
        "one sec",
        "That's not my department, you'll need to ring billing.",
        "I hear you, losing a whole morning's sales on market day is awful 😞 can you tell me more about what the card reader showed?",
        "Does that sound fair to you?",
        "Unfortunately theres nothing i can do, system is down, try later",
        "I understand how worrying this must be, especially with your mum's appointment tomorrow. Let me sort the prescription delivery first, then we'll look at the refund together — does that work?",
        "Our warehouse team messed up the labels again, not my fault.",
        "Have you tried turning it off and on again?",
    ];
}
