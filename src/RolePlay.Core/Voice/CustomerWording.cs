using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RolePlay.Core.Content;
using RolePlay.Core.Practice;
using RolePlay.Core.Storage;
using RolePlay.Core.Telemetry;
using RolePlay.Core.Text;

namespace RolePlay.Core.Voice;

/// <summary>Whose practice is being worded: the tenant and team (whose choice and budget apply), the agent's names and
/// ids (kept out of what is sent), and, where the channel shows the customer typing, how (<see cref="Typing"/>): then
/// it shows while the model words the reply, which is streamed and cut off at its word limit.</summary>
public sealed record WordingFor(TenantScope Tenant, string? TeamId, IReadOnlyList<string> AgentNames)
{
    public Func<CancellationToken, Task>? Typing { get; init; }

    /// <summary>A person's own practice: their team, their name (whole and each part) and id.</summary>
    public static WordingFor Person(PersonRecord person, Func<CancellationToken, Task>? typing)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new(person.Key.Tenant, person.TeamId, NamesOf(person.DisplayName, person.Key.UserId)) { Typing = typing };
    }

    /// <summary>A display name, each of its parts, and the id behind it.</summary>
    public static List<string> NamesOf(string displayName, string userId) =>
        [displayName, .. displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), userId];
}

/// <summary>Words a turn's customer replies in a model-voice team's practice. The engine has already decided everything
/// and said it in the rule voice; this asks the team's model to say the same in the persona's words, within the turn's
/// deadline and the team's daily budget, checks the words (<see cref="VoiceGuard"/>) and shows them in place of the rule
/// line. Any failure leaves the rule line, so a turn is never lost or held up past the deadline.</summary>
public sealed class CustomerWording(
    ContentCatalog catalog,
    ModelVoiceEndpoints endpoints,
    PersonaVoiceOptions options,
    ITeamStore teams,
    IVoiceUsageStore usage,
    VoiceBudgetNotice notice,
    TimeProvider time,
    ILogger<CustomerWording> log)
{
    /// <summary>Words a reply may have beyond its draft's, and the most it may have.</summary>
    private const int ExtraWords = 12;

    private const int MostWords = 90;

    private const int TerseExtraWords = 2;

    private static readonly TimeSpan TypingPeriod = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<IChatClient, DateTimeOffset> _throttledUntil = new();

    /// <summary>Whether any team here can have the model voice: when none can, a turn costs no read of its team.</summary>
    public bool Offered => endpoints.Offered;

    /// <summary>Words the customer replies from transcript line <paramref name="from"/> on, and returns those lines
    /// as the agent will read them.</summary>
    public async Task<IReadOnlyList<Utterance>> WordAsync(WordingFor who, PracticeSession session, int from, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(session);
        var replies = CustomerReplies.From(session.Transcript, from).ToList();
        if (replies.Count > 0 && Offered && who.TeamId is { } teamId
            && await teams.GetAsync(who.Tenant, teamId, ct).ConfigureAwait(false) is { } team
            && endpoints.For(team) is { } client)
        {
            await WordRepliesAsync(who, team, client, session, replies, ct).ConfigureAwait(false);
        }

        return session.State.Transcript.GetRange(from, session.Transcript.Count - from);
    }

    private async Task WordRepliesAsync(WordingFor who, TeamRecord team, IChatClient client, PracticeSession session,
        List<CustomerReply> replies, CancellationToken ct)
    {
        var day = TeamDay(team);
        var spent = (await usage.GetAsync(team.Tenant, team.TeamId, day, ct).ConfigureAwait(false))?.Tokens ?? 0;
        if (spent >= options.DailyTokenBudget)
        {
            Fallback(replies.Count, "budget");
            await notice.TellOnceAsync(team, day, spent, options.DailyTokenBudget, ct).ConfigureAwait(false);
            return;
        }

        var state = session.State;
        var scene = new WordingScene(catalog.Personas[state.PersonaId], catalog.Scenarios[state.Options.ScenarioId], state, who.AgentNames);
        var chat = new ChatOptions { Temperature = options.Temperature, MaxOutputTokens = options.MaxOutputTokens };
        var started = Stopwatch.GetTimestamp();
        long tokens = 0;
        foreach (var reply in replies)
        {
            // A 429 (this turn's or an earlier one's) holds every call to the endpoint until its Retry-After passes.
            if (_throttledUntil.TryGetValue(client, out var until) && until > time.GetUtcNow())
            {
                Fallback(1, "throttled");
                continue;
            }

            var left = options.Timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                Fallback(1, "timeout");
                continue;
            }

            tokens += await WordReplyAsync(who, client, session, scene, reply, chat, left, ct).ConfigureAwait(false);
        }

        var total = await usage.AddAsync(team.Tenant, team.TeamId, day, tokens, ct).ConfigureAwait(false);
        RolePlayTelemetry.VoiceTokens.Add(tokens, new TagList
        {
            { "roleplay.platform", team.Tenant.Platform.Id }, { "roleplay.team", RolePlayTelemetry.Hash(team.TeamId) },
        });
        if (total.Tokens >= options.DailyTokenBudget)
        {
            await notice.TellOnceAsync(team, day, total.Tokens, options.DailyTokenBudget, ct).ConfigureAwait(false);
        }
    }

    /// <summary>One reply: asked, checked, shown if it passes. Returns the tokens it cost.</summary>
    private async Task<long> WordReplyAsync(WordingFor who, IChatClient client, PracticeSession session, WordingScene scene,
        CustomerReply reply, ChatOptions chat, TimeSpan deadline, CancellationToken ct)
    {
        var draft = string.Join(" ", session.State.Transcript.GetRange(reply.First, reply.Bursts).Select(u => u.Text));
        var drafted = Words.Count(draft);
        // A terse or quiet customer writes about as much as the engine's line, no more.
        var maxWords = reply.Manner is Manner.Terse or Manner.Quiet
            ? drafted + TerseExtraWords
            : Math.Min(MostWords, Math.Max(2 * drafted, drafted + ExtraWords));
        var prompt = VoicePrompt.For(scene, reply, draft, maxWords);
        var asked = Stopwatch.GetTimestamp();
        var answer = who.Typing is { } typing
            ? await TypingWhileAsync(typing, t => ModelCall.AskAsync(client, prompt, chat, deadline, maxWords, t), ct).ConfigureAwait(false)
            : await ModelCall.AskAsync(client, prompt, chat, deadline, null, ct).ConfigureAwait(false);
        RolePlayTelemetry.VoiceDuration.Record(Stopwatch.GetElapsedTime(asked).TotalSeconds);
        if (answer.Failure is { } failure)
        {
            if (answer.RetryAfter is { } retryAfter)
            {
                _throttledUntil[client] = time.GetUtcNow() + retryAfter;
            }

            log.LogWarning(answer.Error, "The model voice gave no words ({Failure}); the rule voice answered.", failure);
            Fallback(1, WireName.Of(failure));
            return answer.Tokens;
        }

        var verdict = VoiceGuard.Check(answer.Text, scene, reply, draft, maxWords);
        if (verdict.Bursts is { } bursts)
        {
            session.ShowWorded(reply.First, bursts);
        }
        else
        {
            log.LogInformation("The model voice's words failed the {Guard} guard; the rule voice answered.", verdict.Failure);
            Fallback(1, "guard." + WireName.Of(verdict.Failure!.Value));
        }

        return answer.Tokens;
    }

    /// <summary>Shows typing now and again every <see cref="TypingPeriod"/> (Teams shows it for a few seconds) until
    /// the words are ready. Best effort: a typing indicator that fails to show costs nothing but the indicator.</summary>
    private async Task<ModelAnswer> TypingWhileAsync(Func<CancellationToken, Task> typing, Func<CancellationToken, Task<ModelAnswer>> ask,
        CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var shown = ShowTypingAsync(typing, done.Token);
        try
        {
            return await ask(ct).ConfigureAwait(false);
        }
        finally
        {
            await done.CancelAsync().ConfigureAwait(false);
            await shown.ConfigureAwait(false);
        }
    }

    private async Task ShowTypingAsync(Func<CancellationToken, Task> typing, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await typing(ct).ConfigureAwait(false);
                await Task.Delay(TypingPeriod, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            log.LogDebug(e, "The typing indicator could not be shown.");
        }
    }

    private DateOnly TeamDay(TeamRecord team) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(),
        TimeZoneInfo.TryFindSystemTimeZoneById(team.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc).DateTime);

    private static void Fallback(int replies, string reason) =>
        RolePlayTelemetry.VoiceFallbacks.Add(replies, new KeyValuePair<string, object?>("roleplay.voice.reason", reason));
}
