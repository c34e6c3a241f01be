"""Reading and writing the file format: paths in errors, determinism, losslessness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell import LoadError
from logikmodell.examples import example_path, example_text, load_example
from logikmodell.io import format_of

HEADER = "logikmodell: 1\ntitle: T\n"


def problems(text: str, format: str = "yaml") -> list[str]:
    with pytest.raises(LoadError) as info:
        lm.loads(text, format)
    return [str(p) for p in info.value.problems]


def test_example_loads_and_round_trips_in_every_format() -> None:
    model = load_example()
    assert len(model) == 28
    for format in ("yaml", "json", "toml"):
        text = lm.dumps(model, format)
        assert lm.loads(text, format) == model
        assert lm.dumps(lm.loads(text, format), format) == text


def test_yaml_json_toml_json_is_byte_identical() -> None:
    model = lm.loads(example_text())
    first_json = lm.dumps(model, "json")
    via_toml = lm.loads(lm.dumps(lm.loads(first_json, "json"), "toml"), "toml")
    assert lm.dumps(via_toml, "json") == first_json


def test_file_round_trip(tmp_path: Path) -> None:
    model = load_example()
    for suffix in (".yaml", ".yml", ".json", ".toml"):
        path = tmp_path / f"m{suffix}"
        lm.dump(model, path)
        assert lm.load(path) == model
    assert "frånvaro" in (tmp_path / "m.json").read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def test_dump_key_order_follows_the_format() -> None:
    data = json.loads(lm.dumps(load_example(), "json"))
    assert list(data)[:3] == ["logikmodell", "title", "id"]
    assert list(data)[-1] == "metadata"
    mentor = data["nodes"][3]
    assert list(mentor)[:3] == ["id", "kind", "label"]
    assert list(data["links"][0])[:2] == ["from", "to"]
    assert data["economics"] == {"discount_rate": 0.035, "horizon_years": 10}


def test_every_problem_is_reported_with_its_path() -> None:
    text = HEADER + (
        "nodes:\n"
        "  - {id: a, kind: activity, label: A, colour: red}\n"
        "  - {id: r, kind: resource, label: R, cost: 5 EUR}\n"
        "  - {id: g, kind: impact, label: G, deadweight: 2}\n"
        "links:\n"
        "  - {from: a, to: nowhere}\n"
    )
    # Parts that failed to structure are left out; the rest are checked for units and
    # references at once, and the link from the failed node is checked at its other end.
    assert problems(text) == [
        "$.nodes[0].colour: unknown key",
        "$.nodes[2].deadweight: expected a number from 0 to 1, got 2",
        "$.nodes[1].cost: expected an amount in SEK, got 5 EUR (dimension EUR)",
        "$.links[0].to: unknown node id 'nowhere'",
    ]
    # Once the structure is right, the same references and units are reported.
    text = text.replace(", colour: red", "").replace(", deadweight: 2", "")
    assert problems(text) == [
        "$.nodes[1].cost: expected an amount in SEK, got 5 EUR (dimension EUR)",
        "$.links[0].to: unknown node id 'nowhere'",
    ]


def test_keys_that_are_not_text_are_reported_not_crashed_on() -> None:
    text = HEADER + (
        "nodes:\n"
        "  - {id: a, kind: activity, label: A, 5: x, colour: red, true: 1, null: 2}\n"
        "  - {id: r, kind: resource, label: R, cost: 1 SEK, schedule: {0: 1, null: 0}}\n"
        "links:\n"
        "  - {from: a, to: r, 7: x, effect: increases}\n"
        "metadata: {5: x}\n"
    )
    assert problems(text) == [
        "$.metadata: metadata keys must be text, got the number 5",
        "$.nodes[0].5: unknown key",
        "$.nodes[0].colour: unknown key",
        "$.nodes[0].null: unknown key",
        "$.nodes[0].true: unknown key",
        "$.nodes[1].schedule.null: expected a year index (a whole number ≥ 0)",
        "$.links[0].7: unknown key",
    ]


def test_metadata_is_preserved_anywhere() -> None:
    text = HEADER + (
        "nodes:\n"
        "  - {id: a, kind: activity, label: A, metadata: {colour: red, n: [1, 2.5, true]}}\n"
        "metadata: {tool: {name: x, version: 3}, when: 2026-01-01}\n"
    )
    model = lm.loads(text)
    assert model.node("a").metadata == {"colour": "red", "n": [1, 2.5, True]}
    assert model.metadata == {"tool": {"name": "x", "version": 3}, "when": "2026-01-01"}
    for format in ("yaml", "json", "toml"):
        assert lm.loads(lm.dumps(model, format), format) == model


def test_numbers_are_exact() -> None:
    text = HEADER + (
        "nodes:\n"
        "  - {id: r, kind: resource, label: R, cost: 1 SEK, schedule: {0: 0.6, 1: 0.3, 2: 0.1}}\n"
        "  - {id: a, kind: activity, label: A}\n"
        "links:\n"
        "  - {from: r, to: a, share: 0.1}\n"
    )
    for format in ("yaml", "json", "toml"):
        model = lm.loads(lm.dumps(lm.loads(text), format), format)
        resource = model.node("r")
        assert isinstance(resource, lm.Resource)
        assert sum(resource.years.values()) == 1
        assert model.links[0].share == lm.Quantity.parse("0.1").value


def test_json_schedule_keys_are_text() -> None:
    text = json.dumps(
        {
            "logikmodell": 1,
            "title": "T",
            "nodes": [
                {
                    "id": "r",
                    "kind": "resource",
                    "label": "R",
                    "cost": "1 SEK",
                    "schedule": {"0": 0.5, "2": 0.5},
                }
            ],
        }
    )
    resource = lm.loads(text, "json").node("r")
    assert isinstance(resource, lm.Resource)
    assert resource.schedule is not None
    assert set(resource.schedule) == {0, 2}
    assert problems(text.replace('"2"', '"two"'), "json") == [
        "$.nodes[0].schedule.two: expected a year index (a whole number ≥ 0)"
    ]


def test_yaml_is_loaded_safely() -> None:
    assert problems(HEADER + "description: !!python/object/apply:os.system ['true']\n")[
        0
    ].startswith("$: YAML")


def test_format_of() -> None:
    assert format_of("a/b.YAML") == "yaml"
    assert format_of("m.toml") == "toml"
    with pytest.raises(ValueError, match="cannot tell the format"):
        format_of("m.txt")
    with pytest.raises(ValueError, match="unknown format"):
        lm.loads("{}", "xml")


def test_load_reports_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(HEADER + "colour: red\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        lm.load(path)
    assert info.value.lines() == [f"{path}:3:1: $.colour: unknown key"]
    assert str(info.value) == f"{path}:3:1: $.colour: unknown key"
    with pytest.raises(LoadError) as info:
        lm.load(path, positions=False)
    assert info.value.lines() == [f"{path}: $.colour: unknown key"]


def test_dump_refuses_what_toml_cannot_hold() -> None:
    model = lm.LogicModel(title="T")
    model.replace_info(metadata={"a": None})
    with pytest.raises(lm.DumpError, match=r"\$.metadata.a: TOML cannot hold null"):
        lm.dumps(model, "toml")


def test_dump_error_lives_with_the_other_errors() -> None:
    from logikmodell import errors, io

    assert lm.DumpError is io.DumpError is errors.DumpError
    assert issubclass(errors.DumpError, errors.LogikmodellError)
    assert issubclass(errors.DumpError, ValueError)


def test_example_file_is_shipped_in_both_places() -> None:
    repo_copy = Path(__file__).parents[2] / "examples" / "fullfoljda-studier.yaml"
    assert repo_copy.read_text(encoding="utf-8") == example_path().read_text(encoding="utf-8")
