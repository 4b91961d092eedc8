"""What one workflow step costs: one chatter line, the next activity, and a pinned number of queries.

Each step is first taken on a colleague's SKP so that caches are as warm as in a running server;
the pinned counts are those of the second SKP. `make bench` prints the same steps in milliseconds.
"""

from freezegun import freeze_time

from odoo.tests import tagged

from .common import KinerjaCase

# queries of each step as its user, after a warm-up on another SKP; the chatter line and the
# activity read the languages of the employee and of the next actor (docs/rules.md §20); every step
# first checks that its caller may read the record, then locks it (a second person taking it at once waits).
# Ceilings (a step may cost less): what one step of one SKP costs, most of it in Odoo's mail and activity code
STEP_QUERIES = {
    "write": 23,
    # +1 for the two steps that hand the SKP to the appraiser since an SKP is one part of the period (docs/rules.md §17)
    "submit": 36,
    "approve": 32,
    "submit_realization": 40,
    # with the search of the 360 requests the score closes (docs/rules.md §20.16), and the unit's head (+1: a
    # unit head's rating of work results is the unit's, docs/rules.md §5)
    "score": 36,
    # the final result asks the employee to acknowledge it; its e-mail is the scheduled action's (docs/rules.md §21);
    # it keeps the appraiser as they sign (name, NIP, rank; job; unit: three reads, docs/rules.md §10); the
    # read-result activity is not given while an objection waits (its objections read)
    "done": 46,
}
# above each count: Odoo's own mail and activity queries move by one or two between patch releases; a query
# of ours per row or per person would still show (one SKP, no batch here: there is no N+1 to guard)
HEADROOM = 2


@tagged("post_install", "-at_install")
class TestStepCost(KinerjaCase):
    def setUp(self):
        super().setUp()
        self.skps = self.skp_of(self.staff2) | self.skp_of(self.staff)
        self.env["asn.kinerja.appraisal.line"].create(
            [{"appraisal_id": skp.id, "name": "Laporan", "target": "4 laporan"} for skp in self.skps]
        )

    def user_of(self, skp, role):
        return {"employee": skp.employee_id.user_id, "appraiser": skp.appraiser_id.user_id}.get(role, role)

    def step(self, name, role, *args):
        """Take the step on both SKPs, the second one under a pinned (maximum) query count."""
        warm, pinned = self.skps
        for skp in (warm, pinned):
            user = self.user_of(skp, role)
            self.env.flush_all()
            self.env.invalidate_all()
            if skp == pinned:
                with self.assertQueryCount(STEP_QUERIES[name] + HEADROOM):
                    self._run(skp.with_user(user), name, args)
                    skp.env.flush_all()
            else:
                self._run(skp.with_user(user), name, args)

    def _run(self, skp, name, args):
        if name == "write":
            skp.write({"employee_feedback": "Siap"})
        else:
            getattr(skp, f"action_{name}")(*args)

    def messages(self):
        """The chatter lines of each SKP (the final result also e-mails the employee: not a chatter line)."""
        return {
            skp: len(skp.message_ids.filtered(lambda m: m.message_type in ("comment", "notification")))
            for skp in self.skps
        }

    # before the period's deadlines (docs/rules.md §14): an activity due already would also notify its
    # assignee's systray, one more query
    @freeze_time("2026-01-15")
    def test_each_step_logs_one_line_and_costs_what_is_pinned(self):
        self.step("write", "employee")
        for name, role, prepare in (
            ("submit", "employee", None),
            ("approve", "appraiser", None),
            ("submit_realization", "employee", {"realization": "4 laporan"}),
            ("score", "appraiser", {"result_rating": "above", "behavior_rating": "above"}),
            ("done", self.user_officer, None),
        ):
            with self.subTest(step=name):
                if name == "submit_realization":
                    self.skps.line_ids.write(prepare)
                elif prepare:
                    for skp in self.skps:
                        skp.with_user(self.user_supervisor).write(prepare)
                before = self.messages()
                self.step(name, role)
                self.assertEqual(
                    {skp: count - before[skp] for skp, count in self.messages().items()},
                    dict.fromkeys(self.skps, 1),
                    "one chatter line per step",
                )
        self.assertEqual(set(self.skps.mapped("state")), {"done"})
