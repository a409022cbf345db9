"""How long checking a new template version takes as the template grows.

    python -m bench.template_check [--sizes 1000,5000,20000]

For each size, times what the editor's "Save as new version" checks before writing: decode
and check the JSON body (``read_template_text``) and compare it with the previous version
(``compare_templates``). The floor is decoding the same JSON text alone (``json.loads``), in
the same run. A linear check keeps the same ratio to the floor at every size, and the last
line's growth (time per question at the largest size over the smallest) stays near 1; a
quadratic one grows with the size (121 s at 20,000 questions before the check was made
linear).
"""

from __future__ import annotations

import argparse
import json
import time

from agent_app.domain.template_versions import compare_templates
from agent_app.store.repositories.templates import read_template_text
from tests.domain.large_templates import large_template


def _best_of(repeats: int, work: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def measure(questions: int) -> tuple[float, float]:
    """Seconds to check version 2 of a ``questions``-question template, and the floor."""
    _, old = read_template_text(json.dumps(large_template(questions), ensure_ascii=False))
    text = json.dumps(large_template(questions, version=2), ensure_ascii=False)

    def check() -> None:
        _, new = read_template_text(text)
        compare_templates(old, new)

    repeats = 3
    return _best_of(repeats, check), _best_of(repeats, lambda: json.loads(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    per_question = []
    print(f"{'questions':>9}  {'check s':>8}  {'json.loads s':>12}  {'ratio':>6}")
    for size in sizes:
        seconds, floor = measure(size)
        per_question.append(seconds / size)
        print(f"{size:>9}  {seconds:>8.3f}  {floor:>12.4f}  {seconds / floor:>6.1f}")
    growth = per_question[-1] / per_question[0]
    print(f"time per question at {sizes[-1]} over {sizes[0]}: {growth:.2f} (linear: about 1)")


if __name__ == "__main__":
    main()
