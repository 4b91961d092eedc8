"""Moving in from SIASN (docs/rules.md §23): units from the ref-unor JSON, people from the "Export Data ASN"
CSV, and each person's manager by the unit rule, from which the appraiser follows as it always does
(``hr.employee._compute_appraiser_id``, docs/rules.md §3).

``action_preview`` reads both files and the database and writes nothing but this wizard's own counts and
lines; ``action_import`` runs the same plan and writes it in the caller's transaction, or refuses, naming
the problems, unless ``skip_problems``. Matching is by SIASN id, then NIP: importing the same files twice
changes nothing.
"""

import base64

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools.misc import file_open

from ..tools import siasn_master as sm
from ..tools.actions import download_action, form_action

# the made-up regency of the repository that the demo loads in one click
SAMPLE_FILES = {"employee": "export_data_asn.csv", "unor": "ref_unor.json"}


class AsnKinerjaSiasnImport(models.TransientModel):
    _name = "asn.kinerja.siasn.import"
    _description = "Import from SIASN"

    employee_file = fields.Binary(
        "Export Data ASN (CSV or XLSX)",
        attachment=False,
        help="SIASN's Export Data ASN of the whole agency, |-delimited; or the same columns in an XLSX (the "
        "template), for data from a regional SIMPEG.",
    )
    template_file = fields.Binary(
        "XLSX Template", compute="_compute_template_file", help="The columns the import reads, with an example row."
    )
    template_filename = fields.Char(compute="_compute_template_file")
    samples_offered = fields.Boolean(
        "Sample Files Offered",
        compute="_compute_samples_offered",
        help="The demo offers the made-up regency of the repository (data/siasn/), to try the import without "
        "SIASN's files.",
    )
    employee_filename = fields.Char("Employee File Name")
    unor_file = fields.Binary(
        "Unit Reference (JSON)", attachment=False, help="SIASN's referensi/ref-unor of the agency."
    )
    unor_filename = fields.Char("Unit File Name")
    skip_problems = fields.Boolean(
        "Skip Rows with Problems", help="Import the valid rows and list the skipped ones instead of refusing."
    )
    state = fields.Selection(
        [("draft", "Files"), ("preview", "Previewed"), ("done", "Imported")], default="draft", readonly=True
    )
    count_create = fields.Integer("To Create", readonly=True, help="New units and employees.")
    count_update = fields.Integer("To Update", readonly=True, help="Units and employees that change.")
    count_unchanged = fields.Integer("Unchanged", readonly=True)
    count_problem = fields.Integer("With Problems", readonly=True)
    count_absent = fields.Integer("Absent from the File", readonly=True)
    problem_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Problems", domain=[("blocking", "=", True)], readonly=True
    )
    note_ids = fields.One2many(
        "asn.kinerja.siasn.import.problem", "wizard_id", "Notes", domain=[("blocking", "=", False)], readonly=True
    )

    def _compute_template_file(self):
        content = base64.b64encode(sm.employee_template_xlsx())
        for wizard in self:
            wizard.template_file = content
            wizard.template_filename = "template_data_asn.xlsx"

    def _compute_samples_offered(self):
        offered = self._demo_installed()
        for wizard in self:
            wizard.samples_offered = offered

    def _demo_installed(self):
        return bool(self.env["ir.module.module"].sudo().search([("name", "=", "hr_asn_kinerja")]).demo)

    # ------------------------------------------------------------------
    # the actions
    # ------------------------------------------------------------------
    def action_load_samples(self):
        """Demo only: both sample files of the repository in the wizard, as if HR had chosen them."""
        self.ensure_one()
        self._check_officer()
        if not self._demo_installed():
            raise UserError(self.env._("The sample files are offered in the demo only: choose your SIASN files."))
        contents = {}
        for name in SAMPLE_FILES.values():
            with file_open(f"hr_asn_kinerja/data/siasn/{name}", "rb") as sample:
                contents[name] = base64.b64encode(sample.read())
        self.write(
            {
                "state": "draft",
                "employee_file": contents[SAMPLE_FILES["employee"]],
                "employee_filename": SAMPLE_FILES["employee"],
                "unor_file": contents[SAMPLE_FILES["unor"]],
                "unor_filename": SAMPLE_FILES["unor"],
            }
        )
        return self._reopen()

    def action_download_template(self):
        """The XLSX template of the employee file, for data that does not come from SIASN's export."""
        self.ensure_one()
        self._check_officer()
        return download_action(self, "template_file", "template_data_asn.xlsx")

    def action_preview(self):
        """Count what an import would do and list the problems; changes nothing but this wizard."""
        self.ensure_one()
        self._check_officer()
        plan = self._plan()
        self._store(plan, "preview")
        return self._reopen()

    def action_import(self):
        """Write the plan in this transaction; with problems, refuse unless ``skip_problems``."""
        self.ensure_one()
        self._check_officer()
        units, rows = self._read_files()
        Run = self.env["asn.kinerja.siasn.run"]
        if rows and len(rows) > Run.JOBS_FROM:
            # a whole province: the problems now (nothing written), the rows in jobs
            plan = self._plan_rows(units, rows)
            self._refuse_blocking(plan)
            return Run._start_import(self, units, rows, plan)._open()
        plan = self._import_rows(units, rows)
        self._store(plan, "done")
        return self._reopen()

    def _import_rows(self, units, rows, full=True):
        """The import of a batch: ``units`` as ``siasn_master.read_unor_json`` returns them and ``rows`` as
        ``read_employee_csv`` does (either may be None), planned and written in the caller's transaction, or
        refused with the problems unless ``skip_problems``. Returns the plan.

        A job importing a large file in batches calls this per batch, the units (and the heads of units) in
        the first: later batches find the heads among the employees. With ``full`` False the people of the
        database absent from this batch are not listed."""
        plan = self._plan_rows(units, rows, full=full)
        self._refuse_blocking(plan)
        self._apply(plan)
        return plan

    def _refuse_blocking(self, plan):
        """Nothing is written while the plan has a blocking problem, unless ``skip_problems``."""
        blocking = [problem for problem in plan["problems"] if problem["blocking"]]
        if blocking and not self.skip_problems:
            lines = [self._problem_text(problem) for problem in blocking[:20]]
            if len(blocking) > 20:
                lines.append(self.env._("… and %(count)s more.", count=len(blocking) - 20))
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s problem(s). Fix the files, or tick "
                    '"Skip Rows with Problems" to import the valid rows.\n%(lines)s',
                    count=len(blocking),
                    lines="\n".join(lines),
                )
            )

    def _check_officer(self):
        if not self.env.user.has_group("hr_asn_kinerja.group_kinerja_officer"):
            raise AccessError(self.env._("Only Pengelola Kinerja (BKPSDM) imports from SIASN."))

    def _reopen(self):
        return dict(form_action(self, target="new"), name=self.env._("Import from SIASN"))

    def _problem_text(self, problem):
        where = problem["reference"] or ""
        if problem["line"]:
            where = self.env._("line %(line)s %(reference)s", line=problem["line"], reference=where)
        return f"- {where.strip()}: {problem['message']}"

    def _store(self, plan, state):
        counts = plan["counts"]
        self.env["asn.kinerja.siasn.import.problem"].search([("wizard_id", "=", self.id)]).unlink()
        self.write(
            {
                "state": state,
                "count_create": counts["create"],
                "count_update": counts["update"],
                "count_unchanged": counts["unchanged"],
                "count_problem": sum(problem["blocking"] for problem in plan["problems"]),
                "count_absent": sum(problem["kind"] == "absent" for problem in plan["problems"]),
                "problem_ids": [
                    Command.create(
                        {key: problem[key] for key in ("line", "reference", "name", "kind", "message", "blocking")}
                    )
                    for problem in plan["problems"]
                ],
            }
        )
