"""Proven per role: every model of training and coaching x the six roles x every operation, as that user.

The roles are those towards the STAFF member's records: employee (Staf Satu), colleague (Staf Dua,
same unit, no relation to them), appraiser (Kepala Bidang), appraiser's superior (Kepala Dinas),
HR officer (Pengelola Kinerja) and manager (Administrator of the app). docs/access.md shows the
same table; see hr_asn_kinerja/tests/access_matrix.py for what a cell means.
"""

import base64

from odoo.tests import HttpCase, tagged

from odoo.addons.hr_asn_kinerja.tests.access_matrix import AccessMatrixMixin, OdooHrOfficerMixin

from .common import CERTIFICATE, TrainingCase

REQUEST = "asn.training.request"
COACHING = "asn.training.coaching"
ANSWER = "asn.training.coaching.answer"
COMPETENCY = "asn.training.coaching.competency"
STATEMENT = "asn.training.coaching.statement"
JP_CREDIT = "asn.training.jp.credit"
JP_REPORT = "asn.training.jp.report"
TALENT_BOX = "asn.talent.box"
TALENT_LINE = "asn.talent.box.line"
CERT_MODEL = "asn.training.certificate"
DEVELOPMENT = "asn.training.development"
PROFILE_IMPORT = "asn.training.profile.import"
OPENED_BY_HR = "opened by HR"
AWAITS_APPRAISER = "submitted, awaits appraiser"
AWAITS_HR = "submitted, awaits HR"

