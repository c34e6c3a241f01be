"""Shared test set-up: Hypothesis profiles and markers for tests that need real tools.

Tests marked ``needs_dot`` or ``needs_chromium`` are skipped where the tool is missing,
unless ``LOGIKMODELL_REQUIRE_TOOLS=1`` is set (as CI does), in which case a missing
tool fails them instead.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The default profile draws the same examples on every run (derandomize), so that a
# run on a clean machine cannot fail by chance; "thorough" explores at random.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

_TOOLS = {
    "needs_dot": ("dot",),
    "needs_chromium": ("chromium", "chromium-browser", "google-chrome"),
    "needs_pdftotext": ("pdftotext",),
}
#: Markers for optional Python packages (importing some also needs system libraries).
_MODULES = {
    "needs_weasyprint": "weasyprint",
    "needs_playwright": "playwright.sync_api",
    "needs_openpyxl": "openpyxl",
    "needs_pandas": "pandas",
}


def run_logikmodell(
    *args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m logikmodell ARGS`` for real, capturing its text output."""
    return subprocess.run(
        [sys.executable, "-m", "logikmodell", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=timeout,
        cwd=cwd,
    )


def tool_path(marker: str) -> str | None:
    """The first executable found for a tool marker, or None."""
    for name in _TOOLS[marker]:
        found = shutil.which(name)
        if found:
            return found
    return None


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except (ImportError, OSError):
        return False
    return True


def _available(marker: str) -> bool:
    if marker in _MODULES:
        return _importable(_MODULES[marker])
    return tool_path(marker) is not None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in (*_TOOLS, *_MODULES):
        if item.get_closest_marker(marker) is None or _available(marker):
            continue
        if os.environ.get("LOGIKMODELL_REQUIRE_TOOLS") == "1":
            pytest.fail(f"{marker}: the tool is missing but LOGIKMODELL_REQUIRE_TOOLS=1")
        pytest.skip(f"{marker}: the tool is not installed")


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read English unless they ask for a language (the default follows the locale)."""
    monkeypatch.setenv("LOGIKMODELL_LANG", "en")
