"""Without Graphviz: the missing-``dot`` error, and the formats that need no ``dot``."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_helpers import small_model

import logikmodell as lm
from logikmodell.rendering import GraphvizNotFoundError, find_dot, render, to_svg


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))


@pytest.mark.usefixtures("no_dot")
def test_missing_dot_names_the_os_package(tmp_path: Path) -> None:
    with pytest.raises(GraphvizNotFoundError) as caught:
        render(small_model(), tmp_path / "m.svg")
    message = str(caught.value)
    assert "'graphviz'" in message
    assert "dot" in message
    assert ".mmd" in message
    assert isinstance(caught.value, lm.LogikmodellError)
    assert isinstance(caught.value, RuntimeError)
    assert not (tmp_path / "m.svg").exists()
    with pytest.raises(GraphvizNotFoundError):
        find_dot()
    with pytest.raises(GraphvizNotFoundError):
        to_svg(small_model())


@pytest.mark.usefixtures("no_dot")
def test_dot_and_mermaid_need_no_graphviz(tmp_path: Path) -> None:
    dot = render(small_model(), tmp_path / "m.dot")
    assert dot.read_text(encoding="utf-8") == lm.to_dot(small_model()).source
    mmd = render(small_model(), tmp_path / "m.mmd", lang="en")
    assert "Short-term outcomes" in mmd.read_text(encoding="utf-8")


@pytest.mark.usefixtures("no_dot")
def test_notebook_falls_back_to_text() -> None:
    bundle = small_model()._repr_mimebundle_()
    assert bundle == {"text/plain": repr(small_model())}


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(lm.InvalidValueError, match=r"\.svg"):
        render(small_model(), tmp_path / "m.jpeg")


def test_graphviz_is_not_imported_with_the_package() -> None:
    import subprocess
    import sys

    code = "import sys, logikmodell; print('graphviz' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
