"""Proven per role: every model of the SKP x the six roles x every operation, as that user.

The roles are those towards the STAFF member's records: employee (Staf Satu), colleague (Staf Dua,
same unit, no relation to them), appraiser (Kepala Bidang), appraiser's superior (Kepala Dinas),
HR officer (Pengelola Kinerja) and manager (Administrator of the app). docs/access.md shows the
same table; see access_matrix.py for what a cell means.
"""

from odoo.tests import HttpCase, tagged

from .access_matrix import AccessMatrixMixin, OdooHrOfficerMixin
from .common import KinerjaCase, make_nip

SKP = "asn.kinerja.appraisal"
RESULT = "asn.kinerja.appraisal.line"
SUPPORTED = "asn.kinerja.superior.result"
BEHAVIOUR = "asn.kinerja.behavior.line"
PERIOD = "asn.kinerja.period"
UNIT_RATING = "asn.kinerja.unit.rating"
INDICATOR = "asn.kinerja.indicator"
VALUE = "asn.kinerja.behavior"
DUTY = "asn.kinerja.duty"
EMPLOYEE = "hr.employee"
APPRAISER_WIZARD = "asn.kinerja.appraiser.wizard"
TRANSFER_WIZARD = "asn.kinerja.transfer.wizard"
REASON_WIZARD = "asn.kinerja.reason.wizard"
PEER_INPUT = "asn.kinerja.peer.input"
PEER_RATING = "asn.kinerja.peer.input.line"
PEER_WIZARD = "asn.kinerja.peer.input.wizard"
FEEDBACK = "asn.kinerja.feedback"
OBJECTION = "asn.kinerja.objection"
ACTING = "asn.kinerja.acting"
RECOMMENDATION = "asn.kinerja.contract.recommendation"
SIASN_RUN = "asn.kinerja.siasn.run"
SIASN_RUN_LINE = "asn.kinerja.siasn.run.line"
QUICK_SCORE = "asn.kinerja.quick.score.wizard"
AFTER_24_HOURS = "approved, 24 hours later"
HEARD = "submitted, both heard"
NO_SUPERIOR = "submitted, both heard, no superior"
SKP_DONE = "SKP done"
OTHER_AGENCY = "another agency's"
OPENED_BY_APPRAISER = "opened by the appraiser"
UNREAD_SKP = "on an SKP one does not read"

