#!/usr/bin/env python3
"""Checks `itareport score FILE --json` against an exact reference computed here with fractions.

The reference is written from the published formula, not from the tool's code:

    total = 0.30 x mean(indicators 1-5) + 0.30 x mean(indicators 6-8) + 0.40 x mean(indicators 9-10)

computed exactly (fractions.Fraction), then rounded half-up to two decimals once; each tool
score is its mean, rounded the same way. Levels are checked for 2563-2565, whose AA-F bands
are published (AA from 95.00, A 85.00, B 75.00, C 65.00, D 55.00, E 50.00, else F), on the
rounded total.

Cases: the three published totals (59.76, 98.97, 97.28), the half-way case 84.995 -> 85.00,
generated half-way cases (the exact total ends in a 5 in the third decimal) and random score
sets, all from a seeded generator so a run can be repeated.

    scripts/check-scores.py .build/debug/itareport --halfway 1000 --random 500 --seed 10

Prints one line per wrong case (at most --show) and a summary; exits 1 when any case is wrong.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

TOOLS = [("IIT", Fraction(3, 10), [1, 2, 3, 4, 5]),
         ("EIT", Fraction(3, 10), [6, 7, 8]),
         ("OIT", Fraction(4, 10), [9, 10])]
BANDS_2563_2565 = [("AA", 95), ("A", 85), ("B", 75), ("C", 65), ("D", 55), ("E", 50), ("F", 0)]


def half_up(x: Fraction) -> Fraction:
    """x rounded half-up to hundredths, exactly."""
    scaled = x * 100
    floor = scaled.numerator // scaled.denominator
    if scaled - floor >= Fraction(1, 2):
        floor += 1
    return Fraction(floor, 100)


def text(x: Fraction) -> str:
    """A hundredths fraction written with two decimals."""
    cents = x * 100
    assert cents.denominator == 1
    n = cents.numerator
    return f"{n // 100}.{n % 100:02d}"


def exact_total(scores):
    return sum(w * Fraction(sum(scores[i] for i in ids), len(ids)) for _, w, ids in TOOLS)


def level(year, total):
    if year not in (2563, 2564, 2565):
        return None
    return next(name for name, low in BANDS_2563_2565 if total >= low)


def from_hundredths(values):
    return {i + 1: Fraction(v, 100) for i, v in enumerate(values)}


def random_scores(rng):
    """Ten scores in hundredths, mostly in the range real organisations get, some full marks."""
    out = []
    for _ in range(10):
        r = rng.random()
        if r < 0.15:
            out.append(10000)
        elif r < 0.25:
            out.append(rng.randint(0, 10000))
        else:
            out.append(rng.randint(7000, 10000))
    return out


def halfway_scores(rng):
    """Random scores with indicator 1 moved so that the exact total is x.xx5."""
    while True:
        values = random_scores(rng)
        for d in rng.sample(range(-60, 61), 121):
            v = values[0] + d
            if not 0 <= v <= 10000:
                continue
            trial = [v] + values[1:]
            if (exact_total(from_hundredths(trial)) * 100).denominator == 2:
                return trial


def write_case(folder, n, year, scores):
    path = os.path.join(folder, f"case-{n}.yaml")
    body = ", ".join(f"{i}: {text(s)}" for i, s in sorted(scores.items()))
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"fiscal_year: {year + 1}\nassessment:\n  year: {year}\n  indicators: {{{body}}}\n")
    return path


def check(tool, folder, n, kind, year, scores):
    """Runs the tool on one case; returns a list of what differs from the reference."""
    path = write_case(folder, n, year, scores)
    run = subprocess.run([tool, "score", path, "--json"], capture_output=True, text=True)
    if run.returncode != 0:
        return [f"exit {run.returncode}: {run.stderr.strip()}"]
    got = json.loads(run.stdout)
    total = half_up(exact_total(scores))
    wrong = []
    if got.get("total") is None or Fraction(str(got["total"])) != total:
        wrong.append(f"total {got.get('total')} (exact {float(exact_total(scores))!r}, expected {text(total)})")
    for code, _, ids in TOOLS:
        mean = half_up(Fraction(sum(scores[i] for i in ids), len(ids)))
        if Fraction(str(got["tools"].get(code))) != mean:
            wrong.append(f"{code} {got['tools'].get(code)} (expected {text(mean)})")
    expected_level = level(year, total)
    if expected_level is not None and got.get("level") != expected_level:
        wrong.append(f"level {got.get('level')} (expected {expected_level} for {text(total)})")
    return wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("itareport", help="path of the itareport binary")
    parser.add_argument("--halfway", type=int, default=1000, help="generated half-way cases (default 1000)")
    parser.add_argument("--random", type=int, default=500, help="random score sets (default 500)")
    parser.add_argument("--seed", type=int, default=10, help="seed of the generator (default 10)")
    parser.add_argument("--show", type=int, default=10, help="wrong cases to print (default 10)")
    args = parser.parse_args()
    if not os.access(args.itareport, os.X_OK):
        sys.exit(f"{args.itareport}: not an executable; build it first (swift build)")

    rng = random.Random(args.seed)
    published = [
        ("published 59.76", 2563, [9608, 8845, 9228, 8363, 9345, 9140, 9272, 9252, 2432, 0]),
        ("published 98.97", 2567, [9939, 9771, 9765, 9821, 9882, 9897, 9909, 9660, 10000, 10000]),
        ("published 97.28", 2568, [10000] * 5 + [9871, 9881, 9876, 9325, 9500]),
        ("84.995 -> 85.00", 2567, [8500] * 7 + [8495, 8500, 8500]),
    ]
    cases = [(name, year, from_hundredths(v)) for name, year, v in published]
    cases += [("half-way", rng.randint(2563, 2568), from_hundredths(halfway_scores(rng))) for _ in range(args.halfway)]
    cases += [("random", rng.randint(2563, 2568), from_hundredths(random_scores(rng))) for _ in range(args.random)]

    wrong_by_kind = {}
    count_by_kind = {}
    shown = 0
    with tempfile.TemporaryDirectory(prefix="check-scores-") as folder:
        for n, (kind, year, scores) in enumerate(cases):
            group = kind if kind in ("half-way", "random") else "published"
            count_by_kind[group] = count_by_kind.get(group, 0) + 1
            wrong = check(args.itareport, folder, n, kind, year, scores)
            if wrong:
                wrong_by_kind[group] = wrong_by_kind.get(group, 0) + 1
                if shown < args.show:
                    values = ", ".join(text(scores[i]) for i in range(1, 11))
                    print(f"WRONG {kind} ITA {year} [{values}]: " + "; ".join(wrong))
                    shown += 1
    for group in ("published", "half-way", "random"):
        print(f"{group}: {wrong_by_kind.get(group, 0)} wrong of {count_by_kind.get(group, 0)}")
    sys.exit(1 if wrong_by_kind else 0)


if __name__ == "__main__":
    main()
