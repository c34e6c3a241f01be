"""The public surface: __all__ lists exactly the public names; imports stay light."""

from __future__ import annotations

import subprocess
import sys

import logikmodell


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(logikmodell).items()
        if not name.startswith("_") and not isinstance(value, type(logikmodell))
    }
    assert set(logikmodell.__all__) == public | {"__version__"}
    assert logikmodell.__all__ == sorted(
        logikmodell.__all__, key=lambda n: (n.startswith("_"), n)
    ) or (sorted(logikmodell.__all__) == logikmodell.__all__)


def test_import_is_light() -> None:
    heavy = (
        "networkx",
        "pint",
        "graphviz",
        "hypothesis",
        "jinja2",
        "babel",
        "matplotlib",
        "numpy",
        "weasyprint",
        "openpyxl",
        "pandas",
    )
    code = f"import sys, logikmodell; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_errors_subclass_builtins() -> None:
    assert issubclass(logikmodell.LoadError, ValueError)
    assert issubclass(logikmodell.UnknownIdError, KeyError)
    assert issubclass(logikmodell.DuplicateIdError, ValueError)
    assert issubclass(logikmodell.UnitError, ValueError)
    assert all(
        issubclass(cls, logikmodell.LogikmodellError)
        for cls in (logikmodell.LoadError, logikmodell.UnknownIdError, logikmodell.DumpError)
    )


def test_strategies_import_first_in_a_fresh_interpreter() -> None:
    # Hypothesis loads its entry points (ours among them) while it is imported.
    code = (
        "from logikmodell.testing import strategies as lst; "
        "from hypothesis import strategies as st; import logikmodell as lm; "
        "print(st.from_type(lm.LogicModel).example().__class__.__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "LogicModel"


def test_functions_do_not_hide_their_packages() -> None:
    import importlib

    assert callable(logikmodell.validate)
    assert callable(logikmodell.render)
    for name in ("validation", "rendering", "costs", "io", "model", "testing"):
        module = importlib.import_module(f"logikmodell.{name}")
        assert module.__name__ == f"logikmodell.{name}"
        assert not callable(module)
