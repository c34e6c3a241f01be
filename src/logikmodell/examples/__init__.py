"""The embedded example: a realistic Swedish social investment, shipped as package data."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from logikmodell.graph import LogicModel

__all__ = ["EXAMPLE_NAME", "example_path", "example_text", "load_example"]

#: The file name of the embedded example.
EXAMPLE_NAME = "fullfoljda-studier.yaml"


def example_path() -> Path:
    """The path of the example's YAML file inside the installed package."""
    return Path(str(resources.files(__package__).joinpath(EXAMPLE_NAME)))


def example_text() -> str:
    """The example's YAML text."""
    return example_path().read_text(encoding="utf-8")


def load_example() -> LogicModel:
    """The example as a model: "Tidiga insatser för fullföljda studier"."""
    from logikmodell.io import loads

    return loads(example_text(), "yaml", source=EXAMPLE_NAME)
