"""The ``render`` command and the diagrams ``demo`` writes, run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from logikmodell.examples import example_path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=env,
    )


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    ("suffix", "magic"), [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")]
)
def test_render_image_formats(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = tmp_path / f"diagram{suffix}"
    result = run("render", str(example_path()), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.read_bytes().startswith(magic)


def test_render_text_formats_in_english(tmp_path: Path) -> None:
    dot = tmp_path / "d.dot"
    mmd = tmp_path / "d.mmd"
    assert run("render", str(example_path()), "-o", str(dot), "--lang", "en").returncode == 0
    assert run("render", str(example_path()), "-o", str(mmd), "--lang", "en").returncode == 0
    assert "Long-term outcomes" in dot.read_text(encoding="utf-8")
    assert "flowchart LR" in mmd.read_text(encoding="utf-8")


def test_render_goal_and_compact(tmp_path: Path) -> None:
    out = tmp_path / "d.dot"
    result = run(
        "render",
        str(example_path()),
        "-o",
        str(out),
        "--goal",
        "placeringar",
        "--compact",
        "--lang",
        "sv",
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Endast vägar till: Placeringar utanför hemmet" in text
    assert "Kompakt vy" in text
    assert "Mentorssamtal varje vecka" not in text


def test_render_findings(tmp_path: Path) -> None:
    model = tmp_path / "m.yaml"
    model.write_text(
        example_path()
        .read_text(encoding="utf-8")
        .replace(
            "  - {from: samtal, to: psykisk-ohalsa, effect: decreases,",
            "  - {from: samtal, to: psykisk-ohalsa, effect: increases,",
        ),
        encoding="utf-8",
    )
    out = tmp_path / "d.dot"
    result = run("render", str(model), "-o", str(out), "--findings")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "LM201" in text
    assert "#C62828" in text


def test_render_refuses_bad_options(tmp_path: Path) -> None:
    bad_suffix = run("render", str(example_path()), "-o", str(tmp_path / "d.txt"))
    assert bad_suffix.returncode == 2
    assert "cannot tell the format" in bad_suffix.stderr
    assert "Traceback" not in bad_suffix.stderr
    bad_goal = run("render", str(example_path()), "-o", str(tmp_path / "d.dot"), "--goal", "x")
    assert bad_goal.returncode == 2
    assert "goal: unknown node id 'x'" in bad_goal.stderr
    bad_lang = run("render", str(example_path()), "-o", str(tmp_path / "d.dot"), "--lang", "de")
    assert bad_lang.returncode == 2


def test_render_without_dot_exits_2_naming_the_package(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    out = tmp_path / "d.svg"
    result = run("render", str(example_path()), "-o", str(out), env=env)
    assert result.returncode == 2
    assert "OS package 'graphviz'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert result.stderr.startswith(f"cannot write {out}: ")
    assert len(result.stderr.splitlines()) == 1
    ok = run("render", str(example_path()), "-o", str(tmp_path / "d.mmd"), env=env)
    assert ok.returncode == 0


@pytest.mark.needs_dot
def test_demo_writes_the_diagrams(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "fullfoljda-studier.svg").read_bytes().startswith(b"<?xml")
    assert (out / "fullfoljda-studier.png").read_bytes().startswith(b"\x89PNG")
    assert "flowchart LR" in (out / "fullfoljda-studier.mmd").read_text(encoding="utf-8")


def test_demo_without_dot_still_writes_mermaid(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path / "empty")}
    out = tmp_path / "demo"
    result = run("demo", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert (out / "fullfoljda-studier.mmd").exists()
    assert not (out / "fullfoljda-studier.svg").exists()
    assert "OS package 'graphviz'" in result.stdout


@pytest.mark.needs_dot
def test_a_pdf_is_the_same_bytes_every_run(tmp_path: Path) -> None:
    # dot's PDF carries the second it was made: without SOURCE_DATE_EPOCH it is
    # removed, with it it is that moment, so that two runs give the same file.
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run("render", str(example_path()), "-o", str(first), env=env).returncode == 0
    assert b"/CreationDate" not in first.read_bytes()
    assert run("render", str(example_path()), "-o", str(second), env=env).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    dated = tmp_path / "c.pdf"
    env["SOURCE_DATE_EPOCH"] = "1767225600"  # 2026-01-01T00:00:00Z
    assert run("render", str(example_path()), "-o", str(dated), env=env).returncode == 0
    assert b"/CreationDate (D:20260101000000Z)" in dated.read_bytes()
    assert len(dated.read_bytes()) == len(first.read_bytes())
