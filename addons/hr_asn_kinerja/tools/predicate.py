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

# the weight of a rating when the parts of a year are combined (docs/rules.md §17)
_RATING_SCORE = {"above": 3, "as_expected": 2, "below": 1}


def weighted_rating(parts):
    """The rating that a year of several parts (one per post, docs/rules.md §17) proposes: each part's
    rating weighs by its length in months (``parts``: ``[(months, rating)]``), on the scale Below = 1,
    As Expected = 2, Above = 3; a mean of 2.5 or more gives Above, under 1.5 Below, anything between
    As Expected. False while a part has no rating or no part has a length."""
    total = sum(months for months, _rating in parts)
    if not parts or total <= 0 or any(rating not in _RATING_SCORE for _months, rating in parts):
        return False
    mean = sum(months * _RATING_SCORE[rating] for months, rating in parts) / total
    if mean >= 2.5:
        return "above"
    if mean < 1.5:
        return "below"
    return "as_expected"
