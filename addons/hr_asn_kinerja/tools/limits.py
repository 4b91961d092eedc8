"""Bounds of what people type (docs/rules.md §22): the one place that sizes them, for every model of both
addons (``asn.input.limits.mixin`` declares which field takes which bound).

Sized for real use, not for a book: the longest realisation, feedback or objection seen in e-Kinerja is a
few paragraphs (well under 2,000 characters); a PDF of the SKP stays a few pages with the largest.
"""

# characters
NAME_MAX = 200  # a name or a title, a place, a target "12 laporan"
URL_MAX = 2000  # a link, as browsers keep them
TEXT_MAX = 4000  # a few paragraphs: a realisation, a feedback, a reason, an objection's texts

# learning hours (JP) of one training: the longest programmes (e.g. PKA, PKN II) stay well under this
JP_MAX = 1000
# rupiah of one training: ten billion, far above any single training's budget line
COST_MAX = 10**10
# a period, a session or a training: between these years
YEAR_MIN = 2000
YEAR_MAX = 2100
