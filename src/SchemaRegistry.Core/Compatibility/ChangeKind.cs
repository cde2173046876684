namespace SchemaRegistry.Core.Compatibility;

/// <summary>The kind of difference found between two versions of a JSON Schema.</summary>
public enum ChangeKind
{
    PropertyAdded,
    PropertyRemoved,
    RequiredAdded,
    RequiredRemoved,
    TypeWidened,
    TypeNarrowed,
    TypeChanged,
    EnumValueAdded,
    EnumValueRemoved,
    ConstChanged,
    BoundTightened,
    BoundLoosened,
    PatternChanged,
    FormatChanged,
    AdditionalPropertiesClosed,
    AdditionalPropertiesOpened,
    ItemsChanged,
    CompositionChanged,
    DescriptionChanged,
    DefaultChanged,
    Unknown,
}
