using static SchemaRegistry.Core.Compatibility.ChangeKind;

namespace SchemaRegistry.Core.Tests.Compatibility;

/// <summary>
/// Cases where a keyword-by-keyword reading goes wrong in the direction that loses data: tuples and objects closed by
/// unevaluatedItems/unevaluatedProperties, plain-name fragments ($anchor, draft-07 "$id": "#name"), $ref moves and
/// siblings, keywords a draft does not have. Each verdict is argued from the specification (JSON Schema 2020-12 Core
/// §10.3.1 prefixItems/items, §11 unevaluated*, §8.2.2 $anchor, §8.2.3 $ref; 2019-09 Core §9.3.1; draft-07 Core §8.2
/// ($id plain-name fragments) and §8.3 ($ref: "All other properties in a $ref object MUST be ignored"); Validation
/// 2019-09 §6.4.4-5 minContains/maxContains). A null verdict means the checker cannot prove it and says so. Keywords
/// a draft does not have (unevaluated* before 2019-09) are ignored there, by the registry's validator and the checker
/// alike. The breaking examples of these cases are checked by the real validator through
/// the generated-data test and the property test (the test checker behind Every_example_breaks_what_its_change_claims
/// reads neither anchors nor unevaluated*).
/// </summary>
internal static partial class DiffCases
{
    private const string Draft7 = "http://json-schema.org/draft-07/schema#";
    private const string Draft2019 = "https://json-schema.org/draft/2019-09/schema";
    private const string Draft2020 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema object text with a <c>$schema</c> member put first.</summary>
    private static string InDraft(string draft, string schema) => "{\"$schema\":\"" + draft + "\"," + schema[1..];

