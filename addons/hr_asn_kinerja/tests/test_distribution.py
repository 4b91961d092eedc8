"""The kurva (docs/rules.md §5): the five patterns at their edges, without the ORM."""

from odoo.tests import BaseCase, tagged

from ..tools.distribution import DISTRIBUTION, check_distribution, distribution_breaches, rule_text


def spread(**counts):
    """Counts per predikat of a unit of 100 employees: the named ones, the rest Baik."""
    counts = {key: value for key, value in counts.items() if value}
    return {"good": 100 - sum(counts.values()), **counts}


def broken(counts, rating):
    return [(check.kind, check.predicates, check.limit) for check in distribution_breaches(counts, rating)]


@tagged("post_install", "-at_install")
class TestDistributionPatterns(BaseCase):
    """The five patterns at their edges, without the ORM."""

    def test_every_rating_has_a_pattern_in_words(self):
        assert set(DISTRIBUTION) == {"outstanding", "good", "needs_improvement", "poor", "very_poor"}
        for rules in DISTRIBUTION.values():
            assert all(rule_text(*rule) for rule in rules)

    def test_istimewa_allows_at_most_70_percent_sangat_baik(self):
        assert not broken(spread(very_good=69), "outstanding")
        assert not broken(spread(very_good=70), "outstanding")
        assert broken(spread(very_good=71), "outstanding") == [("max", ("very_good",), 70)]

    def test_baik_allows_at_most_70_percent_baik(self):
        some_low = {"needs_improvement": 1}
        assert not broken({"good": 69, "very_good": 30, **some_low}, "good")
        assert not broken({"good": 70, "very_good": 29, **some_low}, "good")
        assert broken({"good": 71, "very_good": 28, **some_low}, "good") == [("max", ("good",), 70)]

    def test_baik_needs_at_least_one_butuh_perbaikan_or_kurang(self):
        assert broken({"good": 70, "very_good": 30}, "good") == [("some", ("needs_improvement", "poor"), None)]
        assert not broken({"good": 70, "very_good": 29, "poor": 1}, "good")

    def test_butuh_perbaikan_needs_60_percent_and_at_most_10_percent_sangat_baik(self):
        assert broken(spread(needs_improvement=59), "needs_improvement") == [("min", ("needs_improvement",), 60)]
        assert not broken(spread(needs_improvement=60), "needs_improvement")
        assert not broken(spread(needs_improvement=61), "needs_improvement")
        assert not broken(spread(needs_improvement=60, very_good=10), "needs_improvement")
        assert broken(spread(needs_improvement=60, very_good=11), "needs_improvement") == [("max", ("very_good",), 10)]

    def test_kurang_needs_60_percent_kurang_and_10_percent_butuh_perbaikan(self):
        assert not broken(spread(poor=60, needs_improvement=10, very_good=10), "poor")
        assert broken(spread(poor=59, needs_improvement=10), "poor") == [("min", ("poor",), 60)]
        assert broken(spread(poor=60, needs_improvement=9), "poor") == [("min", ("needs_improvement",), 10)]
        assert not broken(spread(poor=60, needs_improvement=11), "poor")
        assert broken(spread(poor=60, needs_improvement=10, very_good=11), "poor") == [("max", ("very_good",), 10)]

    def test_sangat_kurang_needs_60_percent_and_no_sangat_baik(self):
        assert not broken(spread(very_poor=60, poor=5, needs_improvement=5), "very_poor")
        assert broken(spread(very_poor=59, poor=10), "very_poor") == [("min", ("very_poor",), 60)]
        assert broken(spread(very_poor=60, poor=4, needs_improvement=5), "very_poor") == [
            ("min", ("poor", "needs_improvement"), 10)
        ]
        assert broken(spread(very_poor=60, poor=10, very_good=1), "very_poor") == [("max", ("very_good",), 0)]

    def test_shares_are_exact_fractions(self):
        # 7 of 10 is exactly 70%, 5 of 7 (71.43%) is not
        assert not broken({"very_good": 7, "good": 3}, "outstanding")
        assert broken({"very_good": 5, "good": 2}, "outstanding")
        check = check_distribution({"very_good": 2, "good": 1}, "outstanding")[0]
        assert (check.count, check.total, round(check.percent, 2), check.ok) == (2, 3, 66.67, True)

    def test_an_unknown_rating_or_an_empty_unit(self):
        assert check_distribution({"good": 3}, False) == []
        # no SKP: the "at most" rules hold, the "at least one" rule does not
        assert broken({}, "good") == [("some", ("needs_improvement", "poor"), None)]
