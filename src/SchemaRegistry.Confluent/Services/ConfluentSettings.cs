using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// The door's settings: the mode (READWRITE, READONLY, IMPORT) globally and per subject, a subject's registration
/// policy (direct or reviewed), and the global compatibility level. A subject's own compatibility is our subject
/// config, shared with <c>/v1/config/{subject}</c>; the policy is <see cref="RegistrationPolicyService"/>'s, shared with
/// <c>/v1/config/{subject}/policy</c>. Every change writes a SettingChanged event and its ledger entry in its transaction.
/// </summary>
internal sealed class ConfluentSettings(IRegistryStorage storage, RegistrationPolicyService policies, RegistryOptions options, TimeProvider time)
{
    public const string Global = "";
    public const string ReadWrite = "READWRITE";
    public const string ReadOnly = "READONLY";
    public const string Import = "IMPORT";
    public const string Direct = RegistrationPolicyService.Direct;
    public const string Reviewed = RegistrationPolicyService.Reviewed;
    private const string ModeName = "mode";
    private const string CompatibilityName = "compatibility";

    public static readonly IReadOnlyList<string> Modes = [ReadWrite, ReadOnly, Import];

    public static string ScopeOf(SubjectName? subject) => subject?.ToString() ?? Global;

    public async Task<string?> OwnModeAsync(SubjectName? subject, CancellationToken cancellationToken) =>
        await storage.Confluent.GetSettingAsync(ScopeOf(subject), ModeName, cancellationToken);

    /// <summary>The subject's mode, else the global one, else READWRITE.</summary>
    public async Task<string> ModeAsync(SubjectName? subject, CancellationToken cancellationToken) =>
        (subject is null ? null : await OwnModeAsync(subject, cancellationToken)) ?? await OwnModeAsync(null, cancellationToken) ?? ReadWrite;

    public async Task SetModeAsync(SubjectName? subject, string? mode, Principal actor, CancellationToken cancellationToken)
    {
        if (mode is not null && !Modes.Contains(mode))
        {
            throw new ConfluentException(422, ConfluentErrors.InvalidMode, $"Invalid mode '{SubjectName.Printable(mode)}'; use one of {string.Join(", ", Modes)}.");
        }
        await SetAsync(subject, ModeName, mode, actor, cancellationToken);
    }

    /// <summary>Refuses a change when the subject (or the registry) is read-only (42205).</summary>
    public async Task<string> RequireWritableAsync(SubjectName? subject, string name, CancellationToken cancellationToken)
    {
        var mode = await ModeAsync(subject, cancellationToken);
        if (mode == ReadOnly)
        {
            throw ConfluentErrors.NotPermitted($"Subject '{SubjectName.Printable(name)}' is in read-only mode.");
        }
        return mode;
    }

    /// <summary>DIRECT or REVIEWED; a subject with no policy set is REVIEWED (the door sets DIRECT on the subjects it creates).</summary>
    public Task<string> PolicyAsync(SubjectName subject, CancellationToken cancellationToken) => policies.PolicyAsync(subject, cancellationToken);

    public Task<string?> OwnPolicyAsync(SubjectName subject, CancellationToken cancellationToken) => policies.OwnAsync(subject, cancellationToken);

    public async Task SetPolicyAsync(SubjectName subject, string policy, Principal actor, CancellationToken cancellationToken) =>
        await policies.SetAsync(subject, RegistrationPolicyService.Parse(policy)
            ?? throw new ConfluentException(422, ConfluentErrors.OperationNotPermitted, $"registrationPolicy must be {Direct} or {Reviewed}."), actor, cancellationToken);

    public async Task<CompatibilityMode> GlobalCompatibilityAsync(CancellationToken cancellationToken) =>
        await storage.Confluent.GetSettingAsync(Global, CompatibilityName, cancellationToken) is { } text ? WireNames.ParseMode(text) : options.DefaultMode;

    public async Task SetGlobalCompatibilityAsync(CompatibilityMode? mode, Principal actor, CancellationToken cancellationToken) =>
        await SetAsync(null, CompatibilityName, mode is { } m ? WireNames.Of(m) : null, actor, cancellationToken);

    private async Task SetAsync(SubjectName? subject, string name, string? value, Principal actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await storage.Confluent.SetSettingAsync(ScopeOf(subject), name, value, actor.Name, now, [EventFactory.SettingChanged(subject, name, value, actor, now)],
            cancellationToken);
    }

    /// <summary>The subject's own level (our subject config), else the global one.</summary>
    public async Task<CompatibilityMode> CompatibilityAsync(SubjectName subject, CancellationToken cancellationToken) =>
        await storage.Subjects.GetModeAsync(subject, cancellationToken) ?? await GlobalCompatibilityAsync(cancellationToken);

    public static CompatibilityMode ParseLevel(string? text) =>
        WireNames.TryParseIgnoringCase(text, out CompatibilityMode mode)
            ? mode
            : throw new ConfluentException(422, ConfluentErrors.InvalidCompatibilityLevel,
                $"Invalid compatibility level '{SubjectName.Printable(text ?? "")}'; use one of {string.Join(", ", WireNames.AllModes)}.");
}
