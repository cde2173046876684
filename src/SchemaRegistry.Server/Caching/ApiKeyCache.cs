using System.Collections.Concurrent;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Caching;

/// <summary>
/// Keys by secret hash, remembered for <see cref="Lifetime"/>: a revocation made on this replica applies at once,
/// one made on another replica within that lifetime. Unknown secrets are not remembered (no cache flooding).
/// </summary>
internal sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

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
        if (_keys.Count > 10_000)
        {
            _keys.Clear();
        }
        _keys[secretHash] = (key, time.GetUtcNow() + Lifetime);
    }

    public void Forget(string keyId)
    {
        foreach (var (hash, entry) in _keys)
        {
            if (entry.Key.Id == keyId)
            {
                _keys.TryRemove(hash, out _);
            }
        }
    }
}
