using RolePlay.Core.Cards;
using RolePlay.Core.Chat;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Core.Voice;

namespace RolePlay.Core.TeamSetup;

/// <summary>A team's set-up, typed by its managers in the team's channel. The first person to change the set-up of a
/// team nobody has set up becomes its manager; managers name other managers. Joining a team is membership only: consent
/// stays personal, so nothing proactive reaches a member until they opt in themselves, and leaving is one click.</summary>
/// <param name="reactions">Each platform's starting reactions, declared by its channel adapter.</param>
/// <param name="voices">The model endpoints a team may choose for its customer's voice.</param>
public sealed class TeamSettings(IPeopleStore people, ITeamStore teams, IEnumerable<ReactionDefaults> reactions, ModelVoiceEndpoints voices,
    ContentCatalog catalog, TimeProvider time)
{
    private readonly Dictionary<Platform, ReactionDefaults> _reactions = reactions.ToDictionary(r => r.Platform);

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The channel's own team id: its <see cref="ConversationAddress.TeamId"/> (a Teams team; on Slack the
    /// workspace), else the conversation itself (a group chat).</summary>
    public static string ChannelTeamIdOf(ConversationAddress conversation) => conversation.TeamId ?? conversation.ConversationId;

    /// <summary>The team a conversation belongs to: the one its channel was connected to (<c>team connect</c>), else the
    /// channel's own.</summary>
    public static async Task<string> TeamIdOfAsync(ITeamStore teams, TenantScope tenant, ConversationAddress conversation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(conversation);
        var own = ChannelTeamIdOf(conversation);
        return await teams.FindConnectedAsync(tenant, own, ct).ConfigureAwait(false) ?? own;
    }

    /// <summary>The team of the conversation <paramref name="message"/> was typed in.</summary>
    public Task<string> TeamIdOfAsync(MessageReceived message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TeamIdOfAsync(teams, new TenantScope(message.From.Platform, message.From.TenantId), message.Conversation, ct);
    }

    /// <summary><see cref="PersonRecord.Manages"/>, for someone the store may not know yet.</summary>
    public static bool IsManagerOf(PersonRecord? person, string teamId) => person?.Manages(teamId) == true;

    public async Task<RouterResult> HandleAsync(MessageReceived message, CancellationToken ct)
    {
        var command = TeamSetupParser.Parse(message.Text);
        var tenant = new TenantScope(message.From.Platform, message.From.TenantId);
        var teamId = await TeamIdOfAsync(teams, tenant, message.Conversation, ct).ConfigureAwait(false);
        var team = await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false);
        var person = await people.GetAsync(KeyOf(message.From), ct).ConfigureAwait(false) ?? PersonSettings.NewPerson(message.From);

        switch (command)
        {
            case TeamSetupCommand.Invalid invalid:
                return RouterResult.Say($"{invalid.Reason} Type “team help” for the team commands.");
            case TeamSetupCommand.Help:
                return RouterResult.Say(HelpText);
            case TeamSetupCommand.Show:
                return team is null ? RouterResult.Say("This team isn't set up yet. A manager starts with “team standup 09:15”.") : RouterResult.Show(TeamSetupCards.Summary(team));
            case TeamSetupCommand.Join:
                return await JoinAsync(person, tenant, teamId, ct).ConfigureAwait(false);
            case TeamSetupCommand.Leave:
                return await LeaveAsync(person, tenant, teamId, ct).ConfigureAwait(false);
            case TeamSetupCommand.Connect:
                return await ConnectAsync(person, tenant, message.Conversation, team, ct).ConfigureAwait(false);
        }

        if (team is not null && !IsManagerOf(person, teamId))
        {
            return RouterResult.Say("Thanks! Only this team's managers can change its set-up. Ask one of them, or type “team show” to see it.");
        }

        if (command is TeamSetupCommand.NewHire newHire)
        {
            return team is null
                ? RouterResult.Say("This team isn't set up yet. A manager starts with “team standup 09:15”.")
                : await MarkNewHireAsync(new PersonKey(tenant, newHire.UserId), teamId, newHire.IsNewHire, ct).ConfigureAwait(false);
        }

        if (command is TeamSetupCommand.Manager promoted
            && await people.GetAsync(new PersonKey(tenant, promoted.UserId), ct).ConfigureAwait(false) is { TeamId: { } theirs } other
            && theirs != teamId)
        {
            // A person belongs to one team: promoting them here would take them from theirs (and a manager from it).
            return RouterResult.Say($"{other.DisplayName} is on another team. To manage this one, they join it here with “team join” " +
                                    "(which leaves their team), then you can make them a manager.");
        }

        var founding = team is null;
        team ??= NewTeam(tenant, teamId, message.Conversation.Platform, person.TimeZone);
        var (updated, confirmation) = command is TeamSetupCommand.Voice voice ? ChooseVoice(team, voice) : Apply(team, command, message.Conversation);
        if (updated is null)
        {
            return RouterResult.Say(confirmation);
        }

        if (command is TeamSetupCommand.Manager manager)
        {
            await MakeManagerAsync(new PersonKey(tenant, manager.UserId), message.From.Platform, tenant, teamId, ct).ConfigureAwait(false);
        }

        if (founding)
        {
            await MakeManagerAsync(person, tenant, teamId, ct).ConfigureAwait(false);
            confirmation += " You set this team up, so you're its manager.";
        }

        try
        {
            await teams.SaveAsync(updated, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say("Someone changed the team's set-up at the same moment. Please try again.");
        }

        return RouterResult.Say(confirmation);
    }

    /// <summary>"team connect" from a manager of a team that has no channel yet (one made on the studio's Team page):
    /// the channel's commands, routines and reactions then act on that team, so its members and history carry on. A
    /// channel that already has a team of its own keeps it: connecting would hide that team's history.</summary>
    private async Task<RouterResult> ConnectAsync(PersonRecord person, TenantScope tenant, ConversationAddress here, TeamRecord? current,
        CancellationToken ct)
    {
        var own = ChannelTeamIdOf(here);
        if (current is not null && current.TeamId != own)
        {
            return RouterResult.Say($"This channel is already connected to {current.Name}.");
        }

        if (current is not null)
        {
            return RouterResult.Say("This channel has a team of its own, with its own history, so it stays as it is. " +
                                    "Connect a channel that has no team set up yet.");
        }

        if (person.TeamId is not { } teamId || !IsManagerOf(person, teamId)
            || await teams.GetAsync(tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return RouterResult.Say("Only a team's manager connects it to a channel. Create your team on the studio's Team page " +
                                    "(or set this channel up as a new team with “team standup 09:15”).");
        }

        try
        {
            await teams.ConnectAsync(tenant, own, teamId, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return RouterResult.Say("Someone connected this channel at the same moment. Type “team show” to see which team it is now.");
        }

        var members = (await teams.ListMembersAsync(tenant, teamId, ct).ConfigureAwait(false)).Count;
        return RouterResult.Say($"Connected: this channel is now {team.Name}'s ({members} {(members == 1 ? "member" : "members")}), " +
                                "with everything practised so far. Set its standup here with “team standup 09:15”; teammates type “team join” here.");
    }

    /// <summary>The one-click "leave the team" on the card a member gets when joining.</summary>
    public async Task<RouterResult> LeaveByCardAsync(CardSubmitted card, CancellationToken ct)
    {
        if (!card.Values.TryGetValue(TeamSetupCards.TeamInput, out var teamId) || teamId.Length == 0)
        {
            return RouterResult.Say("I couldn't tell which team that was.");
        }

        var person = await people.GetAsync(KeyOf(card.From), ct).ConfigureAwait(false) ?? PersonSettings.NewPerson(card.From);
        var result = await LeaveAsync(person, new TenantScope(card.From.Platform, card.From.TenantId), teamId, ct).ConfigureAwait(false);
        return result with { ReplaceCard = TeamSetupCards.Left() };
    }

    private (TeamRecord? Updated, string Message) Apply(TeamRecord team, TeamSetupCommand command, ConversationAddress here)
    {
        switch (command)
        {
            case TeamSetupCommand.Standup { ChannelId: { } named } when named != here.ConversationId:
                // Standups, captains' notes and shared transcripts all go to this channel: naming one from here could
                // point them at a channel the team is not in (a private one elsewhere). Typing it there proves both
                // that it is the team's and that the manager is in it.
                return (null, $"Please type this in #{named} itself: the standup channel is the one where a manager sets it, " +
                              "so the team's standups and shared practices can't be pointed at a channel from elsewhere.");
            case TeamSetupCommand.Standup standup:
                var at = standup.Time ?? team.StandupTime;
                return (team with { StandupChannelId = here.ConversationId, StandupTime = at },
                    at is null
                        ? "Standup channel saved: this one. Add a time with “team standup 09:15”."
                        : $"Standup saved: {at:HH:mm} ({team.TimeZone}) in this channel.");
            case TeamSetupCommand.TimeZone zone:
                return (team with { TimeZone = zone.TimeZoneId }, $"Team time zone saved: {zone.TimeZoneId}.");
            case TeamSetupCommand.Values values:
                return (team with { ServiceValues = values.Items }, $"Service values saved: {string.Join("; ", values.Items)}.");
            case TeamSetupCommand.Emoji { Role: TeamEmojiRole.EmpathyWin } win when win.Name == team.RecognitionEmoji:
            case TeamSetupCommand.Emoji { Role: TeamEmojiRole.Recognition } recognition when recognition.Name == team.EmpathyWinEmoji:
                return (null, "The empathy-win and recognition emoji must differ, so a reaction means one thing.");
            case TeamSetupCommand.Emoji { Role: TeamEmojiRole.EmpathyWin } win:
                return (team with { EmpathyWinEmoji = win.Name }, $"Empathy-win emoji saved: :{win.Name}:. Anyone can use it.");
            case TeamSetupCommand.Emoji recognition:
                return (team with { RecognitionEmoji = recognition.Name },
                    $"Recognition emoji saved: :{recognition.Name}:. A manager's :{recognition.Name}: on peer feedback records a recognition.");
            case TeamSetupCommand.Manager manager:
                return (team, $"{manager.UserId} is now a manager of this team.");
            case TeamSetupCommand.Days days:
                var ordered = days.WorkingDays.Order().ToArray();
                return (team with { WorkingDays = ordered }, $"Standups run on {TeamSetupCards.DayList(ordered)}.");
            case TeamSetupCommand.Pairing pairing:
                var paired = team with
                {
                    Pairing = pairing.Cadence,
                    PairingDay = pairing.Day ?? team.PairingDay,
                    PairingTime = pairing.Time ?? team.PairingTime,
                };
                return (paired, $"Buddy pairing: {TeamSetupCards.PairingText(paired)}.");
            case TeamSetupCommand.Checklist { Id: var id } when !catalog.Checklists.ContainsKey(id):
                return (null, $"There's no checklist “{id}” in the team's content. Known: {string.Join(", ", catalog.Checklists.Keys.Order(StringComparer.Ordinal))}.");
            case TeamSetupCommand.Checklist checklist:
                return (team with { Checklist = checklist.Id == PeerChecklist.Shipped ? null : checklist.Id },
                    $"Peer reviews now use “{catalog.Checklists[checklist.Id].Title}” ({checklist.Id}). Reviews already asked for keep theirs.");
            case TeamSetupCommand.Celebration { Day: null }:
                return (team with { CelebrationDay = null }, "The weekly celebration is off.");
            case TeamSetupCommand.Celebration celebration:
                var celebrates = team with { CelebrationDay = celebration.Day, CelebrationTime = celebration.Time ?? team.CelebrationTime };
                return (celebrates, $"Weekly celebration: {TeamSetupCards.CelebrationText(celebrates)}.");
            case TeamSetupCommand.CueLanguage cues:
                return CueLanguage(team, cues.Code);
            case TeamSetupCommand.ClipRetention retention:
                return (team with { ClipRetentionDays = retention.KeptDays },
                    $"Voice clips are kept for {retention.KeptDays} days, then deleted (their owners can remove them sooner).");
            default:
                throw new InvalidOperationException($"Unhandled team command {command}.");
        }
    }

    /// <summary>A manager chooses the customer's voice on the team's page, as “team voice …” does in a channel: null
    /// when <paramref name="manager"/> manages no team, else the saved team (or null) and what to tell them. A concurrent
    /// change raises <see cref="ConcurrencyConflictException"/>.</summary>
    public Task<(TeamRecord? Team, string Message)?> ChooseVoiceAsync(PersonRecord manager, VoiceKind kind, string? endpoint,
        CancellationToken ct) =>
        ChangeManagedTeamAsync(manager, team => ChooseVoice(team, new TeamSetupCommand.Voice(kind, endpoint)), ct);

    /// <summary>A manager sets how long the team's voice clips are kept, on the studio's Clips page, as “team clips …”
    /// does in a channel: null when <paramref name="manager"/> manages no team or the days are out of range. A
    /// concurrent change raises <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task<TeamRecord?> SetClipRetentionAsync(PersonRecord manager, int days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (days is < Clips.ClipLimits.MinRetentionDays or > Clips.ClipLimits.MaxRetentionDays || manager.TeamId is not { } teamId
            || !IsManagerOf(manager, teamId) || await teams.GetAsync(manager.Key.Tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        return await teams.SaveAsync(team with { ClipRetentionDays = days }, ct).ConfigureAwait(false);
    }

    /// <summary>A manager sets the team's cue language on its studio page, as “team cues …” does in a channel: null when
    /// <paramref name="manager"/> manages no team, else the saved team (or null for a language no card is written in)
    /// and what to tell them. A concurrent change raises <see cref="ConcurrencyConflictException"/>.</summary>
    public Task<(TeamRecord? Team, string Message)?> SetCueLanguageAsync(PersonRecord manager, string language, CancellationToken ct) =>
        ChangeManagedTeamAsync(manager, team => CueLanguage(team, language), ct);

    /// <summary>One of the team's settings changed by its manager outside a channel: null when <paramref name="manager"/>
    /// manages no team, else the saved team (or null when <paramref name="change"/> refused) and what to tell them.</summary>
    private async Task<(TeamRecord? Team, string Message)?> ChangeManagedTeamAsync(PersonRecord manager,
        Func<TeamRecord, (TeamRecord? Updated, string Message)> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (manager.TeamId is not { } teamId || !IsManagerOf(manager, teamId)
            || await teams.GetAsync(manager.Key.Tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        var (updated, message) = change(team);
        return updated is null ? (null, message) : (await teams.SaveAsync(updated, ct).ConfigureAwait(false), message);
    }

    /// <summary>The team with its cue language, refused for one no card is written in; the cards' own is stored as none.</summary>
    private (TeamRecord? Updated, string Message) CueLanguage(TeamRecord team, string language)
    {
        var languages = CueStrips.CueStripSheet.Languages(catalog);
        return languages.Contains(language)
            ? (team with { CueLanguage = language == CueCard.OwnLanguage ? null : language },
                $"The team's cue strips now print in {CueStrips.CueStripSheet.LanguageName(language)}.")
            : (null, $"The cue cards are not written in “{language}”: use {string.Join(", ", languages)}.");
    }

    /// <summary>The model voice is chosen only where an endpoint for it is configured, and a team's own endpoint by a
    /// name the deployment knows.</summary>
    private (TeamRecord? Updated, string Message) ChooseVoice(TeamRecord team, TeamSetupCommand.Voice voice)
    {
        if (voice.Kind == VoiceKind.Rule)
        {
            return (team with { Voice = VoiceKind.Rule, VoiceEndpoint = null }, "The customer speaks in the rule voice: the built-in lines, nothing sent anywhere.");
        }

        if (voice.Endpoint is { } own && !voices.Has(own))
        {
            var known = voices.OwnNames.ToList();
            return (null, known.Count == 0
                ? $"No endpoint called “{own}” is configured here. The deployment names a team's own under PersonaVoice:Endpoints."
                : $"No endpoint called “{own}” is configured here. Configured: {string.Join(", ", known)}.");
        }

        if (voice.Endpoint is null && !voices.HasShared)
        {
            return (null, voices.Offered
                ? $"This deployment has no shared model endpoint. Name your team's own: “team voice model {voices.OwnNames.First()}”."
                : "This deployment has no language model configured (PersonaVoice:*), so the customer keeps the rule voice.");
        }

        var where = voice.Endpoint is { } name ? $"your team's own endpoint “{name}” (and no other)" : "this deployment's model endpoint";
        return (team with { Voice = VoiceKind.Model, VoiceEndpoint = voice.Endpoint },
            $"The customer's words now come from {where}. {TeamSetupCards.VoicePrivacy} The engine still decides every turn, and the " +
            "rule voice answers whenever the model is slow, fails or its words don't pass the checks. “team voice rule” switches back.");
    }

    private TeamRecord NewTeam(TenantScope tenant, string teamId, Platform platform, string timeZone)
    {
        var defaults = _reactions.GetValueOrDefault(platform)
                       ?? throw new InvalidOperationException($"No reaction defaults for platform {platform}: its channel adapter registers them.");
        return new(tenant, teamId, teamId, StandupChannelId: null, StandupTime: null, timeZone, ServiceValues: [],
            EmpathyWinEmoji: defaults.EmpathyWin, RecognitionEmoji: defaults.Recognition);
    }

    private async Task MakeManagerAsync(PersonKey key, Platform platform, TenantScope tenant, string teamId, CancellationToken ct)
    {
        var person = await people.GetAsync(key, ct).ConfigureAwait(false)
                     ?? PersonSettings.NewPerson(new ChannelUser(platform, key.Tenant.TenantId, key.UserId));
        await MakeManagerAsync(person, tenant, teamId, ct).ConfigureAwait(false);
    }

    private async Task MakeManagerAsync(PersonRecord person, TenantScope tenant, string teamId, CancellationToken ct)
    {
        await teams.AddMemberAsync(tenant, teamId, new TeamMember(person.Key, Now), ct).ConfigureAwait(false);
        await people.SaveAsync(person with { Role = PersonRole.Manager, TeamId = teamId }, ct).ConfigureAwait(false);
    }

    /// <summary>Marks a member of <paramref name="teamId"/> as a new hire, or as seasoned: the manager's
    /// <c>team newhire</c> command and the dashboard's team page both come here. The caller has checked that whoever
    /// asks manages the team.</summary>
    public async Task<NewHireChange> SetNewHireAsync(PersonKey key, string teamId, bool isNewHire, CancellationToken ct)
    {
        var member = await people.GetAsync(key, ct).ConfigureAwait(false);
        if (member is null || member.TeamId != teamId)
        {
            return new NewHireChange.NotAMember();
        }

        try
        {
            await people.SaveAsync(member with { IsNewHire = isNewHire }, ct).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return new NewHireChange.Conflict(member.DisplayName);
        }

        return new NewHireChange.Saved(member.DisplayName);
    }

    private async Task<RouterResult> MarkNewHireAsync(PersonKey key, string teamId, bool isNewHire, CancellationToken ct) =>
        await SetNewHireAsync(key, teamId, isNewHire, ct).ConfigureAwait(false) switch
        {
            NewHireChange.Saved s => RouterResult.Say(isNewHire
                ? $"{s.Name} is marked as a new hire: buddy pairing puts them with a seasoned colleague and alternates who leads."
                : $"{s.Name} is no longer marked as a new hire."),
            NewHireChange.Conflict c => RouterResult.Say($"{c.Name}'s settings changed at the same moment. Please try again."),
            _ => RouterResult.Say($"{key.UserId} isn't a member of this team. They join with “team join” in this channel."),
        };

    private async Task<RouterResult> JoinAsync(PersonRecord person, TenantScope tenant, string teamId, CancellationToken ct)
    {
        await AddMemberAsync(person, tenant, teamId, ct).ConfigureAwait(false);
        var consent = person.Consent == ConsentState.OptedIn
            ? ""
            : " I won't send you anything until you opt in yourself: message me “start” in a personal chat.";
        return new RouterResult([new TextOut($"{person.DisplayName} joined the team.{consent}"), new CardOut(TeamSetupCards.Joined(teamId))]);
    }

    /// <summary>Makes <paramref name="person"/> a member of the team (leaving their previous one); returns them as stored.</summary>
    public async Task<PersonRecord> AddMemberAsync(PersonRecord person, TenantScope tenant, string teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        await teams.AddMemberAsync(tenant, teamId, new TeamMember(person.Key, Now), ct).ConfigureAwait(false);
        if (person.TeamId == teamId)
        {
            return person;
        }

        if (person.TeamId is { } previous)
        {
            await teams.RemoveMemberAsync(tenant, previous, person.Key, ct).ConfigureAwait(false);
        }

        // A person belongs to one team; managing one team says nothing about the next.
        return await people.SaveAsync(person with { TeamId = teamId, Role = PersonRole.Agent }, ct).ConfigureAwait(false);
    }

    /// <summary>A team set up on its own pages (the studio has no channel to type “team …” in): a new team id, the
    /// founder its first member and manager, as the first person to set a team up in a channel is.</summary>
    public async Task<TeamRecord> CreateAsync(PersonRecord founder, string name, string timeZone, IReadOnlyList<string> values,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(founder);
        var tenant = founder.Key.Tenant;
        if (founder.TeamId is { } previous)
        {
            await teams.RemoveMemberAsync(tenant, previous, founder.Key, ct).ConfigureAwait(false);
        }

        var team = NewTeam(tenant, "team-" + Guid.NewGuid().ToString("N")[..12], tenant.Platform, timeZone) with
        {
            Name = name,
            ServiceValues = values,
        };
        var saved = await teams.SaveAsync(team, ct).ConfigureAwait(false);
        await MakeManagerAsync(founder, tenant, saved.TeamId, ct).ConfigureAwait(false);
        return saved;
    }

    /// <summary>A manager changes the team's name, time zone and values on its page; null when
    /// <paramref name="manager"/> does not manage it. A concurrent change raises <see cref="ConcurrencyConflictException"/>.</summary>
    public async Task<TeamRecord?> ChangeAsync(PersonRecord manager, string name, string timeZone, IReadOnlyList<string> values,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manager);
        if (manager.TeamId is not { } teamId || !IsManagerOf(manager, teamId)
            || await teams.GetAsync(manager.Key.Tenant, teamId, ct).ConfigureAwait(false) is not { } team)
        {
            return null;
        }

        return await teams.SaveAsync(team with { Name = name, TimeZone = timeZone, ServiceValues = values }, ct).ConfigureAwait(false);
    }

    private async Task<RouterResult> LeaveAsync(PersonRecord person, TenantScope tenant, string teamId, CancellationToken ct)
    {
        await RemoveMemberAsync(person, tenant, teamId, ct).ConfigureAwait(false);
        return RouterResult.Say($"{person.DisplayName} left the team. Nothing about the team will reach you now.");
    }

    public async Task RemoveMemberAsync(PersonRecord person, TenantScope tenant, string teamId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        await teams.RemoveMemberAsync(tenant, teamId, person.Key, ct).ConfigureAwait(false);
        if (person.TeamId == teamId)
        {
            await people.SaveAsync(person with { TeamId = null, Role = PersonRole.Agent }, ct).ConfigureAwait(false);
        }
    }

    private static PersonKey KeyOf(ChannelUser user) => new(user.Platform, user.TenantId, user.UserId);

    private const string HelpText =
        "Team commands (managers change the set-up; the first person to set a team up is its manager):\n" +
        "• team standup 09:15 — typed in the standup channel: this channel and the time\n" +
        "• team timezone Europe/London — the team's time zone\n" +
        "• team values Listen first; Own the outcome — the service values the rubric looks for\n" +
        "• team emoji win :sparkles: / team emoji recognition :clap: — the reactions that count (Teams: like, heart, laugh…)\n" +
        "• team manager <user-id> — make someone else a manager\n" +
        "• team newhire <user-id> [off] — mark a member as a new hire (pairing puts them with a seasoned colleague)\n" +
        "• team days mon-fri — the days standups run\n" +
        "• team pairing weekly|fortnightly|off [mon] [10:00] — buddy pairing, in the team's time zone\n" +
        "• team celebration fri 16:00 (or off) — the weekly celebration post\n" +
        "• team clips 90 — how many days voice clips are kept before they are deleted\n" +
        "• team cues es — the language of the team's printed cue strips (en, es, fr, de)\n" +
        "• team connect — a team made on the studio's Team page takes this channel as its own, history and all\n" +
        "• team checklist <id> — the peer coaching checklist the team's reviews use (core, or one in your content)\n" +
        "• team voice rule|model [endpoint] — the customer's words: the built-in lines, or a language model (the engine still decides)\n" +
        "• team show, team join, team leave — for everyone";
}
