using SchemaRegistry.Core.Compatibility;
using static SchemaRegistry.Core.Compatibility.ChangeKind;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Cases where keyword-by-keyword comparison is over-cautious and inclusion decides (issue 20). Each scenario runs
/// both ways: BACKWARD holds when the old schema is a subschema of the new one, FORWARD the reverse, so the
/// reversed case swaps the verdicts. Comments argue the verdicts from the specification (2020-12 Core/Validation
/// unless a draft is named); "unproven" marks a direction that is not compatible but that the engine cannot turn
/// into a checked witness, or that it cannot decide (said why).
/// </summary>
internal static partial class DiffCases
{
    private const string D4 = "\"$schema\":\"http://json-schema.org/draft-04/schema#\",";
    private const string D6 = "\"$schema\":\"http://json-schema.org/draft-06/schema#\",";
    private const string D7 = "\"$schema\":\"http://json-schema.org/draft-07/schema#\",";
    private const string D19 = "\"$schema\":\"https://json-schema.org/draft/2019-09/schema\",";
    private const string D20 = "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",";

    /// <summary>A schema object with a <c>$schema</c> member put first.</summary>
    private static string In(string draft, string schema) => "{" + draft + schema[1..];

    /// <summary>A scenario and its mirror image (old and new swapped, so each instance's validity swaps too).</summary>
    private static DiffCase[] R(string name, string old, string @new, ChangeKind[] kinds, bool? backward, bool? forward,
        ChangeKind[] reversedKinds, bool? reversedBackward, bool? reversedForward, params Instance[] instances) =>
    [
        new(name, old, @new, kinds, backward, forward, instances),
        new(name + " (reversed)", @new, old, reversedKinds, reversedBackward, reversedForward,
            [.. instances.Select(i => i with { ValidOld = i.ValidNew, ValidNew = i.ValidOld })]),
    ];

