"""Every rule is documented in docs/rules.md with a failing and a fixed model.

Each rule's section holds two YAML documents: the first must yield the rule's
code, the second must not, and apart from that code the fix may only clear the
codes its caption names ("Fixed (also clears LM108 and LM702)") and add none.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import logikmodell as lm
from logikmodell.validation import Rule, rules

_PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
_SECTION = re.compile(r"^## (LM\d{3})\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
_YAML = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _sections() -> dict[str, str]:
    return dict(_SECTION.findall(_PAGE.read_text(encoding="utf-8")))


def _codes(text: str, catalogue: lm.Catalogue | None = None) -> set[str]:
    catalogues = {"kommun": catalogue} if catalogue is not None else None
    return set(lm.validate(lm.loads(text, "yaml", catalogues=catalogues)).codes)


def _models_and_catalogue(section: str) -> tuple[list[str], lm.Catalogue | None]:
    """The section's model snippets, and the catalogue it shows (``kommun``), if any."""
    blocks = _YAML.findall(section)
    shown = [block for block in blocks if block.startswith("logikmodell-catalogue:")]
    catalogue = lm.loads_catalogue(shown[0]) if shown else None
    return [block for block in blocks if block not in shown], catalogue


def test_every_rule_has_a_section_and_every_section_a_rule() -> None:
    assert sorted(_sections()) == [rule.code for rule in rules()]


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.code)
def test_section_states_the_rule_severity(rule: Rule) -> None:
    section = _sections()[rule.code]
    assert f"** — {rule.severity.value}." in section


@pytest.mark.parametrize("code", sorted(_sections()))
def test_failing_snippet_yields_the_code_and_the_fix_removes_it(code: str) -> None:
    section = _sections()[code]
    models, catalogue = _models_and_catalogue(section)
    failing, fixed = models[:2]
    before, after = _codes(failing, catalogue), _codes(fixed, catalogue)
    assert code in before, f"{code}: the failing snippet gives {sorted(before)}"
    assert code not in after, f"{code}: the fixed snippet still gives it"
    assert after <= before, f"{code}: the fix adds {sorted(after - before)}"
    caption = re.search(r"Fixed \(also clears ([^)]*)\)", section)
    allowed = set(re.findall(r"LM\d{3}", caption.group(1))) if caption else set()
    assert before - after == {code} | allowed
