"""The base of the browser tours: the small regency unit of KinerjaCase in an HttpCase."""

from odoo.tests import HttpCase

from .common import KinerjaCase


class KinerjaTourCase(HttpCase, KinerjaCase):
    """HttpCase with the small regency unit of KinerjaCase (MRO: HttpCase, KinerjaCase, TransactionCase)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.user_head | cls.user_supervisor | cls.user_staff | cls.user_staff2 | cls.user_officer
        if "odoobot_state" in users._fields:
            # mail_bot (auto-installed) would open its welcome chat window over the phone screen
            users.write({"odoobot_state": "disabled"})

    def run_tour(self, tour, login):
        self.start_tour("/odoo", tour, login=login)
        # the browser wrote through the test cursor: forget what this env had cached
        self.env.invalidate_all()

    def staff_skp(self, state):
        return self.walk(self.skp_of(self.staff), state)

    def _new_post(self):
        """Dinas Lain, headed by Pegawai Lain, and the job Staf Satu takes there; Staf Satu's plan is approved."""
        unit = self.env["hr.department"].create({"name": "Dinas Lain", "manager_id": self.outsider.id})
        self.outsider.department_id = unit
        job = self.env["hr.job"].create({"name": "Analis Kinerja"})
        return unit, job, self.staff_skp("approved")

    def transfer_staff(self):
        """HR moves Staf Satu to Dinas Lain from 1 July 2026 (server side), who submits the new plan; returns
        the SKP of the old post."""
        unit, job, old = self._new_post()
        wizard = (
            self.env["asn.kinerja.transfer.wizard"]
            .with_user(self.user_officer)
            .create(
                {
                    "employee_id": self.staff.id,
                    "date": "2026-07-01",
                    "department_id": unit.id,
                    "job_id": job.id,
                    "appraiser_id": self.outsider.id,
                    "reason": "SK Bupati 800/123/BKPSDM/2026",
                }
            )
        )
        wizard.action_apply()
        # Staf Satu submits the plan of the new post: it waits for its new appraiser
        self.walk(old.next_appraisal_ids, "submitted")
        return old
