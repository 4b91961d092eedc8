"""Distribution of predikat ("kurva") per organisation rating (docs/rules.md §5): the one place it lives.

Each organisation rating maps to its rules, in the order the form prints them. A rule is
(kind, predikat keys, percent):
- "max": at most that share of the unit's employees has one of these predikat (0: none);
- "min": at least that share has one of them;
- "some": at least one employee has one of them;
- "rest": the remaining employees have one of them (no keys: any other predikat).
"""

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

# the official names of the predikat, as the forms print them
PREDICATE_NAMES_ID = {
    "very_good": "Sangat Baik",
    "good": "Baik",
    "needs_improvement": "Butuh Perbaikan",
    "poor": "Kurang/Misconduct",
    "very_poor": "Sangat Kurang",
}


def distribution_text(organization_rating):
    """The 'Pola Distribusi' of an organisation rating, in the forms' words; '' when unknown."""
    parts = []
    for kind, predicates, percent in DISTRIBUTION.get(organization_rating, ()):
        names = " dan/atau ".join(PREDICATE_NAMES_ID[key] for key in predicates)
        if kind == "max":
            parts.append(f"{names} paling banyak {percent}%" if percent else f"tidak ada {names}")
        elif kind == "min":
            parts.append(f"{names} paling sedikit {percent}%")
        elif kind == "some":
            parts.append(f"harus ada {names}")
        else:
            parts.append(f"sisanya {names}" if names else "sisanya predikat lain")
    return "; ".join(parts)
