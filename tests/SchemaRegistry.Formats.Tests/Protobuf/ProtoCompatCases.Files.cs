using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;

namespace SchemaRegistry.Formats.Tests.Protobuf;

internal static partial class ProtoCompatCases
{
    /// <summary>File level.</summary>
    private static ProtoCompatCase[] Files =>
    [
        // full names change: deserializers by type name and Any's type URLs break (Confluent diff 02)
        new(
            "package_changed_backward",
            "syntax = 'proto3';\npackage foo;\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\npackage bar;\nmessage M { int32 a = 1; }",
            CompatibilityMode.Backward,
            false,
            [ChangeKind.PackageChanged]),
        // proto2 and proto3 encode alike; the optional field's presence is reported on its own
        new(
            "syntax_changed_full",
            "syntax = 'proto2';\nmessage M { optional int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            CompatibilityMode.Full,
            true,
            [ChangeKind.SyntaxChanged, ChangeKind.PresenceChanged]),
        // a type written relative or fully qualified is the same type (Confluent diff 03/04)
        new(
            "qualification_changed_full",
            "syntax = 'proto3';\npackage foo;\nmessage M { S s = 1; message S { int32 x = 1; } }",
            "syntax = 'proto3';\npackage foo;\nmessage M { .foo.M.S s = 1; message S { int32 x = 1; } }",
            CompatibilityMode.Full,
            true,
            []),
        // nothing changed
        new(
            "comments_and_layout_only_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\n// a comment\nmessage M {\n  int32 a = 1; /* same */\n}",
            CompatibilityMode.Full,
            true,
            []),
        // services are not part of a record
        new(
            "service_added_full",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }\nservice S { rpc Get(M) returns (M); }",
            CompatibilityMode.Full,
            true,
            []),
        // NONE accepts every change
        new(
            "incompatible_change_under_none",
            "syntax = 'proto3';\nmessage M { int32 a = 1; }",
            "syntax = 'proto3';\nmessage M { string a = 1; }",
            CompatibilityMode.None,
            true,
            [ChangeKind.TypeChanged]),
    ];
}
