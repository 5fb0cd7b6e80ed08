using System.Globalization;
using RolePlay.Core;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Studio.Transcripts;

namespace RolePlay.Studio;

/// <summary>Routines and facilitators reach studio people here: the messages go into the person's page, live if it is
/// open (Server-Sent Events), else waiting in the page's transcript for their next visit. The studio has no team
/// channels, so a channel target fails rather than vanishing. Registered for the studio's own people, and for the
/// people of a platform whose bot this deployment does not run: signed in to the web with their Slack or Microsoft
/// identity only, their studio page is the one place a practice can wait for them.</summary>
public sealed class StudioProactiveSender(StudioDelivery delivery, Platform platform) : IProactiveSender
{
    public Platform Platform => platform;

    public Task<ProactiveOutcome> SendAsync(RoutineTarget to, IReadOnlyList<Outgoing> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(messages);
        if (to is not RoutineTarget.Person person)
        {
            return Task.FromResult<ProactiveOutcome>(new ProactiveOutcome.Failed(
                $"The studio has no channels: {to.RecipientId} cannot be reached there."));
        }

        var delivered = delivery.Deliver(person.Key, messages);
        return Task.FromResult<ProactiveOutcome>(new ProactiveOutcome.Sent(
            delivered.Count > 0 ? delivered[0].Seq.ToString(CultureInfo.InvariantCulture) : null));
    }
}
