using RolePlay.Core.Text;

namespace RolePlay.Core.Detection;

/// <summary>A summary restates what the customer said. A marker with next to nothing after it ("so to recap,
/// tariff") restates nothing; with the conversation at hand, a restatement that shares too little with the
/// customer's own messages restates facts they never gave.</summary>
internal static class SummaryGrounding
{
    /// <summary>Below this share of its specific words found in the customer's messages, a "summary" is mostly
    /// the agent's invention.</summary>
    private const double MinimumShare = 0.25;

    public static bool Holds(string phrase, DetectionContext? context)
    {
        var specific = Words.Specific(phrase);
        if (specific.Count < 2)
        {
            return false;
        }

        if (context is not { CustomerMessages.Count: > 0 })
        {
            return true;
        }

        var theirs = CustomerStems(context);
        var shared = specific.Count(theirs.Contains);
        return shared >= 1 && shared >= MinimumShare * specific.Count;
    }

    public static HashSet<string> CustomerStems(DetectionContext context)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in context.CustomerMessages)
        {
            stems.UnionWith(Words.Specific(message));
        }

        return stems;
    }
}
