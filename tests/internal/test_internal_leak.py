"""No internal value reaches the public site.

A copy of the internal sample data gets a unique sentinel in every free-text field (found from
the schemas, so a new field is covered without touching this test) and a new pseudonym for
every person. Then:

- the public site is built with LINKSHILFT_INTERNAL_DATA pointing at the copy, and from a copy of
  the whole project with the sentinel data at its default place data/internal: no output file
  may contain a sentinel or a pseudonym;
- the internal site is built from the copy: it must contain every one of them (otherwise the
  first half could not fail), and markup in a field must arrive as text.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from linkshilft.cli import reference
from linkshilft.internal.records import FOLDERS, LIST_FILES, load_internal
from linkshilft.records.load import read_file
from linkshilft.records.pipeline import load_dataset

from tests.support import MKDOCS, ROOT, TODAY, run

INTERNAL = ROOT / "data" / "internal"
SCRIPT = "<script>alert('intern')</script>"
CONSTRAINED = {"enum", "pattern", "format", "const"}


def _free_text_paths(kind: str) -> set[str]:
    fields = reference.fields(kind)
    return {path for path, _, schema in fields if schema.get("type") == "string" and not CONSTRAINED & set(schema)}


def _kind_of(relative: Path) -> str:
    return FOLDERS[relative.parts[0]] if len(relative.parts) > 1 else LIST_FILES[relative.stem]


def _make_sentinel_copy(target: Path) -> tuple[list[str], list[str]]:
    """Copy data/internal to `target` with sentinels; returns (sentinels, new pseudonyms)."""
    documents = {}
    for path in sorted(INTERNAL.rglob("*.yaml")):
        document, problems = read_file(path, path.name)
        assert problems == []
        documents[path.relative_to(INTERNAL)] = document.data
    originals = sorted({p["id"] for name, data in documents.items() if name.parts[0] == "recruitment" for p in data["people"]})
    pseudonyms = {old: f"qx-9{n:05d}" for n, old in enumerate(originals)}
    sentinels: list[str] = []

    def replace(value, path: str, free: set[str]):
        if isinstance(value, dict):
            return {key: replace(item, f"{path}.{key}" if path else key, free) for key, item in value.items()}
        if isinstance(value, list):
            return [replace(item, f"{path}[]", free) for item in value]
        if isinstance(value, str) and path in free:
            sentinels.append(f"SENTINEL-{re.sub(r'[^a-z0-9]+', '-', path).strip('-')}-{len(sentinels)}")
            return sentinels[-1]
        return pseudonyms.get(value, value) if isinstance(value, str) else value

    marked = False  # markup goes into one field: it must arrive as text
    for relative, data in documents.items():
        changed = replace(data, "", _free_text_paths(_kind_of(relative)))
        if not marked and relative.parts[0] == "survey" and "remarks" in changed:
            changed["remarks"] = f"{SCRIPT} {changed['remarks']}"
            marked = True
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(yaml.safe_dump(changed, allow_unicode=True, sort_keys=False), "utf-8")
    return sentinels, list(pseudonyms.values())


@pytest.fixture(scope="module")
def sentinel_data(tmp_path_factory) -> tuple[Path, list[str], list[str]]:
    target = tmp_path_factory.mktemp("sentinel") / "internal"
    sentinels, pseudonyms = _make_sentinel_copy(target)
    dataset, problems, _ = load_dataset(ROOT / "data", TODAY)
    assert problems == []
    _, problems = load_internal(target, dataset)
    assert [str(p) for p in problems] == [], "the sentinel copy must be valid, or the builds below prove nothing"
    return target, sentinels, pseudonyms


def _texts(site: Path) -> dict[Path, str]:
    texts = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            raw = path.read_bytes()
            texts[path] = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", errors="replace")
    assert len(texts) > 50
    return texts


def _leaks(site: Path, values: list[str]) -> list[str]:
    return [f"{path.relative_to(site)}: {value}" for path, text in _texts(site).items() for value in values if value in text]


def _env(**values: str) -> dict[str, str]:
    return {"LINKSHILFT_DATA": str(ROOT / "data"), "LINKSHILFT_TODAY": TODAY.isoformat(), **values}


def test_sentinels_cover_every_kind_of_internal_record(sentinel_data):
    _, sentinels, pseudonyms = sentinel_data
    kinds = {re.sub(r"-[0-9]+$", "", s) for s in sentinels}
    assert len(sentinels) > 100 and len(pseudonyms) > 10
    assert {"SENTINEL-answered-by", "SENTINEL-remarks", "SENTINEL-occasion", "SENTINEL-cover-description"} <= kinds


def test_public_build_with_internal_data_in_the_setting_shows_none_of_it(sentinel_data, tmp_path):
    target, sentinels, pseudonyms = sentinel_data
    out = tmp_path / "site"
    result = run([*MKDOCS, "build", "--strict", "--site-dir", str(out)], env=_env(LINKSHILFT_INTERNAL_DATA=str(target)))
    assert result.returncode == 0, result.stderr
    assert _leaks(out, [*sentinels, *pseudonyms, "qx-9"]) == []


def test_public_build_of_a_project_with_internal_data_at_the_default_place_shows_none_of_it(sentinel_data, tmp_path):
    target, sentinels, pseudonyms = sentinel_data
    project = tmp_path / "project"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(".git", ".venv", "site", "site-internal", "tests", "*cache*", "__pycache__", "*.egg-info"),
    )
    shutil.rmtree(project / "data" / "internal")
    shutil.copytree(target, project / "data" / "internal")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LINKSHILFT_")}
    env["LINKSHILFT_TODAY"] = TODAY.isoformat()
    result = subprocess.run(
        [*MKDOCS, "build", "--strict"], cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, result.stderr
    assert _leaks(project / "site", [*sentinels, *pseudonyms, "qx-9"]) == []


def test_internal_build_shows_every_sentinel_and_escapes_markup(sentinel_data, tmp_path):
    target, sentinels, pseudonyms = sentinel_data
    out = tmp_path / "site-internal"
    result = run(
        [*MKDOCS, "build", "--strict", "-f", "mkdocs.internal.yml", "--site-dir", str(out)],
        env=_env(LINKSHILFT_INTERNAL_DATA=str(target)),
    )
    assert result.returncode == 0, result.stderr
    everything = "\n".join(_texts(out).values())
    assert [value for value in [*sentinels, *pseudonyms] if value not in everything] == []
    pages = "\n".join(text for path, text in _texts(out).items() if path.suffix == ".html")
    assert "&lt;script&gt;alert(" in pages
    assert "<script>alert(" not in pages
