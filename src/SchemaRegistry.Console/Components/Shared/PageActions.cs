using System.Globalization;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Ui.Auth;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Components.Shared;

/// <summary>What the operations pages share: the signed-in actor of a posted form, a failure's status, times in UTC.</summary>
internal static class PageActions
{
    /// <summary>The signed-in user, checked for <paramref name="permission"/> whatever the page showed (AUTH-1002 otherwise).</summary>
    public static ConsoleUser Actor(HttpContext context, Permission permission, string what)
    {
        var user = ConsoleUser.From(context)
            ?? throw new RegistryException(new RegistryError(ErrorCode.Unauthenticated, ErrorKind.Unauthenticated, "Not signed in", "Sign in first."));
        user.Require(permission, what);
        return user;
    }

    /// <summary>Sets the response status the API would answer for the error, and returns the error to show.</summary>
    public static RegistryError Fail(HttpContext context, RegistryException exception)
    {
        context.Response.StatusCode = Server.Http.Problems.StatusOf(exception.Error.Kind);
        return exception.Error;
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string SchemaHref(string fqid) => "/ui/schemas/" + Uri.EscapeDataString(fqid);

    public static string RunHref(string runId) => "/ui/runs/" + Uri.EscapeDataString(runId);
}
