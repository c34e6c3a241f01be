"""The words of the diagram in Swedish and English: stage names, units and figures.

Every text the diagram adds to the user's own (column headings, legend, units,
numbers) is translated through the message catalogues (:mod:`logikmodell.i18n`), so
that a diagram is wholly in one language.

Example:
    >>> stage_name(NodeKind.SHORT_TERM_OUTCOME, "sv")
    'Kortsiktiga effekter'
    >>> format_number(Fraction(35, 2), "sv")
    '17,5'
"""

from __future__ import annotations

from fractions import Fraction

from logikmodell.i18n import LANGUAGES, N_, check_lang, translate
from logikmodell.model.enums import Evidence, NodeKind
from logikmodell.numbers import Lang, format_decimal, format_ore

__all__ = [
    "LANGUAGES",
    "STATUS_SYMBOLS",
    "Lang",
    "check_lang",
    "evidence_name",
    "flag_name",
    "format_money",
    "format_number",
    "format_quantity",
    "stage_name",
    "status_name",
    "unit_name",
]

_STAGES: dict[NodeKind, str] = {
    NodeKind.NEED: N_("Needs"),
    NodeKind.RESOURCE: N_("Resources"),
    NodeKind.ACTIVITY: N_("Activities"),
    NodeKind.OUTPUT: N_("Outputs"),
    NodeKind.SHORT_TERM_OUTCOME: N_("Short-term outcomes"),
    NodeKind.LONG_TERM_OUTCOME: N_("Long-term outcomes"),
    NodeKind.IMPACT: N_("Impact"),
}

#: The follow-up statuses in words (``Status`` values as keys).
_STATUSES: dict[str, str] = {
    "achieved": N_("achieved"),
    "on_track": N_("on track"),
    "behind": N_("behind"),
    "no_data": N_("no data"),
    "incomplete": N_("no baseline or target"),
}

#: The investment's follow-up flag in words (``Flag`` values as keys).
_FLAGS: dict[str, str] = {
    "ok": N_("OK"),
    "warning": N_("WARNING"),
    "danger": N_("DANGER"),
    "no_data": N_("NO DATA"),
}

#: A shape per follow-up status, so that the diagram never tells them by colour alone
#: (every one is in Liberation Sans and in the fonts SVG viewers fall back to).
STATUS_SYMBOLS: dict[str, str] = {
    "achieved": "●",
    "on_track": "►",
    "behind": "▼",
    "no_data": "○",
    "incomplete": "□",
}

_EVIDENCE: dict[Evidence | None, str] = {
    Evidence.RESEARCH: N_("Research"),
    Evidence.PROVEN_EXPERIENCE: N_("Proven experience"),
    Evidence.ASSUMPTION: N_("Assumption"),
    None: N_("Evidence not stated"),
}

#: Units a reader says in words, by how a file may write them; others are kept as written.
_UNITS: dict[str, str] = {
    "person": N_("people"),
    "persons": N_("people"),
    "pers": N_("people"),
    "individual": N_("people"),
    "participant": N_("participants"),
    "session": N_("sessions"),
    "visit": N_("visits"),
    "placement": N_("placements"),
    "fte": N_("FTE"),
    "FTE": N_("FTE"),
    "åa": N_("FTE"),
    "piece": N_("pcs"),
    "st": N_("pcs"),
    "pcs": N_("pcs"),
    "case": N_("cases"),
    "place": N_("places"),
    "hour": N_("hours"),
    "day": N_("days"),
    "week": N_("weeks"),
    "month": N_("months"),
    "quarter": N_("quarters"),
    "year": N_("years"),
}

_SIGNS = {"percent": "%", "%": "%"}


def stage_name(kind: NodeKind, lang: Lang) -> str:
    """The column heading of a stage (or ``Behov``/``Needs`` for needs)."""
    return translate(lang, _STAGES[kind])


def evidence_name(evidence: Evidence | None, lang: Lang) -> str:
    """The name of an evidence grade; ``None`` is "not stated"."""
    return translate(lang, _EVIDENCE[evidence])


def unit_name(unit: str, lang: Lang) -> str:
    """A unit as a reader says it: ``person`` is ``personer`` in Swedish.

    Units the table does not know (free text in indicators) are kept as written.
    """
    key = unit.strip()
    if key in _SIGNS:
        return _SIGNS[key]
    name = _UNITS.get(key)
    return translate(lang, name) if name else unit


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


def status_name(status: str, lang: Lang) -> str:
    """A follow-up status (``achieved``, ``on_track`` …) in words.

    Example:
        >>> status_name("on_track", "sv")
        'i fas'
    """
    return translate(lang, _STATUSES[str(status)])


def flag_name(flag: str, lang: Lang) -> str:
    """The investment's follow-up flag (``ok``, ``warning`` …) in words.

    Example:
        >>> flag_name("warning", "sv")
        'VARNING'
    """
    return translate(lang, _FLAGS[str(flag)])
