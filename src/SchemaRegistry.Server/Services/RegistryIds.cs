using System.Security.Cryptography;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The id scheme for objects the registry names itself: a kind prefix, <c>_</c>, 16 random lowercase hex digits
/// (<c>sub_3f9c…</c>). Endpoints never make ids; services call this.
/// </summary>
internal static class RegistryIds
{
    public const string Subscription = "sub";
    public const string Replay = "rpl";

    public static string New(string kind) => kind + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
