using System.Reflection;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Tests.Architecture;

/// <summary>
/// Events are built one way: only <see cref="EventFactory"/> makes an <see cref="OutboxEvent"/> or an event data record
/// (the records of <c>SchemaRegistry.Wire.Events</c>), and its data is always such a record, never an anonymous
/// object. Read from the IL of the server and of storage, so a lambda or an async method is caught too.
/// </summary>
public sealed class EventFactoryLayeringTests
{
    private const string DataNamespace = "SchemaRegistry.Wire.Events";

    [Fact]
    public void Only_the_event_factory_builds_events_in_the_server_and_storage()
    {
        var offences = Offences(typeof(EventFactory).Assembly).Concat(Offences(typeof(OutboxEvent).Assembly)).ToList();

        Assert.True(offences.Count == 0, "build these events with EventFactory:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_factory_serialises_only_event_data_records()
    {
        var built = IlCalls.Of(typeof(EventFactory).Assembly)
            .Where(c => c.Caller == typeof(EventFactory) && c.Method is MethodInfo { IsGenericMethod: true, Name: "Build" })
            .Select(c => ((MethodInfo)c.Method).GetGenericArguments()[0])
            .ToList();

        Assert.True(built.Count >= 20, $"only {built.Count} calls of Build found: the IL walk misses calls");
        Assert.All(built, data => Assert.True(data.Namespace == DataNamespace && data.IsSealed && !data.Name.Contains("AnonymousType", StringComparison.Ordinal),
            $"{data} is not an event data record of {DataNamespace}"));
    }

    [Fact]
    public void The_check_finds_an_event_built_outside_the_factory()
    {
        var offences = Offences(typeof(EventFactoryLayeringTests).Assembly);

        Assert.Equal(
            [$"{typeof(Violation).FullName}.{nameof(Violation.Build)} makes {typeof(OutboxEvent).FullName}",
             $"{typeof(Violation).FullName}.{nameof(Violation.Copy)} makes {typeof(OutboxEvent).FullName}",
             $"{typeof(Violation).FullName}.{nameof(Violation.Data)} makes {DataNamespace}.{nameof(Wire.Events.DriftAcknowledgedData)}"],
            offences.Order(StringComparer.Ordinal));
    }

    /// <summary>Calls outside <see cref="EventFactory"/> to a constructor (or with-copy) of an event or an event data record.</summary>
    private static IEnumerable<string> Offences(Assembly assembly) =>
        IlCalls.Of(assembly)
            .Where(c => c.Caller != typeof(EventFactory) && c.Caller != c.Method.DeclaringType && MakesEvent(c.Method))
            .Select(c => $"{c.Site} makes {c.Method.DeclaringType!.FullName}")
            .Distinct();

    private static bool MakesEvent(MethodBase method) =>
        method.DeclaringType is { } type
        && (method is ConstructorInfo || method.Name == "<Clone>$")
        && (type == typeof(OutboxEvent) || type.Namespace == DataNamespace);

    /// <summary>What the check must refuse: an event, a copy of one, and event data made outside the factory.</summary>
    private static class Violation
    {
        public static OutboxEvent Build() => new("SchemaPublished", "x", DateTimeOffset.UnixEpoch, "{}");

        public static OutboxEvent Copy(OutboxEvent e) => e with { Subject = "y" };

        public static object Data() => new Wire.Events.DriftAcknowledgedData(1, "s", "p", null);
    }
}
