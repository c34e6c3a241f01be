"""Sphinx configuration of the logikmodell documentation (``make docs``)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "logikmodell"
author = "The logikmodell developers"
copyright = "the logikmodell developers, MIT licence"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx_autodoc_typehints",
    "sphinx.ext.intersphinx",
    "logikmodell_docs",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_intersphinx", "README.md"]
language = "en"

html_theme = "furo"
html_title = "logikmodell"
html_static_path: list[str] = []

# Markdown: GitHub-style heading anchors, so `rules.md#lm201` works on the site too.
myst_heading_anchors = 3
myst_enable_extensions = ["deflist", "colon_fence"]

# The API reference: Google-style docstrings, types from the annotations.
autodoc_member_order = "bysource"
autoclass_content = "both"
autosummary_generate = False
autodoc_typehints = "description"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False
typehints_use_signature = False
typehints_document_rtype_none = False
always_document_param_types = False

# Inventories ship with the docs (see _intersphinx/README.md): the build needs no network.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.11/", str(HERE / "_intersphinx" / "python-3.11.inv")),
    "attrs": ("https://www.attrs.org/en/22.2.0/", str(HERE / "_intersphinx" / "attrs-22.2.inv")),
    "networkx": (
        "https://networkx.org/documentation/stable/",
        str(HERE / "_intersphinx" / "networkx.txt"),
    ),
    "graphviz": (
        "https://graphviz.readthedocs.io/en/stable/",
        str(HERE / "_intersphinx" / "graphviz.txt"),
    ),
}
intersphinx_timeout = 1

nitpicky = True
nitpick_ignore = [
    # Hypothesis publishes no inventory that ships here; its name is shown unlinked.
    ("py:class", "hypothesis.strategies.SearchStrategy"),
]
nitpick_ignore_regex = [
    # Private helpers appear in signatures but have no page.
    ("py:class", r"logikmodell(\.\w+)*\._\w+(\.\w+)*"),
    # Type variables of generic classes (FrozenDict[K, V]) have no page of their own.
    ("py:(class|obj)", r"(logikmodell(\.\w+)*\.)?[A-Z]"),
]
suppress_warnings = [
    # JSON excerpts that elide with `...` are shown unhighlighted, not refused.
    "misc.highlighting_failure",
]

# sphinx-autodoc-typehints still calls an API that Sphinx 10 removes; not ours to fix.
warnings.filterwarnings("ignore", message=".*_RstSnippetParser.set_application")
