"""The editor workflow's files in .github/ and .pre-commit-config.yaml, checked as data.

GitHub Actions cannot run here, so the workflows are loaded as YAML and checked for what
matters: they call the project's own commands, publish only after the strict build and
the tests passed, with the least permissions, and never touch the internal site.
actionlint checks the rest where it is installed (make actionlint).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from zoneinfo import ZoneInfo

import pytest
import yaml

from tests.support import ROOT, run

GITHUB = ROOT / ".github"
OWNER = "@linke-sachsen-beispiel"
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _workflow(name: str) -> dict:
    workflow = yaml.safe_load((GITHUB / "workflows" / name).read_text("utf-8"))
    # YAML 1.1 (PyYAML) reads the key "on" as true; GitHub reads it as "on".
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _index(job: dict, needle: str) -> int:
    """Position of the first step whose run command or action contains `needle`."""
    for index, step in enumerate(job["steps"]):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return index
    raise AssertionError(f"no step with {needle!r}")


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE))


def _repository() -> str:
    """https://github.com/<owner>/<name>, from the edit link setting in mkdocs.yml."""
    edit_base = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["extra"]["linkshilft"]["edit_base"]
    return edit_base.split("/edit/")[0]


# --- pull requests ------------------------------------------------------------------------


def test_check_runs_on_every_pull_request_with_a_read_only_token():
    workflow = _workflow("check.yml")
    assert workflow["on"] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in workflow["jobs"].values())
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]


def test_check_calls_the_projects_own_commands():
    (job,) = _workflow("check.yml")["jobs"].values()
    runs = _runs(job)
    assert runs[0] == "make install"
    assert '.venv/bin/linkshilft validate --format github --base "origin/${BASE_REF}"' in runs
    assert {"make build", "make test", "make actionlint"} <= set(runs)
    for command in runs:
        for target in re.findall(r"\bmake (\S+)", command):
            assert target in _make_targets(), f"make {target} does not exist"
    assert _index(job, "validate --format github") < _index(job, "make build") < _index(job, "make test")
    assert _runs_of_make("build") == ["$(BIN)/mkdocs build --strict --clean"]


