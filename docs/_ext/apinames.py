"""Which names the API reference documents, shared by the docs build and the tests.

The public surface is ``logikmodell.__all__`` and the ``__all__`` of each public
subpackage below. A module or name that warns with ``DeprecationWarning`` when it is
imported or read is an old import path kept for one release: it is left out.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import sys
import warnings
from collections.abc import Iterator
from types import ModuleType

__all__ = [
    "CANDIDATES",
    "ROOT",
    "constant_doc",
    "deprecated",
    "documented_object",
    "owners",
    "public_members",
    "public_modules",
    "public_names",
]

ROOT = "logikmodell"

#: Public subpackages and modules, in the order of the reference; those that do not
#: exist (yet) or that only forward to a new place are skipped.
CANDIDATES = (
    "logikmodell.model",
    "logikmodell.io",
    "logikmodell.validation",
    "logikmodell.costs",
    "logikmodell.costs.returns",
    "logikmodell.costs.sensitivity",
    "logikmodell.returns",
    "logikmodell.numbers",
    "logikmodell.rendering",
    "logikmodell.rendering.report",
    "logikmodell.catalogue",
    "logikmodell.followup",
    "logikmodell.evaluation",
    "logikmodell.testing.strategies",
)


def _import_quietly(name: str) -> ModuleType | None:
    """The module, or None when it is missing or warns that it is deprecated."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name is not None and (name == error.name or name.startswith(error.name + ".")):
            return None
        raise
    except DeprecationWarning:
        return None


def deprecated(module: ModuleType, name: str) -> bool:
    """Whether reading ``module.name`` warns that the name has moved."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            getattr(module, name)
    except DeprecationWarning:
        return True
    return False


def public_modules() -> list[str]:
    """``logikmodell`` first, then every candidate that exists and is not deprecated."""
    found = [ROOT]
    for name in CANDIDATES:
        module = _import_quietly(name)
        if module is not None and getattr(module, "__all__", None) is not None:
            found.append(name)
    return found


def public_names(module_name: str) -> list[str]:
    """The names of ``__all__`` of a module, without deprecated ones, in its order."""
    module = importlib.import_module(module_name)
    names: list[str] = list(module.__all__)
    return [name for name in names if not deprecated(module, name)]


def documented_object(obj: object) -> bool:
    """Whether ``obj`` is a class or function that gets its own entry (not a constant)."""
    return inspect.isclass(obj) or inspect.isfunction(obj)


def _rank(full_name: str, home: str, order: list[str]) -> tuple[int, int]:
    """Where an object is best described: ``logikmodell``, then where it is defined."""
    module = full_name.rpartition(".")[0]
    if module == ROOT:
        return (0, 0)
    if home == module or home.startswith(f"{module}."):
        return (1, -len(module))
    return (2, order.index(module))


def owners(modules: list[str]) -> dict[str, str]:
    """For each public name of a class or function, the name it is described under.

    An object exported from several modules is described once: under ``logikmodell``
    if it is there, else in the module that defines it (the innermost), else in the
    first module that exports it. Maps ``module.name`` to ``owner_module.name``.
    """
    names: dict[int, list[str]] = {}
    homes: dict[int, str] = {}
    for module_name in modules:
        module = importlib.import_module(module_name)
        for name in public_names(module_name):
            obj = getattr(module, name)
            if documented_object(obj):
                names.setdefault(id(obj), []).append(f"{module_name}.{name}")
                homes[id(obj)] = getattr(obj, "__module__", "") or ""
    result: dict[str, str] = {}
    for key, full_names in names.items():
        best = min(full_names, key=lambda full: _rank(full, homes[key], modules))
        result.update(dict.fromkeys(full_names, best))
    return result


def _modules_to_search(module_name: str) -> list[str]:
    """The module, the loaded modules under it, then every other loaded one of ours."""
    module = importlib.import_module(module_name)
    under = [
        info.name
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), prefix=f"{module_name}.")
        if info.name in sys.modules and not info.name.endswith("__main__")
    ]
    others = sorted(
        name
        for name in sys.modules
        if name.startswith(f"{ROOT}.") and name not in under and name != module_name
    )
    return [module_name, *under, *others]


def constant_doc(module_name: str, name: str) -> list[str]:
    """The ``#:`` comment (or string) documenting a constant, where it is defined.

    A constant re-exported from a private module, or from another package, keeps its
    comment where it is defined; this finds it in the first loaded module, nearest
    first, that holds the same value.
    """
    from sphinx.pycode import ModuleAnalyzer

    value = getattr(importlib.import_module(module_name), name)
    for candidate in _modules_to_search(module_name):
        docs = ModuleAnalyzer.for_module(candidate).find_attr_docs()
        if ("", name) in docs and getattr(sys.modules[candidate], name, None) is value:
            return list(docs["", name])
    return []


def public_members(cls: type) -> Iterator[tuple[str, object]]:
    """The public methods and properties a class defines in ``logikmodell``.

    Inherited members count where a ``logikmodell`` class defines them; attrs fields,
    enum members and members inherited from the standard library do not.
    """
    seen: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith(ROOT):
            continue
        for name, member in vars(klass).items():
            if name.startswith("_") or name in seen:
                continue
            seen.add(name)
            function = member.__func__ if isinstance(member, classmethod | staticmethod) else member
            if isinstance(function, property) or inspect.isfunction(function):
                yield name, function


if __name__ == "__main__":
    # A fresh interpreter sees a deprecated module warn, even if another has imported it.
    print(json.dumps({module: public_names(module) for module in public_modules()}))
