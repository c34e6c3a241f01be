"""Hypothesis strategies for logikmodell's types, for this project and its users.

Needs the ``testing`` extra (``pip install logikmodell[testing]``)::

    from logikmodell.testing import strategies as lst

    @given(lst.logic_models())
    def test_my_tool(model): ...
"""

__all__: list[str] = []
