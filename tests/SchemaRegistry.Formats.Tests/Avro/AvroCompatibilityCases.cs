using SchemaRegistry.Core.Compatibility;
using static SchemaRegistry.Core.Compatibility.ChangeKind;
using static SchemaRegistry.Core.Documents.CompatibilityMode;
using static SchemaRegistry.Formats.Tests.Avro.AvroSchemas;

namespace SchemaRegistry.Formats.Tests.Avro;

/// <summary>
/// The Avro compatibility table, written from the specification's "Schema Resolution" section. BACKWARD: a reader
/// with NEW reads data written with OLD; FORWARD: a reader with OLD reads data written with NEW; FULL: both.
/// Each comment argues the verdict from the rule it rests on.
/// </summary>
internal static class AvroCompatibilityCases
{
    private static readonly ChangeKind[] NoChange = [];

    public static readonly IReadOnlyDictionary<string, AvroCase> Pairs = new Dictionary<string, AvroCase>
    {
        // Promotions: "int is promotable to long, float, or double; long to float or double; float to double; string to bytes; bytes to string".
        ["int_to_long_backward"] = new(Int, Long, Backward, true, [TypeWidened]), // a long reader promotes int data
        ["int_to_long_forward"] = new(Int, Long, Forward, false, [TypeWidened]), // long is not promotable to int, so an int reader cannot read long data
        ["int_to_long_full"] = new(Int, Long, Full, false, [TypeWidened]), // FULL needs the forward direction, which fails as above
        ["int_to_long_none"] = new(Int, Long, None, true, [TypeWidened]), // NONE accepts every change
        ["int_to_float_backward"] = new(Int, Float, Backward, true, [TypeWidened]), // int is promotable to float
        ["int_to_double_backward"] = new(Int, Dbl, Backward, true, [TypeWidened]), // int is promotable to double
        ["long_to_float_backward"] = new(Long, Float, Backward, true, [TypeWidened]), // long is promotable to float
        ["long_to_double_backward"] = new(Long, Dbl, Backward, true, [TypeWidened]), // long is promotable to double
        ["float_to_double_backward"] = new(Float, Dbl, Backward, true, [TypeWidened]), // float is promotable to double
        ["float_to_double_forward"] = new(Float, Dbl, Forward, false, [TypeWidened]), // double is promotable to nothing
        ["long_to_int_backward"] = new(Long, Int, Backward, false, [TypeNarrowed]), // long is not promotable to int: int reader cannot read long data
        ["long_to_int_forward"] = new(Long, Int, Forward, true, [TypeNarrowed]), // the old long reader promotes new int data
        ["double_to_float_backward"] = new(Dbl, Float, Backward, false, [TypeNarrowed]), // double is promotable to nothing
        ["float_to_long_backward"] = new(Float, Long, Backward, false, [TypeNarrowed]), // float is promotable only to double
        ["float_to_long_forward"] = new(Float, Long, Forward, true, [TypeNarrowed]), // the old float reader promotes new long data
        ["double_to_int_full"] = new(Dbl, Int, Full, false, [TypeNarrowed]), // int data reads as double, but double data never reads as int
        ["string_to_bytes_full"] = new(Str, Bytes, Full, true, [TypeChanged]), // string promotes to bytes and bytes to string
        ["bytes_to_string_full"] = new(Bytes, Str, Full, true, [TypeChanged]), // same rule, the other way
        ["string_to_int_backward"] = new(Str, Int, Backward, false, [TypeChanged]), // primitives of different types match only by promotion, and none applies
        ["boolean_to_int_none"] = new(Bool, Int, None, true, [TypeChanged]), // NONE accepts every change
        ["boolean_to_int_forward"] = new(Bool, Int, Forward, false, [TypeChanged]), // no promotion between boolean and int
        ["null_to_string_backward"] = new(Null, Str, Backward, false, [TypeChanged]), // null matches only null
        ["same_schema_full"] = new(Rec(F("a", Int)), Rec(F("a", Int)), Full, true, NoChange), // identical schemas resolve trivially
        ["same_schema_other_spelling_full"] = new(Rec(F("a", Int)), """{ "fields" : [ { "type" : {"type":"int"}, "name" : "a" } ], "name" : "t.R", "type" : "record" }""", Full, true, NoChange), // the same schema spelled differently is the same schema

        // Records: "if the reader's record schema has a field that contains a default value, and writer's schema does not have a field with the same name, then the reader should use the default value"; "if ... no default value ... an error"; "if the writer's record contains a field with a name not present in the reader's record, the writer's value for that field is ignored".
        ["field_added_with_default_backward"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Backward, true, [FieldAdded]), // the new reader uses b's default for old data
        ["field_added_with_default_forward"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Forward, true, [FieldAdded]), // the old reader ignores the writer's extra field b
        ["field_added_with_default_full"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Full, true, [FieldAdded]), // both directions hold as above
        ["field_added_without_default_backward"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str)), Backward, false, [FieldAdded]), // the new reader's b is missing from old data and has no default
        ["field_added_without_default_forward"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str)), Forward, true, [FieldAdded]), // the old reader ignores b
        ["field_added_without_default_full"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str)), Full, false, [FieldAdded]), // backward fails as above
        ["field_added_without_default_none"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str)), None, true, [FieldAdded]), // NONE accepts every change
        ["field_removed_with_default_forward"] = new(Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int)), Forward, true, [FieldRemoved]), // the old reader uses b's default for new data
        ["field_removed_without_default_forward"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("a", Int)), Forward, false, [FieldRemoved]), // the old reader needs b, which new data lacks, and has no default
        ["field_removed_without_default_backward"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("a", Int)), Backward, true, [FieldRemoved]), // the new reader ignores the writer's b
        ["field_removed_with_default_full"] = new(Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int)), Full, true, [FieldRemoved]), // ignored one way, defaulted the other
        ["field_removed_without_default_full"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("a", Int)), Full, false, [FieldRemoved]), // forward fails as above
        ["optional_field_added_full"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("note", Union(Null, Str), "null")), Full, true, [FieldAdded]), // default null for the null branch; the old reader ignores it
        ["field_promoted_in_record_backward"] = new(Rec(F("a", Int)), Rec(F("a", Long)), Backward, true, [TypeWidened]), // "the schemas for fields with the same name in both records are resolved recursively": int to long
        ["field_narrowed_in_record_backward"] = new(Rec(F("a", Long)), Rec(F("a", Int)), Backward, false, [TypeNarrowed]), // recursively, long does not resolve to int
        ["nested_field_added_without_default_backward"] = new(Rec(F("c", Named("C", F("id", Int)))), Rec(F("c", Named("C", F("id", Int), F("email", Str)))), Backward, false, [FieldAdded]), // the nested record is resolved recursively and its new field lacks a default
        ["nested_field_added_with_default_full"] = new(Rec(F("c", Named("C", F("id", Int)))), Rec(F("c", Named("C", F("id", Int), F("email", Str, "\"\"")))), Full, true, [FieldAdded]), // defaulted one way, ignored the other
        ["default_added_full"] = new(Rec(F("a", Int)), Rec(F("a", Int, "0")), Full, true, [DefaultChanged]), // a default is used only when the writer lacks the field; both have it
        ["default_removed_full"] = new(Rec(F("a", Int, "0")), Rec(F("a", Int)), Full, true, [DefaultChanged]), // same rule: both versions have the field
        ["default_changed_full"] = new(Rec(F("a", Int, "0")), Rec(F("a", Int, "1")), Full, true, [DefaultChanged]), // same rule
        ["fields_reordered_full"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("b", Str), F("a", Int)), Full, true, NoChange), // "the ordering of fields may be different: fields are matched by name"
        ["field_doc_changed_full"] = new(Rec(F("a", Int)), Rec("""{"name":"a","type":"int","doc":"the count"}"""), Full, true, [DescriptionChanged]), // doc plays no part in resolution
        ["record_doc_changed_full"] = new(Rec(F("a", Int)), """{"type":"record","name":"R","namespace":"t","doc":"an R","fields":[{"name":"a","type":"int"}]}""", Full, true, [DescriptionChanged]), // same
        ["field_renamed_with_alias_backward"] = new(Rec(F("a", Int)), Rec(F("b", Int, null, "[\"a\"]")), Backward, true, [FieldRenamed]), // the reader's alias a maps the writer's field a to b
        ["field_renamed_with_alias_forward"] = new(Rec(F("a", Int)), Rec(F("b", Int, null, "[\"a\"]")), Forward, false, [FieldRenamed]), // aliases are the reader's: the old reader's a is missing in new data and has no default
        ["field_renamed_with_alias_old_default_full"] = new(Rec(F("a", Int, "0")), Rec(F("b", Int, null, "[\"a\"]")), Full, true, [FieldRenamed]), // alias one way, the old default the other
        ["field_renamed_without_alias_backward"] = new(Rec(F("a", Int)), Rec(F("b", Int)), Backward, false, [FieldRemoved, FieldAdded]), // without an alias it is a removal plus an addition without default
        ["field_renamed_without_alias_defaults_full"] = new(Rec(F("a", Int, "0")), Rec(F("b", Int, "0")), Full, true, [FieldRemoved, FieldAdded]), // both sides fall back to defaults
        ["field_aliases_added_full"] = new(Rec(F("a", Int)), Rec(F("a", Int, null, "[\"legacy\"]")), Full, true, [AliasesChanged]), // the name still matches directly
        ["field_order_changed_full"] = new(Rec(F("a", Int)), Rec("""{"name":"a","type":"int","order":"descending"}"""), Full, true, [SortOrderChanged]), // order affects sorting, not reading

        // Named types: records, enums and fixed match when "both schemas are records with the same (unqualified) name"; the reader's aliases may map the writer's name.
        ["record_renamed_without_alias_backward"] = new(Rec(F("a", Int)), Named("S", F("a", Int)), Backward, false, [TypeRenamed]), // names differ and no alias maps them
        ["record_renamed_with_alias_backward"] = new(Rec(F("a", Int)), RecAliased("S", "[\"R\"]", F("a", Int)), Backward, true, [TypeRenamed, AliasesChanged]), // the reader's alias t.R matches the writer's name
        ["record_renamed_with_alias_forward"] = new(Rec(F("a", Int)), RecAliased("S", "[\"R\"]", F("a", Int)), Forward, false, [TypeRenamed, AliasesChanged]), // the old reader has no alias for t.S
        ["record_namespace_changed_full"] = new(Rec(F("a", Int)), """{"type":"record","name":"R","namespace":"u","fields":[{"name":"a","type":"int"}]}""", Full, true, [TypeRenamed]), // only the unqualified name must match
        ["record_aliases_added_full"] = new(Rec(F("a", Int)), RecAliased("R", "[\"Old\"]", F("a", Int)), Full, true, [AliasesChanged]), // the name itself still matches
        ["enum_renamed_with_alias_backward"] = new(Enum("[\"A\"]"), """{"type":"enum","name":"E2","namespace":"t","aliases":["E"],"symbols":["A"]}""", Backward, true, [TypeRenamed, AliasesChanged]), // the reader's alias maps the writer's enum
        ["fixed_renamed_without_alias_full"] = new(Fixed(16), Fixed(16, "Digest"), Full, false, [TypeRenamed]), // fixed needs matching names as well as sizes

        // Enums: "if the writer's symbol is not present in the reader's enum and the reader has a default value, then that value is used, otherwise an error is signalled".
        ["enum_symbol_added_backward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\",\"C\"]"), Backward, true, [EnumValueAdded]), // every old symbol is in the new enum
        ["enum_symbol_added_forward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\",\"C\"]"), Forward, false, [EnumValueAdded]), // the old reader lacks C and has no default
        ["enum_symbol_added_old_default_forward"] = new(Enum("[\"A\",\"B\"]", "A"), Enum("[\"A\",\"B\",\"C\"]", "A"), Forward, true, [EnumValueAdded]), // the old reader reads C as its default A
        ["enum_symbol_added_full"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\",\"C\"]"), Full, false, [EnumValueAdded]), // forward fails as above
        ["enum_symbol_removed_backward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\"]"), Backward, false, [EnumValueRemoved]), // old data holding B has no symbol in the new reader, which has no default
        ["enum_symbol_removed_forward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\"]"), Forward, true, [EnumValueRemoved]), // every new symbol is in the old enum
        ["enum_symbol_removed_new_default_backward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\"]", "A"), Backward, true, [EnumValueRemoved, DefaultChanged]), // the new reader reads B as its default A
        ["enum_symbols_reordered_full"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"B\",\"A\"]"), Full, true, NoChange), // symbols are resolved by name, not by position
        ["enum_default_added_full"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\"]", "A"), Full, true, [DefaultChanged]), // a default only matters for missing symbols, and none is missing
        ["enum_symbol_swapped_full"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"C\"]"), Full, false, [EnumValueRemoved, EnumValueAdded]), // each side has a symbol the other lacks and neither has a default
        ["enum_symbol_swapped_none"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"C\"]"), None, true, [EnumValueRemoved, EnumValueAdded]), // NONE accepts every change
        ["enum_in_record_symbol_removed_backward"] = new(Rec(F("s", Enum("[\"NEW\",\"PAID\"]"))), Rec(F("s", Enum("[\"NEW\"]"))), Backward, false, [EnumValueRemoved]), // resolved recursively through the field

        // Fixed: "both schemas are fixed and have the same size and name".
        ["fixed_size_changed_backward"] = new(Fixed(16), Fixed(8), Backward, false, [FixedSizeChanged]), // sizes must be equal
        ["fixed_size_changed_none"] = new(Fixed(16), Fixed(8), None, true, [FixedSizeChanged]), // NONE accepts every change
        ["fixed_to_bytes_backward"] = new(Fixed(16), Bytes, Backward, false, [TypeChanged]), // fixed and bytes are different types with no promotion

        // Unions: "if reader's is a union, but writer's is not: the first schema in the reader's union that matches the writer's schema is recursively resolved against it";
        // "if writer's is a union, but reader's is not: if the reader's schema matches the selected writer's schema, it is recursively resolved against it, else an error is signalled";
        // "if both are unions: the first schema in the reader's union that matches the selected writer's union schema is recursively resolved against it".
        ["type_became_optional_backward"] = new(Str, Union(Null, Str), Backward, true, [TypeBecameUnion]), // the new union's string branch matches old string data
        ["type_became_optional_forward"] = new(Str, Union(Null, Str), Forward, false, [TypeBecameUnion]), // a new datum in the null branch does not match the old string reader
        ["optional_became_required_backward"] = new(Union(Null, Str), Str, Backward, false, [UnionBecameType]), // old data in the null branch does not match the new string reader
        ["optional_became_required_forward"] = new(Union(Null, Str), Str, Forward, true, [UnionBecameType]), // new string data matches the old union's string branch
        ["union_branch_added_backward"] = new(Union(Null, Str), Union(Null, Str, Int), Backward, true, [UnionBranchAdded]), // every old branch has its match in the new union
        ["union_branch_added_forward"] = new(Union(Null, Str), Union(Null, Str, Int), Forward, false, [UnionBranchAdded]), // new int data matches no branch of the old union
        ["union_branch_removed_backward"] = new(Union(Null, Str, Int), Union(Null, Str), Backward, false, [UnionBranchRemoved]), // old int data matches no branch of the new union
        ["union_branch_removed_forward"] = new(Union(Null, Str, Int), Union(Null, Str), Forward, true, [UnionBranchRemoved]), // every new branch has its match in the old union
        ["union_branch_promoted_backward"] = new(Union(Null, Int), Union(Null, Long), Backward, true, [UnionBranchRemoved, UnionBranchAdded]), // old int data matches the new long branch by promotion
        ["union_branch_promoted_forward"] = new(Union(Null, Int), Union(Null, Long), Forward, false, [UnionBranchRemoved, UnionBranchAdded]), // new long data matches no branch of the old union
        ["union_branch_added_promotable_full"] = new(Union(Null, Long), Union(Null, Int, Long), Full, true, [UnionBranchAdded]), // new int data is promoted into the old long branch
        ["union_branches_reordered_full"] = new(Union(Null, Str), Union(Str, Null), Full, true, NoChange), // branches are matched by type, not position
        ["int_became_union_with_long_backward"] = new(Int, Union(Null, Long), Backward, true, [TypeBecameUnion, TypeWidened]), // the first matching branch, long, promotes old int data
        ["union_lost_branch_to_single_type_backward"] = new(Union(Str, Int), Str, Backward, false, [UnionBecameType]), // old int data does not match the string reader
        ["union_record_branch_field_added_without_default_backward"] = new(Union(Null, Named("C", F("id", Int))), Union(Null, Named("C", F("id", Int), F("email", Str))), Backward, false, [FieldAdded]), // the record branches match by name and resolve recursively
        ["union_record_branch_field_added_with_default_full"] = new(Union(Null, Named("C", F("id", Int))), Union(Null, Named("C", F("id", Int), F("email", Str, "\"\""))), Full, true, [FieldAdded]), // defaulted one way, ignored the other
        ["union_record_branch_added_forward"] = new(Union(Null, Str), Union(Null, Str, Named("C", F("id", Int))), Forward, false, [UnionBranchAdded]), // new record data matches no branch of the old union
        ["union_string_branch_became_bytes_full"] = new(Union(Null, Str), Union(Null, Bytes), Full, true, [UnionBranchRemoved, UnionBranchAdded]), // string and bytes match each other by promotion
        ["optional_field_became_required_backward"] = new(Rec(F("a", Union(Null, Str), "null")), Rec(F("a", Str)), Backward, false, [UnionBecameType, DefaultChanged]), // old null data in the field does not match the string reader

        // Arrays and maps: "both schemas are arrays: this resolution algorithm is applied recursively to the reader's and writer's array item schemas"; maps likewise with values.
        ["array_items_promoted_backward"] = new(Array(Int), Array(Long), Backward, true, [TypeWidened]), // items resolve int to long
        ["array_items_promoted_forward"] = new(Array(Int), Array(Long), Forward, false, [TypeWidened]), // items do not resolve long to int
        ["map_values_changed_backward"] = new(Map(Str), Map(Int), Backward, false, [TypeChanged]), // values resolve string to int in neither direction
        ["array_items_record_field_added_full"] = new(Array(Named("I", F("sku", Str))), Array(Named("I", F("sku", Str), F("qty", Int, "1"))), Full, true, [FieldAdded]), // recursively: defaulted one way, ignored the other
        ["array_to_map_backward"] = new(Array(Str), Map(Str), Backward, false, [TypeChanged]), // an array matches only an array
        ["array_to_map_none"] = new(Array(Str), Map(Str), None, true, [TypeChanged]), // NONE accepts every change
        ["map_values_became_optional_backward"] = new(Map(Int), Map(Union(Null, Int)), Backward, true, [TypeBecameUnion]), // the new values' int branch matches old int values

        // Logical types: the specification resolves the underlying types; we add that a changed meaning of the same bytes is not compatible.
        ["logical_type_added_full"] = new(Long, Logical(Long, "timestamp-millis"), Full, true, [LogicalTypeChanged]), // the same long is encoded; a reader without the annotation sees it as a long
        ["logical_type_removed_full"] = new(Logical(Str, "uuid"), Str, Full, true, [LogicalTypeChanged]), // the same string is encoded
        ["logical_type_changed_backward"] = new(Logical(Long, "timestamp-millis"), Logical(Long, "timestamp-micros"), Backward, false, [LogicalTypeChanged]), // the same long would be read as a thousand times earlier instant
        ["decimal_precision_grown_backward"] = new(Decimal(4, 2), Decimal(6, 2), Backward, true, [LogicalTypeChanged]), // every old value fits the larger precision at the same scale
        ["decimal_precision_grown_forward"] = new(Decimal(4, 2), Decimal(6, 2), Forward, false, [LogicalTypeChanged]), // new values may exceed the old precision
        ["decimal_scale_changed_full"] = new(Decimal(6, 2), Decimal(6, 3), Full, false, [LogicalTypeChanged]), // the same unscaled digits mean another number
        ["date_to_timestamp_backward"] = new(Logical(Int, "date"), Logical(Long, "timestamp-millis"), Backward, false, [TypeWidened, LogicalTypeChanged]), // int promotes to long, but days would be read as milliseconds

        // Custom attributes are not part of resolution.
        ["custom_attribute_changed_full"] = new(Rec(F("a", Int)), """{"type":"record","name":"R","namespace":"t","connect.name":"t.R","fields":[{"name":"a","type":"int"}]}""", Full, true, [CustomAttributeChanged]), // resolution ignores unknown attributes

        // Recursive types: the rules apply to a recursive record as to any other; the comparison ends.
        ["recursive_list_value_promoted_backward"] = new(Named("Node", F("value", Int), F("next", Union(Null, "\"Node\""))), Named("Node", F("value", Long), F("next", Union(Null, "\"Node\""))), Backward, true, [TypeWidened]), // value promotes int to long at every level
        ["recursive_list_field_added_backward"] = new(Named("Node", F("value", Int), F("next", Union(Null, "\"Node\""))), Named("Node", F("value", Int), F("next", Union(Null, "\"Node\"")), F("label", Str)), Backward, false, [FieldAdded]), // label has no default
        ["recursive_list_field_added_forward"] = new(Named("Node", F("value", Int), F("next", Union(Null, "\"Node\""))), Named("Node", F("value", Int), F("next", Union(Null, "\"Node\"")), F("label", Str)), Forward, true, [FieldAdded]), // the old reader ignores label

        // Named-type references: a type defined in another schema is resolved through the references and compared like an inline one.
        ["referenced_type_field_added_without_default_backward"] = new(Rec(F("address", "\"t.Address\"")), Rec(F("address", "\"t.Address\"")), Backward, false, [FieldAdded])
        {
            OldReferences = new Dictionary<string, string> { ["t.Address"] = Named("Address", F("street", Str)) },
            NewReferences = new Dictionary<string, string> { ["t.Address"] = Named("Address", F("street", Str), F("zip", Str)) },
        }, // the referenced record is resolved recursively and zip has no default
        ["referenced_type_field_added_with_default_full"] = new(Rec(F("address", "\"t.Address\"")), Rec(F("address", "\"t.Address\"")), Full, true, [FieldAdded])
        {
            OldReferences = new Dictionary<string, string> { ["t.Address"] = Named("Address", F("street", Str)) },
            NewReferences = new Dictionary<string, string> { ["t.Address"] = Named("Address", F("street", Str), F("zip", Str, "\"\"")) },
        }, // defaulted one way, ignored the other
        ["referenced_type_inlined_full"] = new(Rec(F("address", "\"t.Address\"")), Rec(F("address", Named("Address", F("street", Str)))), Full, true, NoChange)
        {
            OldReferences = new Dictionary<string, string> { ["t.Address"] = Named("Address", F("street", Str)) },
        }, // where a type is defined does not change what it is
    };

    /// <summary>Three-version histories: the transitive modes check V3 against V1 and V2, the others against V2 only.</summary>
    public static readonly IReadOnlyDictionary<string, AvroHistory> Histories = new Dictionary<string, AvroHistory>
    {
        // V1 {a}, V2 {a, b="x"}, V3 {a, b}: V3 reads V2 data (b present), but V1 data lacks b and V3's b has no default.
        ["default_dropped_backward"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int), F("b", Str)), Backward, true),
        ["default_dropped_backward_transitive"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int), F("b", Str)), BackwardTransitive, false),
        ["default_dropped_full"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int), F("b", Str)), Full, true),
        ["default_dropped_full_transitive"] = new(Rec(F("a", Int)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int), F("b", Str)), FullTransitive, false),
        // V1 {a, b}, V2 {a, b="x"}, V3 {a}: a V2 reader defaults b for V3 data, a V1 reader has no default for b.
        ["field_dropped_forward"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int)), Forward, true),
        ["field_dropped_forward_transitive"] = new(Rec(F("a", Int), F("b", Str)), Rec(F("a", Int), F("b", Str, "\"x\"")), Rec(F("a", Int)), ForwardTransitive, false),
        // Every field added and removed with a default: each pair resolves both ways.
        ["all_defaults_full_transitive"] = new(Rec(F("a", Int, "0")), Rec(F("a", Int, "0"), F("b", Str, "\"\"")), Rec(F("b", Str, "\"\"")), FullTransitive, true),
        // V2 gives the enum a default before V3 adds a symbol: a V2 reader maps D to its default, a V1 reader cannot.
        ["enum_symbol_forward"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\"]", "A"), Enum("[\"A\",\"B\",\"D\"]", "A"), Forward, true),
        ["enum_symbol_forward_transitive"] = new(Enum("[\"A\",\"B\"]"), Enum("[\"A\",\"B\"]", "A"), Enum("[\"A\",\"B\",\"D\"]", "A"), ForwardTransitive, false),
        // int, long, double: int promotes to double directly, so the chain holds transitively.
        ["promotion_chain_backward_transitive"] = new(Int, Long, Dbl, BackwardTransitive, true),
        // double, long, int: every earlier reader promotes every later writer's data.
        ["narrowing_chain_forward_transitive"] = new(Dbl, Long, Int, ForwardTransitive, true),
        // ...and under BACKWARD_TRANSITIVE an int reader reads neither earlier version.
        ["narrowing_chain_backward"] = new(Long, Long, Int, Backward, false),
        // string, [null,string], [null,string,int]: each new union keeps a branch for every earlier one.
        ["union_growth_backward_transitive"] = new(Str, Union(Null, Str), Union(Null, Str, Int), BackwardTransitive, true),
        // Rename a to b (alias a), then b to c (alias b): V3 reads V2 data, but c's aliases do not name V1's a.
        ["alias_chain_backward"] = new(Rec(F("a", Int)), Rec(F("b", Int, null, "[\"a\"]")), Rec(F("c", Int, null, "[\"b\"]")), Backward, true),
        ["alias_chain_backward_transitive"] = new(Rec(F("a", Int)), Rec(F("b", Int, null, "[\"a\"]")), Rec(F("c", Int, null, "[\"b\"]")), BackwardTransitive, false),
        // Keeping every alias keeps the chain: c lists a and b.
        ["alias_chain_kept_backward_transitive"] = new(Rec(F("a", Int)), Rec(F("b", Int, null, "[\"a\"]")), Rec(F("c", Int, null, "[\"a\",\"b\"]")), BackwardTransitive, true),
        // NONE never looks at history.
        ["anything_none"] = new(Int, Str, Bool, None, true),
    };
}
