"""Which findings block: a pull request is judged by what it changes.

`judge` takes the findings of the changed data and, for a pull request, those of its base
(the same checks on the same day). What blocks:

- an error the base does not have (the change brought it);
- a condition the base does not have, if the change made it by itself an edit mistake:
  an office that rests because the change assigned an ended agreement (conditions.Condition.new_is_error).

Errors the base has already are reported, not blamed: the pull request did not cause them.
Everything else is a warning. Without a base (nightly build, local check) every error blocks
and every condition warns. Findings match by file, field and message: lines move in an edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linkshilft.problems import Problem
from linkshilft.records.conditions import Condition


@dataclass(frozen=True)
class Verdict:
    blocking: list[Problem] = field(default_factory=list)
    inherited: list[Problem] = field(default_factory=list)  # errors the base has as well
    warnings: list[Problem] = field(default_factory=list)


def _key(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.field, problem.message


def judge(
    errors: list[Problem], conditions: list[Condition], base: tuple[list[Problem], list[Condition]] | None = None
) -> Verdict:
    if base is None:
        return Verdict(sorted(errors), [], [c.problem for c in conditions])
    base_errors = {_key(p) for p in base[0]}
    base_conditions = {c.key for c in base[1]}
    blocking = [p for p in errors if _key(p) not in base_errors]
    inherited = [p for p in errors if _key(p) in base_errors]
    warnings = []
    for condition in conditions:
        new_mistake = condition.new_is_error and condition.key not in base_conditions
        (blocking if new_mistake else warnings).append(condition.problem)
    return Verdict(sorted(blocking), sorted(inherited), warnings)
