using SchemaRegistry.Core.Documents;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Tests.Conformance;

/// <summary>A subject's compatibility mode, set with the event that records who set it.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task A_subject_mode_is_set_replaced_and_recorded_with_its_event_and_ledger_entry()
    {
        var subject = NewSubject();
        OutboxEvent Changed(string mode) =>
            new("SubjectConfigChanged", subject.ToString(), T0, $$"""{"principal":"key_admin","role":"schema-admin","compatibility":"{{mode}}"}""");

        Assert.Null(await Fixture.Storage.Subjects.GetModeAsync(subject, None));
        await Fixture.Storage.Subjects.SetModeAsync(subject, CompatibilityMode.Full, "key_admin", T0, [Changed("FULL")], None);
        await Fixture.Storage.Subjects.SetModeAsync(subject, CompatibilityMode.None, "key_admin", T0.AddMinutes(1), [Changed("NONE")], None);

        Assert.Equal(CompatibilityMode.None, await Fixture.Storage.Subjects.GetModeAsync(subject, None));
        var events = await Fixture.Storage.Events.ReadAsync(0, 100, null, subject.ToString(), None);
        Assert.Equal(["SubjectConfigChanged", "SubjectConfigChanged"], events.Select(e => e.Type));
        Assert.Equal(2, (await Fixture.Storage.Audit.ReadAsync(new AuditQuery(Target: subject.ToString()), None)).Count);
    }
}
