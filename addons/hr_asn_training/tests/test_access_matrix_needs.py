"""Proven per role: the competency dictionary, standards, profiles and the competency needs plan (AKPK,
docs/rules.md §25) x the six roles x every operation, as that user. The Kepala Bidang (the appraiser
column) heads Dinas Uji, the unit of the plan; docs/access.md shows the same table in its own block."""

from odoo.tests import tagged

from odoo.addons.hr_asn_kinerja.tests.access_matrix import AccessMatrixMixin

from .needs_case import PLAN_YEAR, NeedsCase

COMPETENCY = "asn.training.competency"
STANDARD = "asn.training.job.competency"
PROFILE = "asn.training.employee.competency"
TAUGHT = "asn.training.course.competency"
NEEDS = "asn.training.needs"
LINE = "asn.training.needs.line"
MARKER = "hr_asn_training_needs"

# fmt: off
MATRIX = {
    COMPETENCY: [
        # operation                   state             emp col apr sup HR  adm      note
        ("read",                      "",               "✓   ✓   ✓   ✓   ✓   ✓",  "the Kamus Kompetensi"),
        ("write name",                "",               "✗   ✗   ✗   ✗   ✓   ✓",  "configuration"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    STANDARD: [
        ("read",                      "",               "✓   ✓   ✓   ✓   ✓   ✓",  "on the job"),
        ("write level",               "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    TAUGHT: [
        ("read",                      "",               "✓   ✓   ✓   ✓   ✓   ✓",  "on the course"),
        ("write level",               "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    PROFILE: [
        ("read",                      "",               "✓   ✗   ✓   ✗   ✓   ✓",  "own, appraisees', the unit's head, HR"),
        ("write level",               "",               "✗   ✗   ✗   ✗   ✓   ✓",  "entered or imported by HR"),
        ("create",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                    "",               "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    NEEDS: [
        ("read",                      "draft",          "✗   ✗   ✓   ✗   ✓   ✓",  "employees read no plan"),
        ("read",                      "submitted",      "✗   ✗   ✓   ✗   ✓   ✓"),
        ("write note",                "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("write note",                "submitted",      "✗   ✗   ✗   ✗   ✓   ✓",  "HR adjusts before setting"),
        ("create",                    "",               "✗   ✗   ✓   ✗   ✓   ✓",  "the head of the unit, or HR"),
        ("unlink",                    "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("action_generate",           "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("action_submit",             "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("action_set",                "submitted",      "✗   ✗   ✗   ✗   ✓   ✓",  "the training requests follow"),
        ("action_reset",              "submitted",      "✗   ✗   ✓   ✗   ✓   ✓"),
    ],
    LINE: [
        ("read",                      "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("write priority",            "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("write priority",            "submitted",      "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                    "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
        ("unlink",                    "draft",          "✗   ✗   ✓   ✗   ✓   ✓"),
    ],
}
# fmt: on
# the subordinate (an employee) reads the dictionary, the standards and what courses teach
EXTRA_ALLOWED = {"subordinate": {(COMPETENCY, "read", ""), (STANDARD, "read", ""), (TAUGHT, "read", "")}}
TITLES = {
    COMPETENCY: "Competency",
    STANDARD: "Competency standard of a job",
    TAUGHT: "Competency taught by a course",
    PROFILE: "Competency profile",
    NEEDS: "Competency needs plan (AKPK)",
    LINE: "Competency need",
}


@tagged("post_install", "-at_install")
class TestAccessMatrixNeeds(AccessMatrixMixin, NeedsCase):
    MATRIX = MATRIX
    EXTRA_ALLOWED = EXTRA_ALLOWED
    TITLES = TITLES
    ADDON = "hr_asn_training"
    HEADING = "Competencies and competency needs plans"

    def plan_in(self, state):
        plan = self.env[NEEDS].create({"department_id": self.department.id, "year": PLAN_YEAR})
        plan.action_generate()
        if state == "submitted":
            plan.action_submit()
        return plan

    def prepare(self, model, state):
        return {
            COMPETENCY: lambda: self.env[model].create({"name": "Analisis Data", "kind": "technical"}),
            STANDARD: lambda: self.job.competency_standard_ids[:1],
            TAUGHT: lambda: self.course.competency_taught_ids[:1],
            PROFILE: lambda: self.env[model].search([("employee_id", "=", self.staff.id)], limit=1),
            NEEDS: lambda: self.plan_in(state or "draft"),
            LINE: lambda: self.plan_in(state).line_ids[:1],
        }[model]()

    def create_vals(self, model, record):
        kerjasama = self.env.ref("hr_asn_training.competency_kerjasama").id
        return {
            COMPETENCY: lambda: {"name": "Pengelolaan Arsip", "kind": "technical"},
            STANDARD: lambda: {"job_id": self.job.id, "competency_id": kerjasama, "level": 2},
            PROFILE: lambda: {"employee_id": self.staff.id, "competency_id": kerjasama, "level": 3},
            NEEDS: lambda: {"department_id": self.department.id, "year": PLAN_YEAR + 1},
            LINE: lambda: {"needs_id": record.needs_id.id, "employee_id": self.staff.id, "course_id": self.course.id},
        }[model]()

    def write_value(self, model, field):
        return {"name": "Analisis Data Lanjut", "level": 4, "note": "Jadwal semester II", "priority": "low"}[field]

    def render_markdown(self):
        """Its own block of docs/access.md, beside the training block."""
        return (
            super()
            .render_markdown()
            .replace(
                f"BEGIN {self.ADDON}: generated from addons/{self.ADDON}/tests/test_access_matrix.py",
                f"BEGIN {MARKER}: generated from addons/{self.ADDON}/tests/test_access_matrix_needs.py",
            )
            .replace(f"<!-- END {self.ADDON} -->", f"<!-- END {MARKER} -->")
        )

    def test_every_role_can_do_exactly_what_the_matrix_says(self):
        self.assertMatrix(self.MATRIX)

    def test_docs_access_md_shows_the_same_matrix(self):
        self.assertDocBlock(MARKER, self.render_markdown())
