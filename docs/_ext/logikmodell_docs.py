"""Sphinx glue for the logikmodell docs: API pages from ``__all__``, the JSON Schema.

* At ``builder-inited`` one page per public module is written to ``docs/api/`` (a
  generated folder, not kept in git): every name of its ``__all__``, once. A class or
  function that ``logikmodell`` itself exports is documented there and linked from the
  subpackage's page, so no object is described twice.
* ``{logikmodell-schema}`` renders the JSON Schema of the file format as it is now.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import apinames
from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext import intersphinx
from sphinx.util.docutils import SphinxDirective

__all__ = [
    "SchemaDirective",
    "import_type_checking_names",
    "mend_fields",
    "plain_docstrings",
    "setup",
    "write_api_pages",
]

_GROUPS = {
    "graph": "The model",
    "model": "Nodes and elements",
    "io": "Reading and writing",
    "validation": "Validation",
    "costs": "Costs",
    "returns": "Returns",
    "rendering": "Diagrams",
    "errors": "Errors",
}


def _directive(full_name: str, obj: object) -> list[str]:
    """The autodoc directive for one object, as reStructuredText lines."""
    if inspect.isclass(obj):
        kind = "autoexception" if issubclass(obj, BaseException) else "autoclass"
        lines = [f".. {kind}:: {full_name}", "   :members:"]
        if obj.__bases__ != (object,):
            lines.append("   :show-inheritance:")
        if issubclass(obj, enum.Enum):
            lines.append("   :undoc-members:")
        return [*lines, ""]
    if inspect.isfunction(obj):
        return [f".. autofunction:: {full_name}", ""]
    return [f".. autodata:: {full_name}", "   :no-value:", ""]


def _title(text: str, underline: str) -> list[str]:
    return [text, underline * len(text), ""]


def _group_of(obj: object) -> str:
    module = getattr(obj, "__module__", None) or ""
    parts = module.split(".")
    return _GROUPS.get(parts[1], "Other") if len(parts) > 1 else "Other"


def _summary(full_names: list[str]) -> list[str]:
    """A table of names with the first line of each docstring, linking to the entries."""
    if not full_names:
        return []
    short = (name.rpartition(".")[2] for name in full_names)  # relative to the page's module
    return [".. autosummary::", "   :nosignatures:", "", *(f"   {n}" for n in short), ""]


def _root_page() -> list[str]:
    """``logikmodell`` itself: every exported name, grouped by where it lives."""
    root = importlib.import_module(apinames.ROOT)
    lines = [*_title("logikmodell", "="), ".. automodule:: logikmodell", "   :no-members:", ""]
    groups: dict[str, list[str]] = {title: [] for title in [*_GROUPS.values(), "Other"]}
    names: dict[str, list[str]] = {title: [] for title in groups}
    for name in apinames.public_names(apinames.ROOT):
        obj = getattr(root, name)
        groups[_group_of(obj)].extend(_directive(f"{apinames.ROOT}.{name}", obj))
        names[_group_of(obj)].append(f"{apinames.ROOT}.{name}")
    for title, body in groups.items():
        if body:
            lines += [*_title(title, "-"), *_summary(names[title]), *body]
    return lines


def _module_page(module_name: str, owner_of: dict[str, str]) -> list[str]:
    """One public subpackage: its own names, and links to those described elsewhere."""
    module = importlib.import_module(module_name)
    own: list[str] = []
    own_names: list[str] = []
    elsewhere: list[str] = []
    for name in apinames.public_names(module_name):
        obj = getattr(module, name)
        full_name = f"{module_name}.{name}"
        owner = owner_of.get(full_name, full_name)
        if owner != full_name:
            role = "func" if inspect.isfunction(obj) else "class"
            elsewhere.append(f"* ``{name}``: :py:{role}:`{owner}`")
        else:
            own.extend(_directive(full_name, obj))
            own_names.append(full_name)
    lines = [*_title(module_name, "="), f".. automodule:: {module_name}", "   :no-members:", ""]
    if elsewhere:
        lines += ["Described under the names they have elsewhere:", "", *elsewhere, ""]
    return lines + _summary(own_names) + own


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def import_type_checking_names() -> None:
    """Run the ``if TYPE_CHECKING:`` imports of every loaded logikmodell module.

    Annotations may name classes imported only for the type checker; for the
    reference to link them, the names must exist when the annotations are read.
    Only the docs build does this, and only to modules it has already imported.
    """
    for name, module in list(sys.modules.items()):
        if not name.startswith(apinames.ROOT) or module is None:
            continue
        try:
            tree = ast.parse(inspect.getsource(module))
        except (OSError, TypeError):
            continue
        for node in filter(_is_type_checking, tree.body):
            assert isinstance(node, ast.If)
            code = compile(ast.Module(body=node.body, type_ignores=[]), name, "exec")
            exec(code, module.__dict__)  # noqa: S102 - the package's own import lines


#: Other names of described functions and classes (where they are defined, other
#: modules exporting them) -> the name they are described under; filled per build.
_DESCRIBED_AS: dict[str, str] = {}


def _other_names(owner_of: dict[str, str], modules: list[str]) -> dict[str, str]:
    """Every other name a docstring may use for a described object."""
    aliases = {full: owner for full, owner in owner_of.items() if full != owner}
    for owner in set(owner_of.values()):
        module_name, _, name = owner.rpartition(".")
        obj = getattr(importlib.import_module(module_name), name)
        defined = f"{obj.__module__}.{obj.__qualname__}"
        if defined != owner:
            aliases.setdefault(defined, owner)
    return aliases


def write_api_pages(app: Sphinx) -> None:
    """Write ``api/<module>.rst`` for every public module; drop pages of old modules."""
    folder = Path(app.srcdir) / "api"
    folder.mkdir(exist_ok=True)
    modules = apinames.public_modules()
    owner_of = apinames.owners(modules)
    _DESCRIBED_AS.clear()
    _DESCRIBED_AS.update(_other_names(owner_of, modules))
    wanted: dict[str, str] = {}
    for module_name in modules:
        if module_name == apinames.ROOT:
            lines = _root_page()
        else:
            lines = _module_page(module_name, owner_of)
        wanted[f"{module_name}.rst"] = "\n".join(lines) + "\n"
    for old in folder.glob("*.rst"):
        if old.name not in wanted:
            old.unlink()
    for file_name, text in wanted.items():
        path = folder / file_name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    import_type_checking_names()


class SchemaDirective(SphinxDirective):
    """``{logikmodell-schema}``: the JSON Schema of the file format, as built now."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # The `schema` command is the contract; ask it rather than a module that may move.
        done = subprocess.run(
            [sys.executable, "-m", "logikmodell", "schema"],
            capture_output=True,
            check=True,
            encoding="utf-8",
        )
        text = json.dumps(json.loads(done.stdout), indent=2, ensure_ascii=False)
        block = nodes.literal_block(text, text)
        block["language"] = "json"
        return [block]


