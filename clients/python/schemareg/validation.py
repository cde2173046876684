"""Local validation with ``jsonschema`` when it is importable (AWS Glue ships it; a Lambda layer may add it).

A version's payload and everything it references are fetched through the :class:`Resolver` (so a warm cache keeps
validating while the registry is away) and handed to jsonschema: with the ``referencing`` library when the installed
jsonschema has it (4.18 and later), else through the older ``RefResolver``. ``schemareg:FQID`` references are
rewritten to the registry's canonical URL (``{url}/v1/schema/FQID``) in a private copy of each payload, so relative
references inside a referenced schema resolve against it; a reference the closure did not load is fetched through the
resolver when the validator meets it. Payloads without ``$schema`` are JSON Schema 2020-12.
"""

import copy
import urllib.parse
from typing import Any, Dict, Iterator, List, Optional, Tuple

from . import formats
from .errors import RegistryError
from .resolver import ResolvedSchema, Resolver

try:  # pragma: no cover - depends on the environment
    import jsonschema
    import jsonschema.validators
except ImportError:  # pragma: no cover
    jsonschema = None  # type: ignore[assignment]

try:  # pragma: no cover - depends on the environment
    import referencing
    import referencing.exceptions
    import referencing.jsonschema
except ImportError:  # pragma: no cover
    referencing = None  # type: ignore[assignment]

SCHEME = "schemareg:"
MAX_REFERENCED = 1000


def available() -> bool:
    """True when jsonschema can be imported (local validation possible)."""
    return jsonschema is not None


def uses_referencing() -> bool:
    """True when the referencing library is used (jsonschema >= 4.18), False for the older RefResolver."""
    return available() and referencing is not None and _registry_kwarg()


def _registry_kwarg() -> bool:
    import inspect
    try:
        return "registry" in inspect.signature(jsonschema.Draft202012Validator.__init__).parameters
    except (TypeError, ValueError):  # pragma: no cover
        return False


class Issue:
    """One reason a record failed: a catalog code (PIPE-1002 a value rule, PIPE-1204 drift), the keyword, the path."""

    __slots__ = ("code", "keyword", "path", "message")

    def __init__(self, code: str, keyword: str, path: str, message: str) -> None:
        self.code, self.keyword, self.path, self.message = code, keyword, path, message

    def as_dict(self) -> Dict[str, str]:
        return {"code": self.code, "keyword": self.keyword, "path": self.path, "message": self.message}

    def __repr__(self) -> str:
        return "Issue(%s %s at %s: %s)" % (self.code, self.keyword, self.path or "/", self.message)


