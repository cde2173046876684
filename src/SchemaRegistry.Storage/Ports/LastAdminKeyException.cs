namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// A key change refused, with nothing written, because it would leave the registry without an active schema-admin
/// key, or end its last active schema-admin key that does not expire (see <see cref="IApiKeyStore"/>).
/// </summary>
public sealed class LastAdminKeyException(string message) : Exception(message);
