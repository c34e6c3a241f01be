"""Registers the strategies with Hypothesis, through its ``hypothesis`` entry point.

With logikmodell installed, ``st.from_type(LogicModel)`` draws from
:func:`logikmodell.testing.strategies.logic_models`. Hypothesis runs this hook while
it is itself being imported, possibly by the strategies module, so everything is
imported inside the functions and the strategies only when first drawn from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from logikmodell.graph import LogicModel

__all__: list[str] = []


def _logic_models() -> SearchStrategy[LogicModel]:
    from logikmodell.testing.strategies import logic_models

    return logic_models()


def _register() -> None:
    from hypothesis import strategies as st

    from logikmodell.graph import LogicModel

    st.register_type_strategy(LogicModel, st.deferred(_logic_models))
