"""Distribution of predikat ("kurva") per organisation rating (docs/rules.md §5): the one place it lives.

Each organisation rating maps to its rules, in the order the form prints them. A rule is
(kind, predikat keys, percent):
- "max": at most that share of the unit's employees has one of these predikat (0: none);
- "min": at least that share has one of them;
- "some": at least one employee has one of them;
- "rest": the remaining employees have one of them (no keys: any other predikat).
"""

from typing import NamedTuple

from .predicate import PREDICATE_NAMES_ID

DISTRIBUTION = {
    "outstanding": (
        ("max", ("very_good",), 70),
        ("rest", (), None),
    ),
    "good": (
        ("max", ("good",), 70),
        ("some", ("needs_improvement", "poor"), None),
        ("rest", ("very_good", "very_poor"), None),
    ),
    "needs_improvement": (
        ("min", ("needs_improvement",), 60),
        ("max", ("very_good",), 10),
    ),
    "poor": (
        ("min", ("poor",), 60),
        ("min", ("needs_improvement",), 10),
        ("max", ("very_good",), 10),
    ),
    "very_poor": (
        ("min", ("very_poor",), 60),
        ("min", ("poor", "needs_improvement"), 10),
        ("max", ("very_good",), 0),
    ),
}


def distribution_text(organization_rating):
    """The 'Pola Distribusi' of an organisation rating, in the forms' words; '' when unknown."""
    return "; ".join(rule_text(*rule) for rule in DISTRIBUTION.get(organization_rating, ()))


class RuleCheck(NamedTuple):
    """One rule of a unit's pattern measured against its actual spread."""

    kind: str  # max, min, some, rest
    predicates: tuple  # the predikat keys the rule is about (rest: the allowed ones, () for any)
    limit: int | None  # the percent of the rule (None for some and rest)
    count: int  # employees the rule counts (rest: those outside every rule)
    total: int  # finished SKPs of the unit
    ok: bool

    @property
    def percent(self):
        """The rule's share of the unit, in per cent (0 for an empty unit)."""
        return self.count * 100 / self.total if self.total else 0


def check_distribution(counts, organization_rating):
    """Measure every rule of ``organization_rating``'s pattern against ``counts`` ({predikat: number of
    employees}); a list of :class:`RuleCheck` in the order of the pattern, empty for an unknown rating.

    Shares are compared in whole numbers (count x 100 against limit x total), so 70 of 100 is exactly
    70% and passes "at most 70%" while 71 fails it."""
    total = sum(counts.values())
    rules = DISTRIBUTION.get(organization_rating, ())
    named = {key for kind, predicates, _limit in rules if kind != "rest" for key in predicates}
    checks = []
    for kind, predicates, limit in rules:
        count = sum(counts.get(key, 0) for key in predicates)
        if kind == "max":
            ok = count * 100 <= limit * total
        elif kind == "min":
            ok = count * 100 >= limit * total
        elif kind == "some":
            ok = count > 0
        else:  # rest: everybody outside the named rules must have one of these predikat
            allowed = named | set(predicates) if predicates else set(counts)
            count = sum(number for key, number in counts.items() if key not in allowed)
            ok = not count
        checks.append(RuleCheck(kind, tuple(predicates), limit, count, total, ok))
    return checks


def distribution_breaches(counts, organization_rating):
    """The rules of ``organization_rating``'s pattern that ``counts`` breaks (see :func:`check_distribution`)."""
    return [check for check in check_distribution(counts, organization_rating) if not check.ok]


def rule_text(kind, predicates, limit):
    """One rule of a pattern in the forms' words, e.g. 'Sangat Baik paling banyak 70%'."""
    names = " dan/atau ".join(PREDICATE_NAMES_ID[key] for key in predicates)
    if kind == "max":
        return f"{names} paling banyak {limit}%" if limit else f"tidak ada {names}"
    if kind == "min":
        return f"{names} paling sedikit {limit}%"
    if kind == "some":
        return f"harus ada {names}"
    return f"sisanya {names}" if names else "sisanya predikat lain"
