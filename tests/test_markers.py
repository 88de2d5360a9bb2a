"""The markers that keep `make test-fast` fast are set without anyone thinking of them."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from tests import support, test_export, test_long_lists
from tests.browser import test_share
from tests.support import MKDOCS, run

FILES = ["tests/test_export.py", "tests/test_long_lists.py", "tests/browser/test_share.py"]


def _collected(*args: str) -> set[str]:
    result = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", *args])
    assert result.returncode in (0, 5), result.stdout + result.stderr  # 5: nothing selected
    return {line.split("::")[1].split("[")[0] for line in result.stdout.splitlines() if "::" in line}  # one name per function


def _tests(module) -> set[str]:
    return {name for name in vars(module) if name.startswith("test_")}


def test_the_fast_selection_leaves_out_browser_and_build_tests_by_fixture_and_folder():
    fast = _collected("-m", "not browser and not build", *FILES)
    # Uses the session build `site`; runs mkdocs build itself (marked by hand); drives Chromium.
    slow = {
        "test_session_downloads_hide_the_sentinel_persons",
        "test_a_large_directory_builds_strictly_with_calendars_and_qr_codes",
    }
    assert slow <= _tests(test_export) | _tests(test_long_lists)
    assert fast and not slow & fast and not _tests(test_share) & fast
    assert "test_no_download_carries_a_name_without_consent_or_an_internal_value" in fast
    # The browser tests are marked by their folder, not only through the build they use.
    assert _collected("-m", "browser", *FILES) == _tests(test_share)


def test_a_build_in_a_test_without_the_marker_is_refused(monkeypatch):
    unmarked = SimpleNamespace(nodeid="tests/test_x.py::test_y", get_closest_marker=lambda name: None)
    monkeypatch.setattr(support, "current_test", [unmarked])
    with pytest.raises(AssertionError, match="test_y baut die Seite mit mkdocs, hat aber den Marker build nicht"):
        run([*MKDOCS, "build", "--strict"])
    # Other mkdocs commands (and other programs) are no build.
    assert not support.builds_site([*MKDOCS, "--version"])
    assert run([*MKDOCS, "--version"]).returncode == 0
