"""The message catalogues: complete in Swedish, compiled, and chosen as DESIGN §11 says."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from logikmodell.i18n import LOCALE_DIR, resolve_lang

SRC = Path(__file__).parents[2] / "src" / "logikmodell"
# The Makefile's keywords, and `_`, which the report's templates use.
KEYWORDS = {"translate": (2,), "translate_plural": (2, 3), "N_": None, "_": None, "Message": None}

#: Messages whose Swedish is rightly the same as the English (names, codes, loan words).
SAME_IN_SWEDISH = {
    "Diagram: {reason}",
    "OK",
    "Period: {start} – {end}",
    "5–95 %",
    "Parameter",
    "Period",
    "Risk {likelihood}×{consequence}: ",
    "Risk",
    "Status",
    "attribution",
    "id",
    "info",
    "median",
    "per {unit}",
    "status",
}


def _catalogue(lang: str) -> object:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "logikmodell.po").open("rb") as f:
        return read_po(f)


def _source_ids() -> set[str]:
    found = extract_from_dir(
        str(SRC),
        method_map=[("**.py", "python"), ("**/templates/**.j2", "jinja2")],
        keywords=KEYWORDS,
        comment_tags=(),
    )
    return {msg if isinstance(msg, str) else msg[0] for _, _, msg, _, _ in found}


def _forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    """A message's id or translation as its forms: one, or singular and plurals."""
    return (value,) if isinstance(value, str) else tuple(value)


def _swedish() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """The Swedish catalogue by the singular id: the English forms and the Swedish ones."""
    catalogue = _catalogue("sv")
    return {
        _forms(m.id)[0]: (_forms(m.id), _forms(m.string))
        for m in catalogue  # type: ignore[attr-defined]
        if m.id and not m.fuzzy
    }


def test_every_message_has_a_swedish_translation_that_differs_from_english() -> None:
    swedish = _swedish()
    translated = {k for k, (_, sv) in swedish.items() if all(sv)}
    assert sorted(_source_ids() - translated) == []
    same = {k for k, (en, sv) in swedish.items() if sv == en and _has_words(k)}
    assert same - SAME_IN_SWEDISH == set()


def _has_words(message: str) -> bool:
    """Whether a message holds words of its own, not only placeholders and signs."""
    return any(c.isalpha() for c in re.sub(r"\{\w+\}", "", message))


def test_only_messages_without_words_may_be_left_as_they_are() -> None:
    assert not _has_words("{code} {severity} {location}: {message}")
    assert not _has_words("{value} %")
    assert _has_words("per {unit}")


def test_the_check_sees_plural_forms() -> None:
    swedish = _swedish()
    english, forms = swedish["{n} indicator"]
    assert english == ("{n} indicator", "{n} indicators")
    assert forms == ("{n} indikator", "{n} indikatorer")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_compiled_catalogues_are_up_to_date(lang: str) -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))  # type: ignore[arg-type]
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / "logikmodell.mo"
    assert mo.read_bytes() == compiled.getvalue(), "run `make catalogues`"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LOGIKMODELL_LANG": "sv", "LANG": "en_US.UTF-8"}, "sv"),
        ({"LOGIKMODELL_LANG": "en", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "sv_SE.UTF-8"}, "sv"),
        ({"LC_ALL": "sv_FI.UTF-8", "LANG": "en_GB.UTF-8"}, "sv"),
        ({"LC_MESSAGES": "C.UTF-8", "LANG": "sv_SE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_follows_the_environment(
    environ: dict[str, str], expected: str
) -> None:
    assert resolve_lang(environ=environ) == expected


def _demo(tmp_path: Path, *args: str, **env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("LOGIKMODELL_LANG", "LC_ALL")}
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "demo", str(tmp_path / "out"), *args],
        capture_output=True,
        text=True,
        check=True,
        env=environ,
        timeout=120,
    )
    return result.stdout


def test_a_swedish_locale_gives_swedish_words_and_figures(tmp_path: Path) -> None:
    out = _demo(tmp_path, LANG="sv_SE.UTF-8")
    assert "Per steg (summeras inte)" in out
    assert "Stegen summeras inte till totalen" in out
    assert "  Nettonuvärde                      4\u00a0442\u00a0812,40\u00a0kr" in out
    assert "Nettoavkastning på investeringen  103,8\u00a0%" in out
    assert "Period: 1 januari 2026 – 31 december 2027" in out
    assert "Skrev " in out


def test_lang_en_overrides_a_swedish_locale(tmp_path: Path) -> None:
    out = _demo(tmp_path, "--lang", "en", LANG="sv_SE.UTF-8")
    assert "By stage (not additive)" in out
    assert "  Net present value (NPV)    SEK\u00a04,442,812.40" in out
    assert "Net return on investment   103.8%" in out
    assert "Wrote " in out


def test_json_keys_and_codes_do_not_change_with_the_language(tmp_path: Path) -> None:
    _demo(tmp_path, "--lang", "sv")
    sv = {
        name: (tmp_path / "out" / name).read_text(encoding="utf-8")
        for name in ("costs.json", "returns.json")
    }
    _demo(tmp_path, "--lang", "en", "--force")
    notes = []
    for name, text in sv.items():
        swedish = json.loads(text)
        english = json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))
        # The stages' note is a sentence, which follows the language (as messages do).
        if name == "costs.json":
            notes = [swedish["stages"].pop("note"), english["stages"].pop("note")]
        assert swedish == english
    assert notes[0].startswith("Stegen summeras inte")
    assert notes[1].startswith("The stages do not add up")


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("command", ["costs", "returns"])
def test_the_tables_of_the_example_match_the_golden_text(command: str, lang: str) -> None:
    from logikmodell.examples import example_path

    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", command, str(example_path()), "--lang", lang],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    golden = Path(__file__).parents[1] / "golden" / f"example-{command}-{lang}.txt"
    assert result.stdout == golden.read_text(encoding="utf-8")
