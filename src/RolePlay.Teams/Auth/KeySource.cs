using Microsoft.IdentityModel.Protocols;

namespace RolePlay.Teams.Auth;

/// <summary>One issuer's signing keys: cached and periodically refreshed by <see cref="ConfigurationManager{T}"/>,
/// plus an on-demand fetch when a token names a key id we do not know (the issuer rolled its keys). The manager's own
/// <c>RequestRefresh</c> refreshes in the background, too late for the token that revealed the roll-over, so the
/// fetched keys are kept beside the manager's until its next scheduled refresh replaces both.</summary>
internal sealed class KeySource
{
    private static readonly TimeSpan MinimumForcedInterval = TimeSpan.FromSeconds(30);
    private readonly ConfigurationManager<SigningKeys> _manager;
    private readonly string _address;
    private readonly IDocumentRetriever _documents;
    private readonly SigningKeysRetriever _retriever = new();
    private volatile Merged? _merged;
    private long _lastForcedAt = long.MinValue;

    private sealed record Merged(SigningKeys Cached, SigningKeys Forced, SigningKeys Both);

    public KeySource(string address, IDocumentRetriever documents)
    {
        _address = address;
        _documents = documents;
        _manager = new ConfigurationManager<SigningKeys>(address, _retriever, documents)
        {
            AutomaticRefreshInterval = TimeSpan.FromDays(1),
            RefreshInterval = MinimumForcedInterval,
        };
    }

    public async Task<SigningKeys> GetAsync(CancellationToken cancellationToken)
    {
        var cached = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var merged = _merged;
        if (merged is null)
        {
            return cached;
        }

        if (!ReferenceEquals(merged.Cached, cached))
        {
            // The manager refreshed after our forced fetch: its keys are newer, and a key revoked since must not
            // linger in the forced snapshot.
            _merged = null;
            return cached;
        }

        return merged.Both;
    }

    /// <summary>Fetches the keys now, at most once per <see cref="MinimumForcedInterval"/> (a stream of tokens with
    /// made-up key ids must not hammer the key endpoint). False when throttled.</summary>
    public async Task<bool> ForceRefreshAsync(CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastForcedAt);
        if (last != long.MinValue && now - last < (long)MinimumForcedInterval.TotalMilliseconds
            || Interlocked.CompareExchange(ref _lastForcedAt, now, last) != last)
        {
            return false;
        }

        var forced = await _retriever.GetConfigurationAsync(_address, _documents, cancellationToken).ConfigureAwait(false);
        var cached = await _manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        _merged = new Merged(cached, forced, Union(cached, forced));
        return true;
    }

    private static SigningKeys Union(SigningKeys older, SigningKeys newer)
    {
        var endorsements = new Dictionary<string, string[]>(older.Endorsements, StringComparer.Ordinal);
        foreach (var (kid, channels) in newer.Endorsements)
        {
            endorsements[kid] = channels;
        }

        return new SigningKeys([.. newer.Keys, .. older.Keys], endorsements);
    }
}
