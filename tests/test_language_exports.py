"""What the translated pages hand out (issue 19): calendar files in the page's language, the notice's
lines in the office's languages, the office page script's words, one time format for pages and finder,
and distances that read right to left. On the session build (conftest.site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_distances_on_right_to_left_pages_are_isolated_not_forced_left_to_right(site, code):
    html = _page(site, f"{code}/stellen/leipzig-plagwitz/")
    distances = re.findall(r'<bdi( dir="[a-z]+")?>(\d+(?:\.\d)? [^<\d]+)</bdi>', html)
    assert distances, "no distance on the page"
    # The unit is Arabic script: a forced left-to-right run would put it before the number for the reader.
    assert all(direction == "" for direction, _ in distances), distances
