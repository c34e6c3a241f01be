"""Atomic writes: a failed write leaves the target as it was, whatever the target is."""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell._files import write_atomically

EXAMPLE = Path(lm.__file__).parent / "examples" / "fullfoljda-studier.yaml"


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert write_atomically(target, b"first") == target
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left


def test_keeps_the_mode_of_a_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_open_would_give(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.txt", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_writes_through_a_symbolic_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_dangling_link_makes_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "made.yaml")
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert (tmp_path / "made.yaml").read_bytes() == b"new"


def test_writes_to_a_device_in_place() -> None:
    write_atomically("/dev/null", b"gone")  # nothing to rename over, and no error


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="the system has no /dev/full")
def test_a_full_device_is_a_write_error() -> None:
    with pytest.raises(lm.WriteError) as info:
        write_atomically("/dev/full", b"x" * 100_000)
    assert str(info.value) == "cannot write /dev/full: No space left on device"


@pytest.mark.parametrize(
    ("name", "reason"),
    [(".", "Is a directory"), ("missing/out.yaml", "No such file or directory")],
)
def test_unwritable_targets_are_write_errors(tmp_path: Path, name: str, reason: str) -> None:
    target = tmp_path / name
    with pytest.raises(lm.WriteError) as info:
        write_atomically(target, b"x")
    assert info.value.path == str(target)
    assert info.value.reason == reason
    assert isinstance(info.value, OSError)  # callers catching OSError still do


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_write_past_the_file_size_limit_leaves_the_input_whole(tmp_path: Path) -> None:
    # In-place convert: reading succeeds, writing the new text fails midway
    # (the file-size limit is far below its size); the input must survive intact.
    model = tmp_path / "model.yaml"
    model.write_bytes(EXAMPLE.read_bytes())
    before = model.read_bytes()
    assert len(before) > 4096
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "convert", str(model), str(model)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        preexec_fn=_limit_file_size,
        env={**os.environ, "LOGIKMODELL_LANG": "en"},
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"cannot write {model}: File too large\n"
    assert model.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["model.yaml"]
