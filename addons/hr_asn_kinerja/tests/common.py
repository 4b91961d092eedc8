from contextlib import contextmanager
from unittest.mock import patch

from odoo.tests import HttpCase, TransactionCase, new_test_user

from odoo.addons.base.models import ir_actions_report
from odoo.addons.queue_job.job import Job
from odoo.addons.queue_job.tests.common import trap_jobs

EMPLOYEE = "base.group_user"
APPRAISER = "base.group_user,hr_asn_kinerja.group_kinerja_appraiser"
OFFICER = "base.group_user,hr_asn_kinerja.group_kinerja_officer"
MANAGER = "base.group_user,hr_asn_kinerja.group_kinerja_manager"
# browser_js code: succeeds once the pointer of a guided tour (a person's, not a test's) shows
TOUR_POINTER_SHOWS = """
    const found = () => document.querySelector('.o_tour_pointer');
    if (found()) { console.log('test successful'); }
    else {
        new MutationObserver((_records, observer) => {
            if (found()) { observer.disconnect(); console.log('test successful'); }
        }).observe(document.body, { childList: true, subtree: true });
    }
"""


def run_jobs(call, *args, **kwargs):
    """``call(*args, **kwargs)``, then the queue_job jobs it enqueued and those they enqueue in turn, at once
    and in this transaction (queue_job's test trap): what the job runner would do, deterministically."""
    with trap_jobs() as trap:
        result = call(*args, **kwargs)
        while trap.enqueued_jobs:
            trap.perform_enqueued_jobs()
    return result


def perform_stored_jobs(env, max_priority=None, limit=None):
    """Run the queue's pending jobs here, one at a time in priority order, as one job worker would (those
    waiting for them next, chains included), up to ``max_priority`` when given, at most ``limit`` of them;
    returns how many ran. The benchmarks run a period's jobs with it too (tests/benchmarks/bench_common.py)."""
    ran = 0
    while limit is None or ran < limit:
        domain = [("state", "=", "pending")] + ([("priority", "<=", max_priority)] if max_priority else [])
        record = env["queue.job"].sudo().search(domain, order="priority, id", limit=1)
        if not record:
            return ran
        job = Job.load(env, record.uuid)
        job.set_started()
        job.store()
        job.set_done(result=job.perform())
        job.store()
        if job.should_check_dependents():
            job.enqueue_waiting()
        ran += 1
    return ran


# (result rating, behaviour rating) that give each predikat (docs/rules.md §5)
RATINGS_FOR = {
    "very_good": ("above", "above"),
    "good": ("as_expected", "as_expected"),
    "needs_improvement": ("below", "as_expected"),
    "poor": ("as_expected", "below"),
    "very_poor": ("below", "below"),
}


def make_nip(seq, birth="19850315", tmt="201001", sex="1"):
    """A valid NIP; ``seq`` keeps them unique."""
    return f"{birth}{tmt}{sex}{seq:03d}"


def walk_skp(skp, to_state, finaliser, result_rating="as_expected", behavior_rating="as_expected"):
    """Move ``skp`` up to ``to_state``, each step by the user whose step it is and the final result by
    ``finaliser`` (a user); also the year of work of tests/test_upgrade.py, in an odoo-bin shell."""
    employee_user = skp.employee_id.user_id
    appraiser_user = skp.appraiser_id.user_id
    steps = ["draft", "submitted", "approved", "self_assessed", "scored", "done"]
    for state in steps[steps.index(skp.state) + 1 : steps.index(to_state) + 1]:
        if state == "submitted":
            if not skp.line_ids:
                skp.env["asn.kinerja.appraisal.line"].with_user(employee_user).create(
                    {"appraisal_id": skp.id, "name": "Laporan kegiatan", "target": "12 laporan"}
                )
            skp.with_user(employee_user).action_submit()
        elif state == "approved":
            skp.with_user(appraiser_user).action_approve()
        elif state == "self_assessed":
            skp.line_ids.with_user(employee_user).write({"realization": "12 laporan"})
            skp.with_user(employee_user).action_submit_realization()
        elif state == "scored":
            ratings = {"result_rating": result_rating, "behavior_rating": behavior_rating}
            if "below" in ratings.values() and not skp.appraiser_feedback:
                # a rating below expectations is given with its reason (docs/rules.md §21)
                ratings["appraiser_feedback"] = "Perlu bimbingan kinerja: ketepatan waktu laporan."
            if "leader_unit_rating_id" in skp._fields and skp.leader_unit_rating_id:
                del ratings["result_rating"]  # a unit head's comes from the unit's rating (docs/rules.md §5)
            skp.with_user(appraiser_user).write(ratings)
            skp.with_user(appraiser_user).action_score()
        elif state == "done":
            skp.with_user(finaliser).action_done()
    return skp


