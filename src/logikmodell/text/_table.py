"""Columns sized to their content, for the text tables."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["columns"]


def columns(rows: Sequence[Sequence[str]], align: str = "l", *, indent: str = "  ") -> list[str]:
    """Lines of ``rows`` in columns as wide as their widest cell, two spaces apart.

    Args:
        rows: the cells, row by row; short rows are padded with empty cells.
        align: ``l`` or ``r`` per column; columns beyond it are aligned right (figures).
        indent: written before every line.
    """
    if not rows:
        return []
    count = max(len(row) for row in rows)
    padded = [list(row) + [""] * (count - len(row)) for row in rows]
    widths = [max(len(row[i]) for row in padded) for i in range(count)]
    lines = []
    for row in padded:
        cells = [
            cell.ljust(width) if align[i : i + 1] == "l" else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines
