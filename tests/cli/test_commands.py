"""The command line: convert, schema, demo, exit codes and the internal-error path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell import cli
from logikmodell.examples import example_path, load_example


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_convert_between_all_formats(tmp_path: Path) -> None:
    source = example_path()
    json_path = tmp_path / "m.json"
    toml_path = tmp_path / "m.toml"
    yaml_path = tmp_path / "m.yml"
    assert run("convert", str(source), str(json_path)).returncode == 0
    assert run("convert", str(json_path), str(toml_path)).returncode == 0
    assert run("convert", str(toml_path), str(yaml_path)).returncode == 0
    assert lm.load(yaml_path) == load_example()
    assert json.loads(json_path.read_text(encoding="utf-8"))["title"] == load_example().title


def test_convert_to_unknown_suffix_exits_2(tmp_path: Path) -> None:
    result = run("convert", str(example_path()), str(tmp_path / "m.xml"))
    assert result.returncode == 2
    assert "cannot tell the format from '.xml'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("convert", str(missing), str(tmp_path / "m.json"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{missing}: $: cannot read the file")


def test_unknown_command_exits_2() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_schema_is_json_schema_covering_the_format() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    # Every key the example uses is declared, at the top and in each node kind.
    data = lm.io._document.to_data(load_example())
    assert set(data) <= set(schema["properties"])
    node_schemas = {
        s["properties"]["kind"]["const"]: s for s in schema["properties"]["nodes"]["items"]["oneOf"]
    }
    for node in data["nodes"]:  # type: ignore[attr-defined]
        assert set(node) <= set(node_schemas[node["kind"]]["properties"]), node["id"]


def test_demo_writes_the_example(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", str(out))
    assert result.returncode == 0, result.stderr
    assert "Tidiga insatser för fullföljda studier" in result.stdout
    assert "Nodes: 28" in result.stdout
    for suffix in (".yaml", ".json", ".toml"):
        assert lm.load(out / f"fullfoljda-studier{suffix}") == load_example()


def test_python_dash_m_and_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"logikmodell {lm.__version__}"


def test_internal_error_exits_3_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_cmd_schema", boom)
    assert cli.main(["schema"]) == 3
    err = capsys.readouterr().err
    assert "internal error" in err
    assert "Traceback" not in err
    assert cli.main(["--debug", "schema"]) == 3
    assert "RuntimeError: boom" in capsys.readouterr().err


def test_a_closed_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    # `logikmodell validate big.yaml | head -1`: the reader stops early, while the
    # command still has far more to write than a pipe holds.
    nodes = "".join(
        f"  - {{id: a{i}, kind: activity, label: Aktivitet {i}}}\n" for i in range(2000)
    )
    model = tmp_path / "big.yaml"
    model.write_text(f"logikmodell: 1\ntitle: T\nnodes:\n{nodes}", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "logikmodell", "validate", str(model)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stdout.read(len(str(model))) == str(model).encode()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert b"internal error" not in err
    assert b"Traceback" not in err
    assert process.returncode == cli.EXIT_BROKEN_PIPE
