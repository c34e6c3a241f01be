"""Read-only containers for the free-form parts of frozen values.

``metadata`` and a resource's ``schedule`` are mappings inside frozen classes. Plain
dicts there would let ``node.metadata["x"] = 1`` change a model behind its back, so
the model keeps them as a :class:`FrozenDict`, and lists inside metadata as a
:class:`FrozenList`. Both compare equal to the plain dicts and lists they were made
from, so a loaded model still equals what the file says.

Example:
    >>> colours = FrozenDict({"colour": "red", "n": FrozenList([1, 2])})
    >>> colours == {"colour": "red", "n": [1, 2]}
    True
    >>> colours["colour"] = "blue"
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenDict' object does not support item assignment
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import NoReturn, TypeVar

__all__ = ["FrozenDict", "FrozenList"]

K = TypeVar("K")
V = TypeVar("V")
T = TypeVar("T")


class FrozenDict(Mapping[K, V]):
    """An immutable, hashable mapping that keeps the order of its keys.

    It equals any mapping with the same items (a plain ``dict`` among them), and
    hashes like a frozenset of its items, so it can be hashed if its values can.
    """

    __slots__ = ("_data", "_hash")

    _data: dict[K, V]
    _hash: int | None

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = (), /) -> None:
        object.__setattr__(self, "_data", dict(items))
        object.__setattr__(self, "_hash", None)

    @classmethod
    def _own(cls, data: dict[K, V]) -> FrozenDict[K, V]:
        """Wrap a dict that nobody else holds, without copying it."""
        new = object.__new__(cls)
        object.__setattr__(new, "_data", data)
        object.__setattr__(new, "_hash", None)
        return new

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def keys(self) -> KeysView[K]:
        """The keys, in the order they were given (a read-only view)."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """The values, in the order of their keys (a read-only view)."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """The ``(key, value)`` pairs, in the order they were given (a read-only view)."""
        return self._data.items()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenDict):
            return self._data == other._data
        if isinstance(other, dict):
            return self._data == other
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._data.items())))
        assert self._hash is not None
        return self._hash

    def __or__(self, other: Mapping[K, V]) -> FrozenDict[K, V]:
        """A new FrozenDict with the items of both, ``other`` winning."""
        if not isinstance(other, Mapping):
            return NotImplemented
        return FrozenDict._own({**self._data, **other})

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"

    def __reduce__(self) -> tuple[type[FrozenDict[K, V]], tuple[dict[K, V]]]:
        return (type(self), (self._data,))

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"'FrozenDict' object is read-only (cannot set {name!r})")

    def __delattr__(self, name: str) -> NoReturn:
        raise AttributeError(f"'FrozenDict' object is read-only (cannot delete {name!r})")


class FrozenList(tuple[T, ...]):
    """A tuple that also equals a list with the same items.

    Metadata read from a file holds lists; the model keeps them as FrozenLists, so
    that ``node.metadata["n"] == [1, 2]`` holds as it does for the file's data.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, list):
            return tuple.__eq__(self, tuple(other))
        return tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        return f"FrozenList({list(self)!r})"
