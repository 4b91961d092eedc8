"""The activities of a workflow record: exactly those its state asks for (``_next_activities``)."""

from collections import defaultdict

from odoo import api, models


class AsnWorkflowActivitiesMixin(models.AbstractModel):
    """``_next_activities``: ``{state reached: (activity xmlid, person field)}``, or a list of such
    steps when several people act at once; a third element names the field whose value ends the step
    while the state stays (e.g. an objection's explanation, once recorded)."""

    _name = "asn.workflow.activities.mixin"
    _description = "Activities of a Workflow Record"

    _next_activities = {}

    def _next_activity_steps(self):
        """[(activity xmlid, res.users)] of whoever acts next on this record."""
        self.ensure_one()
        steps = []
        for xmlid, path, until in self._activity_table_steps(self.state):
            if until and self.sudo()[until]:
                continue
            person = self.sudo().mapped(path)
            if user := (person.user_id if person._name == "hr.employee" else person)[:1]:
                steps.append((xmlid, user))
        return steps

    @api.model
    def _activity_table_steps(self, state):
        """The ``_next_activities`` entry of ``state`` as a list of (xmlid, path, field ending it or None)."""
        steps = self._next_activities.get(state, [])
        return [(*step, None)[:3] for step in ([steps] if isinstance(steps, tuple) else steps)]

    def _next_activity_deadline(self, activity_type):
        """Due date of the next activity: the delay of its type, from today."""
        return activity_type._get_date_deadline()

    @api.model
    def _workflow_activity_types(self):
        return {xmlid for state in self._next_activities for xmlid, *_rest in self._activity_table_steps(state)}

    def _schedule_next_activity(self):
        """Give each record exactly the workflow activities it needs now: keep those still due,
        remove the others, create the missing ones in one go. Returns the activities created."""
        Activity = self.env["mail.activity"].sudo()
        if not self:
            return Activity
        Data = self.env["ir.model.data"]
        types = {
            xmlid: Data._xmlid_to_res_id(xmlid, raise_if_not_found=False) for xmlid in self._workflow_activity_types()
        }
        type_records = self.env["mail.activity.type"].sudo().browse(filter(None, types.values()))
        existing = Activity.search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("activity_type_id", "in", type_records.ids)]
        )
        by_key = defaultdict(lambda: Activity)
        for activity in existing:
            by_key[activity.res_id, activity.activity_type_id.id, activity.user_id.id] |= activity
        keep, to_create = Activity, []
        model_id = self.env["ir.model"]._get_id(self._name)
        for record in self:
            for xmlid, user in record._next_activity_steps():
                activity_type = type_records.browse(types.get(xmlid))
                key = (record.id, activity_type.id, user.id)
                if key in by_key:
                    keep |= by_key[key]
                elif activity_type:
                    # the activity speaks the language of the person who does it
                    words = activity_type.with_context(lang=user.lang or self.env.lang)
                    to_create.append(
                        {
                            "res_model_id": model_id,
                            "res_id": record.id,
                            "activity_type_id": activity_type.id,
                            "summary": words.summary or words.name,
                            "note": words.default_note,
                            "user_id": user.id,
                            "automated": True,
                            "date_deadline": record._next_activity_deadline(activity_type),
                        }
                    )
        (existing - keep).unlink()
        if not to_create:
            return Activity
        # the activity itself is the notice (systray, daily reminders): no "assigned to you" mail
        return Activity.with_context(mail_activity_quick_update=True).create(to_create)

    def _schedule_user_activity(self, xmlid, user, note, date_deadline=None):
        """Give ``user`` the activity ``xmlid`` on this record besides the workflow's (e.g. a coaching to hold,
        a result to acknowledge): titled in the user's language, ``note`` written by the caller in it; like
        the workflow's activities, the activity itself is the notice (no assignment mail)."""
        self.ensure_one()
        record = self.sudo().with_context(lang=user.lang or self.env.lang, mail_activity_quick_update=True)
        activity_type = record.env.ref(xmlid)
        return record.activity_schedule(
            xmlid,
            date_deadline=date_deadline,
            user_id=user.id,
            summary=activity_type.summary or activity_type.name,
            note=note,
        )
