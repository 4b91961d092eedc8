"""Real concurrency in tests: data committed where other connections see it, steps run at once in threads.

A TransactionCase's own transaction never commits, so no other connection sees what it creates. These
tests create their data through separate cursors that commit (outside HttpCase's test mode the registry
hands out real cursors), run each step in a thread with its own cursor, as Odoo serves concurrent
requests, and delete everything they committed after each test.
"""

import threading
from contextlib import contextmanager
from unittest.mock import patch

from odoo import SUPERUSER_ID, api
from odoo.orm.registry import DummyRLock, Registry
from odoo.service.model import retrying
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import mute_logger

from .common import APPRAISER, OFFICER, RATINGS_FOR, make_nip

QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True}
TIMEOUT = 120  # seconds a thread may take before the test fails instead of hanging
# what refers to an SKP or an employee and must go first, where the model is installed
DEPENDENTS = ("asn.training.request", "asn.training.coaching", "asn.kinerja.objection")


class CommittedCase(TransactionCase):
    """Each test commits its data through ``committed()`` and finds it gone afterwards."""

    def setUp(self):
        super().setUp()
        self.created = {"asn.kinerja.period": [], "hr.employee": [], "res.users": [], "hr.department": []}
        self.addCleanup(self.purge)

    @contextmanager
    def committed(self, uid=SUPERUSER_ID):
        """An environment on a new cursor, committed when the block ends without an exception."""
        with self.registry.cursor() as cr:
            yield api.Environment(cr, uid, dict(QUIET))

    def keep(self, records):
        """Remember committed ``records`` for the clean-up."""
        self.created[records._name] += records.ids
        return records

    def purge(self):
        with self.committed() as cr_env:
            env = cr_env(context=dict(cr_env.context, active_test=False))
            # what a failed block rolled back is gone already
            periods, employees, users, units = (env[model].browse(ids).exists() for model, ids in self.created.items())
            skps = env["asn.kinerja.appraisal"].search(
                ["|", ("period_id", "in", periods.ids), ("employee_id", "in", employees.ids)]
            )
            for model in DEPENDENTS:
                if model in env:
                    env[model].search(
                        ["|", ("appraisal_id", "in", skps.ids), ("employee_id", "in", employees.ids)]
                    ).unlink()
            partners = users.partner_id | employees.work_contact_id
            versions = employees.version_ids
            skps.unlink()
            periods.unlink()
            employees.unlink()
            versions.unlink()
            users.unlink()
            partners.unlink()
            units.unlink()

    # ------------------------------------------------------------------
    # committed data
    # ------------------------------------------------------------------
    def make_department(self, env, name):
        return self.keep(env["hr.department"].create({"name": name}))

    def make_user(self, env, login, groups=APPRAISER):
        return self.keep(new_test_user(env, login, groups=groups, name=login.replace("_", " ").title()))

    def make_employee(self, env, seq, department, user=None, manager=None, nip=True):
        """An employee; with ``nip`` a civil servant who gets an SKP when a period opens."""
        vals = {
            "name": user.name if user else f"Pegawai Konkuren {seq}",
            "user_id": user.id if user else False,
            "department_id": department.id,
            "parent_id": manager.id if manager else False,
        }
        if nip:
            vals.update(nip=make_nip(seq, birth="19700101", tmt="199501"), asn_type="pns", asn_rank="III/a")
        return self.keep(env["hr.employee"].create(vals))

    def make_period(self, env, year):
        return self.keep(
            env["asn.kinerja.period"].create(
                {"name": f"Tahun {year}", "date_start": f"{year}-01-01", "date_end": f"{year}-12-31"}
            )
        )

    def walk_as_superuser(self, skp, to_state, predicate="good"):
        """Move ``skp`` (in a superuser environment) through the workflow up to ``to_state``."""
        steps = ["draft", "submitted", "approved", "self_assessed", "scored", "done"]
        for state in steps[steps.index(skp.state) + 1 : steps.index(to_state) + 1]:
            if state == "submitted":
                skp.env["asn.kinerja.appraisal.line"].create(
                    {"appraisal_id": skp.id, "name": "Laporan kegiatan", "target": "12 laporan"}
                )
                skp.action_submit()
            elif state == "approved":
                skp.action_approve()
            elif state == "self_assessed":
                skp.line_ids.write({"realization": "12 laporan"})
                skp.action_submit_realization()
            elif state == "scored":
                result, behavior = RATINGS_FOR[predicate]
                skp.write({"result_rating": result, "behavior_rating": behavior, "appraiser_feedback": "Catatan"})
                skp.action_score()
            elif state == "done":
                skp.action_done()
        return skp

    def make_race_to_finalise(self, predicate="needs_improvement"):
        """A scored SKP (``predicate``) that its appraiser's superior and an HR officer may both finalise:
        returns (SKP id, superior's uid, officer's uid)."""
        with self.committed() as env:
            unit = self.make_department(env, "Dinas Konkurensi Final")
            superior_user = self.make_user(env, "conc_superior")
            appraiser_user = self.make_user(env, "conc_appraiser")
            officer_user = self.make_user(env, "conc_officer", groups=OFFICER)
            superior = self.make_employee(env, 900, unit, superior_user, nip=False)
            appraiser = self.make_employee(env, 901, unit, appraiser_user, manager=superior, nip=False)
            staff = self.make_employee(env, 902, unit, manager=appraiser)
            period = self.make_period(env, 2042)
            period.action_open()
            skp = period.appraisal_ids.filtered(lambda s: s.employee_id == staff)
            self.walk_as_superuser(skp, "scored", predicate)
            return skp.id, superior_user.id, officer_user.id

    def finalise_at_once(self, skp_id, uids):
        """Every user of ``uids`` presses *Set Final Result* on the SKP at the same moment."""

        def finalise(env):
            return env["asn.kinerja.appraisal"].browse(skp_id).action_done()

        return self.run_at_once([(uid, finalise) for uid in uids])

    # ------------------------------------------------------------------
    # threads
    # ------------------------------------------------------------------
    def run_at_once(self, steps):
        """Run each ``(uid, step)`` in its own thread and transaction as Odoo runs an RPC call: ``step(env)``
        retried on serialization failures (``odoo.service.model.retrying``), then committed. Every
        transaction takes its snapshot before any step starts, so all of them overlap.

        Returns ``[(result or exception, attempts)]`` in the order of ``steps``."""
        ready = threading.Barrier(len(steps), timeout=TIMEOUT)
        outcomes = [(RuntimeError("did not run"), 0)] * len(steps)

        def run(index, uid, step):
            attempts = 0

            def attempt():
                nonlocal attempts
                attempts += 1
                return step(env)

            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, uid, {})
                    cr.execute("SELECT 1")  # the transaction's snapshot
                    ready.wait()
                    result = retrying(attempt, env)
                outcomes[index] = (result, attempts)
            except Exception as error:  # the test inspects it
                ready.abort()  # the others stop waiting for this one
                outcomes[index] = (error, attempts)

        threads = [threading.Thread(target=run, args=(i, *step)) for i, step in enumerate(steps)]
        # odoo-bin runs the tests holding the registry lock, which a new cursor's environment takes (as under
        # HttpCase, the loaded registry needs no lock); a retried step's failed query is logged, not an error here
        with patch.object(Registry, "_lock", DummyRLock()), mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(TIMEOUT)
        self.assertFalse([thread for thread in threads if thread.is_alive()], "a step hangs")
        return outcomes
