"""Validation speaks the chosen language: every rule's message, the text, the JSON.

Each rule's failing snippet on docs/rules.md is validated in Swedish and in English;
the Swedish message must be another sentence than the English one and hold none of
the English words that every English message is built from.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given

import logikmodell as lm
from logikmodell import cli
from logikmodell.examples import example_path
from logikmodell.testing import strategies as lst
from logikmodell.validation import Finding, Severity, rules

_DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
_GOLDEN = Path(__file__).resolve().parents[1] / "golden"
_SECTION = re.compile(r"^## (LM\d{3})\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
_YAML = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
#: Words no Swedish message should hold (user labels in the snippets are Swedish).
_ENGLISH = re.compile(r"\b(the|has|and|link|should|give|name|no|or|of)\b")


def _failing_snippets() -> dict[str, tuple[str, lm.Catalogue | None]]:
    """Per rule, its failing model, and the catalogue (``kommun``) its section shows."""
    sections = dict(_SECTION.findall(_DOCS.read_text(encoding="utf-8")))
    out: dict[str, tuple[str, lm.Catalogue | None]] = {}
    for code, text in sections.items():
        blocks = _YAML.findall(text)
        shown = [b for b in blocks if b.startswith("logikmodell-catalogue:")]
        models = [b for b in blocks if b not in shown]
        out[code] = (models[0], lm.loads_catalogue(shown[0]) if shown else None)
    return out


SNIPPETS = {code: text for code, (text, _) in _failing_snippets().items()}
CATALOGUES = {code: catalogue for code, (_, catalogue) in _failing_snippets().items()}


def _without_codes_and_values(message: str) -> str:
    """A message with quoted labels, field names and enum values taken out."""
    message = re.sub(r"'[^']*'", "", message)
    message = re.sub(r"\([a-z_.]+\)", "", message)
    return re.sub(r"\b(research|proven_experience|assumption|increases|decreases)\b", "", message)


@pytest.mark.parametrize("code", [rule.code for rule in rules()])
def test_every_rule_speaks_swedish(code: str) -> None:
    text, catalogue = SNIPPETS[code], CATALOGUES[code]
    model = lm.loads(text, "yaml", catalogues={"kommun": catalogue} if catalogue else None)
    swedish = lm.validate(model, select=[code], lang="sv").by_code(code)
    english = lm.validate(model, select=[code], lang="en").by_code(code)
    assert swedish
    assert len(swedish) == len(english)
    for sv, en in zip(swedish, english, strict=True):
        assert sv.message != en.message
        assert sv.message[:1].isupper()
        leftover = _ENGLISH.findall(_without_codes_and_values(sv.message))
        assert leftover == [], sv.message
        assert sv.to_dict().keys() == en.to_dict().keys()
        assert {k: v for k, v in sv.to_dict().items() if k != "message"} == {
            k: v for k, v in en.to_dict().items() if k != "message"
        }


@pytest.mark.parametrize("code", ["LM101", "LM201", "LM304", "LM601"])
def test_the_docs_snippet_validated_with_lang_sv(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "modell.yaml"
    path.write_text(SNIPPETS[code], encoding="utf-8")
    cli.main(["validate", str(path), "--select", code, "--lang", "sv"])
    out = capsys.readouterr().out.splitlines()
    assert re.match(rf"^{re.escape(str(path))}:\d+:\d+: {code} ", out[0]), out[0]
    assert re.search(r"^\d+ fel, \d+ varning(ar)?, \d+ info$", out[-1])
    assert f"{code} fel: " in out[0] or f"{code} varning: " in out[0]


def test_a_finding_is_written_anew_in_either_language() -> None:
    model = lm.loads(SNIPPETS["LM602"], "yaml")
    english = lm.validate(model, lang="en")
    swedish = lm.validate(model, lang="sv")
    assert [f.message_in("sv") for f in english.findings] == [f.message for f in swedish.findings]
    assert [f.message_in("en") for f in swedish.findings] == [f.message for f in english.findings]
    assert english == lm.validate(model, lang="en")
    assert "summerar till 80 %" in swedish.by_code("LM602")[0].message


def test_numbers_are_written_as_the_language_writes_them() -> None:
    text = SNIPPETS["LM601"].replace("share: 0.8", "share: 0.825")
    assert text != SNIPPETS["LM601"]
    model = lm.loads(text, "yaml")
    sv = lm.validate(model, select=["LM601"], lang="sv").findings[0].message
    en = lm.validate(model, select=["LM601"], lang="en").findings[0].message
    assert "sum to 112.5 % (mentorskap 82.5 %, lager 30 %)" in en
    assert "summerar till 112,5 % (mentorskap 82,5 %, lager 30 %)" in sv


def test_a_plain_finding_keeps_its_message() -> None:
    finding = Finding(code="LM999", severity=Severity.INFO, message="Plain.")
    assert finding.message_in("sv") == "Plain."
    assert finding.to_text("sv") == "LM999 info modellen: Plain."
    assert finding.to_text("en") == "LM999 info model: Plain."


def test_the_summary_in_both_languages() -> None:
    report = lm.validate(lm.loads(SNIPPETS["LM109"], "yaml"))
    assert lm.validate(lm.loads(SNIPPETS["LM109"], "yaml"), select=["LM101"]).summary("sv") == (
        "inga fynd"
    )
    counts = report.counts
    assert report.summary("en").startswith(f"{counts['error']} error")
    assert report.summary("sv").startswith(f"{counts['error']} fel, ")


@given(lst.logic_models())
def test_messages_in_either_language_come_from_the_same_sentence(model: lm.LogicModel) -> None:
    english = lm.validate(model, lang="en")
    for finding in english.findings:
        assert finding.text is not None
        assert finding.message_in("en") == finding.message
        assert finding.message_in("sv")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_validate_of_the_example_matches_the_golden_text(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example_path().parent)  # the file is named as given: no folder
    code = cli.main(["validate", example_path().name, "--lang", lang])
    assert code == 0
    golden = _GOLDEN / f"example-validate-{lang}.txt"
    assert capsys.readouterr().out == golden.read_text(encoding="utf-8")


def test_json_keys_and_codes_are_the_same_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "modell.yaml"
    path.write_text(SNIPPETS["LM203"], encoding="utf-8")
    found = {}
    for lang in ("sv", "en"):
        cli.main(["validate", str(path), "--format", "json", "--lang", lang])
        found[lang] = json.loads(capsys.readouterr().out)
    sv, en = found["sv"], found["en"]
    assert sv.keys() == en.keys()
    assert sv["counts"] == en["counts"]
    for a, b in zip(sv["findings"], en["findings"], strict=True):
        assert a.keys() == b.keys()
        assert a.pop("message") != b.pop("message")
        assert a == b


def _validate_in(env: dict[str, str]) -> str:
    environ = {k: v for k, v in os.environ.items() if k not in ("LOGIKMODELL_LANG", "LC_ALL")}
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "logikmodell", "validate", example_path().name],
        cwd=example_path().parent,
        capture_output=True,
        text=True,
        check=True,
        env=environ,
        timeout=120,
    )
    return result.stdout


def test_the_environment_chooses_swedish() -> None:
    swedish = (_GOLDEN / "example-validate-sv.txt").read_text(encoding="utf-8")
    assert _validate_in({"LANG": "sv_SE.UTF-8"}) == swedish
    assert _validate_in({"LOGIKMODELL_LANG": "sv", "LANG": "C.UTF-8"}) == swedish
    english = (_GOLDEN / "example-validate-en.txt").read_text(encoding="utf-8")
    assert _validate_in({"LOGIKMODELL_LANG": "en", "LANG": "sv_SE.UTF-8"}) == english
