using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RolePlay.Slack.Api;
using RolePlay.Slack.Installs;

namespace RolePlay.Slack.Inbound;

/// <summary>In single-workspace mode (<c>Slack:BotToken</c>) learns the token's workspace with auth.test at start-up,
/// records it as the one install, and refuses requests from any other workspace. With OAuth every workspace that
/// signs correctly is served.</summary>
public sealed class SlackWorkspaceGuard(
    IOptions<SlackOptions> options, IServiceProvider services, ISlackInstallStore installs, TimeProvider time,
    ILogger<SlackWorkspaceGuard> logger) : IHostedService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackAuthIdentity? _identity;

    public async Task<bool> AllowsAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!options.Value.SingleWorkspace)
        {
            return true;
        }

        var identity = await LearnAsync(cancellationToken);
        if (identity?.TenantId == tenantId)
        {
            return true;
        }

        logger.LogWarning("Refused a Slack request from workspace {Tenant}: this bot serves only {Own}", tenantId, identity?.TenantId ?? "(unknown)");
        return false;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.SingleWorkspace)
        {
            await LearnAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<SlackAuthIdentity?> LearnAsync(CancellationToken cancellationToken)
    {
        if (_identity is not null)
        {
            return _identity;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_identity is null)
            {
                var token = options.Value.BotToken!;
                var identity = await services.GetRequiredService<SlackApiClient>().AuthTestAsync(token, cancellationToken);
                await installs.SaveAsync(new SlackInstallation(identity.TenantId, identity.TeamId, identity.EnterpriseId,
                    identity.UserId, token, time.GetUtcNow(), IsEnterpriseInstall: identity.IsEnterpriseInstall), cancellationToken);
                logger.LogInformation("Slack single-workspace mode: serving {Tenant} as bot user {BotUser}", identity.TenantId, identity.UserId);
                _identity = identity;
            }
        }
        catch (SlackApiException ex)
        {
            // Not fatal at start-up (Slack may be briefly unreachable): the next request tries again.
            logger.LogError("Slack auth.test with Slack:BotToken failed ({Error}); requests are refused until it succeeds", ex.Error);
        }
        finally
        {
            _gate.Release();
        }

        return _identity;
    }
}
