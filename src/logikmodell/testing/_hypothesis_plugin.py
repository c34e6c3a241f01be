"""Registers the strategies with Hypothesis, through its ``hypothesis`` entry point.

With logikmodell installed, ``st.from_type(LogicModel)`` draws from
:func:`logikmodell.testing.strategies.logic_models`.
"""

from __future__ import annotations

__all__: list[str] = []


def _register() -> None:
    from hypothesis import strategies as st

    from logikmodell.graph import LogicModel
    from logikmodell.testing.strategies import logic_models

    st.register_type_strategy(LogicModel, logic_models())
