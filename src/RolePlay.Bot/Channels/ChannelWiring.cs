using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RolePlay.Bot.Web;
using RolePlay.Channels;
using RolePlay.Core.Chat;
using RolePlay.Core.Routines;
using RolePlay.Core.Settings;
using RolePlay.Core.Storage;
using RolePlay.Slack;
using RolePlay.Slack.Api;
using RolePlay.Slack.Inbound;
using RolePlay.Slack.Installs;
using RolePlay.Slack.Outbound;
using RolePlay.Studio;
using RolePlay.Teams;
using RolePlay.Teams.Inbound;
using RolePlay.Teams.Outbound;

namespace RolePlay.Bot.Channels;

/// <summary>Which channels this deployment serves, and their seams backed by the bot's store. Teams' endpoint is
/// mapped when it has an app id, or in local mode (for Microsoft's Agents Playground), never in a Slack-only
/// deployment, where it would be an unauthenticated door; Slack only when configured; the browser studio always
/// (loopback only while neither Teams, Slack nor a web sign-in is configured).</summary>
internal static class ChannelWiring
{
    /// <summary>Which channels are configured, and the one decision of the deployment mode: local when nothing is
    /// configured that could sign a person in (no Teams app id, no Slack settings, no web sign-in), so the studio and
    /// dashboard answer loopback callers only. Web sign-in alone is a studio-only deployment: a team with neither bot
    /// practises in the studio, signed in with their Microsoft or Slack identity.</summary>
    public sealed record Enabled(bool Teams, bool Slack, bool Local);

    public static Enabled Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Seams registered before the channels so their in-memory defaults are not used.
        services.AddSingleton<IConversationReferenceSink, StoredTeamsReferences>();
        services.AddSingleton<Reachability>();
        services.AddSingleton<IUnreachableRecipients, StoredUnreachableRecipients>();
        services.AddTeams(configuration);

        var teams = !string.IsNullOrWhiteSpace(configuration["Teams:MicrosoftAppId"]);
        var slack = configuration.GetSection("Slack").GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
        var webSignIn = new[] { "Web:Entra:ClientId", "Web:Slack:ClientId" }.Any(k => !string.IsNullOrWhiteSpace(configuration[k]));
        var local = !slack && !teams && !webSignIn;

        // A platform whose bot runs here is reached through it; one whose people only sign in to the web (a studio-only
        // team, or Entra sign-in beside a Slack bot) is reached on their studio page.
        if (teams || local)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IProactiveSender, TeamsProactiveSender>());
        }
        else
        {
            services.AddStudioDelivery(ActivityTranslator.Platform);
        }

        if (slack)
        {
            services.AddSingleton<ISlackInstallStore, StoredSlackInstalls>();
            services.AddSingleton<ISlackEnricher, SlackFirstSight>();
            services.AddSlack(configuration);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IProactiveSender, SlackProactiveSender>());
        }
        else
        {
            // Slack people may still sign in to the web (Web:Slack) and make a team on the studio's Team page: it starts
            // with Slack's reactions, ready for the day the workspace's channel is connected.
            services.AddSingleton(SlackInbound.DefaultReactions);
            services.AddStudioDelivery(SlackInbound.Platform);
        }

        services.AddStudio(options => options.LocalMode = local);
        return new Enabled(teams || local, slack, local);
    }

    public static void Map(WebApplication app, Enabled enabled)
    {
        // The platforms prove themselves on every request (Teams: the Bot Framework token, or loopback in local mode;
        // Slack: the v0 signature), so these routes need no web sign-in; everything else does (WebAccess's fallback).
        if (enabled.Teams)
        {
            app.MapTeamsEndpoints().AllowAnonymous();
        }

        if (enabled.Slack)
        {
            app.MapSlackEndpoints().AllowAnonymous();
        }

        // The same rule as the dashboard: loopback in local mode, signed in when deployed (Web/WebAccess.cs).
        var studio = app.MapStudio();
        studio.Learner.RequireAuthorization(WebAccess.Policy);
        studio.Facilitator.RequireAuthorization(WebAccess.FacilitatorPolicy);
    }
}
