"""The access-matrix runner shared by both addons: who may do what, cell by cell, as that user.

A matrix maps a model to its rows ``(operation, state, expected[, note])``:

- ``operation``: ``read`` (or ``read f1,f2``), ``write <field>``, ``create``, ``unlink`` or a public
  ``action_*`` method;
- ``state``: the state the record is put in first, with everything the step itself needs, so
  that only the role decides (empty for records without a workflow);
- ``expected``: six ✓ / ✗, one per role in ``ROLES`` order, as the rules say; the roles of ``EXTRA_ROLES``
  have their column too, ✗ but for the cells a matrix lists in its ``EXTRA_ALLOWED``.

Each cell runs as the role's user, inside a savepoint that is always rolled back. ✓ means the call
succeeds (a read: search finds the record and it reads); ✗ means AccessError or UserError, or the
record is invisible. A ValidationError is bad input, never a refusal, and fails the cell.
``docs/access.md`` is rendered from the same tables; ``KINERJA_WRITE_ACCESS_MD=1`` rewrites it.
"""

import os
import re
from contextlib import closing
from pathlib import Path

from odoo.exceptions import UserError, ValidationError
from odoo.tests import JsonRpcException, new_test_user

from .common import EMPLOYEE

ROLES = ("employee", "colleague", "appraiser", "superior", "officer", "manager")
ROLE_TITLES = ("Employee", "Colleague", "Appraiser", "Appraiser's superior", "HR officer", "Manager")
# roles with a column of their own but no mark in the rows: every cell of theirs is ✗ except those a matrix
# lists in its EXTRA_ALLOWED {role: {(model, operation, state), ...}}. The subordinate is appraised BY the
# employee (Staf Magang, appraised by Staf Satu): she supports the employee's work results, and reads of them
# only their name and indicator (asn.kinerja.superior.result).
EXTRA_ROLES = ("subordinate",)
EXTRA_ROLE_TITLES = ("Subordinate",)
ALLOW, DENY = "✓", "✗"
DOC = Path(__file__).resolve().parents[3] / "docs" / "access.md"
WRITE_DOC = "KINERJA_WRITE_ACCESS_MD"


def row_marks(expected, model, operation, state, extra_allowed):
    """The marks of a row, one per role of ROLES + EXTRA_ROLES."""
    marks = expected.split()
    assert len(marks) == len(ROLES) and set(marks) <= {ALLOW, DENY}, (model, operation, expected)
    extra = [ALLOW if (model, operation, state) in extra_allowed.get(role, ()) else DENY for role in EXTRA_ROLES]
    return marks + extra


def matrix_cells(matrix, extra_allowed=None):
    """(model, operation, state, role, allowed, note) for every cell of ``matrix``."""
    for model, rows in matrix.items():
        for operation, state, expected, *note in rows:
            marks = row_marks(expected, model, operation, state, extra_allowed or {})
            for role, mark in zip(ROLES + EXTRA_ROLES, marks, strict=True):
                yield model, operation, state, role, mark == ALLOW, note[0] if note else ""


def matrix_size(matrix, extra_allowed=None):
    """(cells, deny cells) of ``matrix``."""
    cells = list(matrix_cells(matrix, extra_allowed))
    return len(cells), sum(not allowed for *_head, allowed, _note in cells)