def test_check_writes_the_change_summary_even_when_the_data_has_errors():
    (job,) = _workflow("check.yml")["jobs"].values()
    step = job["steps"][_index(job, "linkshilft diff")]
    assert step["run"] == '.venv/bin/linkshilft diff "origin/${BASE_REF}" >> "$GITHUB_STEP_SUMMARY"'
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}  # never ${{ }} inside the script itself
    assert "!cancelled()" in step["if"]
    assert _index(job, "validate --format github") < _index(job, "linkshilft diff")
    checkout = job["steps"][_index(job, "actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0, "origin/<base> must exist for the comparison"


def test_check_judges_a_pull_request_by_what_it_changes():
    (job,) = _workflow("check.yml")["jobs"].values()
    step = job["steps"][_index(job, "validate --format github")]
    assert "--base" in step["run"] and "${{" not in step["run"]
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert "if" not in step and "continue-on-error" not in step, "a new error must fail the check"


def _runs_of_make(target: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    return [line.strip() for line in recipe.group(1).splitlines()]


# --- publishing -------------------------------------------------------------------------------


def test_publish_on_push_to_main_by_hand_and_every_early_morning_in_saxony():
    triggers = _workflow("publish.yml")["on"]
    assert triggers["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in triggers
    (schedule,) = triggers["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert rest == ["*", "*", "*"], "daily"
    for day in (dt.date(2027, 1, 15), dt.date(2027, 7, 15)):  # winter and summer time
        utc = dt.datetime.combine(day, dt.time(int(hour), int(minute)), tzinfo=dt.UTC)
        berlin = utc.astimezone(ZoneInfo("Europe/Berlin"))
        assert berlin.date() == day and 1 <= berlin.hour <= 5, f"{berlin:%H:%M} in Berlin"


def test_publish_deploys_only_after_the_strict_build_and_all_tests():
    jobs = _workflow("publish.yml")["jobs"]
    build, deploy = jobs["build"], jobs["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    order = [
        _index(build, "make install"),
        _index(build, "linkshilft validate --format github"),
        _index(build, "make build"),
        _index(build, "make test"),
        _index(build, "actions/upload-pages-artifact"),
    ]
    assert order == sorted(order)
    upload = build["steps"][order[-1]]
    assert upload["with"] == {"path": "site"}
    gates = [build["steps"][i] for i in order]
    assert all("if" not in step and "continue-on-error" not in step for step in gates), "a failed step must stop publishing"
    assert "continue-on-error" not in build
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/configure-pages", "actions/deploy-pages"]
    assert deploy["environment"]["name"] == "github-pages"


def test_publish_has_the_least_permissions():
    workflow = _workflow("publish.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["care"]["permissions"] == {"issues": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_publish_tells_the_coordinators_in_the_summary_and_in_one_issue():
    jobs = _workflow("publish.yml")["jobs"]
    build, care = jobs["build"], jobs["care"]
    step = build["steps"][_index(build, "linkshilft outdated --format markdown")]
    assert '"$GITHUB_STEP_SUMMARY"' in step["run"] and "linkshilft outdated --format count" in step["run"]
    assert "!cancelled()" in step["if"], "the list is written even when the build fails"
    assert build["outputs"] == {
        "care_count": "${{ steps.care.outputs.count }}",
        "care_body": "${{ steps.care.outputs.body }}",
    }
    assert care["needs"] == "build" and "!cancelled()" in care["if"]
    assert "care" not in str(jobs["deploy"].get("needs")), "the issue never holds up publishing"
    assert care["env"]["TITLE"] == "Daten brauchen Pflege"
    (issue,) = care["steps"]
    assert "${{" not in issue["run"], "values reach the script through env, never pasted into it"
    for command in ("gh issue list", "gh issue edit", "gh issue create", "gh issue close"):
        assert command in issue["run"]


def test_the_internal_site_is_never_built_or_deployed():
    for name in ("check.yml", "publish.yml"):
        jobs = json.dumps(_workflow(name)["jobs"])
        assert "internal" not in jobs and "mkdocs.internal" not in jobs, name
    assert all("internal" not in line for line in _runs_of_make("build"))


def test_every_action_is_pinned_to_a_full_commit_with_its_version():
    for path in sorted((GITHUB / "workflows").glob("*.yml")):
        uses = [line for line in path.read_text("utf-8").splitlines() if "uses:" in line]
        assert uses, path.name
        assert [line for line in uses if not PINNED.match(line)] == [], path.name


def test_actionlint_finds_nothing():
    actionlint = ROOT / ".venv" / "bin" / "actionlint"
    if not actionlint.exists():
        pytest.skip("actionlint ist nicht installiert (make install)")
    result = run([str(actionlint), "-no-color"])
    assert result.returncode == 0, result.stdout + result.stderr


# --- before a commit ---------------------------------------------------------------------------


def test_pre_commit_runs_the_same_checks_as_ci_without_network():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert all(hook["language"] == "system" for hook in hooks)
    entries = [hook["entry"] for hook in hooks]
    assert ".venv/bin/linkshilft validate" in entries
    assert ".venv/bin/linkshilft check-schemas" in entries
    assert any(entry.startswith(".venv/bin/ruff check") for entry in entries)
    venv = ROOT / ".venv" / "bin"
    if venv.exists():
        assert all((ROOT / entry.split()[0]).exists() for entry in entries), "every hook's program is installed by make install"
    pre_commit = shutil.which("pre-commit", path=str(venv))
    if pre_commit:
        result = run([pre_commit, "validate-config", ".pre-commit-config.yaml"])
        assert result.returncode == 0, result.stdout + result.stderr


# --- who reviews, how to ask ---------------------------------------------------------------------


def _districts() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "districts.yaml").read_text("utf-8"))["districts"]


def test_each_districts_offices_are_owned_by_its_editors():
    rules = [
        line.split()
        for line in (GITHUB / "CODEOWNERS").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = {rule[0]: rule[1:] for rule in rules}
    position = {rule[0]: index for index, rule in enumerate(rules)}
    folders = {d["id"] for d in _districts()} | {p.name for p in (ROOT / "data" / "offices").iterdir() if p.is_dir()}
    for district in sorted(folders):
        pattern = f"/data/offices/{district}/"
        assert f"{OWNER}/redaktion-{district}" in owners.get(pattern, []), district
        assert position[pattern] > position["/data/"], "the last matching line wins"
    for path in ("/schema/", "/hooks/", "/site_overrides/", "/.github/"):
        assert owners[path] == [f"{OWNER}/maintainer"], path
    assert all(owner.startswith(OWNER + "/") for rule in rules for owner in rule[1:])


@pytest.mark.parametrize("name", ["sprechstunde-aendern.yml", "neue-beratungsstelle.yml"])
def test_issue_forms_are_valid_forms(name):
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text("utf-8"))
    assert {"name", "description", "body"} <= set(form)
    ids = [element["id"] for element in form["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for element in form["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        attributes = element["attributes"]
        if element["type"] == "markdown":
            assert attributes["value"].strip()
            continue
        assert re.fullmatch(r"[a-z_]+", element["id"])
        assert attributes["label"].strip()
        if element["type"] in ("dropdown", "checkboxes"):
            assert attributes["options"]
    assert any(element["id"] == "confirm" for element in form["body"] if element["type"] == "checkboxes")


def test_new_office_form_offers_exactly_the_districts_and_topics_of_the_data():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "neue-beratungsstelle.yml").read_text("utf-8"))
    elements = {element.get("id"): element["attributes"] for element in form["body"]}
    assert elements["district"]["options"] == sorted(d["name"] for d in _districts())
    topics = yaml.safe_load((ROOT / "data" / "topics.yaml").read_text("utf-8"))["topics"]
    assert [option["label"] for option in elements["topics"]["options"]] == [t["name"] for t in topics]


def test_new_office_form_asks_for_no_names_and_only_what_the_schema_can_hold():
    """The form's own checkbox says "no names of persons": it must not ask for one (an MP's office goes by
    its constituency), and every answer must have a place in the office schema."""
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "neue-beratungsstelle.yml").read_text("utf-8"))
    elements = {element.get("id"): element["attributes"] for element in form["body"]}
    assert "mp" not in elements
    assert not [a["label"] for a in elements.values() if re.search(r"\bName\b(?! der Stelle)", a.get("label", ""))]
    mps = yaml.safe_load((ROOT / "data" / "mps.yaml").read_text("utf-8"))["mps"]
    constituencies = sorted({mp["constituency"] for mp in mps if mp.get("constituency")})
    assert elements["mp_office"]["options"][: len(constituencies)] == [f"Wahlkreis {c}" for c in constituencies]
    # step_free is true or false in the schema, required: no third answer.
    assert elements["step_free"]["options"] == ["ja", "nein"]
    # accessible_toilet is optional: "weiß ich nicht" leaves it out.
    schema = json.loads((ROOT / "schema" / "office.schema.json").read_text("utf-8"))["properties"]["accessibility"]
    assert "accessible_toilet" not in schema["required"] and "step_free" in schema["required"]


def test_issue_chooser_and_pull_request_template_link_this_repository():
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text("utf-8"))
    assert config["blank_issues_enabled"] is False
    urls = [link["url"] for link in config["contact_links"]]
    assert f"{_repository()}/blob/main/CONTRIBUTING.md" in urls
    assert yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"] in urls
    template = (GITHUB / "pull_request_template.md").read_text("utf-8")
    assert len(re.findall(r"^- \[ \] ", template, re.MULTILINE)) >= 5
    assert "`checked_on`" in template
    assert f"{_repository()}/blob/main/CONTRIBUTING.md#was-die-meldungen-bedeuten" in template
    assert "## Was die Meldungen bedeuten" in (ROOT / "CONTRIBUTING.md").read_text("utf-8")
