"""Unit-cost catalogues as values: price indices, entries, and references to them.

A catalogue (*enhetskostnader*, *schablonkostnader*) lists money per unit with a
price year and a source; a price index moves an entry between price years. A model
refers to an entry instead of typing its figure: ``{ref: kommun/hvb-dygn, times:
180 day/placement/year}``. :func:`resolve_reference` turns such a reference into the
exact amount in the model's price year,

    ``amount × times × I[model price year] / I[entry price year]``,

a :class:`ReferencedQuantity`: a :class:`~logikmodell.model.quantity.Quantity` that
also carries its :class:`Reference`, so that every calculation reads it as any other
amount and a model writes the reference back as it was.

Loading catalogue documents is :mod:`logikmodell.io.catalogues`; listing and
searching them is :mod:`logikmodell.catalogue`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from logikmodell.errors import InvalidValueError, UnknownIdError
from logikmodell.model._checks import (
    EMPTY_METADATA,
    check_id,
    check_int_range,
    check_label,
    check_optional_id,
    constrains,
    describe_fields,
    frozen_metadata,
)
from logikmodell.model.frozen import FrozenDict
from logikmodell.model.nodes import Node, Outcome, Resource
from logikmodell.model.quantity import Quantity, check_quantity_range
from logikmodell.model.transfers import Transfer
from logikmodell.model.units import CURRENCIES, resolve_unit
from logikmodell.numbers import MAX_MAGNITUDE, format_decimal, to_fraction

__all__ = [
    "ACTOR_LEVELS",
    "CATALOGUE_FORMAT_VERSION",
    "CONFIDENCE_LEVELS",
    "TRANSFER_REFERENCE_FIELDS",
    "VALUE_TYPES",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueLink",
    "PriceIndex",
    "Reference",
    "ReferencedQuantity",
    "UsedReference",
    "catalogue_problems",
    "index_factor",
    "reference_data",
    "references_in",
    "resolve_reference",
]

#: The version of the catalogue document this library reads and writes.
CATALOGUE_FORMAT_VERSION = 1
#: Who bears an entry's cost.
ACTOR_LEVELS = ("kommun", "region", "stat", "individ", "other")
#: What kind of value an entry is (fiscal: budget; economic: wider; social: wellbeing).
VALUE_TYPES = ("fiscal", "economic", "social")
#: How far an entry's figure can be trusted.
CONFIDENCE_LEVELS = ("high", "medium", "low")


def _one_of(name: str, choices: tuple[str, ...]) -> Any:
    @constrains({"enum": list(choices)})
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and value not in choices:
            raise InvalidValueError(
                attribute.name, f"expected one of {', '.join(choices)}, got {value!r}"
            )

    check.__name__ = f"check_{name}"
    return check


_check_actor_level = _one_of("actor_level", ACTOR_LEVELS)
_check_value_type = _one_of("value_type", VALUE_TYPES)
_check_confidence = _one_of("confidence", CONFIDENCE_LEVELS)
_check_price_year = check_int_range(1000, 9999)


@constrains({"enum": list(CURRENCIES)})
def _check_currency(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in CURRENCIES:
        raise InvalidValueError(
            attribute.name, f"expected one of {', '.join(CURRENCIES)}, got {value!r}"
        )


def _index_values(value: object) -> FrozenDict[int, Fraction]:
    if not isinstance(value, Mapping):
        raise InvalidValueError("values", "expected a mapping from year to index value")
    out: dict[int, Fraction] = {}
    for key, number in value.items():
        year = int(key) if isinstance(key, str) and key.isdigit() else key
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidValueError("values", f"expected a year, got {key!r}")
        out[year] = to_fraction(number)
    return FrozenDict(sorted(out.items()))


@constrains(
    {
        "minProperties": 1,
        "patternProperties": {r"^\d+$": {"exclusiveMinimum": 0, "maximum": MAX_MAGNITUDE}},
    }
)
def _check_index_values(
    instance: object, attribute: attrs.Attribute[Any], value: FrozenDict[int, Fraction]
) -> None:
    if not value:
        raise InvalidValueError("values", "expected at least one year")
    for year, number in value.items():
        if not 1000 <= year <= 9999:
            raise InvalidValueError("values", f"expected a year from 1000 to 9999, got {year}")
        if not 0 < number <= MAX_MAGNITUDE:
            raise InvalidValueError(
                "values", f"the value for {year} must be above 0 and at most 10^15"
            )


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class PriceIndex:
    """A price index: one value per year, e.g. SKR's PKV for municipal activity.

    Attributes:
        id: how entries name it (``index: pkv``).
        label: what it is, e.g. "Prisindex för kommunal verksamhet".
        source: who publishes it, and where.
        values: the index value of each year (any base; only ratios count).
    """

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    source: str | None = None
    values: FrozenDict[int, Fraction] = attrs.field(
        converter=_index_values,
        validator=_check_index_values,
        metadata={"description": "The index value of each year; only ratios count."},
    )
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False
    )


def _amount(value: object) -> Quantity:
    if isinstance(value, Quantity):
        return value
    if isinstance(value, str):
        return Quantity.parse(value)
    return Quantity(value=value)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class CatalogueEntry:
    """One unit cost or financial proxy: money per unit, in a price year, from a source.

    Attributes:
        id: how a model names it (``{ref: kommun/<id>}``).
        label: what it is, e.g. "Placering på HVB, per dygn".
        amount: money per unit, e.g. ``4 200 SEK/day``.
        price_year: the year whose prices ``amount`` is in.
        index: the id of the price index that moves it to another price year.
        actor_level: who bears it: kommun, region, stat, individ or other.
        value_type: fiscal, economic or social.
        confidence: high, medium or low.
        source: where the figure comes from (title, publisher, year, address).
        includes_overhead: whether overhead (OH) is included.
        description: anything else a user should know.
    """

    id: str = attrs.field(validator=check_id)
    label: str = attrs.field(validator=check_label)
    amount: Quantity = attrs.field(
        converter=_amount, metadata={"description": "Money per unit, e.g. '4 200 SEK/day'."}
    )
    price_year: int = attrs.field(
        validator=_check_price_year,
        metadata={"description": "The year whose prices the amount is in."},
    )
    index: str | None = attrs.field(
        default=None,
        validator=check_optional_id,
        metadata={"description": "The price index that moves the amount between years."},
    )
    actor_level: str | None = attrs.field(
        default=None,
        validator=_check_actor_level,
        metadata={"description": "Who bears it."},
    )
    value_type: str | None = attrs.field(default=None, validator=_check_value_type)
    confidence: str | None = attrs.field(default=None, validator=_check_confidence)
    source: str | None = None
    includes_overhead: bool | None = None
    description: str | None = None
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False
    )


def _indices(value: Iterable[PriceIndex]) -> tuple[PriceIndex, ...]:
    return tuple(value)


def _entries(value: Iterable[CatalogueEntry]) -> tuple[CatalogueEntry, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class Catalogue:
    """A unit-cost catalogue: its price indices and entries.

    Ids are unique among the entries and among the indices, and every entry's
    ``index`` names one of the catalogue's indices.

    Example:
        >>> pkv = PriceIndex(id="pkv", label="PKV", values={2022: 100, 2026: 116.2})
        >>> hvb = CatalogueEntry(id="hvb-dygn", label="HVB, per dygn",
        ...                      amount="4200 SEK/day", price_year=2022, index="pkv")
        >>> cat = Catalogue(title="Exempel", indices=(pkv,), entries=(hvb,))
        >>> cat.entry("hvb-dygn").amount
        Quantity(value=Fraction(4200, 1), unit='SEK/day')
    """

    title: str = attrs.field(validator=check_label)
    description: str | None = None
    currency: str = attrs.field(default="SEK", validator=_check_currency)
    indices: tuple[PriceIndex, ...] = attrs.field(default=(), converter=_indices)
    entries: tuple[CatalogueEntry, ...] = attrs.field(default=(), converter=_entries)
    metadata: FrozenDict[str, object] = attrs.field(
        default=EMPTY_METADATA, converter=frozen_metadata, hash=False
    )

    def __attrs_post_init__(self) -> None:
        for path, message in catalogue_problems(self.indices, self.entries, self.currency):
            raise InvalidValueError(path.removeprefix("$."), message)

    def entry(self, id: str) -> CatalogueEntry:
        """The entry ``id``.

        Raises:
            UnknownIdError: no entry has that id.
        """
        for entry in self.entries:
            if entry.id == id:
                return entry
        raise UnknownIdError(id, "catalogue entry")

    def index(self, id: str) -> PriceIndex:
        """The price index ``id``.

        Raises:
            UnknownIdError: no index has that id.
        """
        for index in self.indices:
            if index.id == id:
                return index
        raise UnknownIdError(id, "price index")


def catalogue_problems(
    indices: Iterable[PriceIndex], entries: Iterable[CatalogueEntry], currency: str = "SEK"
) -> list[tuple[str, str]]:
    """What breaks the catalogue's rules, as ``(path, message)``: duplicate ids, an
    unknown index, and an entry whose amount is not money in ``currency`` (per
    something)."""
    problems: list[tuple[str, str]] = []
    index_ids: set[str] = set()
    for number, index in enumerate(indices):
        if index.id in index_ids:
            problems.append((f"$.indices[{number}].id", f"duplicate index id {index.id!r}"))
        index_ids.add(index.id)
    entry_ids: set[str] = set()
    for number, entry in enumerate(entries):
        path = f"$.entries[{number}]"
        if entry.id in entry_ids:
            problems.append((f"{path}.id", f"duplicate entry id {entry.id!r}"))
        entry_ids.add(entry.id)
        if entry.index is not None and entry.index not in index_ids:
            known = ", ".join(sorted(index_ids)) or "none"
            problems.append(
                (f"{path}.index", f"unknown price index {entry.index!r} (known: {known})")
            )
        try:
            _, dimension = resolve_unit(entry.amount.unit)
        except ValueError as exc:
            problems.append((f"{path}.amount", str(exc)))
            continue
        if dimension.currencies != (currency,):
            problems.append(
                (
                    f"{path}.amount",
                    f"expected an amount in {currency} (per unit), got {entry.amount} "
                    f"(dimension {dimension})",
                )
            )
    return problems


@attrs.frozen(kw_only=True, field_transformer=describe_fields)
class CatalogueLink:
    """A catalogue that a model uses: ``catalogues: [{id: kommun, path: enhetskostnader.yaml}]``.

    Attributes:
        id: the first part of a reference, ``kommun`` in ``{ref: kommun/hvb-dygn}``.
        path: the catalogue file, relative to the model file's folder.
    """

    id: str = attrs.field(validator=check_id)
    path: str = attrs.field(
        validator=check_label,
        metadata={"description": "The catalogue file, relative to the model's folder."},
    )


@attrs.frozen(kw_only=True)
class Reference:
    """A reference to a catalogue entry, and what it resolved to.

    Attributes:
        ref: ``"<catalogue id>/<entry id>"``.
        times: what the entry's amount is multiplied by, e.g. ``180 day/placement/year``.
        entry: the entry it names.
        index_factor: ``I[model price year] / I[entry price year]`` (1 in the same year).
        price_year: the price year it was moved to (the model's).
    """

    ref: str
    times: Quantity | None = None
    entry: CatalogueEntry
    index_factor: Fraction
    price_year: int

    @property
    def catalogue(self) -> str:
        """The catalogue id, the part of ``ref`` before the slash."""
        return self.ref.partition("/")[0]


def _check_value(instance: object, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    check_quantity_range(value)


@attrs.frozen(kw_only=True)
class ReferencedQuantity(Quantity):
    """An amount taken from a catalogue: a quantity that knows its reference.

    Its value is exact, and may have no finite decimal form (an index ratio such as
    116.2/106.8); a model writes the reference, never the value.
    """

    value: Fraction = attrs.field(converter=to_fraction, validator=_check_value)
    reference: Reference

    def __str__(self) -> str:
        number = format_decimal(self.value, group=True, places=2)
        return f"{number} {self.unit}" if self.unit else number


def index_factor(entry: CatalogueEntry, catalogue: Catalogue, price_year: int) -> Fraction:
    """``I[price_year] / I[entry.price_year]`` with the entry's index; 1 in the same year.

    Raises:
        InvalidValueError: the entry has no index but another price year, or the
            index lacks one of the two years (the message names both years).
    """
    if price_year == entry.price_year:
        return Fraction(1)
    if entry.index is None:
        raise InvalidValueError(
            "ref",
            f"entry {entry.id!r} is in prices of {entry.price_year} and has no index "
            f"to move it to the model's price year {price_year}",
        )
    index = catalogue.index(entry.index)
    missing = [year for year in (price_year, entry.price_year) if year not in index.values]
    if missing:
        raise InvalidValueError(
            "ref",
            f"index {index.id!r} has no value for {' or '.join(map(str, missing))}: it is "
            f"needed to move entry {entry.id!r} from {entry.price_year} to {price_year}",
        )
    return index.values[price_year] / index.values[entry.price_year]


def _closest(word: str, choices: Iterable[str]) -> str:
    found = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return f" (did you mean {', '.join(repr(c) for c in found)}?)" if found else ""


def _product_unit(amount: str, times: str) -> str:
    """The unit of ``amount × times``, with what cancels by name cancelled
    (``SEK/day`` × ``day/placement/year`` is ``SEK/placement/year``)."""
    if not times:
        return amount
    from logikmodell.model.units import registry

    product = str(registry().parse_units(amount or "dimensionless") * registry().parse_units(times))
    return "" if product == "dimensionless" else product.replace(" / ", "/").replace(" * ", "*")


def resolve_reference(
    ref: str,
    times: Quantity | None,
    catalogues: Mapping[str, Catalogue],
    price_year: int | None,
) -> ReferencedQuantity:
    """The exact amount a reference stands for, in the model's price year.

    Args:
        ref: ``"<catalogue id>/<entry id>"``.
        times: what the entry's amount is multiplied by, or None.
        catalogues: the model's catalogues by id.
        price_year: the model's price year.

    Raises:
        InvalidValueError: the reference is malformed, the model has no price year,
            or the entry cannot be moved to it.
        UnknownIdError: no such catalogue or entry (the closest ids are named).
    """
    catalogue_id, slash, entry_id = ref.partition("/")
    if not slash or not catalogue_id or not entry_id:
        raise InvalidValueError("ref", f"expected '<catalogue>/<entry>', got {ref!r}")
    if catalogue_id not in catalogues:
        known = ", ".join(sorted(catalogues)) or "none"
        raise InvalidValueError(
            "ref",
            f"unknown catalogue {catalogue_id!r}{_closest(catalogue_id, catalogues)} "
            f"(the model's catalogues: {known})",
        )
    catalogue = catalogues[catalogue_id]
    ids = [entry.id for entry in catalogue.entries]
    if entry_id not in ids:
        raise InvalidValueError(
            "ref",
            f"unknown entry {entry_id!r} in catalogue {catalogue_id!r}{_closest(entry_id, ids)}",
        )
    entry = catalogue.entry(entry_id)
    if price_year is None:
        raise InvalidValueError(
            "ref", f"the model has no price_year to move entry {entry_id!r} ({entry.price_year}) to"
        )
    factor = index_factor(entry, catalogue, price_year)
    value = entry.amount.value * factor * (times.value if times is not None else 1)
    try:
        unit = _product_unit(entry.amount.unit, times.unit if times is not None else "")
        return ReferencedQuantity(
            value=value,
            unit=unit,
            reference=Reference(
                ref=ref, times=times, entry=entry, index_factor=factor, price_year=price_year
            ),
        )
    except ValueError as exc:
        raise InvalidValueError("ref", f"{ref}: {exc}") from None


@attrs.frozen(kw_only=True)
class UsedReference:
    """Where a model uses a catalogue entry.

    Attributes:
        node: the id of the resource, outcome or transfer.
        field: the field within it: ``unit_cost``, ``cost``, ``values[0].amount``,
            or a transfer's ``amount`` or ``rate``.
        key: the element and field as scenarios name them: ``placeringar.unit_cost``,
            ``behorighet.values[stat].amount``, ``aterforing.amount``.
        reference: the reference and what it resolved to.
        transfer: whether ``node`` names a transfer rather than a node.
    """

    node: str
    field: str
    key: str
    reference: Reference
    transfer: bool = False


#: The fields of a transfer that may hold a reference to a catalogue entry.
TRANSFER_REFERENCE_FIELDS = ("amount", "rate")


def references_in(
    nodes: Iterable[Node], transfers: Iterable[Transfer] = ()
) -> Iterator[UsedReference]:
    """Every use of a catalogue entry among ``nodes``, then among ``transfers``, in
    model order."""
    for node in nodes:
        if isinstance(node, Resource):
            for name in ("unit_cost", "cost"):
                value = getattr(node, name)
                if isinstance(value, ReferencedQuantity):
                    yield UsedReference(
                        node=node.id, field=name, key=f"{node.id}.{name}", reference=value.reference
                    )
        elif isinstance(node, Outcome):
            for number, valuation in enumerate(node.values):
                if isinstance(valuation.amount, ReferencedQuantity):
                    yield UsedReference(
                        node=node.id,
                        field=f"values[{number}].amount",
                        key=f"{node.id}.values[{valuation.actor}].amount",
                        reference=valuation.amount.reference,
                    )
    for transfer in transfers:
        for name in TRANSFER_REFERENCE_FIELDS:
            value = getattr(transfer, name)
            if isinstance(value, ReferencedQuantity):
                yield UsedReference(
                    node=transfer.id,
                    field=name,
                    key=f"{transfer.id}.{name}",
                    reference=value.reference,
                    transfer=True,
                )


def reference_data(used: Iterable[UsedReference]) -> dict[str, dict[str, object]]:
    """JSON data of references by key: ``ref``, the entry's ``price_year``, the
    ``index_factor`` (a number) and the model's price year it was moved to."""
    return {
        item.key: {
            "ref": item.reference.ref,
            "price_year": item.reference.entry.price_year,
            "index_factor": float(item.reference.index_factor),
            "to_price_year": item.reference.price_year,
        }
        for item in used
    }
