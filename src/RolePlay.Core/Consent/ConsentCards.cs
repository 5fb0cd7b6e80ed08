using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using Inputs = RolePlay.Core.Chat.CardVerbs.Inputs;

namespace RolePlay.Core.Consent;

/// <summary>The invitation to join: consent first, what joining means, and that stopping costs nothing.</summary>
public static class ConsentCards
{
    /// <param name="onPage">The channel is a page (the studio): practice is there whenever the person likes, and a daily
    /// one waits there.</param>
    public static Card Welcome(bool onPage = false) => new(
        "welcome",
        "Welcome to RolePlay",
        [
            new TextBlock(onPage
                ? "A few minutes of empathy practice: short role-plays with a customer, and a debrief that helps you notice what worked."
                : "A few minutes of empathy practice, inside your chat: short role-plays with a customer, and a debrief that helps you notice what worked."),
            new TextBlock(onPage
                ? "Pick a customer and practise whenever you like. If you want a daily habit, join and one short practice will be waiting here on your working days, at a time you choose on the Team page. You can pause or stop at any time, without penalty, and nothing is scored when you do."
                : "If you join, I'll send one short practice prompt on your working days at a time you choose. You can pause or stop at any time, without penalty, and nothing is scored when you do."),
            new TextBlock("Your reflections stay private to you.", TextStyle.Subtle),
        ],
        [
            new SubmitAction("Yes, I'm in", CardVerbs.OptIn, ActionStyle.Positive),
            new SubmitAction("Not now", CardVerbs.OptOut),
        ]);
}
