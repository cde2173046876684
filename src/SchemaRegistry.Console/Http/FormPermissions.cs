using System.Collections.Frozen;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Ui.Http;

/// <summary>
/// The permission each console form needs, by its form name (<c>@formname</c>, posted as <c>_handler</c>); a name
/// ending in <c>-</c> covers every form named with that prefix (<c>revoke-{id}</c>). <see cref="FormGuard"/> refuses a
/// post the signed-in role may not make before any page sees it, whatever the page showed. Add new forms here.
/// </summary>
public static class FormPermissions
{
    private static readonly FrozenDictionary<string, Permission> Exact = new Dictionary<string, Permission>(StringComparer.Ordinal)
    {
        ["register"] = Permission.WriteDraft,
        ["register-proposal"] = Permission.WriteDraft,
        ["candidate"] = Permission.Read,
        ["replay"] = Permission.ManageDrift,
        ["validate"] = Permission.Validate,
        ["submit"] = Permission.Submit,
        ["approve"] = Permission.Approve,
        ["reject"] = Permission.Reject,
        ["publish"] = Permission.Publish,
        ["force"] = Permission.ForcePublish,
        ["deprecate"] = Permission.Deprecate,
        ["mode"] = Permission.ManageConfig,
        ["create"] = Permission.ManageKeys,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly (string Prefix, Permission Permission)[] Prefixes =
    [
        ("rotate-", Permission.ManageKeys),
        ("revoke-", Permission.ManageKeys),
        ("decide-", Permission.Approve),
        ("ack-", Permission.ManageDrift),
        ("resolve-", Permission.ManageDrift),
        ("replay-", Permission.ManageConfig),
    ];

    /// <summary>The permission <paramref name="form"/> needs; null for forms anyone signed in may post (sign out).</summary>
    public static Permission? Of(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (Exact.TryGetValue(form, out var permission))
        {
            return permission;
        }
        foreach (var (prefix, needed) in Prefixes)
        {
            if (form.StartsWith(prefix, StringComparison.Ordinal))
            {
                return needed;
            }
        }
        return null;
    }
}