# fmt: off
MATRIX = {
    SKP: [
        # operation                        state            emp col apr sup HR  adm      note
        ("read",                           "draft",         "✓   ✗   ✓   ✓   ✓   ✓"),
        ("write employee_feedback",        "approved",      "✓   ✗   ✗   ✗   ✗   ✗"),
        ("write resource_support",         "draft",         "✓   ✗   ✓   ✗   ✓   ✓",  "while planning"),
        ("write result_rating",            "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗",  "HR corrects by reopening"),
        ("write appraiser_feedback",       "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗"),
        ("write appraiser_id",             "draft",         "✗   ✗   ✗   ✗   ✓   ✓"),
        ("write state",                    "draft",         "✗   ✗   ✗   ✗   ✗   ✗",  "only the workflow buttons"),
        ("write predicate",                "scored",        "✗   ✗   ✗   ✗   ✗   ✗",  "follows the two ratings"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓",  "opening a period creates them"),
        ("unlink",                         "draft",         "✗   ✗   ✗   ✗   ✓   ✓",  "draft or cancelled only"),
        ("action_submit",                  "draft",         "✓   ✗   ✗   ✗   ✓   ✓"),
        ("action_approve",                 "submitted",     "✗   ✗   ✓   ✗   ✗   ✗"),
        ("action_return",                  "submitted",     "✗   ✗   ✓   ✗   ✗   ✗",  "with a reason"),
        ("action_return",                  "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗",  "with a reason"),
        ("action_submit_realization",      "approved",      "✓   ✗   ✗   ✗   ✓   ✓"),
        ("action_score",                   "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗"),
        ("action_done",                    "scored",        "✗   ✗   ✗   ✓   ✓   ✓",  "the appraiser's superior, or HR"),
        ("action_cancel",                  "draft",         "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_reopen",                  "done",          "✗   ✗   ✗   ✗   ✓   ✓",  "with a reason"),
        ("action_reset",                   "cancel",        "✗   ✗   ✗   ✗   ✓   ✓"),
        ("write employee_comment",         "done",          "✓   ✗   ✗   ✗   ✗   ✗",  "the response to the result, until acknowledged"),
        ("action_acknowledge",             "done",          "✓   ✗   ✗   ✗   ✗   ✗",  "the employee receives the final result"),
        ("action_open_objection",          "done",          "✓   ✗   ✗   ✗   ✗   ✗",  "opens the objection form: the employee, in time"),
        ("action_open_return_wizard",      "submitted",     "✓   ✗   ✓   ✓   ✓   ✓",  "opens a form: whoever reads the SKP"),
        ("action_open_reopen_wizard",      "done",          "✓   ✗   ✓   ✓   ✓   ✓",  "opens a form: whoever reads the SKP"),
        ("read peer_summary",              "approved",      "✓   ✗   ✓   ✓   ✓   ✓",  "360 input: counts per value, no names, no comments"),
        ("action_open_peer_input_wizard",  "approved",      "✗   ✗   ✓   ✗   ✗   ✗",  "360 input: the appraiser asks"),
    ],
    RESULT: [
        ("read",                           "draft",         "✓   ✗   ✓   ✓   ✓   ✓"),
        ("write target",                   "draft",         "✓   ✗   ✗   ✗   ✓   ✓"),
        ("write realization",              "approved",      "✓   ✗   ✗   ✗   ✓   ✓"),
        ("write feedback",                 "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗"),
        ("create",                         "draft",         "✓   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "draft",         "✓   ✗   ✗   ✗   ✓   ✓"),
    ],
    # the employee's work results as her subordinate reads them to support one: name and indicator
    SUPPORTED: [
        ("read",                           "draft",         "✓   ✗   ✗   ✗   ✓   ✓",  "the subordinate, of the same period"),
    ],
    BEHAVIOUR: [
        ("read",                           "draft",         "✓   ✗   ✓   ✓   ✓   ✓"),
        ("write expectation",              "draft",         "✗   ✗   ✓   ✗   ✗   ✗"),
        ("write rating",                   "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗"),
        ("create",                         "draft",         "✗   ✗   ✗   ✗   ✗   ✗",  "one row per value, made with the SKP"),
        ("unlink",                         "draft",         "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
    FEEDBACK: [
        ("read",                           "approved",      "✓   ✗   ✓   ✓   ✓   ✓"),
        ("create",                         "approved",      "✓   ✗   ✓   ✓   ✗   ✗",  "the SKP's people; HR reads"),
        ("create",                         "done",          "✗   ✗   ✗   ✗   ✗   ✗",  "the thread closes with the final result"),
        ("write body",                     "approved",      "✗   ✗   ✓   ✗   ✗   ✗",  "its author (here the appraiser)"),
        ("write body",                     AFTER_24_HOURS,  "✗   ✗   ✗   ✗   ✗   ✗",  "corrected within 24 hours only"),
        ("unlink",                         "approved",      "✗   ✗   ✗   ✗   ✗   ✗",  "never deleted"),
    ],
    OBJECTION: [
        ("read",                           "submitted",     "✓   ✗   ✓   ✓   ✓   ✓"),
        ("create",                         SKP_DONE,        "✓   ✗   ✗   ✗   ✗   ✗",  "the employee, within 14 days of the result"),
        ("write reason",                   "submitted",     "✗   ✗   ✗   ✗   ✗   ✗",  "as filed"),
        ("write appraiser_explanation",    "submitted",     "✗   ✗   ✗   ✓   ✗   ✗",  "the decider records the hearing"),
        ("write result_rating",            "submitted",     "✗   ✗   ✗   ✓   ✗   ✗",  "the decided ratings"),
        ("write state",                    "submitted",     "✗   ✗   ✗   ✗   ✗   ✗",  "only the workflow buttons"),
        ("unlink",                         "submitted",     "✗   ✗   ✗   ✗   ✗   ✗"),
        ("action_accept",                  HEARD,           "✗   ✗   ✗   ✓   ✗   ✗",  "the appraiser's superior; final"),
        ("action_reject",                  HEARD,           "✗   ✗   ✗   ✓   ✗   ✗",  "with a reason; final"),
        ("action_accept",                  NO_SUPERIOR,     "✗   ✗   ✗   ✗   ✓   ✓",  "HR, where the appraiser has no superior"),
        ("action_open_reject_wizard",      "submitted",     "✓   ✗   ✓   ✓   ✓   ✓",  "opens a form: whoever reads it"),
    ],
    PERIOD: [
        ("read",                           "open",          "✓   ✓   ✓   ✓   ✓   ✓"),
        ("write name",                     "open",          "✗   ✗   ✗   ✗   ✓   ✓"),
        ("write state",                    "open",          "✗   ✗   ✗   ✗   ✗   ✗",  "only the buttons"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "draft",         "✗   ✗   ✗   ✗   ✓   ✓",  "without SKPs"),
        ("action_open",                    "draft",         "✗   ✗   ✗   ✗   ✓   ✓",  "creates the SKPs"),
        ("action_close",                   "open",          "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_reopen",                  "closed",        "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    UNIT_RATING: [
        ("read",                           "",              "✓   ✓   ✓   ✓   ✓   ✓",  "every SKP of the unit prints it"),
        ("write rating",                   "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    INDICATOR: [
        ("read",                           "",              "✓   ✓   ✓   ✓   ✓   ✓"),
        ("write name",                     "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    VALUE: [
        ("read",                           "",              "✓   ✓   ✓   ✓   ✓   ✓"),
        ("write guide",                    "",              "✗   ✗   ✗   ✗   ✗   ✓",  "configuration"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✗   ✓"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✗   ✓"),
    ],
    DUTY: [
        ("read",                           "",              "✓   ✓   ✓   ✓   ✓   ✓"),
        ("write name",                     "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    EMPLOYEE: [
        ("read nip,asn_rank,appraiser_id", "",              "✓   ✓   ✓   ✓   ✓   ✓",  "printed on every form"),
        ("write nip",                      "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("write appraiser_id",             "",              "✗   ✗   ✗   ✗   ✓   ✓",  "another appraiser than the manager"),
        ("write asn_status",               "",              "✗   ✗   ✗   ✗   ✓   ✓",  "with its date: the open SKP closes"),
    ],
    # the acting official is another employee (Pegawai Lain); the roles have no part in the record
    ACTING: [
        ("read",                           "planned",       "✗   ✗   ✗   ✗   ✓   ✓",  "HR records them"),
        ("write decree",                   "planned",       "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("unlink",                         "planned",       "✗   ✗   ✗   ✗   ✓   ✓",  "not while it runs"),
    ],
    # the Kepala Dinas heads the unit: he recommends, HR decides
    RECOMMENDATION: [
        ("read",                           "draft",         "✗   ✗   ✗   ✓   ✓   ✓",  "the unit head and HR"),
        ("write recommendation",           "draft",         "✗   ✗   ✗   ✓   ✓   ✓"),
        ("write recommendation",           "recommended",   "✗   ✗   ✗   ✗   ✓   ✓",  "sent: HR corrects"),
        ("action_recommend",               "draft",         "✗   ✗   ✗   ✓   ✓   ✓"),
        ("action_decide_extend",           "recommended",   "✗   ✗   ✗   ✗   ✓   ✓"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✗   ✗",  "the daily job makes them"),
        ("unlink",                         "draft",         "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
    APPRAISER_WIZARD: [
        ("action_confirm",                 "",              "✗   ✗   ✗   ✗   ✓   ✓",  "with a reason"),
    ],
    TRANSFER_WIZARD: [
        ("action_apply",                   "",              "✗   ✗   ✗   ✗   ✓   ✓",  "Mutasi / Promosi (§17)"),
    ],
    REASON_WIZARD: [
        ("action_confirm",                 "submitted",     "✗   ✗   ✓   ✗   ✗   ✗",  "returning the SKP: the form adds no right"),
    ],
    # the colleague (Staf Dua, a peer) is the one asked for input on the employee's behaviour
    PEER_INPUT: [
        ("read",                           "asked",         "✗   ✓   ✓   ✗   ✓   ✓",  "the colleague asked, the appraiser, HR"),
        ("read",                           "answered",      "✗   ✓   ✓   ✗   ✓   ✓",  "the employee reads only the summary on the SKP"),
        ("write state",                    "asked",         "✗   ✗   ✗   ✗   ✗   ✗",  "only the Send Input button"),
        ("create",                         "asked",         "✗   ✗   ✓   ✗   ✗   ✗",  "the SKP's appraiser, while approved or self-assessed"),
        ("unlink",                         "asked",         "✗   ✗   ✓   ✗   ✗   ✗",  "withdrawn before the answer"),
        ("unlink",                         "answered",      "✗   ✗   ✗   ✗   ✗   ✗"),
        ("action_answer",                  "asked",         "✗   ✓   ✗   ✗   ✗   ✗",  "the colleague asked, every value rated"),
    ],
    PEER_RATING: [
        ("read",                           "asked",         "✗   ✓   ✓   ✗   ✓   ✓"),
        ("write rating",                   "asked",         "✗   ✓   ✗   ✗   ✗   ✗"),
        ("write comment",                  "asked",         "✗   ✓   ✗   ✗   ✗   ✗",  "never shown to the employee"),
        ("write rating",                   "answered",      "✗   ✗   ✗   ✗   ✗   ✗",  "an answer sent is final"),
        ("create",                         "asked",         "✗   ✗   ✗   ✗   ✗   ✗",  "one row per value, made with the request"),
        ("unlink",                         "asked",         "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
    PEER_WIZARD: [
        ("action_confirm",                 "approved",      "✗   ✗   ✓   ✗   ✗   ✗",  "asks the chosen colleagues"),
    ],
    # the card's Score dialog (docs/rules.md §26): the Score step's rules, nothing more
    QUICK_SCORE: [
        ("read",                           OPENED_BY_APPRAISER, "✗   ✗   ✓   ✗   ✗   ✗",  "a dialog is its opener's"),
        ("write behavior_rating",          OPENED_BY_APPRAISER, "✗   ✗   ✓   ✗   ✗   ✗"),
        ("create",                         "self_assessed", "✗   ✗   ✓   ✓   ✓   ✓",  "opened on an SKP one reads"),
        ("create",                         UNREAD_SKP,      "✗   ✗   ✗   ✗   ✓   ✓",  "Pegawai Lain's SKP"),
        ("action_confirm",                 "self_assessed", "✗   ✗   ✓   ✗   ✗   ✗",  "scores: the SKP's appraiser only"),
        ("unlink",                         OPENED_BY_APPRAISER, "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
    # a SIASN export or import run by jobs (docs/performance.md, "Jobs"): HR follows it, only the jobs write it
    SIASN_RUN: [
        ("read",                           "",              "✗   ✗   ✗   ✗   ✓   ✓",  "HR"),
        ("read",                           OTHER_AGENCY,    "✗   ✗   ✗   ✗   ✗   ✗",  "each agency reads its own"),
        ("write name",                     "",              "✗   ✗   ✗   ✗   ✗   ✗",  "only its jobs"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✗   ✗",  "the SIASN dialogs start it"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✗   ✗"),
        ("action_download",                "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("action_retry_failed_jobs",       "",              "✗   ✗   ✗   ✗   ✓   ✓"),
    ],
    SIASN_RUN_LINE: [
        ("read",                           "",              "✗   ✗   ✗   ✗   ✓   ✓"),
        ("read",                           OTHER_AGENCY,    "✗   ✗   ✗   ✗   ✗   ✗"),
        ("write message",                  "",              "✗   ✗   ✗   ✗   ✗   ✗"),
        ("create",                         "",              "✗   ✗   ✗   ✗   ✗   ✗"),
        ("unlink",                         "",              "✗   ✗   ✗   ✗   ✗   ✗"),
    ],
}
# fmt: on
# the subordinate (appraised by the employee) reads what everyone reads, and her appraiser's results as
# asn.kinerja.superior.result; nothing else of his (access_matrix.EXTRA_ROLES)
EXTRA_ALLOWED = {
    "subordinate": {
        (SUPPORTED, "read", "draft"),
        (PERIOD, "read", "open"),
        (UNIT_RATING, "read", ""),
        (INDICATOR, "read", ""),
        (VALUE, "read", ""),
        (DUTY, "read", ""),
        (EMPLOYEE, "read nip,asn_rank,appraiser_id", ""),
    }
}
TITLES = {
    SKP: "SKP",
    RESULT: "Work result",
    SUPPORTED: "Work result to support (name, indicator)",
    BEHAVIOUR: "Work behaviour",
    PERIOD: "Period",
    UNIT_RATING: "Organisation rating",
    INDICATOR: "Indicator",
    VALUE: "BerAKHLAK value",
    DUTY: "Job duty",
    EMPLOYEE: "Employee (ASN identity)",
    APPRAISER_WIZARD: "Change of appraiser",
    TRANSFER_WIZARD: "Transfer or promotion",
    REASON_WIZARD: "Reason form",
    PEER_INPUT: "360 input on behaviour",
    PEER_RATING: "360 input rating of a value",
    PEER_WIZARD: "Asking for 360 input",
    FEEDBACK: "Feedback and dialogue",
    OBJECTION: "Objection",
    ACTING: "Acting official (Plt/Plh)",
    RECOMMENDATION: "Rekomendasi Perpanjangan",
    QUICK_SCORE: "Score dialog of the card",
    SIASN_RUN: "SIASN run",
    SIASN_RUN_LINE: "SIASN run: left out or problem",
}


class KinerjaMatrixCase(AccessMatrixMixin, KinerjaCase):
    MATRIX = MATRIX
    EXTRA_ALLOWED = EXTRA_ALLOWED
    TITLES = TITLES
    ADDON = "hr_asn_kinerja"
    HEADING = "SKP performance appraisal"
    ACTION_ARGS = {
        (SKP, "action_return"): ("Perbaiki target",),
        (SKP, "action_reopen"): ("Salah input rating",),
        (OBJECTION, "action_reject"): ("Keterlambatan tercatat",),
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.next_year = cls.new_period(2027)
        cls.sub_unit = cls.env["hr.department"].create({"name": "Bidang Uji", "parent_id": cls.department.id})
        cls.job = cls.env["hr.job"].create({"name": "Analis Uji"})
        cls.company.kinerja_peer_input = True

    @classmethod
    def new_period(cls, year):
        return cls.env[PERIOD].create(
            {"name": f"Tahun {year}", "date_start": f"{year}-01-01", "date_end": f"{year}-12-31"}
        )

    def skp_in(self, state):
        """Staf Satu's SKP in ``state``, with what the next step needs (a result, its realisation, ratings)."""
        skp = self.skp_of(self.staff)
        self.env[RESULT].create({"appraisal_id": skp.id, "name": "Laporan kegiatan", "target": "12 laporan"})
        if state == "cancel":
            skp.action_cancel()
            return skp
        self.walk(skp, state)
        if state == "approved":
            skp.line_ids.realization = "12 laporan"
        elif state == "self_assessed":
            skp.write({"result_rating": "as_expected", "behavior_rating": "as_expected"})
        return skp

    def peer_input_in(self, state):
        """Staf Dua asked for input on Staf Satu's approved SKP; answered when ``state`` says so."""
        skp = self.skp_in("approved")
        request = self.env[PEER_INPUT].create({"appraisal_id": skp.id, "employee_id": self.staff2.id})
        request.line_ids.write({"rating": "as_expected"})
        if state == "answered":
            request.action_answer()
        return request

    def feedback_in(self, state):
        """An entry the appraiser posted on Staf Satu's approved SKP; the SKP then goes on to ``state``."""
        skp = self.skp_in("approved")
        entry = self.env[FEEDBACK].with_user(self.user_supervisor).create({"appraisal_id": skp.id, "body": "Bagus"})
        entry = entry.with_env(self.env)
        if state == "done":
            self.walk(skp, "done")
        elif state == AFTER_24_HOURS:
            entry.flush_recordset()
            self.env.cr.execute(
                "UPDATE asn_kinerja_feedback SET create_date = create_date - interval '25 hours' WHERE id = %s",
                [entry.id],
            )
            entry.invalidate_recordset()
        return entry

    def objection_in(self, state):
        """Staf Satu's objection to a final result; heard by the decider, who set new ratings."""
        if state == NO_SUPERIOR:
            # Kepala Bidang without an appraiser: Staf Satu's SKP has no appraiser's superior, HR decides
            self.supervisor.write({"parent_id": False})
        skp = self.skp_in("done")
        if state == SKP_DONE:
            return skp
        objection = self.env[OBJECTION].with_user(self.user_staff).create({"appraisal_id": skp.id, "reason": "Keliru"})
        objection = objection.with_env(self.env)
        if state in (HEARD, NO_SUPERIOR):
            objection.write(
                {
                    "appraiser_explanation": "Sesuai bukti dukung",
                    "employee_explanation": "Bukti dukung belum dinilai",
                    "result_rating": "above",
                    "behavior_rating": "above",
                }
            )
        return objection

    def recommendation_in(self, state):
        recommendation = self.env[RECOMMENDATION].create(
            {**self.create_vals(RECOMMENDATION, None), "recommendation": "extend"}
        )
        if state == "recommended":
            recommendation.action_recommend()
        return recommendation

    def period_in(self, state):
        if state == "draft":
            return self.new_period(2028)
        if state == "closed":
            self.period.action_close()
        return self.period

    def siasn_run_in(self, state):
        """An export run of the 2026 period with one record left out; of another agency when ``state`` says so."""
        company = self.env["res.company"].create({"name": "Kabupaten Lain"}) if state == OTHER_AGENCY else self.company
        run = self.env[SIASN_RUN].create(
            {"name": "Ekspor SIASN", "kind": "export", "company_id": company.id, "period_id": self.period.id}
        )
        self.env[SIASN_RUN_LINE].create({"run_id": run.id, "reference": self.staff.nip, "message": "Belum final"})
        return run

    def quick_score_in(self, state):
        """The Score dialog: opened by the appraiser on Staf Satu's SKP; else the SKP it is opened on, the
        row's user opening it (Pegawai Lain's when the row is about an SKP one does not read)."""
        skp = self.skp_in("self_assessed")
        self.quick_score_skp = self.skp_of(self.outsider) if state == UNREAD_SKP else skp
        if state == OPENED_BY_APPRAISER:
            return self.env[QUICK_SCORE].with_user(self.user_supervisor).create(self.create_vals(QUICK_SCORE, None))
        return self.env[QUICK_SCORE]

    def prepare(self, model, state):
        if model in (REASON_WIZARD, PEER_WIZARD):
            self.skp_in(state)
        return {
            QUICK_SCORE: lambda: self.quick_score_in(state),
            SIASN_RUN: lambda: self.siasn_run_in(state),
            SIASN_RUN_LINE: lambda: self.siasn_run_in(state).line_ids,
            SKP: lambda: self.skp_in(state or "draft"),
            RESULT: lambda: self.skp_in(state).line_ids[:1],
            SUPPORTED: lambda: self.env[SUPPORTED].browse(self.skp_in(state).line_ids[:1].id),
            BEHAVIOUR: lambda: self.skp_in(state).behavior_line_ids[:1],
            PERIOD: lambda: self.period_in(state),
            FEEDBACK: lambda: self.feedback_in(state),
            OBJECTION: lambda: self.objection_in(state),
            EMPLOYEE: lambda: self.staff,
            RECOMMENDATION: lambda: self.recommendation_in(state),
            PEER_INPUT: lambda: self.peer_input_in(state),
            PEER_RATING: lambda: self.peer_input_in(state).line_ids[:1],
            PEER_WIZARD: lambda: self.env[model],
            # a wizard: each user fills in their own
            APPRAISER_WIZARD: lambda: self.env[model],
            TRANSFER_WIZARD: lambda: self.env[model],
            REASON_WIZARD: lambda: self.env[model],
        }.get(model, lambda: self.env[model].create(self.create_vals(model, None)))()

    def create_vals(self, model, record):
        return {
            SKP: lambda: {"employee_id": self.staff.id, "period_id": self.next_year.id},
            RESULT: lambda: {"appraisal_id": record.appraisal_id.id, "name": "Laporan baru", "target": "4 laporan"},
            BEHAVIOUR: lambda: {"appraisal_id": record.appraisal_id.id, "behavior_id": record.behavior_id.id},
            PERIOD: lambda: {"name": "Tahun 2029", "date_start": "2029-01-01", "date_end": "2029-12-31"},
            # the prepared rating is the unit's own: a new one is for its sub-unit
            UNIT_RATING: lambda: {
                "department_id": (self.sub_unit if record else self.department).id,
                "period_id": self.period.id,
                "rating": "good",
            },
            INDICATOR: lambda: {"name": "Jumlah dokumen", "unit": "dokumen"},
            FEEDBACK: lambda: {"appraisal_id": record.appraisal_id.id, "body": "Siap, akan saya perbaiki."},
            OBJECTION: lambda: {"appraisal_id": record.id, "reason": "Bukti dukung tidak dipertimbangkan"},
            VALUE: lambda: {"name": "Nilai baru"},
            DUTY: lambda: {"job_id": self.job.id, "name": "Menyusun laporan"},
            TRANSFER_WIZARD: lambda: {
                "employee_id": self.staff.id,
                "date": "2026-07-01",
                "department_id": self.department.id,
                "job_id": self.job.id,
                "appraiser_id": self.head.id,
                "reason": "SK mutasi",
            },
            APPRAISER_WIZARD: lambda: {
                "employee_ids": [(6, 0, self.staff.ids)],
                "appraiser_id": self.head.id,
                "reason": "SK reorganisasi",
            },
            # another peer of the same unit
            PEER_INPUT: lambda: {"appraisal_id": record.appraisal_id.id, "employee_id": self.outsider.id},
            PEER_RATING: lambda: {"input_id": record.input_id.id, "behavior_id": record.behavior_id.id},
            PEER_WIZARD: lambda: {
                "appraisal_id": self.skp_of(self.staff).id,
                "employee_ids": [(6, 0, self.outsider.ids)],
            },
            RECOMMENDATION: lambda: {
                "employee_id": self.staff.id,
                "company_id": self.company.id,
                "contract_date_end": "2026-12-31",
                "head_id": self.head.id,
            },
            # a vacant post, after this year: nobody's appraiser changes
            ACTING: lambda: {
                "employee_id": self.outsider.id,
                "kind": "plt",
                "department_id": self.sub_unit.id,
                "date_from": "2027-04-01" if record else "2027-02-01",
                "date_to": "2027-04-30" if record else "2027-02-28",
                "decree": "800/01/2027",
            },
            QUICK_SCORE: lambda: {
                "appraisal_id": self.quick_score_skp.id,
                "result_rating": "as_expected",
                "behavior_rating": "as_expected",
            },
            SIASN_RUN: lambda: {"name": "Impor SIASN", "kind": "import"},
            SIASN_RUN_LINE: lambda: {"run_id": record.run_id.id, "message": "Baris baru"},
            REASON_WIZARD: lambda: {
                "res_model": SKP,
                "res_ids": self.skp_of(self.staff).ids,
                "action": "return",
                "reason": "Perbaiki target",
            },
        }[model]()

    def write_value(self, model, field):
        if field == "appraiser_id":
            return self.head.id
        return {
            "employee_feedback": "Terima kasih",
            "resource_support": "Laptop dan akses data",
            "result_rating": "above",
            "appraiser_feedback": "Pertahankan",
            "state": {SKP: "done", OBJECTION: "accepted"}.get(model, "closed"),
            "employee_comment": "Terima kasih",
            "body": "Sudah diperbaiki",
            "reason": "Alasan lain",
            "appraiser_explanation": "Penjelasan lain",
            "predicate": "very_good",
            "target": "8 laporan",
            "realization": "11 laporan",
            "feedback": "Sudah baik",
            "expectation": "Responsif terhadap keluhan",
            "rating": "outstanding" if model == UNIT_RATING else "above",
            "name": "Nama baru",
            "guide": "Panduan baru",
            "comment": "Selalu membantu rekan",
            "nip": make_nip(77),
            "asn_status": "retired",
            "decree": "800/02/2027",
            "recommendation": "not_extend",
            "behavior_rating": "above",
            "message": "Alasan lain",
        }[field]


@tagged("post_install", "-at_install")
class TestAccessMatrix(KinerjaMatrixCase):
    def test_every_role_can_do_exactly_what_the_matrix_says(self):
        self.assertMatrix(self.MATRIX)

    def test_docs_access_md_shows_the_same_matrix(self):
        self.assertDocMatches()


@tagged("post_install", "-at_install")
class TestAccessMatrixOverRpc(KinerjaMatrixCase, HttpCase):
    def test_representative_cells_hold_over_json_rpc(self):
        self.assertCellsOverRpc(
            [
                (SKP, "action_approve", "submitted", "employee"),
                (SKP, "action_approve", "submitted", "appraiser"),
                (SKP, "read", "draft", "colleague"),
                (RESULT, "read", "draft", "subordinate"),
                (SUPPORTED, "read", "draft", "subordinate"),
                (SUPPORTED, "read", "draft", "colleague"),
                (SKP, "write state", "draft", "manager"),
                (PEER_INPUT, "action_answer", "asked", "colleague"),
                (PEER_INPUT, "action_answer", "asked", "appraiser"),
                (PEER_RATING, "read", "asked", "employee"),
                (FEEDBACK, "read", "approved", "colleague"),
                (OBJECTION, "action_accept", HEARD, "superior"),
                (OBJECTION, "action_accept", HEARD, "officer"),
                (ACTING, "write decree", "planned", "appraiser"),
                (ACTING, "write decree", "planned", "officer"),
            ]
        )


# Odoo's own HR officer without a Kinerja role (docs/access.md, its own block): Employees as before, no Kinerja
# fmt: off
HR_OFFICER_ROWS = {
    EMPLOYEE: [
        ("create",                         "",              "✓",  "identity fields left empty, as Odoo's form sends them"),
        ("create",                         "with a NIP",    "✗",  "ASN identity: Pengelola Kinerja only"),
        ("write name",                     "",              "✓"),
        ("write nip",                      "",              "✗",  "ASN identity: Pengelola Kinerja only"),
        ("write nip",                      "unchanged",     "✓",  "the current value is no change"),
        ("write nip",                      "emptied",       "✓",  "an empty value is no change: it clears nothing"),
        ("write asn_type",                 "",              "✗"),
        ("write asn_rank",                 "",              "✗"),
        ("write asn_position_type",        "",              "✗"),
        ("write appraiser_id",             "",              "✗",  "another appraiser than the manager"),
        ("write asn_status",               "",              "✗",  "ASN status: Pengelola Kinerja only"),
        ("write parent_id",                "",              "✓",  "the appraiser follows the new manager"),
        ("action_archive",                 "an appraiser",  "✓",  "their appraisees' appraiser is emptied"),
        ("action_unarchive",               "archived",      "✓"),
    ],
    SKP: [
        ("read",                           "draft",         "✗"),
        ("create",                         "",              "✗"),
        ("action_submit",                  "draft",         "✗"),
    ],
    PERIOD: [
        ("write name",                     "open",          "✗"),
        ("create",                         "",              "✗"),
    ],
    APPRAISER_WIZARD: [
        ("action_confirm",                 "",              "✗"),
    ],
    TRANSFER_WIZARD: [
        ("action_apply",                   "",              "✗"),
    ],
    OBJECTION: [
        ("read",                           "submitted",     "✗"),
    ],
    ACTING: [
        ("read",                           "planned",       "✗"),
        ("create",                         "",              "✗"),
    ],
    QUICK_SCORE: [
        ("create",                         "self_assessed", "✗"),
    ],
    SIASN_RUN: [
        ("read",                           "",              "✗"),
    ],
    SIASN_RUN_LINE: [
        ("read",                           "",              "✗"),
    ],
}
# fmt: on


@tagged("post_install", "-at_install")
class TestOdooHrOfficer(OdooHrOfficerMixin, KinerjaMatrixCase):
    HR_OFFICER_ROWS = HR_OFFICER_ROWS

    def prepare(self, model, state):
        if model != EMPLOYEE:
            return super().prepare(model, state)
        self.employee_state = state
        if state == "an appraiser":
            return self.supervisor
        if state == "archived":
            self.staff2.action_archive()
        return self.staff2 if state == "archived" else self.staff

    def create_vals(self, model, record):
        if model != EMPLOYEE:
            return super().create_vals(model, record)
        # what Odoo's employee form sends: every field, ours empty unless typed
        vals = {
            "name": "Pegawai Baru",
            "nip": False,
            "asn_type": False,
            "asn_rank": False,
            "appraiser_id": False,
            "asn_status": "active",
            "asn_status_date": False,
        }
        if self.employee_state == "with a NIP":
            vals["nip"] = make_nip(78)
        return vals

    def write_value(self, model, field):
        if model == EMPLOYEE and field in ("nip", "parent_id", "asn_type", "asn_rank", "asn_position_type"):
            return {
                ("nip", "unchanged"): self.staff.nip,
                ("nip", "emptied"): False,
                ("nip", ""): make_nip(77),
                ("parent_id", ""): self.head.id,
                ("asn_type", ""): "pppk",
                ("asn_rank", ""): "III/b",
                ("asn_position_type", ""): "fungsional",
            }[field, self.employee_state]
        return super().write_value(model, field)

    def test_odoo_hr_officer_keeps_employees_and_gets_no_kinerja(self):
        self.assertHrOfficerRows()

    def test_docs_access_md_shows_the_odoo_hr_officer(self):
        self.assertHrOfficerDocMatches()
