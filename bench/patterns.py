"""Worst time of every pattern in schema/ and hooks/linkshilft/ on long hostile input.

    .venv/bin/python bench/patterns.py [LENGTH]

The inputs are runs of the characters the patterns take, ending in one they do not (the kind
of text that makes a backtracking engine try every split); the length is that of a file at the
loader's size limit. tests/test_patterns.py checks the structure that keeps these times linear;
this script shows the times, without a limit of its own.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from linkshilft.records.load import MAX_BYTES

from tests.test_patterns import code_patterns, schema_patterns

UNITS = ["1", "12 ", "a", "a.", "a-", "aa.", "a@", " ", "/", "<a ", "- ", "0"]
ENDS = ["!", "\n"]
PREFIXES = ["", "0", "+49 ", "https://", "a@", "<script "]


def hostile(length: int):
    for prefix in PREFIXES:
        for unit in UNITS:
            for end in ENDS:
                yield prefix + unit * (length // len(unit)) + end


def main() -> None:
    length = int(sys.argv[1]) if len(sys.argv) > 1 else MAX_BYTES
    results = []
    for where, pattern in {**schema_patterns(), **code_patterns()}.items():
        # Called as the code calls it: fullmatch and match try one start, search and the rest every one.
        compiled = re.compile(pattern)
        call = getattr(compiled, where.rpartition("re.")[2] if where.endswith(("re.fullmatch", "re.match")) else "search")
        worst = 0.0
        for text in hostile(length):
            # The least of three runs: on a shared machine a single run also measures the neighbours.
            taken = []
            for _ in range(3):
                start = time.perf_counter()
                call(text)
                taken.append(time.perf_counter() - start)
            worst = max(worst, min(taken))
        results.append((worst, where, pattern))
    results.sort(reverse=True)
    print(f"{len(results)} Muster, je {len(PREFIXES) * len(UNITS) * len(ENDS)} Eingaben mit {length:,} Zeichen")
    for worst, where, pattern in results[:10]:
        print(f"{worst * 1000:9.1f} ms  {where}  {pattern[:60]}")
    print(f"schlechtestes Muster: {results[0][0] * 1000:.1f} ms ({results[0][1]})")


if __name__ == "__main__":
    main()