class AccessMatrixMixin:
    """Mixed into a TransactionCase whose fixtures hold the six users (the subordinate is made here).

    A subclass sets ``MATRIX``, ``TITLES`` ({model: what people call it}), ``ADDON``, ``HEADING`` and
    ``KNOWN_GAPS`` ({(model, operation, state, role): why}: cells where the code does not follow
    the rule yet; the test asserts they still disagree, so fixing one asks to drop it), and
    implements ``prepare``, ``create_vals`` and ``write_value``.
    """

    MATRIX = {}
    EXTRA_ALLOWED = {}
    TITLES = {}
    ADDON = ""
    HEADING = ""
    KNOWN_GAPS = {}
    ACTION_ARGS = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Staf Magang, appraised by Staf Satu, with her SKP of the open period
        cls.user_subordinate = new_test_user(cls.env, "kin_subordinate", groups=EMPLOYEE, name="Staf Magang")
        cls.subordinate = cls.env["hr.employee"].create(cls._employee_vals(cls.user_subordinate, 7, parent=cls.staff))
        cls.env["asn.kinerja.appraisal"].create(
            {"employee_id": cls.subordinate.id, "period_id": cls.period.id, "appraiser_id": cls.staff.id}
        )

    def matrix_users(self):
        return dict(
            zip(
                ROLES + EXTRA_ROLES,
                (
                    self.user_staff,
                    self.user_staff2,
                    self.user_supervisor,
                    self.user_head,
                    self.user_officer,
                    self.user_manager,
                    self.user_subordinate,
                ),
                strict=True,
            )
        )

    # ------------------------------------------------------------------
    # what a subclass provides
    # ------------------------------------------------------------------
    def prepare(self, model, state):
        """The record the row is about, put in ``state`` (as superuser); empty for a wizard."""
        raise NotImplementedError

    def create_vals(self, model, record):
        """Valid values for a new record of ``model`` (``record``: the row's prepared record)."""
        raise NotImplementedError

    def write_value(self, model, field):
        raise NotImplementedError

    # ------------------------------------------------------------------
    # running the cells
    # ------------------------------------------------------------------
    def attempt(self, model, operation, record, user):
        """True when ``user`` may do ``operation`` on ``record``; False when refused."""
        Model = self.env[model].with_user(user)
        verb, _space, argument = operation.partition(" ")
        try:
            if verb == "read":
                found = Model.search([("id", "=", record.id)])
                if not found:
                    return False
                found.read(argument.split(",") if argument else None)
            elif verb == "create":
                Model.create(self.create_vals(model, record))
            elif verb == "write":
                record.with_user(user).write({argument: self.write_value(model, argument)})
            elif verb == "unlink":
                record.with_user(user).unlink()
            else:
                # a wizard is created by whoever runs it
                target = record.with_user(user) if record else Model.create(self.create_vals(model, record))
                getattr(target, operation)(*self.ACTION_ARGS.get((model, operation), ()))
            self.env.flush_all()
        except ValidationError as error:
            raise AssertionError(f"bad input, not a refusal: {error}") from error
        except UserError as error:  # AccessError included
            self._last_refusal = error  # told when the rule expected the call to succeed
            return False
        return True

    def assertMatrix(self, matrix):
        """Run every cell of ``matrix`` and compare it with the rule (or the known gap)."""
        users = self.matrix_users()
        for model, rows in matrix.items():
            for operation, state, expected, *_note in rows:
                with self.subTest(model=model, operation=operation, state=state), closing(self.env.cr.savepoint()):
                    record = self.prepare(model, state)
                    self.env.flush_all()
                    marks = row_marks(expected, model, operation, state, self.EXTRA_ALLOWED)
                    for role, mark in zip(ROLES + EXTRA_ROLES, marks, strict=True):
                        with self.subTest(model=model, operation=operation, state=state, role=role):
                            self.env.invalidate_all()
                            with closing(self.env.cr.savepoint()):
                                allowed = self.attempt(model, operation, record, users[role])
                            self.env.invalidate_all()
                            self.assertCell((model, operation, state, role), mark == ALLOW, allowed)

    def assertCell(self, cell, expected, allowed):
        model, operation, state, role = cell
        where = f"{role}: {operation} on {model}" + (f" ({state})" if state else "")
        if gap := self.KNOWN_GAPS.get(cell):
            self.assertNotEqual(allowed, expected, f"{where} now follows the rule: drop it from KNOWN_GAPS ({gap})")
        else:
            word = {True: "allowed", False: "refused"}
            why = f" ({getattr(self, '_last_refusal', '')})" if expected and not allowed else ""
            self.assertEqual(
                allowed, expected, f"{where}: the rule says {word[expected]}, the code {word[allowed]}{why}"
            )

    # ------------------------------------------------------------------
    # the same cells over JSON-RPC, as the web client sends them
    # ------------------------------------------------------------------
    def rpc(self, user, model, method, *args):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )

    def rpc_attempt(self, model, operation, record, user):
        verb, _space, argument = operation.partition(" ")
        try:
            if verb == "read":
                found = self.rpc(user, model, "search", [("id", "=", record.id)])
                if not found:
                    return False
                self.rpc(user, model, "read", found, argument.split(",") if argument else ["display_name"])
            elif verb == "write":
                self.rpc(user, model, "write", record.ids, {argument: self.write_value(model, argument)})
            else:
                self.rpc(user, model, operation, record.ids, *self.ACTION_ARGS.get((model, operation), ()))
        except JsonRpcException as error:
            if str(error) not in ("odoo.exceptions.AccessError", "odoo.exceptions.UserError"):
                raise
            return False
        return True

    def assertCellsOverRpc(self, cells):
        """Check ``cells`` [(model, operation, state, role)] of ``self.MATRIX`` over JSON-RPC."""
        expected = {
            (model, op, state, role): allowed
            for model, op, state, role, allowed, _note in matrix_cells(self.MATRIX, self.EXTRA_ALLOWED)
        }
        users = self.matrix_users()
        for model, operation, state, role in cells:
            cell = (model, operation, state, role)
            with self.subTest(cell=cell), closing(self.env.cr.savepoint()):
                record = self.prepare(model, state)
                self.env.flush_all()
                allowed = self.rpc_attempt(model, operation, record, users[role])
                self.env.invalidate_all()
                self.assertCell(cell, expected[cell], allowed)

    # ------------------------------------------------------------------
    # docs/access.md
    # ------------------------------------------------------------------
    def operation_label(self, model, operation):
        verb, _space, argument = operation.partition(" ")
        fields = self.env[model]._fields
        if argument:
            return f"{verb} " + ", ".join(fields[name].string for name in argument.split(","))
        return operation.removeprefix("action_").replace("_", " ")

    def render_markdown(self):
        """This addon's block of docs/access.md."""
        cells, denied = matrix_size(self.MATRIX, self.EXTRA_ALLOWED)
        lines = [
            f"<!-- BEGIN {self.ADDON}: generated from addons/{self.ADDON}/tests/test_access_matrix.py -->",
            f"## {self.HEADING} (`{self.ADDON}`)",
            "",
            f"{cells} cells, {denied} of them ✗.",
            "",
            "| Record | Operation *(state first)* | " + " | ".join(ROLE_TITLES + EXTRA_ROLE_TITLES) + " | Note |",
            "|---|---|" + ":-:|" * len(ROLES + EXTRA_ROLES) + "---|",
        ]
        for model, rows in self.MATRIX.items():
            title = f"{self.TITLES[model]} `{model}`"
            for operation, state, expected, *note in rows:
                label = self.operation_label(model, operation) + (f" *({state.replace('_', '-')})*" if state else "")
                marks = " | ".join(
                    mark + ("¹" if (model, operation, state, role) in self.KNOWN_GAPS else "")
                    for role, mark in zip(
                        ROLES + EXTRA_ROLES,
                        row_marks(expected, model, operation, state, self.EXTRA_ALLOWED),
                        strict=True,
                    )
                )
                lines.append(f"| {title} | {label} | {marks} | {note[0] if note else ''} |")
                title = ""
        if self.KNOWN_GAPS:
            gaps = "; ".join(sorted(set(self.KNOWN_GAPS.values())))
            lines += ["", f"¹ The rule; the code does not follow it yet: {gaps}."]
        lines.append(f"<!-- END {self.ADDON} -->")
        return "\n".join(lines) + "\n"

    def assertDocMatches(self):
        """docs/access.md shows this addon's matrix as it is; KINERJA_WRITE_ACCESS_MD=1 rewrites it."""
        self.assertDocBlock(self.ADDON, self.render_markdown())

    def assertDocBlock(self, marker, rendered):
        """The block of docs/access.md between the BEGIN and END comments of ``marker`` is ``rendered``."""
        if not DOC.exists():
            self.skipTest(f"{DOC} is not part of this deployment")
        text = DOC.read_text(encoding="utf-8")
        block = re.compile(rf"<!-- BEGIN {re.escape(marker)}\b.*?<!-- END {re.escape(marker)} -->\n", re.S)
        self.maxDiff = None
        if os.environ.get(WRITE_DOC):
            text = block.sub(lambda _match: rendered, text) if block.search(text) else text + "\n" + rendered
            DOC.write_text(text, encoding="utf-8")
        current = block.search(text)
        self.assertEqual(
            current and current.group(), rendered, f"{DOC} is out of date: rerun this test with {WRITE_DOC}=1"
        )