class LocalValidator:
    """A version compiled for jsonschema, with a drift check for fields the schema does not declare."""

    def __init__(self, resolver: Resolver, fqid: str, detect_drift: bool = True, api: str = "auto") -> None:
        """``api``: ``"referencing"``, ``"refresolver"`` (jsonschema's older API) or ``"auto"`` (the first the
        installed jsonschema has)."""
        if jsonschema is None:
            raise RegistryError("PIPE-1002", "Local validation needs the jsonschema package; it is not importable.")
        self._resolver = resolver
        self._prefix = resolver.transport.canonical_prefix
        self.detect_drift = detect_drift
        root = resolver.resolve(fqid)
        self.schema: ResolvedSchema = root
        self._store: Dict[str, Any] = {}
        self._load_closure(root)
        self._root = self._rewrite(root.payload)
        cls = jsonschema.validators.validator_for(self._root, default=jsonschema.Draft202012Validator)
        self.api = ("referencing" if uses_referencing() else "refresolver") if api == "auto" else api
        if self.api == "referencing":
            registry = referencing.Registry(retrieve=self._retrieve).with_resources(  # type: ignore[call-arg]
                (url, referencing.Resource.from_contents(doc, default_specification=referencing.jsonschema.DRAFT202012))
                for url, doc in self._store.items())
            self._validator = cls(self._root, registry=registry, format_checker=formats.checker(jsonschema))
        else:
            ref_resolver = jsonschema.RefResolver(base_uri="", referrer=self._root, store=dict(self._store),
                                                  handlers={"http": self._handle, "https": self._handle,
                                                            "schemareg": self._handle})
            self._validator = cls(self._root, resolver=ref_resolver, format_checker=formats.checker(jsonschema))

    # -- references ---------------------------------------------------------------------------------------------
    def _load_closure(self, root: ResolvedSchema) -> None:
        pending = list(root.references)
        while pending:
            name = pending.pop(0)
            url = self._url(name)
            if url in self._store:
                continue
            if len(self._store) >= MAX_REFERENCED:
                raise RegistryError("VAL-1305", "%s references more than %d versions." % (root.fqid, MAX_REFERENCED))
            referenced = self._resolver.resolve(name)
            self._store[url] = self._rewrite(referenced.payload)
            pending.extend(referenced.references)

    def _url(self, fqid: str) -> str:
        return self._prefix + urllib.parse.quote(fqid, safe=":")

    def _rewrite(self, payload: Any) -> Any:
        document = copy.deepcopy(payload)
        stack = [document]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                target = node.get("$ref")
                if isinstance(target, str) and target.startswith(SCHEME):
                    name, _, fragment = target[len(SCHEME):].partition("#")
                    node["$ref"] = self._url(urllib.parse.unquote(name)) + ("#" + fragment if fragment else "")
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        return document

    def _fetch_url(self, uri: str) -> Any:
        base = uri.split("#", 1)[0]
        if base.startswith(SCHEME):
            base = self._url(urllib.parse.unquote(base[len(SCHEME):]))
        if base in self._store:
            return self._store[base]
        if not base.startswith(self._prefix):
            raise RegistryError("VAL-1304", "Reference %s is not a schema of this registry; it is not fetched." % uri)
        fetched = self._resolver.resolve(urllib.parse.unquote(base[len(self._prefix):]))
        self._store[base] = self._rewrite(fetched.payload)
        return self._store[base]

    def _retrieve(self, uri: str) -> Any:
        try:
            document = self._fetch_url(uri)
        except RegistryError as e:
            raise referencing.exceptions.NoSuchResource(ref=uri) from e
        return referencing.Resource.from_contents(document, default_specification=referencing.jsonschema.DRAFT202012)

    def _handle(self, uri: str) -> Any:
        try:
            return self._fetch_url(uri)
        except RegistryError as e:
            raise jsonschema.RefResolutionError(str(e)) from e

    # -- validation ---------------------------------------------------------------------------------------------
    def is_valid(self, record: Any) -> bool:
        """True when the record passes the schema and shows no drift (when drift detection is on)."""
        if not self._validator.is_valid(record):
            return False
        return not self.detect_drift or next(self._drift(self._root, record, "", 0), None) is None

    def issues(self, record: Any) -> List[Issue]:
        """Every reason the record fails: value rules (PIPE-1002) and undeclared fields (PIPE-1204)."""
        found = [Issue("PIPE-1002", str(e.validator), "/" + "/".join(str(p) for p in e.absolute_path), e.message)
                 for e in self._validator.iter_errors(record)]
        if self.detect_drift:
            found.extend(Issue("PIPE-1204", "new_field", path, "%s is not declared by %s" % (path, self.schema.fqid))
                         for path in self._drift(self._root, record, "", 0))
        return found

    def _drift(self, schema: Any, value: Any, path: str, depth: int) -> Iterator[str]:
        """Paths of fields an open object carries that its schema never declares (the server's new_fields, for
        objects declared with ``properties``; maps with ``additionalProperties``/``patternProperties`` are not drift)."""
        if depth > 32 or not isinstance(schema, dict):
            return
        declared, open_object, items = self._shape(schema, 0)
        if isinstance(value, dict) and declared is not None and open_object:
            for key, child in value.items():
                child_path = key if not path else path + "." + key
                if key not in declared:
                    yield child_path
                else:
                    for sub in declared[key]:
                        yield from self._drift(sub, child, child_path, depth + 1)
        elif isinstance(value, list) and items:
            for element in value:
                for sub in items:
                    for found in self._drift(sub, element, path + "[]", depth + 1):
                        yield found
                        return

    def _shape(self, schema: Any, depth: int) -> Tuple[Optional[Dict[str, List[Any]]], bool, List[Any]]:
        """Declared properties (name -> subschemas), whether undeclared names are drift, and array item schemas."""
        declared: Optional[Dict[str, List[Any]]] = None
        open_object, items = True, []  # type: bool, List[Any]
        parts = [schema]
        while parts and depth < 64:
            depth += 1
            part = parts.pop()
            if not isinstance(part, dict):
                continue
            if "$ref" in part and isinstance(part["$ref"], str):
                target = self._local(part["$ref"])
                if target is not None:
                    parts.append(target)
            for keyword in ("allOf", "anyOf", "oneOf"):
                if isinstance(part.get(keyword), list):
                    parts.extend(part[keyword])
            if isinstance(part.get("properties"), dict):
                declared = declared if declared is not None else {}
                for name, sub in part["properties"].items():
                    declared.setdefault(name, []).append(sub)
            for keyword in ("additionalProperties", "patternProperties", "unevaluatedProperties"):
                if keyword in part and part[keyword] is not False:
                    open_object = False
            if isinstance(part.get("items"), dict):
                items.append(part["items"])
        return declared, open_object, items

    def _local(self, ref: str) -> Any:
        base, _, fragment = ref.partition("#")
        document = self._root if not base else self._store.get(base)
        if document is None:
            return None
        node = document
        for token in fragment.split("/")[1:] if fragment else []:
            token = urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node
