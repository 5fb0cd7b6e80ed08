using System.Globalization;
using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Scheduling;
using RolePlay.Core.Storage;

namespace RolePlay.Core.CueStrips;

/// <summary>The team's cue of the week: one cue card the week's practice captain (or a manager) picks, by typing
/// <c>cue of the week &lt;id or words&gt;</c> in the team's channel or with the choice on the captain's weekly post. It
/// goes first on the team's strip sheet and shows in the studio. The week is the team's local one (Monday to Sunday,
/// the captain's). A week nobody picked for has none: a suggestion the captain never made would sit above everyone's
/// keyboard as if it were the team's choice.</summary>
public sealed class CueOfTheWeek(IPeopleStore people, ITeamStore teams, ICaptainStore captains, ICueOfTheWeekStore picks, ContentCatalog catalog,
    TimeProvider time)
{
    public const string PickVerb = "cue.week";
    public const string CueInput = "cue_of_week";

    /// <summary>"cue of the week …" and "/practice cue of the week …".</summary>
    public static bool IsCommand(string text) => Words(text) is ["cue", "of", "the", "week", ..];

    /// <summary>The team's local Monday of the week <paramref name="now"/> falls in.</summary>
    public static DateOnly WeekOf(TeamRecord team, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(team);
        return WeekBucket.Monday(LocalClock.Today(now, LocalClock.Zone(team.TimeZone)));
    }

    /// <summary>This week's cue card of the team, or null when nobody picked one (or the card left the content).</summary>
    public async Task<CueCard?> CurrentAsync(TeamRecord team, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        var pick = await picks.GetAsync(team.Tenant, team.TeamId, WeekOf(team, time.GetUtcNow()), ct).ConfigureAwait(false);
        return pick is null ? null : catalog.CueCards.GetValueOrDefault(pick.CueId);
    }

    /// <summary>Every cue card as a choice on the captain's post, in the team's language.</summary>
    public IReadOnlyList<Choice> Choices(string? language) =>
        catalog.CueCards.Values.OrderBy(c => c.Trigger).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => new Choice(c.TextIn(language), c.Id)).ToList();

    /// <param name="teamId">The team of the channel the command was typed in (the router knows which).</param>
    public async Task<RouterResult> HandleAsync(MessageReceived message, string teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tenant = new TenantScope(message.From.Platform, message.From.TenantId);
        if (await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return RouterResult.Say("This team isn't set up yet. A manager starts with “team standup 09:15”.");
        }

        var words = string.Join(' ', Words(message.Text).Skip(4));
        var monday = WeekOf(team, time.GetUtcNow());
        if (words.Length == 0)
        {
            return RouterResult.Say(await CurrentAsync(team, ct).ConfigureAwait(false) is { } current
                ? $"This week's cue: “{current.TextIn(team.CueLanguage)}” ({current.Id}). It's first on the team's cue strips."
                : "No cue of the week yet. This week's practice captain (or a manager) picks one: “cue of the week name-the-feeling”, or words from the cue.");
        }

        return await PickAsync(message.From, team, monday, words, ct).ConfigureAwait(false);
    }

    /// <summary>The choice on the captain's post. The card names its team and week, but both come from the client: the
    /// team is looked up in the sender's own tenant, the picker must be allowed there, and a past week's card picks
    /// nothing.</summary>
    public async Task<RouterResult> OnCardAsync(CardSubmitted card, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var tenant = new TenantScope(card.From.Platform, card.From.TenantId);
        if (card.Values.GetValueOrDefault(CardVerbs.Inputs.Team) is not { Length: > 0 } teamId
            || await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return RouterResult.Say("I couldn't tell which team that was.");
        }

        var monday = WeekOf(team, time.GetUtcNow());
        if (card.Values.GetValueOrDefault(CardVerbs.Inputs.Week) != WeekValue(monday))
        {
            return RouterResult.Say("That post was for an earlier week. This week's captain picks on this week's post, or with “cue of the week …”.");
        }

        if (card.Values.GetValueOrDefault(CueInput) is not { Length: > 0 } cueId || !catalog.CueCards.ContainsKey(cueId))
        {
            return RouterResult.Refuse(CueInput, "Choose one of the cue cards.");
        }

        return await PickAsync(card.From, team, monday, cueId, ct).ConfigureAwait(false);
    }

    /// <summary>The week as the captain's post carries it.</summary>
    public static string WeekValue(DateOnly monday) => monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<RouterResult> PickAsync(ChannelUser from, TeamRecord team, DateOnly monday, string words, CancellationToken ct)
    {
        var key = new PersonKey(team.Tenant, from.UserId);
        var captain = await captains.GetPreviousAsync(team.Tenant, team.TeamId, monday.AddDays(7), ct).ConfigureAwait(false) is { } c && c.WeekMonday == monday
            ? c.Captain
            : null;
        if (captain != key && (await people.GetAsync(key, ct).ConfigureAwait(false))?.Manages(team.TeamId) != true)
        {
            var who = captain is null ? "a manager" : $"{(await people.GetAsync(captain, ct).ConfigureAwait(false))?.DisplayName ?? "this week's captain"} (this week's captain) or a manager";
            return RouterResult.Say($"Thanks for caring about the cue! It's picked by {who}: tell them which one you'd like.");
        }

        if (Find(words) is not { } cue)
        {
            return RouterResult.Say(Unfound(words));
        }

        await picks.SaveAsync(new CueOfTheWeekRecord(team.Tenant, team.TeamId, monday, cue.Id, time.GetUtcNow()), ct).ConfigureAwait(false);
        return RouterResult.Say($"Cue of the week: “{cue.TextIn(team.CueLanguage)}”. It's first on the team's cue strips from now until Sunday.");
    }

    /// <summary>A card by its id, else the one card whose text (in any of its languages) holds every word typed.</summary>
    private CueCard? Find(string words)
    {
        if (catalog.CueCards.TryGetValue(words.Trim(), out var byId))
        {
            return byId;
        }

        var found = Matching(words);
        return found.Count == 1 ? found[0] : null;
    }

    private List<CueCard> Matching(string words)
    {
        var typed = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return catalog.CueCards.Values
            .Where(c => c.Translations.Values.Prepend(c.Text).Any(text => typed.All(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private string Unfound(string words)
    {
        var several = Matching(words);
        var ids = (several.Count > 1 ? several : [.. catalog.CueCards.Values.OrderBy(c => c.Id, StringComparer.Ordinal)]).Select(c => c.Id);
        return several.Count > 1
            ? $"“{words}” fits {several.Count} cue cards: {string.Join(", ", ids)}. Name one by its id."
            : $"No cue card says “{words}”. Name one by its id: {string.Join(", ", ids)}.";
    }

    /// <summary>Lower-cased words without a leading "/practice".</summary>
    private static string[] Words(string text)
    {
        var words = text.Trim().ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        return words is ["/practice", ..] ? words[1..] : words;
    }
}

/// <summary>Where a team's own strip sheet is served (the web route, the captain's link and the studio agree).</summary>
public static class CueSheetPath
{
    public static string Of(string teamId, string format = "pdf") => $"/cues/teams/{Uri.EscapeDataString(teamId)}/strips.{format}";
}