    private static DiffCase[] SoundnessCases =>
    [
        // prefixItems + unevaluatedItems (2020-12). Without "items" and without in-place applicators, unevaluatedItems
        // applies exactly to the positions after prefixItems (Core §11.2), so it is the tail schema.
        C("Dropping a prefixItems position under unevaluatedItems false is not backward compatible",
            // Old ["a",1] has its second item evaluated by prefixItems/1; in the new schema nothing evaluates it, so
            // unevaluatedItems:false rejects it. New arrays have at most one item, which the old tuple accepts.
            """{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"unevaluatedItems":false}""",
            """{"type":"array","prefixItems":[{"type":"string"}],"unevaluatedItems":false}""", [ItemsChanged], false, true,
            I("""["a",1]""", true, false), I("""["a"]""", true, true), I("""["a","b"]""", false, false)),
        C("Adding a prefixItems position under unevaluatedItems false is not forward compatible",
            // The mirror: new ["a",1] is rejected by the old schema's unevaluatedItems:false; old data has one item at most.
            """{"type":"array","prefixItems":[{"type":"string"}],"unevaluatedItems":false}""",
            """{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"unevaluatedItems":false}""", [ItemsChanged], true, false,
            I("""["a",1]""", false, true), I("""["a"]""", true, true)),
        C("Dropping a prefixItems position hands it to a typed unevaluatedItems and breaks both ways",
            // Position 1 goes from integer to the unevaluatedItems schema (string): neither accepts the other's values.
            """{"type":"array","prefixItems":[{"type":"integer"},{"type":"integer"}],"unevaluatedItems":{"type":"string"}}""",
            """{"type":"array","prefixItems":[{"type":"integer"}],"unevaluatedItems":{"type":"string"}}""", [ItemsChanged], false, false,
            I("[1,2]", true, false), I("""[1,"a"]""", false, true), I("[1]", true, true)),
        C("Dropping prefixItems entirely under a wider unevaluatedItems is backward compatible",
            // Position 0 goes from integer >= 0 to unevaluatedItems' integer: a superset, so old data stays valid.
            """{"type":"array","prefixItems":[{"type":"integer","minimum":0}],"unevaluatedItems":{"type":"integer"}}""",
            """{"type":"array","unevaluatedItems":{"type":"integer"}}""", [ItemsChanged], true, false,
            I("[1]", true, true), I("[-1]", false, true), I("""["a"]""", false, false)),
        C("unevaluatedItems next to items has no effect, so removing it changes nothing",
            // items evaluates every position after prefixItems (Core §10.3.1.2), leaving nothing for unevaluatedItems.
            """{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"integer"},"unevaluatedItems":false}""",
            """{"type":"array","prefixItems":[{"type":"string"}],"items":{"type":"integer"}}""", [], true, true,
            I("""["a",1,2]""", true, true), I("""["a","b"]""", false, false)),
        C("items false and unevaluatedItems false close a tuple alike",
            // With no in-place applicator both reject every item after prefixItems.
            """{"type":"array","prefixItems":[{"type":"string"}],"items":false}""",
            """{"type":"array","prefixItems":[{"type":"string"}],"unevaluatedItems":false}""", [], true, true,
            I("""["a"]""", true, true), I("""["a",1]""", false, false)),
        C("A tuple position removed inside allOf under unevaluatedItems false is not proven",
            // Old [1,2]: allOf's prefixItems evaluates both items; new: the second is unevaluated and rejected. What
            // unevaluatedItems sees depends on which subschemas evaluate, so the checker leaves both directions unproven.
            """{"type":"array","allOf":[{"prefixItems":[{},{}]}],"unevaluatedItems":false}""",
            """{"type":"array","allOf":[{"prefixItems":[{}]}],"unevaluatedItems":false}""", [Unknown], null, null,
            I("[1,2]", true, false), I("[1]", true, true)),
        C("Changing contains under unevaluatedItems is not proven",
            // 2020-12 contains evaluates the items it matches (Core §10.3.1.3), so narrowing it leaves "abc" unevaluated
            // (and here unmatched): old ["abc"] is valid, new rejects it.
            """{"type":"array","contains":{"type":"string"},"unevaluatedItems":{"type":"integer"}}""",
            """{"type":"array","contains":{"type":"string","maxLength":2},"unevaluatedItems":{"type":"integer"}}""", [Unknown], null, null,
            I("""["abc"]""", true, false), I("""["ab"]""", true, true), I("[1]", false, false)),

        // Tuples in 2019-09 (items array + additionalItems/unevaluatedItems) and keywords a draft does not have.
        C("Dropping a tuple position under unevaluatedItems false in 2019-09 is not backward compatible",
            // 2019-09 spells the tuple as an items array; unevaluatedItems then applies after it (2019-09 Core §9.3.1.3).
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"},{"type":"integer"}],"unevaluatedItems":false}"""),
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"}],"unevaluatedItems":false}"""), [ItemsChanged], false, true,
            I("""["a",1]""", true, false), I("""["a"]""", true, true)),
        C("Adding a tuple position under unevaluatedItems false in 2019-09 is not forward compatible",
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"}],"unevaluatedItems":false}"""),
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"},{"type":"integer"}],"unevaluatedItems":false}"""), [ItemsChanged], true, false,
            I("""["a",1]""", false, true), I("""["a"]""", true, true)),
        C("additionalItems false and unevaluatedItems false close a 2019-09 tuple alike",
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"}],"additionalItems":false}"""),
            InDraft(Draft2019, """{"type":"array","items":[{"type":"string"}],"unevaluatedItems":false}"""), [], true, true,
            I("""["a"]""", true, true), I("""["a",1]""", false, false)),
        C("prefixItems is no keyword in 2019-09, so changing it changes nothing",
            // Unknown keywords are ignored by validation (2019-09 Core §6.5): both schemas accept every array.
            InDraft(Draft2019, """{"type":"array","prefixItems":[{"type":"string"}]}"""),
            InDraft(Draft2019, """{"type":"array","prefixItems":[{"type":"integer"}]}"""), [], true, true,
            I("[1]", true, true), I("""["a"]""", true, true), I("{}", false, false)),
        C("Replacing a draft-07 prefixItems (ignored) by an items tuple is not backward compatible",
            // draft-07 has no prefixItems: the old schema accepts [1]; the new items tuple requires a string first.
            InDraft(Draft7, """{"type":"array","prefixItems":[{"type":"string"}]}"""),
            InDraft(Draft7, """{"type":"array","items":[{"type":"string"}]}"""), [ItemsChanged], false, true,
            I("[1]", true, false), I("""["a"]""", true, true)),
        C("unevaluatedItems is no keyword in draft-07, so removing it changes nothing",
            // draft-07 has no unevaluatedItems: the tail after the items tuple was open before and stays open.
            InDraft(Draft7, """{"type":"array","items":[{"type":"string"}],"unevaluatedItems":false}"""),
            InDraft(Draft7, """{"type":"array","items":[{"type":"string"}]}"""), [], true, true,
            I("""["a",1]""", true, true), I("""["a"]""", true, true), I("[1]", false, false)),

        // unevaluatedProperties. With no additionalProperties, patternProperties or in-place applicator it applies to
        // exactly the names outside "properties" (Core §11.3), i.e. it acts as additionalProperties.
        C("Removing a property under unevaluatedProperties false is not backward compatible",
            // Old {"a":"x","b":1} has b evaluated by properties; the new schema leaves b unevaluated and rejects it.
            """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""", [PropertyRemoved], false, true,
            I("""{"a":"x","b":1}""", true, false), I("""{"a":"x"}""", true, true), I("""{"c":1}""", false, false)),
        C("Adding a property under unevaluatedProperties false is not forward compatible",
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"unevaluatedProperties":false}""", [PropertyAdded], true, false,
            I("""{"a":"x","b":1}""", false, true), I("""{"a":"x"}""", true, true)),
        C("Removing a property hands it to a typed unevaluatedProperties and breaks both ways",
            // a goes from string to the unevaluatedProperties schema (integer).
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":{"type":"integer"}}""",
            """{"type":"object","unevaluatedProperties":{"type":"integer"}}""", [PropertyRemoved], false, false,
            I("""{"a":"x"}""", true, false), I("""{"a":1}""", false, true), I("{}", true, true)),
        C("Opening unevaluatedProperties from false to integer is not forward compatible",
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":{"type":"integer"}}""", [AdditionalPropertiesOpened], true, false,
            I("""{"b":1}""", false, true), I("""{"b":"x"}""", false, false), I("""{"a":"x"}""", true, true)),
        C("unevaluatedProperties false and additionalProperties false close an object alike",
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""", [], true, true,
            I("""{"a":"x"}""", true, true), I("""{"b":1}""", false, false)),
        C("unevaluatedProperties next to additionalProperties has no effect, so removing it changes nothing",
            // additionalProperties evaluates every remaining name (Core §10.3.2.3).
            """{"type":"object","properties":{"a":{}},"additionalProperties":{"type":"string"},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{}},"additionalProperties":{"type":"string"}}""", [], true, true,
            I("""{"b":"x"}""", true, true), I("""{"b":1}""", false, false)),
        C("Moving a property into allOf under unevaluatedProperties false is not proven",
            // Both accept the same objects (allOf's properties evaluates a), but proving it needs the evaluation model.
            """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}""",
            """{"type":"object","allOf":[{"properties":{"a":{"type":"string"}}}],"unevaluatedProperties":false}""", [PropertyRemoved, AdditionalPropertiesOpened, CompositionChanged], null, null,
            I("""{"a":"x"}""", true, true), I("""{"b":1}""", false, false), I("""{"a":1}""", false, false)),
        C("Removing the allOf that evaluated a property under unevaluatedProperties is not proven",
            // Old {"a":"x"}: a is evaluated by allOf; new: a is unevaluated and must be an integer. The checker used to
            // call this backward compatible ("allOf removed"); it is not.
            """{"type":"object","unevaluatedProperties":{"type":"integer"},"allOf":[{"properties":{"a":{}}}]}""",
            """{"type":"object","unevaluatedProperties":{"type":"integer"}}""", [AdditionalPropertiesClosed, CompositionChanged], null, null,
            I("""{"a":"x"}""", true, false), I("""{"a":1}""", true, true), I("""{"b":"x"}""", false, false)),
        C("Removing dependentSchemas under unevaluatedProperties false is not proven",
            // dependentSchemas is an in-place applicator: with "a" present it evaluated "b". Old {"a":1,"b":1} is valid;
            // the new schema leaves b unevaluated and rejects it.
            """{"type":"object","properties":{"a":{}},"dependentSchemas":{"a":{"properties":{"b":{}}}},"unevaluatedProperties":false}""",
            """{"type":"object","properties":{"a":{}},"unevaluatedProperties":false}""", [AdditionalPropertiesClosed, Unknown], null, null,
            I("""{"a":1,"b":1}""", true, false), I("""{"a":1}""", true, true), I("""{"b":1}""", false, false)),
        C("Adding unevaluatedProperties false next to patternProperties is not proven",
            // Names matching ^x stay evaluated; others are now rejected: {"y":1} breaks backward compatibility.
            """{"type":"object","patternProperties":{"^x":{"type":"string"}}}""",
            """{"type":"object","patternProperties":{"^x":{"type":"string"}},"unevaluatedProperties":false}""", [Unknown], null, null,
            I("""{"y":1}""", true, false), I("""{"x":"a"}""", true, true), I("""{"x":1}""", false, false)),
        C("unevaluatedProperties is no keyword in draft-07, so removing it changes nothing",
            // draft-07 has no unevaluatedProperties: the object was open before and stays open.
            InDraft(Draft7, """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}"""),
            InDraft(Draft7, """{"type":"object","properties":{"a":{"type":"string"}}}"""), [], true, true,
            I("""{"b":1}""", true, true), I("""{"a":1}""", false, false), I("""{"a":"x"}""", true, true)),
        C("Replacing a draft-07 unevaluatedProperties false (ignored) by additionalProperties false closes the object",
            // Old {"b":1} was valid (nothing closed the object); the new schema rejects it.
            InDraft(Draft7, """{"type":"object","properties":{"a":{"type":"string"}},"unevaluatedProperties":false}"""),
            InDraft(Draft7, """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}"""), [AdditionalPropertiesClosed], false, true,
            I("""{"b":1}""", true, false), I("""{"a":"x"}""", true, true)),
        C("Removing a property under unevaluatedProperties false in 2019-09 is not backward compatible",
            InDraft(Draft2019, """{"type":"object","properties":{"a":{},"b":{}},"unevaluatedProperties":false}"""),
            InDraft(Draft2019, """{"type":"object","properties":{"a":{}},"unevaluatedProperties":false}"""), [PropertyRemoved], false, true,
            I("""{"b":1}""", true, false), I("""{"a":1}""", true, true)),
        C("A $ref next to unevaluatedProperties in 2019-09 evaluates through its target: widening the target is not proven",
            // From 2019-09 $ref is an in-place applicator: properties its target declares count as evaluated. The
            // target gains b, so new {"b":1} is valid and rejected by the old schema; old data stays valid.
            InDraft(Draft2019, """{"$defs":{"base":{"properties":{"a":{"type":"string"}}}},"$ref":"#/$defs/base","unevaluatedProperties":false}"""),
            InDraft(Draft2019, """{"$defs":{"base":{"properties":{"a":{"type":"string"},"b":{}}}},"$ref":"#/$defs/base","unevaluatedProperties":false}"""), [PropertyAdded], null, null,
            I("""{"b":1}""", false, true), I("""{"a":"x"}""", true, true), I("""{"c":1}""", false, false)),

        // Plain-name fragments: draft-07 "$id": "#name" (draft-07 Core §8.2.3) and 2019-09/2020-12 "$anchor".
        C("Tightening a target reached by a draft-07 plain-name fragment is not backward compatible",
            InDraft(Draft7, """{"type":"object","properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string","maxLength":10}}}}}"""),
            InDraft(Draft7, """{"type":"object","properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string","maxLength":5}}}}}"""),
            [BoundTightened], false, true,
            I("""{"home":{"zip":"1234567"}}""", true, false), I("""{"home":{"zip":"123"}}""", true, true), I("""{"home":{"zip":1}}""", false, false)),
        C("Loosening a target reached by a draft-07 plain-name fragment is not forward compatible",
            InDraft(Draft7, """{"type":"object","properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string","maxLength":5}}}}}"""),
            InDraft(Draft7, """{"type":"object","properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string","maxLength":10}}}}}"""),
            [BoundLoosened], true, false,
            I("""{"home":{"zip":"1234567"}}""", false, true), I("""{"home":{"zip":"123"}}""", true, true)),
        C("Requiring a field in a target reached by a draft-07 plain-name fragment is not backward compatible",
            InDraft(Draft7, """{"properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string"}}}}}"""),
            InDraft(Draft7, """{"properties":{"home":{"$ref":"#Address"}},"definitions":{"address":{"$id":"#Address","type":"object","properties":{"zip":{"type":"string"}},"required":["zip"]}}}"""),
            [RequiredAdded], false, true,
            I("""{"home":{}}""", true, false), I("""{"home":{"zip":"1"}}""", true, true)),
        C("Narrowing a target reached by a 2020-12 $anchor is not backward compatible",
            """{"type":"array","items":{"$ref":"#amount"},"$defs":{"amount":{"$anchor":"amount","type":"number"}}}""",
            """{"type":"array","items":{"$ref":"#amount"},"$defs":{"amount":{"$anchor":"amount","type":"integer"}}}""", [TypeNarrowed], false, true,
            I("[1.5]", true, false), I("[1]", true, true), I("""["1"]""", false, false)),
        C("Removing an enum value from a target reached by a 2019-09 $anchor is not backward compatible",
            InDraft(Draft2019, """{"properties":{"status":{"$ref":"#status"}},"$defs":{"status":{"$anchor":"status","enum":["new","done"]}}}"""),
            InDraft(Draft2019, """{"properties":{"status":{"$ref":"#status"}},"$defs":{"status":{"$anchor":"status","enum":["new"]}}}"""), [EnumValueRemoved], false, true,
            I("""{"status":"done"}""", true, false), I("""{"status":"new"}""", true, true), I("""{"status":"x"}""", false, false)),
        C("Adding an enum value to a target reached by a 2019-09 $anchor is not forward compatible",
            InDraft(Draft2019, """{"properties":{"status":{"$ref":"#status"}},"$defs":{"status":{"$anchor":"status","enum":["new"]}}}"""),
            InDraft(Draft2019, """{"properties":{"status":{"$ref":"#status"}},"$defs":{"status":{"$anchor":"status","enum":["new","done"]}}}"""), [EnumValueAdded], true, false,
            I("""{"status":"done"}""", false, true), I("""{"status":"new"}""", true, true)),
        C("An anchor on a property schema reaches both of its users",
            // b refers to a's schema by its anchor: the new maxLength constrains both properties.
            """{"type":"object","properties":{"a":{"$anchor":"name","type":"string"},"b":{"$ref":"#name"}}}""",
            """{"type":"object","properties":{"a":{"$anchor":"name","type":"string","maxLength":3},"b":{"$ref":"#name"}}}""", [BoundTightened, BoundTightened], false, true,
            I("""{"b":"abcd"}""", true, false), I("""{"a":"abcd"}""", true, false), I("""{"a":"ab","b":"ab"}""", true, true)),
        C("Renaming an anchor together with its references changes nothing for validation",
            // The target is the same; only the anchor's name (an identifier, no constraint) differs.
            """{"properties":{"a":{"$ref":"#old"}},"$defs":{"t":{"$anchor":"old","type":"string"}}}""",
            """{"properties":{"a":{"$ref":"#new"}},"$defs":{"t":{"$anchor":"new","type":"string"}}}""", [DescriptionChanged], true, true,
            I("""{"a":"x"}""", true, true), I("""{"a":1}""", false, false)),
        C("Switching a reference from a JSON pointer to the anchor of the same target changes nothing",
            """{"properties":{"a":{"$ref":"#/$defs/t"}},"$defs":{"t":{"$anchor":"t","type":"string"}}}""",
            """{"properties":{"a":{"$ref":"#t"}},"$defs":{"t":{"$anchor":"t","type":"string"}}}""", [], true, true,
            I("""{"a":"x"}""", true, true), I("""{"a":1}""", false, false)),
        C("Switching a draft-07 reference from a pointer to a new plain-name $id changes nothing for validation",
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/t"}},"definitions":{"t":{"type":"string"}}}"""),
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#T"}},"definitions":{"t":{"$id":"#T","type":"string"}}}"""), [DescriptionChanged], true, true,
            I("""{"a":"x"}""", true, true), I("""{"a":1}""", false, false)),
        C("Widening a recursive structure reached by its anchor is not forward compatible",
            // The cycle through #node is compared once (co-inductively); value widens from integer to number.
            """{"$ref":"#node","$defs":{"node":{"$anchor":"node","type":"object","properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#node"}}}}}}""",
            """{"$ref":"#node","$defs":{"node":{"$anchor":"node","type":"object","properties":{"value":{"type":"number"},"children":{"type":"array","items":{"$ref":"#node"}}}}}}""",
            [TypeWidened], true, false,
            I("""{"value":1,"children":[{"value":1.5}]}""", false, true), I("""{"value":1,"children":[{"value":2}]}""", true, true), I("""{"value":"x"}""", false, false)),

        // $ref moves and $ref siblings.
        C("Inlining a referenced definition changes nothing",
            """{"properties":{"a":{"$ref":"#/$defs/t"}},"$defs":{"t":{"type":"string","maxLength":3}}}""",
            """{"properties":{"a":{"type":"string","maxLength":3}}}""", [], true, true,
            I("""{"a":"abc"}""", true, true), I("""{"a":"abcd"}""", false, false)),
        C("Moving an inline schema behind a draft-07 $ref changes nothing",
            InDraft(Draft7, """{"properties":{"a":{"type":"integer","minimum":1}}}"""),
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/n"}},"definitions":{"n":{"type":"integer","minimum":1}}}"""), [], true, true,
            I("""{"a":1}""", true, true), I("""{"a":0}""", false, false)),
        C("Moving a schema behind a $ref and tightening it is not backward compatible",
            """{"properties":{"a":{"type":"integer","minimum":1}}}""",
            """{"properties":{"a":{"$ref":"#/$defs/n"}},"$defs":{"n":{"type":"integer","minimum":2}}}""", [BoundTightened], false, true,
            I("""{"a":1}""", true, false), I("""{"a":2}""", true, true)),
        C("Renaming a definition together with its reference changes nothing",
            """{"items":{"$ref":"#/$defs/old"},"$defs":{"old":{"type":"boolean"}}}""",
            """{"items":{"$ref":"#/$defs/new"},"$defs":{"new":{"type":"boolean"}}}""", [], true, true,
            I("[true]", true, true), I("[1]", false, false)),
        C("Pointing a reference at a wider definition is not forward compatible",
            """{"items":{"$ref":"#/$defs/i"},"$defs":{"i":{"type":"integer"},"n":{"type":"number"}}}""",
            """{"items":{"$ref":"#/$defs/n"},"$defs":{"i":{"type":"integer"},"n":{"type":"number"}}}""", [TypeWidened], true, false,
            I("[1.5]", false, true), I("[1]", true, true)),
        C("A sibling of $ref is ignored in draft-07, so removing it changes nothing",
            // draft-07 Core §8.3: all other properties in a $ref object are ignored; "abc" passes both.
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/s","maxLength":2}},"definitions":{"s":{"type":"string"}}}"""),
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/s"}},"definitions":{"s":{"type":"string"}}}"""), [], true, true,
            I("""{"a":"abc"}""", true, true), I("""{"a":1}""", false, false)),
        C("A sibling of $ref is ignored in draft-07, so adding it changes nothing",
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/s"}},"definitions":{"s":{"type":"string"}}}"""),
            InDraft(Draft7, """{"properties":{"a":{"$ref":"#/definitions/s","maxLength":2}},"definitions":{"s":{"type":"string"}}}"""), [], true, true,
            I("""{"a":"abc"}""", true, true), I("""{"a":1}""", false, false)),
        C("A sibling of $ref applies in 2020-12, so removing it is not forward compatible",
            // 2020-12 Core §8.2.3.1: $ref is an applicator next to its siblings; dropping maxLength widens.
            """{"properties":{"a":{"$ref":"#/$defs/s","maxLength":2}},"$defs":{"s":{"type":"string"}}}""",
            """{"properties":{"a":{"$ref":"#/$defs/s"}},"$defs":{"s":{"type":"string"}}}""", [TypeNarrowed, BoundLoosened, CompositionChanged], true, false,
            I("""{"a":"abc"}""", false, true), I("""{"a":"ab"}""", true, true)),
        C("A sibling of $ref applies in 2020-12, so adding it is not backward compatible",
            """{"properties":{"a":{"$ref":"#/$defs/s"}},"$defs":{"s":{"type":"string"}}}""",
            """{"properties":{"a":{"$ref":"#/$defs/s","maxLength":2}},"$defs":{"s":{"type":"string"}}}""", [TypeWidened, BoundTightened, CompositionChanged], false, true,
            I("""{"a":"abc"}""", true, false), I("""{"a":"ab"}""", true, true)),

        // contains and its counts (2019-09 Validation §6.4.4-5): minContains defaults to 1 and both counts only
        // count next to contains; draft-07 has neither.
        C("Dropping minContains 0 restores the default of one match and is not backward compatible",
            InDraft(Draft2019, """{"type":"array","contains":{"const":"a"},"minContains":0}"""),
            InDraft(Draft2019, """{"type":"array","contains":{"const":"a"}}"""), [BoundTightened], false, true,
            I("[]", true, false), I("""["a"]""", true, true)),
        C("Adding minContains 0 is not forward compatible",
            """{"type":"array","contains":{"const":"a"}}""",
            """{"type":"array","contains":{"const":"a"},"minContains":0}""", [BoundLoosened], true, false,
            I("[]", false, true), I("""["a"]""", true, true)),
        C("Spelling out minContains 1 restates the default and changes nothing",
            """{"type":"array","contains":{"const":"a"}}""",
            """{"type":"array","contains":{"const":"a"},"minContains":1}""", [], true, true,
            I("[]", false, false), I("""["a"]""", true, true)),
        C("maxContains without contains is ignored, so changing it changes nothing",
            """{"type":"array","maxContains":1}""", """{"type":"array","maxContains":2}""", [], true, true,
            I("""["a","a","a"]""", true, true), I("{}", false, false)),
        C("minContains is no keyword in draft-07, so removing it changes nothing",
            // contains alone requires one match in draft-07; minContains 0 never relaxed it.
            InDraft(Draft7, """{"type":"array","contains":{"const":"a"},"minContains":0}"""),
            InDraft(Draft7, """{"type":"array","contains":{"const":"a"}}"""), [], true, true,
            I("[]", false, false), I("""["a"]""", true, true)),
    ];
}
