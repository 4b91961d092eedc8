"""In the browser, on a desktop (1366x900) and on a phone (390x844): the head of the unit generates and
submits the unit's competency needs plan (AKPK) and HR sets it (docs/rules.md §25); the Komite Talenta sets
the talent box and the employee reads their own box (docs/rules.md §18). The tours are in
static/src/tours/training_development_tours.js; each test prepares the records server side, runs the tour as
the user whose step it is and checks the records afterwards."""

from odoo.tests import HttpCase, tagged

from .needs_case import PLAN_YEAR, NeedsCase
from .talent_case import TalentCase


def disable_odoobot(users):
    if "odoobot_state" in users._fields:
        users.write({"odoobot_state": "disabled"})  # no welcome chat window over the screen


class TourMixin:
    def run_tour(self, tour, login):
        self.start_tour("/odoo", tour, login=login)
        self.env.invalidate_all()  # the browser wrote through the test cursor


class NeedsTourCase(TourMixin, NeedsCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        disable_odoobot(cls.user_staff | cls.user_supervisor | cls.user_officer)


class NeedsTours:
    """The AKPK journey, run at both sizes by the classes below."""

    def test_unit_head_submits_and_hr_sets_the_akpk(self):
        plan = self.plan()  # the draft of the unit for next year, as in the demo
        self.assertFalse(plan.line_ids)

        self.run_tour("hr_asn_training_akpk_unit_head", "kin_supervisor")
        self.assertEqual(plan.state, "submitted")
        self.assertEqual((plan.people_count, plan.jp_total), (2, 16 + 16 + 8))

        self.run_tour("hr_asn_training_akpk_hr", "kin_officer")
        self.assertRecordValues(plan, [{"state": "set", "set_by_id": self.user_officer.id, "year": PLAN_YEAR}])
        requests = plan.line_ids.request_id
        self.assertEqual(len(requests), 3)
        self.assertEqual(set(requests.mapped("source")), {"needs"})
        self.assertEqual(requests.employee_id, self.staff | self.staff2)


@tagged("post_install", "-at_install")
class TestNeedsTourDesktop(NeedsTours, NeedsTourCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestNeedsTourPhone(NeedsTours, NeedsTourCase):
    browser_size = "390x844"
    touch_enabled = True


class TalentTourCase(TourMixin, TalentCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        disable_odoobot(cls.user_staff | cls.user_staff2 | cls.user_committee)


class TalentTours:
    """The talent box journey, run at both sizes by the classes below."""

    def test_committee_sets_the_box_and_the_employee_reads_theirs(self):
        box = self.finished_box()
        committee = box.with_user(self.user_committee)
        self.line_of(committee, self.staff).write({"potential": "high", "potential_source": "assessment"})
        self.line_of(committee, self.staff2).write({"potential": "medium", "potential_source": "assessment"})
        committee.action_review()
        self.assertEqual([self.line_of(box, self.staff).box, self.line_of(box, self.staff2).box], [9, 3])

        self.run_tour("hr_asn_training_talent_committee", "kin_committee")
        self.assertRecordValues(box, [{"state": "set", "set_by_id": self.user_committee.id}])

        self.run_tour("hr_asn_training_talent_employee", "kin_staff")


@tagged("post_install", "-at_install")
class TestTalentTourDesktop(TalentTours, TalentTourCase):
    browser_size = "1366x900"


@tagged("post_install", "-at_install")
class TestTalentTourPhone(TalentTours, TalentTourCase):
    browser_size = "390x844"
    touch_enabled = True
