"""No code execution from input: the source holds none of the usual ways in."""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

import pytest

import logikmodell as lm
import logikmodell.examples

SRC = Path(lm.__file__).parent
FORBIDDEN = {
    "yaml.load without a safe loader": re.compile(r"yaml\.load\((?![^)]*Loader=_Loader)"),
    "yaml.unsafe_load / full_load": re.compile(r"yaml\.(unsafe_load|full_load|load_all)\("),
    "eval": re.compile(r"(?<![\w.])eval\("),
    "exec": re.compile(r"(?<![\w.])exec\("),
    "pickle": re.compile(r"\bpickle\b|\bmarshal\b"),
    "shell=True": re.compile(r"shell\s*=\s*True"),
    "os.system": re.compile(r"os\.(system|popen)\("),
}


def test_source_has_no_way_to_run_input() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for what, pattern in FORBIDDEN.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(SRC)}:{line}: {what}")
    assert found == []


def test_the_scan_would_find_them() -> None:
    samples = [
        "yaml.load(text)",
        "yaml.unsafe_load(x)",
        "eval(s)",
        "exec(s)",
        "import pickle",
        "run(cmd, shell=True)",
    ]
    for sample in samples:
        assert any(p.search(sample) for p in FORBIDDEN.values()), sample


def _measure(text: str, format: str) -> tuple[float, int]:
    """Seconds to refuse the document, and peak memory (measured apart: tracing is slow)."""
    start = time.perf_counter()
    with pytest.raises(lm.LoadError) as info:
        lm.loads(text, format)
    elapsed = time.perf_counter() - start
    assert info.value.problems[0].path == "$"
    tracemalloc.start()
    with pytest.raises(lm.LoadError):
        lm.loads(text, format)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak


BILLION_LAUGHS = (
    "logikmodell: 1\ntitle: T\nmetadata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"  {chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
        for i in range(9)
    )
)
DEEP = 50_000


@pytest.mark.parametrize(
    ("text", "format", "message"),
    [
        (BILLION_LAUGHS, "yaml", "aliases repeat more than 100000 values"),
        (
            "logikmodell: 1\ntitle: T\nmetadata: {a: " + "[" * DEEP + "]" * DEEP + "}\n",
            "yaml",
            "nested deeper",
        ),
        (
            '{"logikmodell": 1, "metadata": ' + "[" * DEEP + "]" * DEEP + "}",
            "json",
            "nested too deeply",
        ),
        ("logikmodell = 1\nx = " + "[" * DEEP + "]" * DEEP + "\n", "toml", "nested too deeply"),
        ("a: &a [*a]\n", "yaml", "nested deeper"),
    ],
    ids=["billion-laughs", "deep-yaml", "deep-json", "deep-toml", "recursive-alias"],
)
def test_hostile_documents_are_refused_quickly_and_cheaply(
    text: str, format: str, message: str
) -> None:
    elapsed, peak = _measure(text, format)
    assert elapsed < 2.0, f"took {elapsed:.2f} s"
    assert peak < 256 * 2**20, f"peak {peak / 2**20:.0f} MiB"
    with pytest.raises(lm.LoadError, match=message):
        lm.loads(text, format)


def test_limits_are_configurable(tmp_path: Path) -> None:
    text = lm.dumps(lm.examples.load_example())
    tight = lm.Limits(max_bytes=1000)
    with pytest.raises(lm.LoadError, match="larger than the limit of 1000 bytes"):
        lm.loads(text, limits=tight)
    with pytest.raises(lm.LoadError, match="larger than the limit of 1000 bytes"):
        lm.loads(text.encode("utf-8"), limits=tight)
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.LoadError, match="larger than the limit"):
        lm.load(path, limits=tight)
    with pytest.raises(lm.LoadError, match="28 nodes, more than the limit of 10"):
        lm.loads(text, limits=lm.Limits(max_nodes=10))
    with pytest.raises(lm.LoadError, match="nested deeper than the limit of 3"):
        lm.loads(text, limits=lm.Limits(max_depth=3))
    assert len(lm.loads(text, limits=lm.Limits(max_depth=6))) == 28
