using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Naming;

/// <summary>
/// The mapping between Confluent subject names and ours. A name that is one of ours (<c>finance.gdp.invoice</c>) is
/// that subject; any other (<c>orders-value</c>, <c>com.acme.Order</c>) is given a subject of ours the first time it is
/// registered, <c>kafka.raw.orders_value_1a2b3c4d</c>, and the pair is stored: the subject is then one object in both
/// APIs, the CLI, events, the ledger and backups.
/// </summary>
internal sealed class SubjectNames(IRegistryStorage storage, Layers layers, ConfluentOptions options, TimeProvider time)
{
    public const int MaxNameLength = 255;
    private const int MaxEntityStem = 48;

    private readonly string _layer = options.Layer is { Length: > 0 } layer ? layer
        : layers.Contains("raw") ? "raw" : layers.Names.First();

    /// <summary>Refuses names that are not safe to carry through paths, logs and files (42208).</summary>
    public static void Check(string name)
    {
        string? problem = name switch
        {
            "" => "is empty",
            { Length: > MaxNameLength } => $"is longer than {MaxNameLength} characters",
            _ when name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF') => "contains a control character",
            _ when name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) => "contains a path separator",
            _ when name.Contains("..", StringComparison.Ordinal) || name == "." => "contains a path step ('..')",
            _ when name.Contains('%', StringComparison.Ordinal) => "contains '%' (an encoded character the path did not decode)",
            _ when name.Trim().Length != name.Length => "starts or ends with white space",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ConfluentException(422, ConfluentErrors.InvalidSubject, $"Invalid subject '{SubjectName.Printable(name)}': the name {problem}.");
        }
    }

    /// <summary>Our subject for a Confluent name, or null when the name is not one of ours and was never registered.</summary>
    public async Task<SubjectName?> FindAsync(string name, CancellationToken cancellationToken)
    {
        Check(name);
        if (SubjectName.TryParse(name, layers, out var ours, out _))
        {
            return ours;
        }
        return await storage.Confluent.SubjectOfNameAsync(name, cancellationToken) is { } mapped && SubjectName.TryParse(mapped, layers, out var subject, out _)
            ? subject
            : null;
    }

    public async Task<SubjectName> RequireAsync(string name, CancellationToken cancellationToken) =>
        await FindAsync(name, cancellationToken) ?? throw ConfluentErrors.SubjectMissing(name);

    /// <summary>Our subject for a name, given one now if it has none.</summary>
    public async Task<SubjectName> FindOrCreateAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken) is { } subject)
        {
            return subject;
        }
        var mapped = await storage.Confluent.MapNameAsync(name, Derive(name).ToString(), time.GetUtcNow(), cancellationToken);
        return SubjectName.TryParse(mapped, layers, out var stored, out var error)
            ? stored
            : throw new ConfluentException(500, ConfluentErrors.StoreError, $"The subject stored for '{SubjectName.Printable(name)}' is not valid: {error}");
    }

    /// <summary>The subject a foreign name is given: its letters and digits, lower-case, then 8 hex digits of its hash, so two names never meet.</summary>
    public SubjectName Derive(string name)
    {
        var stem = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                stem.Append(c);
            }
            else if (stem.Length > 0 && stem[^1] != '_')
            {
                stem.Append('_');
            }
        }
        var text = stem.ToString().Trim('_');
        if (text.Length == 0 || text[0] is < 'a' or > 'z')
        {
            text = "s_" + text;
        }
        if (text.Length > MaxEntityStem)
        {
            text = text[..MaxEntityStem].TrimEnd('_');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return new SubjectName(options.Domain, _layer, $"{text}_{hash}");
    }

    /// <summary>The Confluent name of each of our subjects that has one other than its own.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesBySubjectAsync(CancellationToken cancellationToken) =>
        (await storage.Confluent.NamesAsync(cancellationToken)).ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
}
