using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// A subject's registration policy: how a register through the Confluent door lands. <c>DIRECT</c> validates, checks
/// and publishes at once (Confluent's behaviour, the default of subjects the door creates); <c>REVIEWED</c> (the
/// default of every other subject) creates a version pending a schema-admin's approval. Kept with the door's settings;
/// each change is a SettingChanged event and a ledger entry, in the change's transaction.
/// </summary>
internal sealed class RegistrationPolicyService(IRegistryStorage storage, Layers layers, TimeProvider time)
{
    public const string Direct = "DIRECT";
    public const string Reviewed = "REVIEWED";

    /// <summary>The setting's name in the door's settings; the event names it <c>registration_policy</c>.</summary>
    private const string SettingName = "policy";

    public async Task<string?> OwnAsync(SubjectName subject, CancellationToken cancellationToken) =>
        await storage.Confluent.GetSettingAsync(subject.ToString(), SettingName, cancellationToken);

    /// <summary>DIRECT or REVIEWED; a subject with no policy set is REVIEWED.</summary>
    public async Task<string> PolicyAsync(SubjectName subject, CancellationToken cancellationToken) =>
        await OwnAsync(subject, cancellationToken) ?? Reviewed;

    /// <summary>DIRECT or REVIEWED from any case; null for anything else.</summary>
    public static string? Parse(string? text) => text?.ToUpperInvariant() is { } upper && upper is Direct or Reviewed ? upper : null;

    /// <summary>Stores a policy already parsed (<see cref="Parse"/>), with its event.</summary>
    public async Task SetAsync(SubjectName subject, string policy, Principal actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await storage.Confluent.SetSettingAsync(subject.ToString(), SettingName, policy, actor.Name, now,
            [Events.EventFactory.SettingChanged(subject, "registration_policy", policy, actor, now)], cancellationToken);
    }

    public async Task<SubjectPolicy> GetAsync(string subjectText, CancellationToken cancellationToken)
    {
        var subject = ParseSubject(subjectText);
        var own = await OwnAsync(subject, cancellationToken);
        return new SubjectPolicy(subject.ToString(), (own ?? Reviewed).ToLowerInvariant(), own is null ? "default" : "subject");
    }

    public async Task<SubjectPolicy> SetAsync(string subjectText, SubjectPolicy request, Principal actor, CancellationToken cancellationToken)
    {
        var subject = ParseSubject(subjectText);
        var policy = Parse(request.Policy) ?? throw new RegistryException(RegistryError.Envelope("policy must be direct or reviewed."));
        await SetAsync(subject, policy, actor, cancellationToken);
        return new SubjectPolicy(subject.ToString(), policy.ToLowerInvariant(), "subject");
    }

    private SubjectName ParseSubject(string text) =>
        SubjectName.TryParse(text, layers, out var subject, out var error) ? subject : throw new RegistryException(RegistryError.Envelope(error));
}