# fmt: off
MATRIX = {
    REQUEST: [
        # operation                   state             emp col apr sup HR  adm      note
        ("read",                      "draft",          "✓   ✗   ✓   ✗   ✓   ✓",  "training figures are private"),
        ("write reason",              "draft",          "✓   ✗   ✓   ✗   ✓   ✓"),
        ("write cost",                "approved",       "✗   ✗   ✗   ✗   ✓   ✓"),
        ("write certificate",         "approved",       "✓   ✗   ✗   ✗   ✓   ✓"),
        ("write state",               "draft",          "✗   ✗   ✗   ✗   ✗   ✗",  "only the workflow buttons"),
        ("create",                    "",               "✓   ✗   ✓   ✗   ✓   ✓",  "for oneself, an appraisee, anyone of the company"),
        ("unlink",                    "draft",          "✓   ✗   ✗   ✗   ✓   ✓",  "its author or HR; draft or cancelled"),
        ("action_submit",             "draft",          "✓   ✗   ✓   ✗   ✓   ✓"),
        ("action_approve",            AWAITS_APPRAISER, "✗   ✗   ✓   ✗   ✗   ✗"),
        ("action_validate",           AWAITS_HR,        "✗   ✗   ✗   ✗   ✓   ✓",  "final approval"),
        ("action_reject",             AWAITS_APPRAISER, "✗   ✗   ✓   ✗   ✓   ✓",  "with a reason"),
        ("action_reject",             AWAITS_HR,        "✗   ✗   ✗   ✗   ✓   ✓",  "with a reason"),
        ("action_done",               "approved",       "✗   ✗   ✗   ✗   ✓   ✓",  "certificate attached"),
        ("action_cancel",             "draft",          "✓   ✗   ✓   ✗   ✓   ✓"),
        ("action_cancel",             AWAITS_APPRAISER, "✓   ✗   ✗   ✗   ✓   ✓"),
        ("action_cancel",             "approved",       "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_reset",              "rejected",       "✓   ✗   ✓   ✗   ✓   ✓"),
        ("action_open_reject_wizard", AWAITS_APPRAISER, "✓   ✗   ✓   ✗   ✓   ✓",  "opens a form: whoever reads the request"),
        ("action_open_cancel_wizard", "draft",          "✓   ✗   ✓   ✗   ✓   ✓",  "opens a form: whoever reads the request"),
        ("action_open_appraisal",     "draft",          "✓   ✗   ✓   ✗   ✓   ✓",  "opens its SKP"),
    ],
    COACHING: [
        ("read",                      "draft",          "✓   ✗   ✓   ✓   ✓   ✓"),
        ("write place",               "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("write employee_comment",    "draft",          "✓   ✗   ✗   ✗   ✗   ✗",  "part of the employee's feedback (B.1.8)"),
        ("write state",               "draft",          "✗   ✗   ✗   ✗   ✗   ✗",  "only the workflow buttons"),
        ("create",                    "",               "✗   ✗   ✓   ✗   ✓   ✓",  "the employee's current appraiser, or HR"),
        ("unlink",                    "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("action_submit_feedback",    "draft",          "✓   ✗   ✗   ✗   ✗   ✗",  "every statement scored"),
        ("action_done",               "feedback",       "✗   ✗   ✓   ✗   ✗   ✗",  "a competency scored (B.1.9)"),
        ("action_reset",              "done",           "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_print",              "done",           "✓   ✗   ✓   ✓   ✓   ✓",  "the appraiser's copy leaves out B.1.8"),
    ],
    ANSWER: [
        ("read",                      "draft",          "✓   ✗   ✗   ✓   ✓   ✓",  "B.1.8 is about the appraiser"),
        ("write score",               "draft",          "✓   ✗   ✗   ✗   ✗   ✗"),
        ("create",                    "draft",          "✗   ✗   ✗   ✗   ✗   ✗",  "the statements come from the configuration"),
        ("unlink",                    "draft",          "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
    COMPETENCY: [
        ("read",                      "feedback",       "✓   ✗   ✓   ✓   ✓   ✓"),
        ("write score",               "feedback",       "✗   ✗   ✓   ✗   ✗   ✗"),
        ("create",                    "feedback",       "✗   ✗   ✓   ✗   ✗   ✗"),
        ("unlink",                    "feedback",       "✗   ✗   ✓   ✗   ✗   ✗"),
    ],
    STATEMENT: [
        ("read",                      "",               "✓   ✓   ✓   ✓   ✓   ✓"),
        ("write name",                "",               "✗   ✗   ✗   ✗   ✓   ✓",  "configuration"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    JP_CREDIT: [
        ("read",                      "done",           "✓   ✗   ✓   ✗   ✓   ✓",  "of a done request"),
    ],
    JP_REPORT: [
        ("read",                      "",               "✗   ✗   ✗   ✗   ✓   ✓",  "HR's planning report"),
    ],
    TALENT_BOX: [
        ("read",                      "draft",          "✗   ✗   ✗   ✗   ✓   ✓",  "HR and the Komite Talenta"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_generate",           "draft",          "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_review",             "draft",          "✗   ✗   ✗   ✗   ✓   ✓",  "or the Komite Talenta"),
        ("action_set",                "reviewed",       "✗   ✗   ✗   ✗   ✗   ✗",  "the Komite Talenta only"),
    ],
    TALENT_LINE: [
        ("read",                      "draft",          "✗   ✗   ✗   ✗   ✓   ✓"),
        ("read",                      "set",            "✓   ✗   ✗   ✗   ✓   ✓",  "the employee their own line once set"),
        ("write potential",           "draft",          "✗   ✗   ✗   ✗   ✓   ✓",  "or the Komite Talenta"),
        ("write potential",           "set",            "✗   ✗   ✗   ✗   ✗   ✗",  "a set box is frozen"),
    ],
    CERT_MODEL: [
        ("read",                      "",               "✓   ✗   ✓   ✗   ✓   ✓"),
        ("write date_expiry",         "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    DEVELOPMENT: [
        ("read",                      "",               "✓   ✗   ✗   ✗   ✓   ✓",  "Pengembangan Saya"),
    ],
    # the file of competency profiles (or of a talent box's potentials, also the Komite Talenta's)
    PROFILE_IMPORT: [
        ("read",                      OPENED_BY_HR,     "✗   ✗   ✗   ✗   ✓   ✗",  "a dialog is its opener's"),
        ("write filename",            OPENED_BY_HR,     "✗   ✗   ✗   ✗   ✓   ✗"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_import",             "",               "✗   ✗   ✗   ✗   ✓   ✓",  "competency profiles: HR"),
        ("unlink",                    OPENED_BY_HR,     "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
}
# fmt: on
# the subordinate (appraised by the employee) reads the configuration only (access_matrix.EXTRA_ROLES)
EXTRA_ALLOWED = {"subordinate": {(STATEMENT, "read", "")}}
TITLES = {
    REQUEST: "Training request",
    COACHING: "Coaching",
    ANSWER: "Coaching feedback answer (B.1.8)",
    COMPETENCY: "Competency evaluation (B.1.9)",
    STATEMENT: "Feedback statement (B.1.8)",
    JP_CREDIT: "Learning hours credit",
    JP_REPORT: "Learning hours (JP) report",
    TALENT_BOX: "Talent box",
    TALENT_LINE: "Talent box line",
    CERT_MODEL: "Training certificate",
    DEVELOPMENT: "Development page (Pengembangan Saya)",
    PROFILE_IMPORT: "Import of competency profiles or potentials",
}


class TrainingMatrixCase(AccessMatrixMixin, TrainingCase):
    MATRIX = MATRIX
    EXTRA_ALLOWED = EXTRA_ALLOWED
    TITLES = TITLES
    ADDON = "hr_asn_training"
    HEADING = "Training and coaching"
    ACTION_ARGS = {(REQUEST, "action_reject"): ("Tidak relevan",), (REQUEST, "action_cancel"): ("Tidak jadi",)}

    def request_in(self, state):
        """A request of Staf Satu, drafted by herself, in ``state`` (approved: with its certificate)."""
        request = self.draft_request().with_env(self.env)
        steps = {
            AWAITS_APPRAISER: ["submit"],
            AWAITS_HR: ["submit", "approve"],
            "approved": ["submit", "approve", "validate"],
            "done": ["submit", "approve", "validate", "done"],
            "rejected": ["submit", "reject"],
        }.get(state, [])
        for step in steps:
            if step == "done":
                request.certificate = CERTIFICATE
            getattr(request, f"action_{step}")(*(["Tidak relevan"] if step == "reject" else []))
        if state == "approved":
            request.certificate = CERTIFICATE
        return request

    def coaching_in(self, state):
        """A coaching of Staf Satu by her appraiser in ``state``, with every statement and one competency scored."""
        coaching = self.env[COACHING].with_user(self.user_supervisor).create({"employee_id": self.staff.id})
        coaching = coaching.with_env(self.env)
        coaching.answer_ids.score = 4
        if state in ("feedback", "done"):
            coaching.action_submit_feedback()
            self.env[COMPETENCY].create(
                {"coaching_id": coaching.id, "name": "Penyusunan laporan", "score": 3, "reason": "Masih terlambat"}
            )
        if state == "done":
            coaching.action_done()
        return coaching

    def prepare(self, model, state):
        return {
            REQUEST: lambda: self.request_in(state or "draft"),
            COACHING: lambda: self.coaching_in(state or "draft"),
            ANSWER: lambda: self.coaching_in(state).answer_ids[:1],
            COMPETENCY: lambda: self.coaching_in(state).competency_ids[:1],
            JP_CREDIT: lambda: self.env[model].search([("request_id", "=", self.request_in("done").id)]),
            JP_REPORT: lambda: self.env[model].search([("employee_id", "=", self.staff.id)], limit=1),
            TALENT_BOX: lambda: self.talent_box_in(state) if state else self.env[model],
            TALENT_LINE: lambda: self.talent_box_in(state).line_ids,
            CERT_MODEL: self.staff_certificate,
            DEVELOPMENT: lambda: self.env[model].search([("employee_id", "=", self.staff.id)]),
            PROFILE_IMPORT: lambda: (
                self.env[model].with_user(self.user_officer).create(self.create_vals(model, None))
                if state == OPENED_BY_HR
                else self.env[model]
            ),
        }.get(model, lambda: self.env[model].create(self.create_vals(model, None)))()

    def talent_box_in(self, state):
        """The 2026 talent box with Staf Satu's line (her SKP done at Sangat Baik), in ``state``."""
        self.walk_to_predicate(self.skp_of(self.staff), "very_good")
        box = self.env[TALENT_BOX].create({"period_id": self.period.id})
        box.action_generate()
        if state in ("reviewed", "set"):
            box.line_ids.potential = "high"
            box.action_review()
        if state == "set":
            box.action_set()
        return box

    def staff_certificate(self):
        """Staf Satu's certificate from a passed session of a course valid for a year."""
        self.course.certificate_validity_months = 12
        self.open_session._add_attendee(self.staff).result = "passed"
        return self.env[CERT_MODEL].search([("employee_id", "=", self.staff.id)])

    def create_vals(self, model, record):
        return {
            TALENT_BOX: lambda: {"period_id": self.period.id},
            REQUEST: lambda: {"employee_id": self.staff.id, "course_id": self.course.id, "reason": "Kesenjangan"},
            COACHING: lambda: {"employee_id": self.staff.id},
            ANSWER: lambda: {"coaching_id": record.coaching_id.id, "name": "Saya setuju", "score": 5},
            COMPETENCY: lambda: {"coaching_id": record.coaching_id.id, "name": "Disiplin", "score": 4},
            STATEMENT: lambda: {"name": "Saya merasa didengar.", "group": "both"},
            PROFILE_IMPORT: lambda: {
                "kind": "competency",
                "file": base64.b64encode(
                    f"nip;competency;level;date\n{self.staff.nip};Integritas;4;01-10-2026\n".encode()
                ),
                "filename": "profil.csv",
            },
        }[model]()

    def write_value(self, model, field):
        return {
            "reason": "Kesenjangan kompetensi teknis",
            "cost": 250000,
            "certificate": CERTIFICATE,
            "state": "done",
            "place": "Muara Bungo",
            "employee_comment": "Sangat membantu",
            "score": 5,
            "name": "Saya merasa diperhatikan.",
            "potential": "low",
            "date_expiry": "2030-01-01",
            "filename": "profil_baru.csv",
        }[field]


@tagged("post_install", "-at_install")
class TestAccessMatrix(TrainingMatrixCase):
    def test_every_role_can_do_exactly_what_the_matrix_says(self):
        self.assertMatrix(self.MATRIX)

    def test_docs_access_md_shows_the_same_matrix(self):
        self.assertDocMatches()


@tagged("post_install", "-at_install")
class TestAccessMatrixOverRpc(TrainingMatrixCase, HttpCase):
    def test_representative_cells_hold_over_json_rpc(self):
        self.assertCellsOverRpc(
            [
                (REQUEST, "action_approve", AWAITS_APPRAISER, "employee"),
                (REQUEST, "action_validate", AWAITS_HR, "officer"),
                (REQUEST, "read", "draft", "colleague"),
                (REQUEST, "read", "draft", "subordinate"),
                (ANSWER, "read", "draft", "appraiser"),
            ]
        )


# Odoo's own HR officer without a Kinerja role (docs/access.md, its own block): Employees as before, no training
# figures of others, no Kinerja step
EMPLOYEE = "hr.employee"
# fmt: off
HR_OFFICER_ROWS = {
    EMPLOYEE: [
        ("read",                      "",               "✓",  "every field, hr_course's courses and the JP figures too"),
    ],
    REQUEST: [
        ("read",                      "draft",          "✗",  "training figures are private"),
        ("create",                    "",               "✗"),
        ("action_validate",           AWAITS_HR,        "✗",  "final approval: Pengelola Kinerja"),
    ],
    COACHING: [
        ("read",                      "draft",          "✗"),
        ("create",                    "",               "✗"),
    ],
    JP_REPORT: [
        ("read",                      "",               "✗"),
    ],
    PROFILE_IMPORT: [
        ("create",                    "",               "✗"),
    ],
}
# fmt: on


@tagged("post_install", "-at_install")
class TestOdooHrOfficer(OdooHrOfficerMixin, TrainingMatrixCase):
    HR_OFFICER_ROWS = HR_OFFICER_ROWS
    TITLES = {**TITLES, EMPLOYEE: "Employee"}

    def prepare(self, model, state):
        return self.staff if model == EMPLOYEE else super().prepare(model, state)

    def test_odoo_hr_officer_keeps_employees_and_gets_no_training(self):
        self.assertHrOfficerRows()

    def test_docs_access_md_shows_the_odoo_hr_officer(self):
        self.assertHrOfficerDocMatches()
