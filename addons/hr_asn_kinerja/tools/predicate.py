"""The Predikat Kinerja matrix of PermenPAN-RB 6/2022 (docs/rules.md §5): the one place it lives."""

RATINGS = ("above", "as_expected", "below")
PREDICATES = ("very_good", "good", "needs_improvement", "poor", "very_poor")
# predikat that call for coaching (bimbingan kinerja, docs/rules.md §7)
LOW_PREDICATES = ("needs_improvement", "poor", "very_poor")

# (rating of work results, rating of work behaviour) -> predikat
_MATRIX = {
    ("above", "above"): "very_good",
    ("above", "as_expected"): "good",
    ("above", "below"): "poor",
    ("as_expected", "above"): "good",
    ("as_expected", "as_expected"): "good",
    ("as_expected", "below"): "poor",
    ("below", "above"): "needs_improvement",
    ("below", "as_expected"): "needs_improvement",
    ("below", "below"): "very_poor",
}


def compute_predicate(result_rating, behavior_rating):
    """Return the predikat key for two ratings, or False while either is missing."""
    return _MATRIX.get((result_rating, behavior_rating), False)


# the official names of the ratings, as the forms and e-Kinerja print them
RATING_NAMES_ID = {
    "above": "Di Atas Ekspektasi",
    "as_expected": "Sesuai Ekspektasi",
    "below": "Di Bawah Ekspektasi",
}
