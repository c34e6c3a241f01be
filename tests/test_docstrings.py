"""Every public name has a docstring: what the API reference shows is never empty.

The public names are those the reference documents (``docs/_ext/apinames.py``): the
``__all__`` of ``logikmodell`` and of each public subpackage, without old import
paths that only forward to a new place, and the public methods and properties of
every public class. A constant's docstring is a ``#:`` comment above it, or a string
right after it.
"""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

_EXT = Path(__file__).resolve().parents[1] / "docs" / "_ext"
if str(_EXT) not in sys.path:
    sys.path.insert(0, str(_EXT))

import apinames  # noqa: E402 - lives beside the docs, found through the path above


def _public_names() -> dict[str, list[str]]:
    # A fresh interpreter: a deprecated module warns only on its first import.
    done = subprocess.run(
        [sys.executable, str(_EXT / "apinames.py")],
        capture_output=True,
        check=True,
        encoding="utf-8",
        timeout=120,
    )
    names: dict[str, list[str]] = json.loads(done.stdout)
    return names


def _own_doc(obj: object) -> str:
    doc = obj.__dict__.get("__doc__") if inspect.isclass(obj) else getattr(obj, "__doc__", None)
    return (doc or "").strip()


def _undocumented(module_name: str, name: str) -> list[str]:
    """``module.name`` and its public members that lack a docstring."""
    obj = getattr(importlib.import_module(module_name), name)
    full = f"{module_name}.{name}"
    if not apinames.documented_object(obj):
        return [] if apinames.constant_doc(module_name, name) else [full]
    missing = [] if _own_doc(obj) else [full]
    if inspect.isclass(obj):
        for member_name, member in apinames.public_members(obj):
            if not (getattr(member, "__doc__", None) or "").strip():
                missing.append(f"{full}.{member_name}")
    return missing


def test_every_public_name_has_a_docstring() -> None:
    missing = sorted(
        {
            entry
            for module_name, names in _public_names().items()
            for name in names
            for entry in _undocumented(module_name, name)
        }
    )
    assert missing == [], "public names without a docstring:\n" + "\n".join(missing)


def test_the_reference_covers_the_subpackages() -> None:
    modules = _public_names()
    assert next(iter(modules)) == "logikmodell"
    for expected in ("logikmodell.io", "logikmodell.validation", "logikmodell.rendering"):
        assert modules[expected], expected
    assert "logikmodell.testing.strategies" in modules
    assert set(modules["logikmodell"]) == set(importlib.import_module("logikmodell").__all__)
