"""The old address of a renamed office leads to its new page in a real browser, under the CSP."""

from __future__ import annotations

import http.server
import shutil
import threading
from functools import partial

import pytest

from tests.support import CASES, MKDOCS, data_env, run
from tests.test_renames import rename


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """A small build of the test data set in which leipzig-basis was renamed, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("renamed")
    data = root / "data"
    shutil.copytree(CASES / "base" / "data", data)
    rename(data)
    out = root / "site"
    result = run([*MKDOCS, "build", "--strict", "--site-dir", str(out)],
                 env=data_env(data))  # fmt: skip
    assert result.returncode == 0, result.stderr
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(("old", "new"), [("stellen/leipzig-basis/", "stellen/leipzig-basis-neu/"),
                                          ("stellen/leipzig-basis/aushang/", "stellen/leipzig-basis-neu/aushang/")])  # fmt: skip
def test_old_address_arrives_at_the_new_page_without_violations(renamed_site, new_page, old, new):
    page = new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)

    page.goto(renamed_site + old)
    page.wait_for_url(renamed_site + new, timeout=10_000)

    assert "Bürgerbüro Basis" in page.locator("main").inner_text()
    assert messages == []