# ----------------------------------------------------------------------
# one more role, apart from the six: Odoo's own HR officer without Kinerja
# ----------------------------------------------------------------------
HR_OFFICER_TITLE = "Odoo HR officer without Kinerja"


class OdooHrOfficerMixin:
    """Odoo's Employees officer (``hr.group_hr_user``, and Pegawai as every internal user) with no Kinerja
    role: keeps every right of Odoo's Employees app, gets none of Kinerja's. ``HR_OFFICER_ROWS`` maps a
    model to rows ``(operation, state, mark[, note])`` run as that user with the matrix's ``prepare``,
    ``create_vals`` and ``write_value``; docs/access.md shows them in their own block."""

    HR_OFFICER_ROWS = {}

    @classmethod
    def odoo_hr_officer(cls):
        return new_test_user(cls.env, "odoo_hr_officer", groups="base.group_user,hr.group_hr_user", name="Odoo HR")

    def assertHrOfficerRows(self):
        user = self.odoo_hr_officer()
        for model, rows in self.HR_OFFICER_ROWS.items():
            for operation, state, mark, *_note in rows:
                with self.subTest(model=model, operation=operation, state=state), closing(self.env.cr.savepoint()):
                    record = self.prepare(model, state)
                    self.env.flush_all()
                    self.env.invalidate_all()
                    allowed = self.attempt(model, operation, record, user)
                    self.env.invalidate_all()
                    self.assertCell((model, operation, state, "odoo_hr_officer"), mark == ALLOW, allowed)

    def render_hr_officer_markdown(self):
        lines = [
            f"<!-- BEGIN hr-officer {self.ADDON}: generated from addons/{self.ADDON}/tests/test_access_matrix.py -->",
            f"## {HR_OFFICER_TITLE}: {self.HEADING.lower()} (`{self.ADDON}`)",
            "",
            "Odoo's `hr.group_hr_user` and no Kinerja role (every internal user is Pegawai).",
            "",
            "| Record | Operation *(state first)* | Allowed | Note |",
            "|---|---|:-:|---|",
        ]
        for model, rows in self.HR_OFFICER_ROWS.items():
            title = f"{self.TITLES.get(model, model)} `{model}`"
            for operation, state, mark, *note in rows:
                label = self.operation_label(model, operation) + (f" *({state.replace('_', '-')})*" if state else "")
                lines.append(f"| {title} | {label} | {mark} | {note[0] if note else ''} |")
                title = ""
        lines.append(f"<!-- END hr-officer {self.ADDON} -->")
        return "\n".join(lines) + "\n"

    def assertHrOfficerDocMatches(self):
        self.assertDocBlock(f"hr-officer {self.ADDON}", self.render_hr_officer_markdown())
