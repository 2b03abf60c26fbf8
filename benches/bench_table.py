"""The side-by-side tables of benches/run-ca.sh and benches/run-scale.sh:
reading what each client printed ('name value unit' lines) and formatting
the cells and ratios of a row."""

import os
import sys

HIGHER_IS_BETTER = {"updates/s"}


def best(results, label, runner):
    """name -> (best value, unit) over every line the client `label` printed
    into the folder `results`; `runner` names the script in an error."""
    figures = {}
    path = os.path.join(results, label)
    if not os.path.exists(path):
        return figures
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        try:
            name, value, unit = line.split()
            value = float(value)
        except ValueError:
            sys.exit(f"{runner}: {label} printed {line!r}, not 'name value unit'")
        if name in figures:
            better = max if unit in HIGHER_IS_BETTER else min
            value = better(value, figures[name][0])
        figures[name] = (value, unit)
    return figures


def cell(figures, name):
    if name not in figures:
        return "—"
    value, unit = figures[name]
    return f"{value:,.0f} {unit}" if value >= 1000 else f"{value:.3g} {unit}"


def cost(figures, name):
    """Time-like: a rate becomes its inverse, so that a ratio > 1 means slower."""
    value, unit = figures[name]
    return 1 / value if unit in HIGHER_IS_BETTER else value


def ratio(slow, fast, name):
    if name not in slow or name not in fast or cost(fast, name) == 0:
        return "—"
    return f"{cost(slow, name) / cost(fast, name):.2f}"
