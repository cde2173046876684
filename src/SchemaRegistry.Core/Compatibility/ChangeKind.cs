using System.Text.Json.Serialization;

namespace SchemaRegistry.Core.Compatibility;

/// <summary>The kind of difference found between two versions of a JSON Schema.</summary>
public enum ChangeKind
{
    [JsonStringEnumMemberName("property_added")]
    PropertyAdded,
    [JsonStringEnumMemberName("property_removed")]
    PropertyRemoved,
    [JsonStringEnumMemberName("required_added")]
    RequiredAdded,
    [JsonStringEnumMemberName("required_removed")]
    RequiredRemoved,
    [JsonStringEnumMemberName("type_widened")]
    TypeWidened,
    [JsonStringEnumMemberName("type_narrowed")]
    TypeNarrowed,
    [JsonStringEnumMemberName("type_changed")]
    TypeChanged,
    [JsonStringEnumMemberName("enum_value_added")]
    EnumValueAdded,
    [JsonStringEnumMemberName("enum_value_removed")]
    EnumValueRemoved,
    [JsonStringEnumMemberName("const_changed")]
    ConstChanged,
    [JsonStringEnumMemberName("bound_tightened")]
    BoundTightened,
    [JsonStringEnumMemberName("bound_loosened")]
    BoundLoosened,
    [JsonStringEnumMemberName("pattern_changed")]
    PatternChanged,
    [JsonStringEnumMemberName("format_changed")]
    FormatChanged,
    [JsonStringEnumMemberName("additional_properties_closed")]
    AdditionalPropertiesClosed,
    [JsonStringEnumMemberName("additional_properties_opened")]
    AdditionalPropertiesOpened,
    [JsonStringEnumMemberName("items_changed")]
    ItemsChanged,
    [JsonStringEnumMemberName("composition_changed")]
    CompositionChanged,
    [JsonStringEnumMemberName("description_changed")]
    DescriptionChanged,
    [JsonStringEnumMemberName("default_changed")]
    DefaultChanged,
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    // Avro
    [JsonStringEnumMemberName("field_added")]
    FieldAdded,
    [JsonStringEnumMemberName("field_removed")]
    FieldRemoved,
    [JsonStringEnumMemberName("field_renamed")]
    FieldRenamed,
    [JsonStringEnumMemberName("type_renamed")]
    TypeRenamed,
    [JsonStringEnumMemberName("aliases_changed")]
    AliasesChanged,
    [JsonStringEnumMemberName("union_branch_added")]
    UnionBranchAdded,
    [JsonStringEnumMemberName("union_branch_removed")]
    UnionBranchRemoved,
    [JsonStringEnumMemberName("type_became_union")]
    TypeBecameUnion,
    [JsonStringEnumMemberName("union_became_type")]
    UnionBecameType,
    [JsonStringEnumMemberName("fixed_size_changed")]
    FixedSizeChanged,
    [JsonStringEnumMemberName("logical_type_changed")]
    LogicalTypeChanged,
    [JsonStringEnumMemberName("sort_order_changed")]
    SortOrderChanged,
    [JsonStringEnumMemberName("custom_attribute_changed")]
    CustomAttributeChanged,
}
