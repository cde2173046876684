using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Ui.Auth;
using SchemaRegistry.Ui.Http;

namespace SchemaRegistry.Ui.Components.Shared;

/// <summary>
/// Runs one console action the way the API would: the role is checked on the server whatever the page showed
/// (AUTH-1002 otherwise), and a refusal comes back as the catalog's error, with the API's status for it.
/// </summary>
public static class ConsoleAction
{
    /// <returns>The error to show, or null when the action ran.</returns>
    public static async Task<RegistryError?> RunAsync(HttpContext context, Permission permission, string what, Func<ConsoleUser, Task> action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            var user = ConsoleUser.From(context) ?? throw new RegistryException(new RegistryError(Wire.ErrorCode.Unauthenticated,
                ErrorKind.Unauthenticated, "Authentication required", "Sign in again."));
            user.Require(permission, what);
            await action(user);
            return null;
        }
        catch (RegistryException refused)
        {
            PageStatus.Set(context, Problems.StatusOf(refused.Error.Kind));
            return refused.Error;
        }
    }
}
