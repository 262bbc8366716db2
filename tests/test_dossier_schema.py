"""dossier.json against its JSON Schema (issue #25): the demo build validates, and the schema is strict
enough to catch a record that lost a key or changed a type."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsdossier.dossier import SCHEMA, json_schema

jsonschema = pytest.importorskip("jsonschema")


def _errors(dossier: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema())
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(dossier)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == SCHEMA and schema["properties"]["schema"] == {"const": SCHEMA}


def test_the_demo_dossier_validates(demo_dossier: dict[str, Any]) -> None:
    dossier = {key: value for key, value in demo_dossier.items() if key != "markdown"}
    assert _errors(dossier) == []
    assert dossier["events"] and dossier["quotes"] and dossier["places"]  # the schema was tried on real records


@pytest.mark.parametrize(("path", "change"), [
    (("events", 0), lambda e: e.pop("mentions")),
    (("quotes", 0), lambda q: q.update(start="12")),
    (("articles", 0), lambda a: a.update(status="unknown-status")),
    (("places", 0), lambda p: p.update(resolved="yes")),
    (("entities", 0), lambda e: e.update(type="PERSON")),
    (("timeline", 0), lambda t: t.update(date="last week")),
])
def test_a_broken_record_fails(demo_dossier: dict[str, Any], path: tuple[str, int], change: Any) -> None:
    dossier = copy.deepcopy({key: value for key, value in demo_dossier.items() if key != "markdown"})
    change(dossier[path[0]][path[1]])
    errors = _errors(dossier)
    assert errors and all(error.startswith(f"['{path[0]}', {path[1]}") for error in errors)


def test_a_dossier_missing_a_section_fails(demo_dossier: dict[str, Any]) -> None:
    dossier = {key: value for key, value in demo_dossier.items() if key not in ("markdown", "events")}
    assert any("'events' is a required property" in error for error in _errors(dossier))