class KinerjaCase(TransactionCase):
    """A small regency unit: a head, a supervisor, two staff, an outsider,
    an HR officer (BKPSDM) and an administrator, each with a user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_create_nolog=True))
        cls.company = cls.env.company
        cls.department = cls.env["hr.department"].create({"name": "Dinas Uji"})
        cls.user_head = new_test_user(cls.env, "kin_head", groups=APPRAISER, name="Kepala Dinas")
        cls.user_supervisor = new_test_user(cls.env, "kin_supervisor", groups=APPRAISER, name="Kepala Bidang")
        cls.user_staff = new_test_user(cls.env, "kin_staff", groups=EMPLOYEE, name="Staf Satu")
        cls.user_staff2 = new_test_user(cls.env, "kin_staff2", groups=EMPLOYEE, name="Staf Dua")
        cls.user_outsider = new_test_user(cls.env, "kin_outsider", groups=APPRAISER, name="Pegawai Lain")
        cls.user_officer = new_test_user(cls.env, "kin_officer", groups=OFFICER, name="Pengelola BKPSDM")
        cls.user_manager = new_test_user(cls.env, "kin_manager", groups=MANAGER, name="Admin Kinerja")
        Employee = cls.env["hr.employee"]
        cls.head = Employee.create(cls._employee_vals(cls.user_head, 1, rank="IV/b", position="jpt"))
        cls.supervisor = Employee.create(
            cls._employee_vals(cls.user_supervisor, 2, rank="III/d", position="administrator", parent=cls.head)
        )
        cls.staff = Employee.create(cls._employee_vals(cls.user_staff, 3, parent=cls.supervisor))
        cls.staff2 = Employee.create(cls._employee_vals(cls.user_staff2, 4, parent=cls.supervisor, sex="2"))
        cls.outsider = Employee.create(cls._employee_vals(cls.user_outsider, 5))
        cls.officer = Employee.create(cls._employee_vals(cls.user_officer, 6, parent=cls.head))
        cls.period = cls.env["asn.kinerja.period"].create(
            {"name": "Tahun 2026", "date_start": "2026-01-01", "date_end": "2026-12-31", "period_type": "annual"}
        )
        cls.period.with_user(cls.user_officer).action_open()

    # ------------------------------------------------------------------
    # SKP helpers
    # ------------------------------------------------------------------
    def skp_of(self, employee, period=None):
        """The SKP of ``employee`` in ``period`` (default: the open 2026 period)."""
        return self.env["asn.kinerja.appraisal"].search(
            [("employee_id", "=", employee.id), ("period_id", "=", (period or self.period).id)]
        )

    def walk(self, skp, to_state, result_rating="as_expected", behavior_rating="as_expected"):
        """Move ``skp`` through the workflow, each step by the user whose step it is."""
        walk_skp(skp, to_state, self.user_officer, result_rating, behavior_rating)
        self.assertEqual(skp.state, to_state)
        return skp

    @classmethod
    def make_units(cls, sub_unit_name):
        """The Kepala Dinas heads Dinas Uji (hr.department.manager_id), which gets a sub-unit; plus a unit
        of its own, Dinas Lain. Heading the unit makes the Kepala Dinas the manager of its employees."""
        cls.department.manager_id = cls.head
        cls.sub_unit = cls.env["hr.department"].create({"name": sub_unit_name, "parent_id": cls.department.id})
        cls.other_unit = cls.env["hr.department"].create({"name": "Dinas Lain"})

    def sub_period(self, name, period_type, date_start, date_end):
        """A semester, quarter or month of the 2026 period."""
        return self.env["asn.kinerja.period"].create(
            {
                "name": name,
                "period_type": period_type,
                "parent_id": self.period.id,
                "date_start": date_start,
                "date_end": date_end,
            }
        )

    def walk_to_predicate(self, skp, predicate, to_state="done"):
        """Move ``skp`` to ``to_state`` (scored or done) with the ratings that give ``predicate``."""
        result, behavior = RATINGS_FOR[predicate]
        self.walk(skp, to_state, result_rating=result, behavior_rating=behavior)
        self.assertEqual(skp.predicate, predicate)
        return skp

    def rate_unit(self, rating, department=None, period=None):
        """HR rates a unit (default: Dinas Uji) for a period (default: 2026)."""
        return (
            self.env["asn.kinerja.unit.rating"]
            .with_user(self.user_officer)
            .create(
                {
                    "department_id": (department or self.department).id,
                    "period_id": (period or self.period).id,
                    "rating": rating,
                }
            )
        )

    def confirm_penetapan(self, unit_rating, justification="Disetujui pimpinan."):
        """HR prepares the Penetapan (justified when a rule is broken), whoever sets it confirms it: the
        appraiser of the unit's head, else HR (docs/rules.md §5)."""
        officer = unit_rating.with_user(self.user_officer)
        if not unit_rating.sudo().distribution_ok and not unit_rating.justification:
            officer.justification = justification
        officer.action_prepare()
        unit_rating.with_user(unit_rating.sudo().setter_id.user_id or self.user_officer).action_confirm()
        return unit_rating

    def load_indonesian(self):
        """Activate Bahasa Indonesia with this project's translations (the test database has none)."""
        self.env["res.lang"]._activate_lang("id_ID")
        modules = self.env["ir.module.module"].search([("name", "like", "hr_asn_%"), ("state", "=", "installed")])
        self.env["ir.module.module"]._load_module_terms(modules.mapped("name"), ["id_ID"])

    @classmethod
    def _employee_vals(cls, user, seq, rank="III/a", position="pelaksana", parent=None, sex="1"):
        return {
            "name": user.name,
            "user_id": user.id,
            "department_id": cls.department.id,
            "parent_id": parent.id if parent else False,
            "nip": make_nip(seq, sex=sex),
            "asn_type": "pns",
            "asn_rank": rank,
            "asn_position_type": position,
        }


