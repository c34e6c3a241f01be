"""The words of the diagram in Swedish and English: stage names, units and figures.

Every text the diagram adds to the user's own (column headings, legend, units,
numbers) comes from here, so that a diagram is wholly in one language.

Example:
    >>> stage_name(NodeKind.SHORT_TERM_OUTCOME, "sv")
    'Kortsiktiga effekter'
    >>> format_number(Fraction(35, 2), "sv")
    '17,5'
"""

from __future__ import annotations

from fractions import Fraction
from typing import get_args

from logikmodell.errors import InvalidValueError
from logikmodell.model.enums import Evidence, NodeKind
from logikmodell.numbers import Lang, format_decimal, format_ore

__all__ = [
    "LANGUAGES",
    "Lang",
    "check_lang",
    "evidence_name",
    "format_money",
    "format_number",
    "format_quantity",
    "stage_name",
    "unit_name",
    "word",
]

#: The languages, the default first.
LANGUAGES: tuple[Lang, ...] = get_args(Lang)

_STAGES: dict[NodeKind, tuple[str, str]] = {
    NodeKind.NEED: ("Behov", "Needs"),
    NodeKind.RESOURCE: ("Resurser", "Resources"),
    NodeKind.ACTIVITY: ("Aktiviteter", "Activities"),
    NodeKind.OUTPUT: ("Prestationer", "Outputs"),
    NodeKind.SHORT_TERM_OUTCOME: ("Kortsiktiga effekter", "Short-term outcomes"),
    NodeKind.LONG_TERM_OUTCOME: ("Långsiktiga effekter", "Long-term outcomes"),
    NodeKind.IMPACT: ("Påverkan", "Impact"),
}

_EVIDENCE: dict[Evidence | None, tuple[str, str]] = {
    Evidence.RESEARCH: ("Forskning", "Research"),
    Evidence.PROVEN_EXPERIENCE: ("Beprövad erfarenhet", "Proven experience"),
    Evidence.ASSUMPTION: ("Antagande", "Assumption"),
    None: ("Evidens ej angiven", "Evidence not stated"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "legend": ("Teckenförklaring", "Legend"),
    "owner": ("Projektägare", "Owner"),
    "period": ("Period", "Period"),
    "target_group": ("Målgrupp", "Target group"),
    "increase": ("ska öka", "to increase"),
    "decrease": ("ska minska", "to decrease"),
    "effect_increases": ("+ ökar", "+ increases"),
    "effect_decreases": ("− minskar", "− decreases"),
    "delivery": ("Genomförande (ej orsakssamband)", "Delivery (not a causal claim)"),
    "evidence": ("Evidens", "Evidence"),
    "links": ("Samband", "Links"),
    "addresses": ("svarar mot behov", "addresses need"),
    "risk": ("Risk", "Risk"),
    "indicators": ("indikatorer", "indicators"),
    "indicator": ("indikator", "indicator"),
    "risks": ("risker", "risks"),
    "one_risk": ("risk", "risk"),
    "paid_by": ("Betalas av", "Paid by"),
    "compact": ("Kompakt vy", "Compact view"),
    "folded_outputs": (
        "{n} prestationer visas i sina aktiviteter",
        "{n} outputs shown inside their activities",
    ),
    "folded_one_output": (
        "1 prestation visas i sin aktivitet",
        "1 output shown inside its activity",
    ),
    "counted": (
        "indikatorer och risker visas som antal",
        "indicators and risks shown as counts",
    ),
    "goal_only": ("Endast vägar till: {goal}", "Only paths to: {goal}"),
    "findings": ("Fynd", "Findings"),
    "and_more": ("… och {n} till", "… and {n} more"),
}

_UNITS: dict[str, tuple[str, str]] = {
    "person": ("personer", "people"),
    "persons": ("personer", "people"),
    "pers": ("personer", "people"),
    "individual": ("personer", "people"),
    "participant": ("deltagare", "participants"),
    "session": ("tillfällen", "sessions"),
    "visit": ("besök", "visits"),
    "placement": ("placeringar", "placements"),
    "fte": ("årsarbetare", "FTE"),
    "FTE": ("årsarbetare", "FTE"),
    "åa": ("årsarbetare", "FTE"),
    "piece": ("st", "pcs"),
    "st": ("st", "pcs"),
    "pcs": ("st", "pcs"),
    "case": ("ärenden", "cases"),
    "place": ("platser", "places"),
    "percent": ("%", "%"),
    "%": ("%", "%"),
    "hour": ("timmar", "hours"),
    "day": ("dagar", "days"),
    "week": ("veckor", "weeks"),
    "month": ("månader", "months"),
    "quarter": ("kvartal", "quarters"),
    "year": ("år", "years"),
}


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if the diagram can be drawn in it.

    Raises:
        InvalidValueError: the language is not ``sv`` or ``en``.
    """
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    raise InvalidValueError("lang", f"expected one of {', '.join(LANGUAGES)}, got {lang!r}")


def _pick(pair: tuple[str, str], lang: Lang) -> str:
    return pair[0] if lang == "sv" else pair[1]


def stage_name(kind: NodeKind, lang: Lang) -> str:
    """The column heading of a stage (or ``Behov``/``Needs`` for needs)."""
    return _pick(_STAGES[kind], lang)


def evidence_name(evidence: Evidence | None, lang: Lang) -> str:
    """The name of an evidence grade; ``None`` is "not stated"."""
    return _pick(_EVIDENCE[evidence], lang)


def word(key: str, lang: Lang) -> str:
    """A fixed word or phrase of the diagram, by key (see ``_WORDS``)."""
    return _pick(_WORDS[key], lang)


def unit_name(unit: str, lang: Lang) -> str:
    """A unit as a reader says it: ``person`` is ``personer`` in Swedish.

    Units the table does not know (free text in indicators) are kept as written.
    """
    pair = _UNITS.get(unit.strip())
    return _pick(pair, lang) if pair else unit


def format_number(value: Fraction, lang: Lang) -> str:
    """A number with grouped thousands: ``1 234,5`` (sv) or ``1,234.5`` (en).

    Numbers without an exact decimal form are shown to two decimals.
    """
    try:
        return format_decimal(value, group=True, lang=lang)
    except ValueError:
        return format_decimal(value, group=True, places=2, lang=lang)


def format_quantity(value: Fraction, unit: str, lang: Lang) -> str:
    """A number and its unit in words: ``120 personer``, ``88 %``."""
    number = format_number(value, lang)
    name = unit_name(unit, lang) if unit else ""
    return f"{number}\u00a0{name}" if name else number


def format_money(ore: int, currency: str, lang: Lang) -> str:
    """Whole currency units from öre: ``2 480 000 kr`` (sv) or ``SEK 2,480,000`` (en).

    The diagram shows whole units (rounded half away from zero); exact figures
    belong in the cost attribution.
    """
    return format_ore(ore, group=True, minus="−", places=0, currency=currency, lang=lang)
