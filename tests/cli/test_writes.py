"""Output that cannot be written is exit 2 with ``cannot write FILE: reason``, never exit 3."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import logikmodell as lm

EXAMPLE = Path(lm.__file__).parent / "examples" / "fullfoljda-studier.yaml"


def run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, "LOGIKMODELL_LANG": "en"},
    )


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("folder.json", "Is a directory"),
        ("missing/out.json", "No such file or directory"),
    ],
)
@pytest.mark.parametrize("command", ["convert", "render", "merge"])
def test_an_unwritable_output_is_exit_2(
    tmp_path: Path, command: str, output: str, reason: str
) -> None:
    (tmp_path / "folder.json").mkdir()
    target = tmp_path / output
    if command == "render":
        target = target.with_suffix(".mmd")
        (tmp_path / "folder.mmd").mkdir()
        args = ["render", str(EXAMPLE), "-o", str(target)]
    elif command == "merge":
        data = tmp_path / "data.csv"
        data.write_text("indicator,date,value\n", encoding="utf-8")
        args = ["merge", str(EXAMPLE), "--data", str(data), "-o", str(target)]
    else:
        args = ["convert", str(EXAMPLE), str(target)]
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"cannot write {target}: {reason}\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="the system has no /dev/full")
def test_a_full_disk_is_exit_2(tmp_path: Path) -> None:
    link = tmp_path / "full.json"
    link.symlink_to("/dev/full")
    result = run("convert", str(EXAMPLE), str(link))
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"cannot write {link}: No space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="the system has no /dev/full")
@pytest.mark.parametrize("args", [["validate", str(EXAMPLE)], ["schema"], ["costs", str(EXAMPLE)]])
def test_standard_output_that_cannot_be_written_is_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full.fileno())
    assert result.returncode == 2, result.stderr
    assert result.stderr == "cannot write <stdout>: No space left on device\n"


def test_demo_into_a_file_is_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "demo"
    target.write_text("mine", encoding="utf-8")
    result = run("demo", str(target))
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"cannot write {target}: a file is in the place of the folder\n"
    assert target.read_text(encoding="utf-8") == "mine"


def test_demo_keeps_the_users_files_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "costs.json").write_text("mine", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine too", encoding="utf-8")
    result = run("demo", str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(
        f"cannot write {tmp_path}: the folder holds files the demo would replace (costs.json)"
    )
    assert "--force" in result.stderr
    assert (tmp_path / "costs.json").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["costs.json", "notes.txt"]

    forced = run("demo", str(tmp_path), "--force")
    assert forced.returncode == 0, forced.stderr
    assert (tmp_path / "costs.json").read_text(encoding="utf-8").startswith("{")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine too"


def test_demo_into_a_folder_of_other_files_needs_no_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("demo", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