_NAMES_LINE = re.compile(r"^(\s+)(\w+(?:, \w+)+): (.*)$")
_SECTION = re.compile(r"^(\s*)(Attributes|Args|Arguments|Parameters):\s*$")


def _split_names(lines: list[str]) -> list[str]:
    """``a, b: text`` in an Attributes section becomes one entry per name."""
    result: list[str] = []
    section_indent: int | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _SECTION.match(line)
        if header:
            section_indent = len(header[1]) if header[2] == "Attributes" else None
        elif line.strip() and section_indent is not None and _indent(line) <= section_indent:
            section_indent = None
        entry = _NAMES_LINE.match(line) if section_indent is not None else None
        if entry is None:
            result.append(line)
            index += 1
            continue
        indent = len(entry[1])
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > indent):
            end += 1
        for name in entry[2].split(", "):
            result += [f"{entry[1]}{name}: {entry[3]}", *lines[index + 1 : end]]
        index = end
    return result


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def plain_docstrings(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Read the project's docstrings as they are written, before napoleon sees them.

    * Several attributes described on one line (``low, high: the range``) become one
      entry each.
    * A constant re-exported from a private module keeps the comment it has there.
    """
    lines[:] = _split_names(lines)
    module_name, _, short = name.rpartition(".")
    if what == "data" and module_name.startswith(apinames.ROOT) and module_name in sys.modules:
        # Never the docstring of the value's type (``int([x]) -> integer``).
        lines[:] = apinames.constant_doc(module_name, short)


def _rtype_before_rubric(lines: list[str]) -> None:
    """Keep the return type with the fields when a docstring ends in an example.

    Without a ``Returns:`` section the return type would land right under the
    example's heading, which breaks the markup.
    """
    for index in range(1, len(lines)):
        if lines[index].startswith(":rtype:") and lines[index - 1].startswith(".. rubric::"):
            rtype, rubric = lines[index], lines[index - 1]
            lines[index - 1 : index + 1] = [rtype, "", rubric]
            return


_SENTENCE_TYPE = re.compile(r"^:type: ([^\[\]|.`]* [^\[\]|.`]*)$")


def mend_fields(
    app: Sphinx, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Give a property back the summary napoleon took for its type; place return types.

    Napoleon reads a property's ``Summary: details`` as ``type: description``; in
    this project a property's type comes from its annotation, so a "type" that is a
    phrase was the start of the summary.
    """
    _rtype_before_rubric(lines)
    if what != "property":
        return
    for index, line in enumerate(lines):
        found = _SENTENCE_TYPE.match(line)
        if found is None:
            continue
        del lines[index]
        if index > 0 and not lines[index - 1].strip():
            del lines[index - 1]
        first = next((i for i, text in enumerate(lines) if text.strip()), None)
        if first is None:
            lines.append(f"{found[1]}.")
        else:
            lines[first] = f"{found[1]}: {lines[first]}"
        return


#: Names that annotations spell differently from the inventories that list them.
_ALIASES = {
    "graphviz.graphs.Digraph": "graphviz.Digraph",
    "nx.DiGraph": "networkx.DiGraph",
}


def _resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.Element | None:
    """Link a name that is described under another name, here or in another project."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    context = node.get("py:module")
    for name in [target, f"{context}.{target}"] if context else [target]:
        if name in _ALIASES:
            node["reftarget"] = _ALIASES[name]
            return intersphinx.missing_reference(app, env, node, contnode)
        if name in _DESCRIBED_AS:
            domain = env.get_domain("py")
            return domain.resolve_xref(
                env,
                node["refdoc"],
                app.builder,
                node["reftype"],
                _DESCRIBED_AS[name],
                node,
                contnode,
            )
        if _exists_undocumented(name):
            return contnode
    return None


def _exists_undocumented(dotted: str) -> bool:
    """Whether ``dotted`` names a real module or object of ours that has no page.

    A docstring may point at an internal module or helper; it is shown as code, not
    linked. A name that does not exist still fails the build.
    """
    if not dotted.startswith(f"{apinames.ROOT}."):
        return False
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:cut]))
        if module is None:
            continue
        obj: object = module
        for part in parts[cut:]:
            if not hasattr(obj, part):
                return False
            obj = getattr(obj, part)
        return True
    return False


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the page writer, the schema directive and the aliases."""
    app.connect("builder-inited", write_api_pages)
    app.connect("missing-reference", _resolve_alias)
    app.connect("autodoc-process-docstring", plain_docstrings, priority=400)
    app.connect("autodoc-process-docstring", mend_fields, priority=600)
    app.add_directive("logikmodell-schema", SchemaDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
