"""The vocabulary of the result (docs/rules.md §5): the ratings, the predikat, their labels, order and
colours, and the Predikat Kinerja matrix of PermenPAN-RB 6/2022; the one place they live."""

# the labels are the fields' selections, translated with the fields (ir.model.fields.selection)
RATING_SELECTION = [("above", "Above Expectations"), ("as_expected", "As Expected"), ("below", "Below Expectations")]
PREDICATE_SELECTION = [
    ("very_good", "Very Good"),
    ("good", "Good"),
    ("needs_improvement", "Needs Improvement"),
    ("poor", "Poor / Misconduct"),
    ("very_poor", "Very Poor"),
]
# the keys in their order: best first
RATINGS = tuple(key for key, _label in RATING_SELECTION)
PREDICATES = tuple(key for key, _label in PREDICATE_SELECTION)
# the colour of each predikat (background, text), from green to red
PREDICATE_COLOURS = {
    "very_good": ("#1e7b34", "#fff"),
    "good": ("#6cbf4f", "#212529"),
    "needs_improvement": ("#f2c12e", "#212529"),
    "poor": ("#ee7d22", "#212529"),
    "very_poor": ("#c8232c", "#fff"),
}
# how lists and forms colour a predikat (decoration-*); the graph's colours (static/src/views/predicate_graph.js)
# and the views' decorations are checked against these and PREDICATE_COLOURS (tests/test_predicate.py)
PREDICATE_DECORATIONS = {
    "success": ("very_good", "good"),
    "warning": ("needs_improvement",),
    "danger": ("poor", "very_poor"),
}
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


# both ratings in one choice, with the predikat they give (the scoring dialog of a card, one tap): the matrix's
# nine cells, work results from the best down, then work behaviour from the best down
_SHORT = {"above": "above", "as_expected": "as expected", "below": "below"}
_PREDICATE_LABELS = dict(PREDICATE_SELECTION)
RATING_PAIR_SELECTION = [
    (
        f"{result}:{behavior}",
        f"{_PREDICATE_LABELS[_MATRIX[result, behavior]]}: results {_SHORT[result]}, behaviour {_SHORT[behavior]}",
    )
    for result in RATINGS
    for behavior in RATINGS
]


# the matrix as the rules print it: work results from the best down (rows), behaviour from the worst up (columns)
MATRIX_ROWS = RATINGS
MATRIX_COLUMNS = tuple(reversed(RATINGS))


def matrix_rows():
    """The matrix as rows of keys: ``[(result rating, [(behaviour rating, predikat), ...]), ...]``."""
    return [(row, [(column, compute_predicate(row, column)) for column in MATRIX_COLUMNS]) for row in MATRIX_ROWS]


# the official names of the ratings, as the forms and e-Kinerja print them
RATING_NAMES_ID = {
    "above": "Di Atas Ekspektasi",
    "as_expected": "Sesuai Ekspektasi",
    "below": "Di Bawah Ekspektasi",
}

# the official names of the predikat, as the forms and SIASN print them
PREDICATE_NAMES_ID = {
    "very_good": "Sangat Baik",
    "good": "Baik",
    "needs_improvement": "Butuh Perbaikan",
    "poor": "Kurang/Misconduct",
    "very_poor": "Sangat Kurang",
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
