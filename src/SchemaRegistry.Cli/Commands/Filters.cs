using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// Filters naming things that must exist: a misspelt one (<c>--type SchemaPublishd</c>, <c>--schema
/// finance.gdp.invoce</c>) would match nothing and read as "there is nothing", so it is an error naming the closest
/// known names instead.
/// </summary>
internal static partial class Filters
{
    private static readonly string[] EventTypeNames = typeof(EventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static void EventType(string option, IEnumerable<string?>? types)
    {
        foreach (var type in types ?? [])
        {
            if (type is not null && !EventTypeNames.Contains(type, StringComparer.Ordinal))
            {
                var suggestion = Spelling.DidYouMean(type, EventTypeNames);
                throw new InputException(suggestion.Length > 0
                    ? $"{option}: unknown event type '{type}'.{suggestion}"
                    : $"{option}: unknown event type '{type}'. Event types: {string.Join(", ", EventTypeNames)}.");
            }
        }
    }

    /// <summary>A subject (<c>domain.layer.entity</c>) or a version (FQID or alias) that must be registered.</summary>
    public static async Task SubjectOrVersionAsync(RegistryClient client, string option, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            return;
        }
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var subject = colon < 0 ? value : value[..colon];
        var versions = await VersionsAsync(client, subject, ct);
        if (versions is null)
        {
            var subjects = (await client.ListSubjectsAsync(cancellationToken: ct)).Subjects.Select(s => s.Subject).ToList();
            throw new InputException($"{Prefix(option)}subject {subject} does not exist.{Suggest(subject, subjects, colon < 0 ? "" : value[colon..])}");
        }
        if (colon >= 0 && !await ExistsAsync(client, value, ct))
        {
            throw new InputException($"{Prefix(option)}{value} does not exist.{Spelling.DidYouMean(value, versions)} {subject} has {string.Join(", ", versions)}.");
        }
    }

    /// <summary>Only checked when the value reads as a subject or version: other filters (runs/…, keys/…) pass as given.</summary>
    public static Task SubjectOrVersionIfNamedAsync(RegistryClient client, string option, string? value, CancellationToken ct) =>
        value is not null && SubjectLike().IsMatch(value) ? SubjectOrVersionAsync(client, option, value, ct) : Task.CompletedTask;

    public static async Task PipelineAsync(RegistryClient client, string option, string? id, CancellationToken ct)
    {
        if (id is null)
        {
            return;
        }
        var known = (await client.ListPipelinesAsync(ct)).Select(p => p.PipelineId).ToList();
        if (!known.Contains(id, StringComparer.Ordinal))
        {
            throw new InputException($"{option}: pipeline {id} is not registered.{Spelling.DidYouMean(id, known)}");
        }
    }

    /// <summary>For a filter on a subject's part (domain, layer): an error when nothing matched and no subject has that part.</summary>
    public static void Part(string option, string? value, IEnumerable<string> known, bool matchedNothing)
    {
        var names = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (value is not null && matchedNothing && !names.Contains(value, StringComparer.Ordinal))
        {
            var suggestion = Spelling.DidYouMean(value, names);
            throw new InputException($"{option}: no subject has {option.TrimStart('-')} '{value}'." +
                (suggestion.Length > 0 ? suggestion : names.Count > 0 ? $" In use: {string.Join(", ", names)}." : " No subject is registered."));
        }
    }

    private static string Prefix(string option) => option.Length == 0 ? "" : $"{option}: ";

    private static string Suggest(string subject, IReadOnlyList<string> subjects, string versionPart)
    {
        var closest = Spelling.Closest(subject, subjects);
        return closest.Count == 0 ? "" : $" Did you mean {string.Join(" or ", closest.Select(s => s + versionPart))}?";
    }

    /// <summary>The subject's versions, or null when it has none (does not exist).</summary>
    private static async Task<List<string>?> VersionsAsync(RegistryClient client, string subject, CancellationToken ct)
    {
        try
        {
            return (await client.ListVersionsAsync(subject, ct)).Versions.Select(v => v.Fqid).ToList();
        }
        catch (RegistryApiException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<bool> ExistsAsync(RegistryClient client, string fqidOrAlias, CancellationToken ct)
    {
        try
        {
            await client.GetAsync(fqidOrAlias, ct);
            return true;
        }
        catch (RegistryApiException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*(:.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectLike();
}
