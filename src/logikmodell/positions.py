"""Where the parts of a model stood in the text it was loaded from.

A model loaded from YAML or JSON text carries :class:`Positions`: the line and column
of every element and field, by its path in that document (``$.nodes[3].quantity``),
and which element stood at which path. Positions are not part of the model's
content: they take no part in equality, and a model built in code has none.

Example:
    >>> positions = Positions(
    ...     source="model.yaml",
    ...     paths={"$": (1, 1), "$.nodes[0]": (4, 5), "$.nodes[0].quantity": (6, 5)},
    ...     elements={("nodes", "mentor"): "$.nodes[0]"},
    ... )
    >>> positions.of_path("$.nodes[0].quantity.value")
    (6, 5)
    >>> positions.locate("$.nodes[7].quantity", "mentor")
    (6, 5)
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

__all__ = ["COLLECTIONS", "Position", "Positions"]

#: A place in a text: 1-based line and column (in characters).
Position = tuple[int, int]

#: The lists of a document whose items are elements with an id (links: ``from->to``).
COLLECTIONS = ("actors", "nodes", "links", "indicators", "risks", "transfers")

_LAST_STEP = re.compile(r"(?:\.[^.\[\]]*|\[\d+\])$")
_ELEMENT = re.compile(r"^\$\.([a-z_]+)\[(\d+)\]")


@attrs.frozen(eq=False, repr=False)
class Positions:
    """The positions of a loaded document's parts.

    Attributes:
        source: the file name (or ``"<string>"``) the text came from.
        paths: the line and column of each path in the document: of a field, its
            key; of a list item, its first character.
        elements: the path in the document of each element, by ``(collection, id)``;
            a link's id is ``"from->to"``.
    """

    source: str
    paths: Mapping[str, Position]
    elements: Mapping[tuple[str, str], str] = attrs.field(factory=dict)

    def of_path(self, path: str) -> Position | None:
        """The position of a path in the document, or of the nearest enclosing part.

        None when not even the document's start is known.
        """
        paths = self.paths
        while True:
            found = paths.get(path)
            if found is not None:
                return found
            shorter = _LAST_STEP.sub("", path)
            if shorter == path:
                return None
            path = shorter

    def locate(self, path: str, subject: str | None) -> Position | None:
        """The position of a path of the model as it is now.

        The model may have changed since it was loaded, so the element is found by
        its id (``subject``), not by its index: ``$.nodes[7].quantity`` of the node
        ``mentor`` is the quantity of wherever ``mentor`` stood in the text. An
        element added after loading has no position (None).
        """
        match = _ELEMENT.match(path)
        if match is None or subject is None:
            return self.of_path(path)
        where = self.elements.get((match.group(1), subject))
        if where is None:
            return None
        return self.of_path(where + path[match.end() :])

    def __repr__(self) -> str:
        return f"<Positions of {self.source!r}: {len(self.paths)} paths>"
