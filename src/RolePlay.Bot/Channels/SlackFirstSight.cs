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
internal sealed class SlackFirstSight(
    IPeopleStore people,
    IServiceProvider services,
    ILogger<SlackFirstSight> logger) : ISlackEnricher
{
    /// <summary>People met by this process; past this many it starts again (a forgotten person costs one store read).</summary>
    private const int MaxRemembered = 100_000;

    private readonly RecentMap<PersonKey, bool> _seen = new(MaxRemembered);

    public async Task EnrichAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var user = incoming.From;
        var key = new PersonKey(user.Platform, user.TenantId, user.UserId);
        if (_seen.TryGetValue(key, out _))
        {
            return;
        }

        if (await people.GetAsync(key, cancellationToken).ConfigureAwait(false) is null)
        {
            string? zone = null;
            try
            {
                // The typed client is resolved per use, as the responder does, so its handler is recycled by the factory.
                var slack = services.GetRequiredService<SlackApiClient>();
                var profile = await slack.GetUserAsync(user.TenantId, user.UserId, cancellationToken).ConfigureAwait(false);
                zone = profile.TimeZone is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _) ? tz : null;
            }
            catch (SlackApiException e)
            {
                logger.LogWarning("users.info for {Tenant}/{User} failed: {Error}; keeping UTC", user.TenantId, user.UserId, e.Error);
            }

            try
            {
                await people.SaveAsync(PersonSettings.NewPerson(user, zone), cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // Another request met them first (a second host on the same store); theirs is as good.
            }
        }

        _seen.Set(key, true);
    }
}
