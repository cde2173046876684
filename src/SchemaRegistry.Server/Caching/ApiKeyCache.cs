using System.Collections.Concurrent;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Caching;

/// <summary>
/// Keys by secret hash, remembered for <see cref="Lifetime"/>: a revocation made on this replica applies at once,
/// one made on another replica within that lifetime. Unknown secrets are not remembered (no cache flooding). A key
/// just forgotten (revoked, rotated) is not remembered again for a lifetime, so a lookup that read it before the
/// change cannot put the old state back. Expiry is checked on every request against the cached expires_at.
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _forgotten = new(StringComparer.Ordinal);

    public bool TryGet(string secretHash, out ApiKey key)
    {
        if (_keys.TryGetValue(secretHash, out var entry) && entry.Until > time.GetUtcNow())
        {
            key = entry.Key;
            return true;
        }
        key = null!;
        return false;
    }

    public void Put(string secretHash, ApiKey key)
    {
        if (RecentlyForgotten(key.Id))
        {
            return;
        }
        if (_keys.Count > 10_000)
        {
            _keys.Clear();
        }
        _keys[secretHash] = (key, time.GetUtcNow() + Lifetime);
        if (RecentlyForgotten(key.Id))
        {
            _keys.TryRemove(secretHash, out _); // forgotten meanwhile
        }
    }

    private bool RecentlyForgotten(string keyId) =>
        _forgotten.TryGetValue(keyId, out var until) && until > time.GetUtcNow();

    public void Forget(string keyId)
    {
        var now = time.GetUtcNow();
        foreach (var (id, until) in _forgotten)
        {
            if (until <= now)
            {
                _forgotten.TryRemove(id, out _);
            }
        }
        _forgotten[keyId] = now + Lifetime;
        foreach (var (hash, entry) in _keys)
        {
            if (entry.Key.Id == keyId)
            {
                _keys.TryRemove(hash, out _);
            }
        }
    }
}
