using Microsoft.Extensions.Logging;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Slack.Api;
using RolePlay.Slack.Inbound;

namespace RolePlay.Bot.Channels;

/// <summary>Meets each Slack person once: the first time someone is seen, users.info tells their IANA time zone and
/// it is stored on the person before the router runs, so their first prompt time is already in their own zone.
/// Slack's enrich step runs it (<see cref="ISlackEnricher"/>), so no other platform's event passes here; a per-process
/// set keeps the check off the hot path after the first event.</summary>
/// <remarks>users.info is Tier 4 (about 100 calls a minute per workspace), so a team rolled out at once meets its
/// limit. A lookup that fails for a passing reason leaves the person in UTC for now and unseen: their next event asks
/// again (they cannot have opted in to prompts before writing again), and a zone found then replaces UTC, unless they
/// chose a zone themselves in between.</remarks>
internal sealed class SlackFirstSight(
    IPeopleStore people,
    IServiceProvider services,
    TimeProvider time,
    ILogger<SlackFirstSight> logger) : ISlackEnricher
{
    /// <summary>People met by this process; past this many it starts again (a forgotten person costs one store read).</summary>
    private const int MaxRemembered = 100_000;

    private readonly RecentMap<PersonKey, bool> _seen = new(MaxRemembered);

    /// <summary>People stored in UTC because their lookup failed for a passing reason.</summary>
    private readonly RecentMap<PersonKey, bool> _zoneUnknown = new(MaxRemembered);

    public async Task EnrichAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var user = incoming.From;
        var key = new PersonKey(user.Platform, user.TenantId, user.UserId);
        if (_seen.TryGetValue(key, out _))
        {
            return;
        }

        var stored = await people.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            var (zone, askAgain) = await LookUpZoneAsync(user, cancellationToken).ConfigureAwait(false);
            await SaveAsync(PersonSettings.NewPerson(user, zone), cancellationToken).ConfigureAwait(false);
            if (askAgain)
            {
                _zoneUnknown.Set(key, true);
                return;
            }
        }
        else if (_zoneUnknown.TryGetValue(key, out _) && stored.TimeZone == PersonSettings.DefaultTimeZone)
        {
            var (zone, askAgain) = await LookUpZoneAsync(user, cancellationToken).ConfigureAwait(false);
            if (askAgain)
            {
                return;
            }

            if (zone is not null)
            {
                await SaveAsync(PersonSettings.WithTimeZone(stored, zone, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            }
        }

        _seen.Set(key, true);
    }

    /// <summary>The person's zone (null when Slack gives none this host knows); <c>AskAgain</c> when the lookup failed
    /// for a reason that passes (rate limited, Slack or the network down).</summary>
    private async Task<(string? Zone, bool AskAgain)> LookUpZoneAsync(ChannelUser user, CancellationToken cancellationToken)
    {
        try
        {
            // The typed client is resolved per use, as the responder does, so its handler is recycled by the factory.
            var slack = services.GetRequiredService<SlackApiClient>();
            var profile = await slack.GetUserAsync(user.TenantId, user.UserId, cancellationToken).ConfigureAwait(false);
            return (profile.TimeZone is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _) ? tz : null, false);
        }
        catch (SlackApiException e)
        {
            var passing = SlackApiClient.IsPassing(new SendOutcome.Failed(e.Error));
            logger.LogWarning("users.info for {Tenant}/{User} failed: {Error}; keeping UTC{ForNow}", user.TenantId, user.UserId, e.Error,
                passing ? " for now, asking again on their next event" : "");
            return (null, passing);
        }
    }

    private async Task SaveAsync(PersonRecord person, CancellationToken cancellationToken)
    {
        try
        {
            await people.SaveAsync(person, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else saved them first (a second host on the same store, or the person themselves); theirs stands.
        }
    }
}