class PdfCase(HttpCase):
    """Renders reports with wkhtmltopdf, as the Print menu does.

    wkhtmltopdf fetches the report's stylesheets (``/web/assets/...``) from Odoo's HTTP server,
    so a PDF test must be an HttpCase: it points ``web.base.url`` at the test server, gives
    wkhtmltopdf the test cookie and puts the registry in test mode, so that the request is
    served in this test's own transaction. From a plain TransactionCase under ``odoo-bin
    --test-tags`` the request never gets a registry: odoo-bin holds ``Registry._lock`` while it
    runs the tests, so wkhtmltopdf, and the test waiting for it, hang.
    """

    @contextmanager
    def wkhtmltopdf_runs(self):
        """The runs of wkhtmltopdf inside the block (a list), each checked to have fetched every stylesheet."""
        runs = []
        run_wkhtmltopdf = ir_actions_report._run_wkhtmltopdf  # HttpCase's: sends the test cookie

        def spy(args):
            runs.append(run_wkhtmltopdf(args))
            return runs[-1]

        with patch.object(ir_actions_report, "_run_wkhtmltopdf", spy):
            yield runs
        for run in runs:
            # e.g. "Exit with code 1 due to network error: ConnectionRefusedError"
            self.assertNotIn("network error", run.stderr, "wkhtmltopdf could not fetch the report's stylesheets")

    def render_pdf(self, report, records, user=None):
        """The PDF of ``report`` for ``records`` (printed by ``user``), rendered afresh (not a kept one)."""
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True, report_pdf_no_attachment=True)
        if user:
            Report = Report.with_user(user)
        with self.wkhtmltopdf_runs() as runs:
            pdf, kind = Report._render_qweb_pdf(report, records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertTrue(runs, "wkhtmltopdf did not run")
        return pdf
