"""The AKPK's needs found for every employee of a unit (docs/rules.md §25): the competency profile against the
job's standard, the last predikat with the B.1.9 coaching scores, and certificates that expire."""

from collections import defaultdict
from datetime import date

from odoo import api, fields, models
from odoo.tools import format_date

from odoo.addons.hr_asn_kinerja.tools.predicate import LOW_PREDICATES

# a B.1.9 score at or below this is a weak competency the coaching found (docs/rules.md §25)
WEAK_COACHING_SCORE = 2


class AsnTrainingNeedsLine(models.Model):
    _inherit = "asn.training.needs.line"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _needs_of_units(self, plans):
        """The line values of every employee of the plans' units, from the two gaps: the competency profile
        below the job's standard, and a last final predikat below Baik (with the weak B.1.9 scores of the
        employee's last coaching). A fixed number of queries for all the plans, whatever their size."""
        env = self.sudo().env
        plans = plans.sudo()
        employees = env["hr.employee"].search_fetch(
            [("department_id", "in", plans.department_id.ids), ("company_id", "in", plans.company_id.ids)],
            ["department_id", "company_id", "job_id", "name"],
        )
        standards = env["asn.training.job.competency"].search_fetch(
            [("job_id", "in", employees.job_id.ids), ("competency_id.active", "=", True)],
            ["job_id", "competency_id", "level"],
        )
        standard_of = defaultdict(list)
        for row in standards:
            standard_of[row.job_id.id].append((row.competency_id, row.level))
        profile = {
            (row.employee_id.id, row.competency_id.id): row.level
            for row in env["asn.training.employee.competency"].search_fetch(
                [("employee_id", "in", employees.ids)], ["employee_id", "competency_id", "level"]
            )
        }
        last_low = self._last_low_predicates(employees, max(plans.mapped("year")))
        ending = self._ending_certificates(employees, max(plans.mapped("year")))
        weak = self._weak_coaching_competencies(list(last_low))
        competencies = standards.competency_id | env["asn.training.competency"].concat(
            *(competency for rows in weak.values() for competency, _score, _name in rows if competency)
        )
        suggest = self._course_suggester(competencies)
        plan_of = {(plan.company_id.id, plan.department_id.id): plan for plan in plans}
        # the needs' texts are read by the unit and HR: in the plan's language (its company's)
        words_of = {plan.id: self.with_context(lang=plan._document_lang()) for plan in plans}
        vals_list = []
        for employee in employees:
            plan = plan_of.get((employee.company_id.id, employee.department_id.id))
            if not plan:
                continue
            low = last_low.get(employee.id)
            words = words_of[plan.id]
            first = len(vals_list)
            predicate = low and words._predicate_label(low)
            gaps = {}
            for competency, required in standard_of.get(employee.job_id.id, []):
                current = profile.get((employee.id, competency.id), 0)
                if current < required:
                    gaps[competency.id] = (competency, required, current, "competency")
            for competency, score, _name in weak.get(employee.id, []):
                if competency and competency.id not in gaps:
                    gaps[competency.id] = (competency, max(score + 1, 3), score, "coaching")
            for competency, required, current, source in gaps.values():
                course = suggest(competency, required)
                vals_list.append(
                    {
                        "needs_id": plan.id,
                        "employee_id": employee.id,
                        "competency_id": competency.id,
                        "need_source": source,
                        "required_level": required,
                        "current_level": current,
                        "predicate": predicate,
                        "course_id": course.id,
                        "priority": "high" if low or required - current >= 2 else "medium",
                        "reason": words._gap_reason(competency, required, current, source),
                        "generated": True,
                    }
                )
            if low:
                vals_list.append(words._performance_need(plan, employee, low, weak.get(employee.id, [])))
            own = vals_list[first:]
            vals_list += words._certificate_needs(plan, employee, ending.get(employee.id, []), own)
        return vals_list

    @api.model
    def _ending_certificates(self, employees, year):
        """{employee id: [certificate]}: each employee's last certificate of a course that still asks for
        one, when it ends before the end of ``year`` (one query)."""
        certificates = (
            self.env["asn.training.certificate"]
            .sudo()
            .search_fetch(
                [("employee_id", "in", employees.ids), ("course_id.certificate_validity_months", ">", 0)],
                ["employee_id", "course_id", "name", "date_expiry"],
                order="date_expiry, id",
            )
        )
        last = {(certificate.employee_id.id, certificate.course_id.id): certificate for certificate in certificates}
        ending = defaultdict(list)
        for (employee_id, _course_id), certificate in last.items():
            if certificate.date_expiry <= date(year, 12, 31):
                ending[employee_id].append(certificate)
        return ending

    @api.model
    def _certificate_needs(self, plan, employee, certificates, found):
        """The needs of the employee's certificates that have expired or expire in the plan's year: the same
        course again. A course the gaps already ``found`` for the employee gets the reason added, not a second
        need (docs/rules.md §25)."""
        suggested = {vals["course_id"]: vals for vals in found if vals.get("course_id")}
        today = fields.Date.context_today(self)
        needs = []
        for certificate in certificates:
            if certificate.date_expiry > date(plan.year, 12, 31):
                continue
            when = format_date(self.env, certificate.date_expiry)
            if certificate.date_expiry < today:
                reason = self.env._(
                    "The certificate %(course)s expired on %(date)s.", course=certificate.name, date=when
                )
            else:
                reason = self.env._(
                    "The certificate %(course)s expires on %(date)s.", course=certificate.name, date=when
                )
            if vals := suggested.get(certificate.course_id.id):
                vals["reason"] = f"{vals['reason']} {reason}"
                continue
            needs.append(
                {
                    "needs_id": plan.id,
                    "employee_id": employee.id,
                    "need_source": "certificate",
                    "course_id": certificate.course_id.id,
                    "priority": "high" if certificate.date_expiry < date(plan.year, 1, 1) else "medium",
                    "reason": reason,
                    "generated": True,
                }
            )
        return needs

    @api.model
    def _last_low_predicates(self, employees, year):
        """{employee id: SKP} of the employees whose last final annual SKP before ``year``
        ends below Baik (two queries)."""
        appraisals = (
            self.env["asn.kinerja.appraisal"]
            .sudo()
            .search_fetch(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "done"),
                    ("period_id.period_type", "=", "annual"),
                    ("period_id.date_start", "<", f"{year}-01-01"),
                ],
                ["employee_id", "predicate", "period_id"],
            )
        )
        appraisals.period_id.fetch(["date_start"])
        last = {}
        for skp in appraisals:
            current = last.get(skp.employee_id.id)
            if not current or current.period_id.date_start < skp.period_id.date_start:
                last[skp.employee_id.id] = skp
        return {employee_id: skp for employee_id, skp in last.items() if skp.predicate in LOW_PREDICATES}

    @api.model
    def _predicate_label(self, skp):
        return dict(skp._fields["predicate"]._description_selection(self.env)).get(skp.predicate, skp.predicate)

    @api.model
    def _weak_coaching_competencies(self, employee_ids):
        """{employee id: [(competency or None, score, name)]}: the B.1.9 rows scored at most
        WEAK_COACHING_SCORE in each employee's last done coaching (three queries)."""
        if not employee_ids:
            return {}
        env = self.sudo().env
        coachings = env["asn.training.coaching"].search_fetch(
            [("employee_id", "in", employee_ids), ("state", "=", "done")], ["employee_id", "date"]
        )
        last = {}
        for coaching in coachings:
            current = last.get(coaching.employee_id.id)
            if not current or (current.date, current.id) < (coaching.date, coaching.id):
                last[coaching.employee_id.id] = coaching
        rows = env["asn.training.coaching.competency"].search_fetch(
            [
                ("coaching_id", "in", [coaching.id for coaching in last.values()]),
                ("score", ">", 0),
                ("score", "<=", WEAK_COACHING_SCORE),
            ],
            ["coaching_id", "name", "score"],
        )
        matched = env["asn.training.competency"]._match_names(rows.mapped("name"))
        weak = defaultdict(list)
        for row in rows:
            weak[row.coaching_id.employee_id.id].append((matched.get(row.name.strip().lower()), row.score, row.name))
        return weak

    @api.model
    def _course_suggester(self, competencies):
        """A function (competency, required level) -> the catalogue course to suggest: of the active
        courses teaching the competency, the one reaching the level with the fewest JP, else the one
        reaching the highest level (two queries)."""
        rows = (
            self.env["asn.training.course.competency"]
            .sudo()
            .search_fetch(
                [("competency_id", "in", competencies.ids)],
                ["course_id", "competency_id", "level"],
            )
        )
        rows.course_id.fetch(["jp_hours", "estimated_cost", "training_type"])
        taught = defaultdict(list)
        for row in rows:
            taught[row.competency_id.id].append(row)
        empty = self.env["hr.course"]

        def suggest(competency, required):
            options = taught.get(competency.id)
            if not options:
                return empty
            reaching = [row for row in options if row.level >= required]
            if reaching:
                best = min(reaching, key=lambda r: (r.course_id.jp_hours, r.course_id.estimated_cost, r.course_id.id))
            else:
                best = max(options, key=lambda r: (r.level, -r.course_id.id))
            return best.course_id

        return suggest

    @api.model
    def _gap_reason(self, competency, required, current, source):
        if source == "coaching":
            return self.env._(
                "The last coaching (B.1.9) scored %(competency)s at %(current)s.",
                competency=competency.name,
                current=current,
            )
        return self.env._(
            "%(competency)s: level %(current)s against the job's standard %(required)s.",
            competency=competency.name,
            current=current or self.env._("not assessed"),
            required=required,
        )

    @api.model
    def _performance_need(self, plan, employee, low, weak):
        """The need after a last predikat below Baik: the company's coaching program, the course the
        low-predikat link also requests (a set plan never asks for it twice)."""
        skp = low
        label = self._predicate_label(skp)
        course = plan.company_id._training_coaching_course()
        reason = self.env._(
            "%(skp)s ended with the predikat %(predicate)s, below Baik.", skp=skp.sudo().display_name, predicate=label
        )
        if weak:
            scores = ", ".join(f"{name} ({score})" for _competency, score, name in weak)
            reason += " " + self.env._("Weak in the last coaching (B.1.9): %(scores)s.", scores=scores)
        vals = {
            "needs_id": plan.id,
            "employee_id": employee.id,
            "need_source": "performance",
            "predicate": label,
            "priority": "high",
            "reason": reason,
            "generated": True,
        }
        if course:
            vals["course_id"] = course.id
        else:
            vals["training_type"] = "coaching"
        return vals