    private static DiffCase[] InclusionCases =>
    [
        // Widening inside composition. allOf is the intersection of its branches (Core 10.2.1.1).
        .. R("An enum inside allOf gaining a value widens the schema",
            """{"allOf":[{"type":"string"},{"enum":["a","b"]}]}""", """{"allOf":[{"type":"string"},{"enum":["a","b","c"]}]}""",
            [EnumValueAdded], true, false, [EnumValueRemoved], false, true,
            I("\"a\"", true, true), I("\"c\"", false, true), I("1", false, false)),
        // {a,b} ∩ {a,b,c} and {a,b} ∩ {a,b,c,d} are both {a,b}: the widened branch is masked by its sibling.
        .. R("An enum inside allOf gaining a value its sibling branch forbids changes nothing",
            In(D7, """{"allOf":[{"enum":["a","b"]},{"enum":["a","b","c"]}]}"""), In(D7, """{"allOf":[{"enum":["a","b"]},{"enum":["a","b","c","d"]}]}"""),
            [EnumValueAdded], true, true, [EnumValueRemoved], true, true,
            I("\"a\"", true, true), I("\"d\"", false, false), I("\"c\"", false, false)),
        // Branch order does not matter in allOf; the value set grows by "c" only.
        .. R("An enum inside a reordered allOf gaining a value is backward compatible",
            """{"allOf":[{"type":"string","maxLength":3},{"enum":["a","b"]}]}""", """{"allOf":[{"enum":["a","b","c"]},{"type":"string","maxLength":3}]}""",
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("\"a\"", true, true), I("\"c\"", false, true), I("\"abcd\"", false, false)),
        // The added value 1 is not a string, so the type branch rejects it: the sets stay {a,b}.
        .. R("An enum inside allOf gaining a value of another type changes nothing",
            In(D19, """{"allOf":[{"type":"string"},{"enum":["a","b"]}]}"""), In(D19, """{"allOf":[{"type":"string"},{"enum":["a","b",1]}]}"""),
            [EnumValueAdded], true, true, [EnumValueRemoved], true, true,
            I("\"a\"", true, true), I("1", false, false)),

        // oneOf: valid when exactly one branch matches (Core 10.2.1.3); with pairwise disjoint branches that is "any".
        .. R("oneOf gaining a disjoint branch is backward compatible",
            """{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"},{"type":"integer"},{"type":"boolean"}]}""",
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("\"a\"", true, true), I("true", false, true), I("null", false, false)),
        .. R("oneOf of tagged objects gaining a tag is backward compatible",
            In(D7, """{"oneOf":[{"type":"object","properties":{"kind":{"const":"a"}},"required":["kind"]},{"type":"object","properties":{"kind":{"const":"b"}},"required":["kind"]}]}"""),
            In(D7, """{"oneOf":[{"type":"object","properties":{"kind":{"const":"a"}},"required":["kind"]},{"type":"object","properties":{"kind":{"const":"b"}},"required":["kind"]},{"type":"object","properties":{"kind":{"const":"c"}},"required":["kind"]}]}"""),
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("""{"kind":"a"}""", true, true), I("""{"kind":"c"}""", false, true), I("{}", false, false)),
        // integer ⊆ number: 1 now matches two branches and is rejected, 1.5 matches only the new one.
        .. R("oneOf gaining an overlapping branch is incompatible both ways",
            """{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"},{"type":"integer"},{"type":"number"}]}""",
            [CompositionChanged], null, null, [CompositionChanged], null, null,
            I("1", true, false), I("1.5", false, true), I("\"a\"", true, true)),
        .. R("oneOf of disjoint enums gaining a value is backward compatible",
            """{"oneOf":[{"enum":[1,2]},{"enum":[3]}]}""", """{"oneOf":[{"enum":[1,2]},{"enum":[3,4]}]}""",
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("3", true, true), I("4", false, true), I("5", false, false)),

        // allOf → anyOf: every value matching all branches matches one.
        .. R("allOf turned into anyOf is backward compatible",
            """{"allOf":[{"type":"string"},{"maxLength":5}]}""", """{"anyOf":[{"type":"string"},{"maxLength":5}]}""",
            [CompositionChanged, CompositionChanged], true, null, [CompositionChanged, CompositionChanged], null, true,
            I("\"abc\"", true, true), I("1", false, true), I("\"abcdefg\"", false, true)),
        .. R("allOf of required members turned into anyOf is backward compatible",
            In(D7, """{"allOf":[{"type":"object","required":["a"]},{"type":"object","required":["b"]}]}"""),
            In(D7, """{"anyOf":[{"type":"object","required":["a"]},{"type":"object","required":["b"]}]}"""),
            [CompositionChanged, CompositionChanged], true, null, [CompositionChanged, CompositionChanged], null, true,
            I("""{"a":1,"b":2}""", true, true), I("""{"a":1}""", false, true), I("{}", false, false)),
        .. R("A single-branch allOf turned into anyOf changes nothing",
            """{"allOf":[{"type":"integer","minimum":0}]}""", """{"anyOf":[{"type":"integer","minimum":0}]}""",
            [CompositionChanged, CompositionChanged], true, true, [CompositionChanged, CompositionChanged], true, true,
            I("0", true, true), I("-1", false, false)),

        // A type widened through anyOf/oneOf: the union of the branches' types.
        .. R("A type widened through anyOf is backward compatible",
            """{"type":"integer"}""", """{"anyOf":[{"type":"integer"},{"type":"string"}]}""",
            [CompositionChanged, TypeWidened], true, false, [CompositionChanged, TypeNarrowed], false, true,
            I("1", true, true), I("\"a\"", false, true), I("null", false, false)),
        .. R("A type widened through a disjoint oneOf is backward compatible (draft-04)",
            In(D4, """{"type":"integer"}"""), In(D4, """{"oneOf":[{"type":"integer"},{"type":"string"}]}"""),
            [CompositionChanged, TypeWidened], true, false, [CompositionChanged, TypeNarrowed], false, true,
            I("1", true, true), I("\"a\"", false, true), I("true", false, false)),
        .. R("A bounded string widened to nullable through anyOf is backward compatible",
            """{"type":"string","maxLength":3}""", """{"anyOf":[{"type":"string"},{"type":"null"}]}""",
            [BoundLoosened, CompositionChanged, TypeWidened], true, false, [BoundTightened, CompositionChanged, TypeNarrowed], false, true,
            I("\"abc\"", true, true), I("\"abcd\"", false, true), I("null", false, true), I("1", false, false)),
        // integer ∪ number = number.
        .. R("A number restated as anyOf integer or number changes nothing",
            """{"type":"number"}""", """{"anyOf":[{"type":"integer"},{"type":"number"}]}""",
            [CompositionChanged, TypeWidened], true, true, [CompositionChanged, TypeNarrowed], true, true,
            I("1.5", true, true), I("\"a\"", false, false)),
        .. R("A property type widened through anyOf is backward compatible",
            """{"type":"object","properties":{"a":{"type":"string"}}}""", """{"type":"object","properties":{"a":{"anyOf":[{"type":"string"},{"type":"null"}]}}}""",
            [CompositionChanged, TypeWidened], true, false, [CompositionChanged, TypeNarrowed], false, true,
            I("""{"a":"x"}""", true, true), I("""{"a":null}""", false, true), I("""{"a":1}""", false, false)),

        // The true schema accepts every instance (Core 4.3.2).
        .. R("A string schema replaced by true is backward compatible",
            """{"type":"string"}""", "true",
            [TypeWidened], true, false, [TypeNarrowed], false, true,
            I("\"a\"", true, true), I("1", false, true)),
        .. R("The empty schema replaced by true changes nothing",
            "{}", "true",
            [], true, true, [], true, true,
            I("1", true, true), I("null", true, true)),
        .. R("A property schema replaced by true is backward compatible",
            """{"type":"object","properties":{"a":{"type":"integer"}}}""", """{"type":"object","properties":{"a":true}}""",
            [TypeWidened], true, false, [TypeNarrowed], false, true,
            I("""{"a":1}""", true, true), I("""{"a":"x"}""", false, true), I("[]", false, false)),
        .. R("Array items replaced by true are backward compatible",
            """{"type":"array","items":{"type":"string"}}""", """{"type":"array","items":true}""",
            [ItemsChanged], true, false, [ItemsChanged], false, true,
            I("""["a"]""", true, true), I("[1]", false, true), I("{}", false, false)),
        .. R("additionalProperties replaced by true is backward compatible (draft-06)",
            In(D6, """{"type":"object","additionalProperties":{"type":"string"}}"""), In(D6, """{"type":"object","additionalProperties":true}"""),
            [AdditionalPropertiesOpened], true, false, [AdditionalPropertiesClosed], false, true,
            I("""{"x":"a"}""", true, true), I("""{"x":1}""", false, true), I("1", false, false)),
        // allOf with a true branch is the other branch alone.
        .. R("A true branch in allOf changes nothing",
            """{"allOf":[true,{"type":"string"}]}""", """{"type":"string"}""",
            [CompositionChanged, TypeNarrowed], true, true, [CompositionChanged, TypeWidened], true, true,
            I("\"a\"", true, true), I("1", false, false)),
        .. R("A true branch added to anyOf accepts everything",
            """{"type":"string"}""", """{"anyOf":[{"type":"string"},true]}""",
            [CompositionChanged, TypeWidened], true, false, [CompositionChanged, TypeNarrowed], false, true,
            I("\"a\"", true, true), I("1", false, true)),

        // Dependencies constrain only objects holding the trigger name (draft-07 6.5.7; 2019-09 dependentRequired/dependentSchemas).
        .. R("Removing a draft-07 property dependency is backward compatible",
            In(D7, """{"type":"object","dependencies":{"card":["billing"]}}"""), In(D7, """{"type":"object"}"""),
            [Unknown], true, null, [Unknown], null, true,
            I("""{"card":1,"billing":2}""", true, true), I("""{"card":1}""", false, true), I("[]", false, false)),
        .. R("Removing a draft-07 schema dependency is backward compatible",
            In(D7, """{"type":"object","dependencies":{"card":{"required":["billing"]}}}"""), In(D7, """{"type":"object"}"""),
            [Unknown], true, null, [Unknown], null, true,
            I("""{"card":1,"billing":2}""", true, true), I("""{"card":1}""", false, true), I("{}", true, true)),
        .. R("Removing dependentSchemas is backward compatible",
            """{"type":"object","dependentSchemas":{"card":{"properties":{"billing":{"type":"string"}},"required":["billing"]}}}""", """{"type":"object"}""",
            [Unknown], true, null, [Unknown], null, true,
            I("""{"card":1,"billing":"x"}""", true, true), I("""{"card":1,"billing":2}""", false, true), I("{}", true, true)),
        .. R("Loosening a dependentSchemas entry is backward compatible",
            """{"type":"object","dependentSchemas":{"card":{"required":["billing","zip"]}}}""", """{"type":"object","dependentSchemas":{"card":{"required":["billing"]}}}""",
            [Unknown], true, null, [Unknown], null, true,
            I("""{"card":1,"billing":2,"zip":3}""", true, true), I("""{"card":1,"billing":2}""", false, true), I("""{"card":1}""", false, false)),
        // 2019-09 split draft-07's dependencies: an array value is dependentRequired.
        .. R("draft-07 dependencies restated as 2019-09 dependentRequired change nothing",
            In(D7, """{"type":"object","dependencies":{"card":["billing"]}}"""), In(D19, """{"type":"object","dependentRequired":{"card":["billing"]}}"""),
            [Unknown, Unknown, Unknown], true, true, [Unknown, Unknown, Unknown], true, true,
            I("""{"card":1}""", false, false), I("""{"card":1,"billing":2}""", true, true)),
        // Always requiring billing implies requiring it when card is present.
        .. R("A dependency replaced by an unconditional requirement is forward compatible",
            """{"type":"object","dependentRequired":{"card":["billing"]}}""", """{"type":"object","required":["billing"]}""",
            [RequiredAdded, Unknown], false, true, [RequiredRemoved, Unknown], true, false,
            I("{}", true, false), I("""{"billing":1}""", true, true), I("""{"card":1}""", false, false)),
        // card can never be present, so the dependency never applies.
        .. R("Removing a dependency on a forbidden property changes nothing",
            """{"type":"object","properties":{"card":false},"dependentRequired":{"card":["billing"]}}""", """{"type":"object","properties":{"card":false}}""",
            [Unknown], true, true, [Unknown], true, true,
            I("{}", true, true), I("""{"card":1}""", false, false)),

        // propertyNames: every member name must be valid against it (Core 10.3.2.4).
        .. R("Removing a propertyNames pattern is backward compatible",
            """{"type":"object","propertyNames":{"pattern":"^[a-z]+$"}}""", """{"type":"object"}""",
            [Unknown], true, null, [Unknown], null, true,
            I("""{"ab":1}""", true, true), I("""{"A":1}""", false, true), I("1", false, false)),
        .. R("Loosening propertyNames maxLength is backward compatible (2019-09)",
            In(D19, """{"type":"object","propertyNames":{"maxLength":3}}"""), In(D19, """{"type":"object","propertyNames":{"maxLength":5}}"""),
            [Unknown], true, null, [Unknown], null, true,
            I("""{"abc":1}""", true, true), I("""{"abcd":1}""", false, true), I("""{"abcdef":1}""", false, false)),
        .. R("A propertyNames enum gaining a name is backward compatible",
            """{"type":"object","propertyNames":{"enum":["a","b"]}}""", """{"type":"object","propertyNames":{"enum":["a","b","c"]}}""",
            [Unknown], true, null, [Unknown], null, true,
            I("""{"a":1}""", true, true), I("""{"c":1}""", false, true), I("""{"d":1}""", false, false)),
        // A closed object with members a and b admits exactly the names a and b.
        .. R("A closed object restated with propertyNames changes nothing",
            """{"type":"object","properties":{"a":{},"b":{}},"additionalProperties":false}""", """{"type":"object","propertyNames":{"enum":["a","b"]}}""",
            [AdditionalPropertiesOpened, PropertyRemoved, PropertyRemoved, Unknown], true, true, [AdditionalPropertiesClosed, PropertyAdded, PropertyAdded, Unknown], true, true,
            I("""{"a":1,"b":[]}""", true, true), I("""{"c":1}""", false, false)),

        // contains: at least minContains (default 1) and at most maxContains items match (Core 10.3.1.3, Validation 6.4.4-5).
        .. R("Loosening the contains schema is backward compatible (draft-06)",
            In(D6, """{"type":"array","contains":{"type":"integer","minimum":10}}"""), In(D6, """{"type":"array","contains":{"type":"integer"}}"""),
            [Unknown], true, null, [Unknown], null, true,
            I("[10]", true, true), I("[1]", false, true), I("[]", false, false)),
        .. R("Lowering minContains is backward compatible",
            """{"type":"array","contains":{"type":"string"},"minContains":2}""", """{"type":"array","contains":{"type":"string"},"minContains":1}""",
            [BoundLoosened], true, false, [BoundTightened], false, true,
            I("""["a","b"]""", true, true), I("""["a"]""", false, true), I("[1]", false, false)),
        .. R("Removing maxContains is backward compatible",
            """{"type":"array","contains":{"const":1},"maxContains":2}""", """{"type":"array","contains":{"const":1}}""",
            [BoundLoosened], true, false, [BoundTightened], false, true,
            I("[1,1]", true, true), I("[1,1,1]", false, true), I("[2]", false, false)),
        // Removing contains drops its implied minContains 1: [] becomes valid, so forward is refuted, not unknown.
        .. R("Removing contains is backward compatible",
            """{"type":"array","contains":{"type":"string"}}""", """{"type":"array"}""",
            [BoundLoosened, Unknown], true, false, [BoundTightened, Unknown], false, true,
            I("""["a"]""", true, true), I("[]", false, true), I("{}", false, false)),
        // A non-empty array of strings contains a string.
        .. R("Non-empty string items replaced by contains string is backward compatible",
            """{"type":"array","items":{"type":"string"},"minItems":1}""", """{"type":"array","contains":{"type":"string"}}""",
            [BoundLoosened, BoundTightened, ItemsChanged, Unknown], true, false, [BoundTightened, BoundLoosened, ItemsChanged, Unknown], false, true,
            I("""["a"]""", true, true), I("""[1,"a"]""", false, true), I("[]", false, false)),

        // if/then/else: (if ∧ then) ∨ (¬if ∧ else), absent then/else being true (Core 10.2.2).
        .. R("Loosening a then branch is backward compatible",
            """{"type":"object","if":{"required":["kind"]},"then":{"required":["id","name"]}}""", """{"type":"object","if":{"required":["kind"]},"then":{"required":["id"]}}""",
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("""{"kind":1,"id":1,"name":1}""", true, true), I("""{"kind":1,"id":1}""", false, true), I("""{"kind":1}""", false, false)),
        .. R("Removing an if/then is backward compatible (draft-07)",
            In(D7, """{"type":"object","if":{"properties":{"country":{"const":"US"}},"required":["country"]},"then":{"required":["zip"]}}"""), In(D7, """{"type":"object"}"""),
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("""{"country":"US","zip":1}""", true, true), I("""{"country":"US"}""", false, true), I("""{"country":"FR"}""", true, true)),
        .. R("Removing an else branch is backward compatible",
            """{"type":"integer","if":{"minimum":0},"then":{"maximum":100},"else":{"minimum":-100}}""", """{"type":"integer","if":{"minimum":0},"then":{"maximum":100}}""",
            [CompositionChanged], true, null, [CompositionChanged], null, true,
            I("-50", true, true), I("-200", false, true), I("200", false, false)),
        // ¬{"type":"string"} is every non-string, so both say: strings need a character, anything else goes.
        .. R("An if/then restated as anyOf with not changes nothing",
            """{"if":{"type":"string"},"then":{"minLength":1}}""", """{"anyOf":[{"type":"string","minLength":1},{"not":{"type":"string"}}]}""",
            [CompositionChanged, CompositionChanged], true, true, [CompositionChanged, CompositionChanged], true, true,
            I("\"\"", false, false), I("\"a\"", true, true), I("1", true, true)),
        // The then branch now applies to fewer objects (those holding a and c), so backward holds; the engine does not
        // prove it: the old "a and b" branch lies inside the union of "a, b and c" and "no c" only when split on c.
        .. R("Narrowing an if condition is backward compatible",
            """{"type":"object","if":{"required":["a"]},"then":{"required":["b"]}}""", """{"type":"object","if":{"required":["a","c"]},"then":{"required":["b"]}}""",
            [CompositionChanged], null, null, [CompositionChanged], null, null,
            I("""{"a":1,"b":1}""", true, true), I("""{"a":1}""", false, true), I("""{"a":1,"c":1}""", false, false)),

        // Draft-04 exclusiveMinimum/Maximum are booleans modifying minimum/maximum (draft-04 Validation 5.1.2-3);
        // from draft-06 they are numbers (draft-06 Validation 6.3, 6.5).
        .. R("A draft-04 exclusive minimum restated as a draft-06 exclusiveMinimum changes nothing",
            In(D4, """{"type":"number","minimum":0,"exclusiveMinimum":true}"""), In(D6, """{"type":"number","exclusiveMinimum":0}"""),
            [BoundLoosened, Unknown, Unknown], true, true, [BoundTightened, Unknown, Unknown], true, true,
            I("0", false, false), I("0.5", true, true)),
        .. R("A draft-04 exclusive minimum made inclusive in 2020-12 is backward compatible",
            In(D4, """{"type":"number","minimum":0,"exclusiveMinimum":true}"""), In(D20, """{"type":"number","minimum":0}"""),
            [Unknown, Unknown], true, null, [Unknown, Unknown], null, true,
            I("0.5", true, true), I("0", false, true), I("-1", false, false)),
        // On whole numbers, > 0 is ≥ 1.
        .. R("A draft-04 exclusive integer minimum restated as a draft-07 minimum changes nothing",
            In(D4, """{"type":"integer","minimum":0,"exclusiveMinimum":true}"""), In(D7, """{"type":"integer","minimum":1}"""),
            [BoundTightened, Unknown, Unknown], true, true, [BoundLoosened, Unknown, Unknown], true, true,
            I("0", false, false), I("1", true, true)),
        .. R("A draft-04 exclusive maximum restated as a 2020-12 exclusiveMaximum changes nothing",
            In(D4, """{"type":"number","maximum":10,"exclusiveMaximum":true}"""), In(D20, """{"type":"number","exclusiveMaximum":10}"""),
            [BoundLoosened, Unknown, Unknown], true, true, [BoundTightened, Unknown, Unknown], true, true,
            I("10", false, false), I("9.5", true, true)),
        .. R("A draft-04 exclusive integer maximum restated as a draft-07 maximum changes nothing",
            In(D4, """{"type":"integer","maximum":10,"exclusiveMaximum":true}"""), In(D7, """{"type":"integer","maximum":9}"""),
            [BoundTightened, Unknown, Unknown], true, true, [BoundLoosened, Unknown, Unknown], true, true,
            I("10", false, false), I("9", true, true)),
        .. R("A draft-04 exclusiveMinimum false is a plain minimum",
            In(D4, """{"type":"number","minimum":5,"exclusiveMinimum":false}"""), In(D7, """{"type":"number","minimum":5}"""),
            [Unknown, Unknown], true, true, [Unknown, Unknown], true, true,
            I("5", true, true), I("4", false, false)),
        .. R("A draft-04 exclusive minimum lowered in 2019-09 is backward compatible",
            In(D4, """{"type":"number","minimum":0,"exclusiveMinimum":true}"""), In(D19, """{"type":"number","exclusiveMinimum":-1}"""),
            [BoundLoosened, Unknown, Unknown], true, false, [BoundTightened, Unknown, Unknown], false, true,
            I("1", true, true), I("-0.5", false, true), I("-1", false, false)),

        // A member named by properties is also checked by every matching patternProperties (Core 10.3.2.1-2).
        .. R("Declaring a property a pattern already typed changes nothing",
            """{"type":"object","patternProperties":{"^s_":{"type":"string"}}}""", """{"type":"object","properties":{"s_name":{"type":"string"}},"patternProperties":{"^s_":{"type":"string"}}}""",
            [PropertyAdded], true, true, [PropertyRemoved], true, true,
            I("""{"s_name":"x"}""", true, true), I("""{"s_name":1}""", false, false)),
        .. R("Declaring a property a pattern already typed in a closed object changes nothing",
            """{"type":"object","patternProperties":{"^n_":{"type":"integer"}},"additionalProperties":false}""",
            """{"type":"object","properties":{"n_count":{"type":"integer"}},"patternProperties":{"^n_":{"type":"integer"}},"additionalProperties":false}""",
            [PropertyAdded], true, true, [PropertyRemoved], true, true,
            I("""{"n_count":1}""", true, true), I("""{"other":1}""", false, false)),
        .. R("Declaring a property narrower than its pattern in a closed object is forward compatible",
            """{"type":"object","patternProperties":{"^n_":{"type":"integer"}},"additionalProperties":false}""",
            """{"type":"object","properties":{"n_count":{"type":"integer","minimum":0}},"patternProperties":{"^n_":{"type":"integer"}},"additionalProperties":false}""",
            [PropertyAdded], null, true, [PropertyRemoved], true, null,
            I("""{"n_count":-1}""", true, false), I("""{"n_count":1}""", true, true), I("""{"x":1}""", false, false)),
        // properties and the pattern both apply: number ∧ integer is integer.
        .. R("Declaring a property wider than its pattern changes nothing",
            """{"type":"object","patternProperties":{"^n_":{"type":"integer"}}}""", """{"type":"object","properties":{"n_x":{"type":"number"}},"patternProperties":{"^n_":{"type":"integer"}}}""",
            [PropertyAdded], true, true, [PropertyRemoved], true, true,
            I("""{"n_x":1}""", true, true), I("""{"n_x":1.5}""", false, false)),
        .. R("A closed property replaced by a pattern covering it is backward compatible",
            """{"type":"object","properties":{"s_a":{"type":"string"}},"additionalProperties":false}""", """{"type":"object","patternProperties":{"^s_":{"type":"string"}},"additionalProperties":false}""",
            [PropertyRemoved, Unknown], true, null, [PropertyAdded, Unknown], null, true,
            I("""{"s_a":"x"}""", true, true), I("""{"s_b":"x"}""", false, true), I("""{"s_a":1}""", false, false)),

        // Moving a definition behind a $ref and back: a local $ref is its target (Core 8.2.3.1).
        .. R("Moving a nested object into $defs changes nothing",
            """{"type":"object","properties":{"addr":{"type":"object","properties":{"zip":{"type":"string"}}}}}""",
            """{"type":"object","properties":{"addr":{"$ref":"#/$defs/A"}},"$defs":{"A":{"type":"object","properties":{"zip":{"type":"string"}}}}}""",
            [], true, true, [], true, true,
            I("""{"addr":{"zip":"1"}}""", true, true), I("""{"addr":{"zip":1}}""", false, false)),
        .. R("Inlining a draft-07 definition changes nothing",
            In(D7, """{"type":"object","properties":{"a":{"$ref":"#/definitions/A"}},"definitions":{"A":{"type":"string","maxLength":5}}}"""),
            In(D7, """{"type":"object","properties":{"a":{"type":"string","maxLength":5}}}"""),
            [], true, true, [], true, true,
            I("""{"a":"abc"}""", true, true), I("""{"a":"abcdef"}""", false, false)),
        .. R("Moving a property behind a wider $ref is backward compatible",
            """{"type":"object","properties":{"a":{"type":"string","maxLength":5}}}""",
            """{"type":"object","properties":{"a":{"$ref":"#/$defs/A"}},"$defs":{"A":{"type":"string","maxLength":10}}}""",
            [BoundLoosened], true, false, [BoundTightened], false, true,
            I("""{"a":"abc"}""", true, true), I("""{"a":"abcdefg"}""", false, true), I("""{"a":1}""", false, false)),
        .. R("A chain of references to a type changes nothing",
            """{"$ref":"#/$defs/A","$defs":{"A":{"$ref":"#/$defs/B"},"B":{"type":"integer"}}}""", """{"type":"integer"}""",
            [], true, true, [], true, true,
            I("1", true, true), I("\"a\"", false, false)),
        .. R("Inlining draft-06 items behind a reference changes nothing",
            In(D6, """{"type":"array","items":{"$ref":"#/definitions/I"},"definitions":{"I":{"type":"integer"}}}"""), In(D6, """{"type":"array","items":{"type":"integer"}}"""),
            [], true, true, [], true, true,
            I("[1]", true, true), I("""["a"]""", false, false)),
        .. R("A nullable reference restated as a type list changes nothing",
            """{"anyOf":[{"$ref":"#/$defs/S"},{"type":"null"}],"$defs":{"S":{"type":"string"}}}""", """{"type":["string","null"]}""",
            [CompositionChanged, TypeNarrowed], true, true, [CompositionChanged, TypeWidened], true, true,
            I("null", true, true), I("1", false, false)),

        // More composition and negation (not: valid when the subschema fails, Core 10.2.1.4).
        .. R("Widening one branch of an overlapping anyOf is backward compatible",
            """{"anyOf":[{"type":"string","maxLength":3},{"type":"string","minLength":10}]}""", """{"anyOf":[{"type":"string","maxLength":5},{"type":"string","minLength":10}]}""",
            [BoundLoosened], true, false, [BoundTightened], false, true,
            I("\"abc\"", true, true), I("\"abcd\"", false, true), I("\"abcdefg\"", false, false)),
        .. R("Excluding more values with not is forward compatible",
            """{"type":"integer","not":{"enum":[0]}}""", """{"type":"integer","not":{"enum":[0,1]}}""",
            [CompositionChanged], false, true, [CompositionChanged], true, false,
            I("1", true, false), I("2", true, true), I("0", false, false)),
        .. R("Excluding the empty string with not is a minimum length of one",
            """{"type":"string","not":{"const":""}}""", """{"type":"string","minLength":1}""",
            [BoundTightened, CompositionChanged], true, true, [BoundLoosened, CompositionChanged], true, true,
            I("\"\"", false, false), I("\"a\"", true, true)),
        .. R("not string restated as the list of the other types changes nothing",
            """{"not":{"type":"string"}}""", """{"type":["null","boolean","number","array","object"]}""",
            [CompositionChanged, TypeNarrowed], true, true, [CompositionChanged, TypeWidened], true, true,
            I("\"a\"", false, false), I("1", true, true), I("[]", true, true)),
        .. R("A multipleOf inside allOf loosened to a divisor is backward compatible",
            """{"allOf":[{"type":"integer"},{"multipleOf":4}]}""", """{"type":"integer","multipleOf":2}""",
            [BoundTightened, CompositionChanged, TypeNarrowed], true, null, [BoundLoosened, CompositionChanged, TypeWidened], null, true,
            I("8", true, true), I("2", false, true), I("3", false, false)),

        // Values: enum/const against ranges, patterns and types.
        .. R("A small integer range restated as an enum changes nothing",
            """{"type":"integer","minimum":1,"maximum":3}""", """{"enum":[1,2,3]}""",
            [BoundLoosened, BoundLoosened, EnumValueRemoved, TypeWidened], true, true, [BoundTightened, BoundTightened, EnumValueAdded, TypeNarrowed], true, true,
            I("2", true, true), I("4", false, false)),
        // Each literal is matched against the pattern (Validation 6.3.3).
        .. R("An enum replaced by a pattern its values match is backward compatible",
            """{"enum":["a","b"]}""", """{"type":"string","pattern":"^[a-z]$"}""",
            [EnumValueAdded, PatternChanged, TypeNarrowed], true, false, [EnumValueRemoved, PatternChanged, TypeWidened], false, true,
            I("\"a\"", true, true), I("\"c\"", false, true), I("\"ab\"", false, false)),
        // ^a+$ ⊆ ^a*$ holds, but inclusion between two regular expressions is not decided (too costly in general).
        .. R("A pattern replaced by a different pattern stays unproven",
            """{"type":"string","pattern":"^a+$"}""", """{"type":"string","pattern":"^a*$"}""",
            [PatternChanged], null, null, [PatternChanged], null, null,
            I("\"a\"", true, true), I("\"\"", false, true), I("\"b\"", false, false)),
        .. R("A const widened to a range is backward compatible (draft-06)",
            In(D6, """{"const":5}"""), In(D6, """{"type":"integer","minimum":0}"""),
            [BoundTightened, ConstChanged, TypeNarrowed], true, false, [BoundLoosened, ConstChanged, TypeWidened], false, true,
            I("5", true, true), I("6", false, true), I("-1", false, false)),
        .. R("boolean restated as an enum of both values changes nothing",
            """{"type":"boolean"}""", """{"enum":[true,false]}""",
            [EnumValueRemoved, TypeWidened], true, true, [EnumValueAdded, TypeNarrowed], true, true,
            I("true", true, true), I("1", false, false)),
        .. R("null restated as const null changes nothing",
            """{"type":"null"}""", """{"const":null}""",
            [ConstChanged, TypeWidened], true, true, [ConstChanged, TypeNarrowed], true, true,
            I("null", true, true), I("0", false, false)),
        .. R("A requirement moved into an allOf branch changes nothing",
            """{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""",
            """{"allOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"required":["a"]}]}""",
            [CompositionChanged, PropertyRemoved, RequiredRemoved, TypeWidened], true, true, [CompositionChanged, PropertyAdded, RequiredAdded, TypeNarrowed], true, true,
            I("""{"a":"x"}""", true, true), I("{}", false, false)),
        // Equal sets, but the old object is not inside either new branch alone: splitting an object by one member's
        // type across anyOf branches is not attempted, so backward stays unproven.
        .. R("An object whose member type is split across anyOf branches is proven one way only",
            """{"type":"object","properties":{"a":{"type":["string","integer"]}}}""",
            """{"anyOf":[{"type":"object","properties":{"a":{"type":"string"}}},{"type":"object","properties":{"a":{"type":"integer"}}}]}""",
            [CompositionChanged, PropertyRemoved, TypeWidened], null, true, [CompositionChanged, PropertyAdded, TypeNarrowed], true, null,
            I("""{"a":"x"}""", true, true), I("""{"a":1}""", true, true), I("""{"a":null}""", false, false)),

        // Arrays: draft-07 items array + additionalItems is 2020-12 prefixItems + items.
        .. R("A draft-07 tuple restated with 2020-12 prefixItems changes nothing",
            In(D7, """{"type":"array","items":[{"type":"string"},{"type":"integer"}],"additionalItems":false}"""),
            In(D20, """{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}"""),
            [Unknown], true, true, [Unknown], true, true,
            I("""["a",1]""", true, true), I("""["a",1,2]""", false, false), I("[1]", false, false)),
        .. R("Removing draft-07 additionalItems is backward compatible",
            In(D7, """{"type":"array","items":[{"type":"string"}],"additionalItems":{"type":"integer"}}"""), In(D7, """{"type":"array","items":[{"type":"string"}]}"""),
            [ItemsChanged], true, false, [ItemsChanged], false, true,
            I("""["a",1]""", true, true), I("""["a","b"]""", false, true), I("[1]", false, false)),
        // With at most one item, no array can hold duplicates.
        .. R("uniqueItems on arrays of at most one item changes nothing",
            """{"type":"array","maxItems":1}""", """{"type":"array","maxItems":1,"uniqueItems":true}""",
            [BoundTightened], true, true, [BoundLoosened], true, true,
            I("[1]", true, true), I("[1,1]", false, false)),
        .. R("Lowering minItems inside an anyOf branch is backward compatible",
            """{"anyOf":[{"type":"array","minItems":2},{"type":"string"}]}""", """{"anyOf":[{"type":"array","minItems":1},{"type":"string"}]}""",
            [BoundLoosened], true, false, [BoundTightened], false, true,
            I("[1,2]", true, true), I("[1]", false, true), I("[]", false, false)),

        // Recursive definitions are compared co-inductively: assuming the pair included while comparing it.
        .. R("Widening a member of a recursive definition is backward compatible",
            """{"$ref":"#/$defs/N","$defs":{"N":{"type":"object","properties":{"v":{"type":"integer"},"next":{"$ref":"#/$defs/N"}}}}}""",
            """{"$ref":"#/$defs/N","$defs":{"N":{"type":"object","properties":{"v":{"type":"number"},"next":{"$ref":"#/$defs/N"}}}}}""",
            [TypeWidened], true, false, [TypeNarrowed], false, true,
            I("""{"v":1,"next":{"v":2}}""", true, true), I("""{"v":1,"next":{"v":1.5}}""", false, true), I("""{"v":"x"}""", false, false)),
    ];
}
