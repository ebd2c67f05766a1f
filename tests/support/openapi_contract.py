"""Validate requests and responses against the official Telnyx OpenAPI fax subset.

The spec is found via `FAXDESK_SPEC`, then `../shared/telnyx/openapi-fax-subset.yml` beside the
repo, then the vendored copy next to this file. `$ref`s are resolved with a `referencing` registry;
OpenAPI 3.1 schemas are JSON Schema 2020-12. Fields the spec declares with `default: null` but a
non-null type (e.g. `inbound.channel_limit`) are treated as nullable, as Telnyx sends null there.
"""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:telnyx:fax-subset"
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent


class ContractError(AssertionError):
    """A request or response does not match the spec."""


def spec_path() -> Path:
    env = os.environ.get("FAXDESK_SPEC")
    if env:
        return Path(env)
    shared = REPO_ROOT.parent / "shared" / "telnyx" / "openapi-fax-subset.yml"
    if shared.exists():
        return shared
    return HERE / "openapi-fax-subset.yml"


@functools.cache
def load_spec() -> dict[str, Any]:
    with spec_path().open(encoding="utf-8") as fh:
        # The C loader reads the 2,700-line spec several times faster when libyaml is there.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        spec = yaml.load(fh, Loader=loader)  # a safe loader
    spec = copy.deepcopy(spec)
    _nullable_defaults(spec)
    return spec


def _nullable_defaults(node: Any) -> None:
    if isinstance(node, dict):
        if "default" in node and node["default"] is None and isinstance(node.get("type"), str):
            node["type"] = [node["type"], "null"]
        for value in node.values():
            _nullable_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _nullable_defaults(value)


@functools.cache
def _registry() -> Registry:
    resource = Resource(contents=load_spec(), specification=DRAFT202012)
    return Registry().with_resource(SPEC_URI, resource)


def _validator(schema: Mapping[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(dict(schema), registry=_registry(),
                                format_checker=FormatChecker())


def _deref(node: Any) -> Any:
    """Follow `$ref`s of spec objects that are not schemas (responses, parameters)."""
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = load_spec()
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _schema_ref(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Rewrite local refs so they resolve against the registered spec resource."""
    def fix(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (SPEC_URI + v if k == "$ref" and isinstance(v, str) and v.startswith("#")
                        else fix(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [fix(v) for v in node]
        return node
    return fix(dict(schema))  # type: ignore[no-any-return]


def find_operation(method: str, path: str) -> tuple[str, dict[str, Any]]:
    """The spec path template and operation for a concrete request path (with or without /v2)."""
    path = urlsplit(path).path
    if path.startswith("/v2/") or path == "/v2":
        path = path[3:]
    for template, item in load_spec()["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", r"[^/]+", template) + "/?$"
        if re.match(pattern, path):
            op = item.get(method.lower())
            if op is None:
                raise ContractError(f"{method.upper()} {template} is not in the spec")
            return template, op
    raise ContractError(f"no spec path matches {path}")


def validate_response(method: str, path: str, status: int, body_json: Any) -> None:
    """Raise ContractError unless the status is declared for the operation (or covered by
    `default`) and the body matches its JSON schema."""
    template, op = find_operation(method, path)
    responses = op["responses"]
    declared = responses.get(str(status), responses.get("default"))
    if declared is None:
        raise ContractError(f"{method.upper()} {template} does not declare status {status}")
    declared = _deref(declared)
    content = declared.get("content") or {}
    if not content:
        if body_json not in (None, b"", ""):
            raise ContractError(f"{method.upper()} {template} {status} declares no body")
        return
    media = content.get("application/json")
    if media is None:
        if "application/octet-stream" in content:
            if not isinstance(body_json, bytes | bytearray):
                raise ContractError(f"{method.upper()} {template} {status} must be binary")
            return
        raise ContractError(f"{method.upper()} {template} {status}: unexpected content")
    _check(media["schema"], body_json, f"{method.upper()} {template} {status}")


def validate_request(method: str, url_or_path: str, query: Mapping[str, Any] | None = None,
                     content_type: str | None = None, body: Any = None) -> None:
    """Check query parameters (deepObject keys like `filter[from][eq]`) and a JSON or multipart
    body (a dict of form fields; file parts as bytes) against the operation."""
    template, op = find_operation(method, url_or_path)
    params = dict(parse_qsl(urlsplit(url_or_path).query, keep_blank_values=True))
    params.update({k: v for k, v in (query or {}).items()})
    declared = [_deref(p) for p in op.get("parameters", [])]
    by_name = {p["name"]: p for p in declared if p.get("in") == "query"}
    nested: dict[str, Any] = {}
    for key, value in params.items():
        root, *parts = re.findall(r"[^\[\]]+", key)
        if root not in by_name:
            raise ContractError(f"{method.upper()} {template}: undeclared query parameter {key}")
        if parts:
            cursor = nested.setdefault(root, {})
            for part in parts[:-1]:
                cursor = cursor.setdefault(part, {})
            cursor[parts[-1]] = [value] if key.endswith("[]") else value
        else:
            nested[root] = value
    for root, value in nested.items():
        schema = by_name[root].get("schema", {})
        if root == "sort" and isinstance(value, str):
            value = value.lstrip("-")  # the documented descending prefix
        _check(schema, _coerce(schema, value), f"query {root}")
    if body is None and content_type is None:
        if (op.get("requestBody") or {}).get("required"):
            raise ContractError(f"{method.upper()} {template} requires a body")
        return
    request_body = _deref(op.get("requestBody") or {})
    mime = (content_type or "application/json").split(";")[0].strip()
    media = (request_body.get("content") or {}).get(mime)
    if media is None:
        raise ContractError(f"{method.upper()} {template} does not accept {mime}")
    if mime == "multipart/form-data":
        schema = _resolve_schema(media["schema"])
        body = {k: ("<binary>" if isinstance(v, bytes | bytearray) else v)
                for k, v in dict(body or {}).items()}
        body = _coerce(schema, body)
    _check(media["schema"], body, f"{method.upper()} {template} request")


def _resolve_schema(schema: Any) -> Any:
    return _deref(schema)


def _coerce(schema: Any, value: Any) -> Any:
    """Turn query/form strings into the types the schema declares (integers, booleans)."""
    schema = _deref(schema)
    if isinstance(value, dict):
        props = schema.get("properties", {}) if isinstance(schema, dict) else {}
        return {k: _coerce(props.get(k, {}), v) for k, v in value.items()}
    if isinstance(value, str) and isinstance(schema, dict):
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "integer" in kinds and re.fullmatch(r"-?\d+", value):
            return int(value)
        if "boolean" in kinds and value in ("true", "false"):
            return value == "true"
    return value


def _check(schema: Mapping[str, Any], instance: Any, where: str) -> None:
    errors = sorted(_validator(_schema_ref(schema)).iter_errors(instance),
                    key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
                 for e in errors[:10]]
        raise ContractError(f"{where} does not match the spec:\n  " + "\n  ".join(lines))


def schema_of(name: str) -> dict[str, Any]:
    """A named component schema, e.g. `schema_of("FaxDelivered")`, ready to validate against."""
    return {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}


def validate_schema(name: str, instance: Any) -> None:
    _check(schema_of(name), instance, name)
