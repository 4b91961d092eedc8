from odoo import models

OFFICER = "hr_asn_kinerja.group_kinerja_officer"


class MailActivity(models.Model):
    """A step's activity on a Kinerja ASN record belongs to the one whose step it is: Odoo lets whoever may
    write on the record edit, finish or cancel any of its activities, so the employee could close her
    appraiser's "Score the SKP". Only its assignee (or Pengelola Kinerja) does; the workflow itself changes
    activities as superuser."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or not self or self.env.su:
            return result
        others = self._kinerja_activities_of_others()
        if result:
            others -= result[0]
        if not others:
            return result
        if result:
            return (result[0] + others, result[1])
        return (others, lambda: others._make_access_error(operation))

    def _kinerja_activities_of_others(self):
        """The activities among these on Kinerja ASN workflow records assigned to someone else."""
        activities = self.sudo().filtered(
            lambda a: (
                a.res_model
                and a.user_id
                and a.user_id.id != self.env.uid
                and a.res_model in self.env
                and hasattr(self.env[a.res_model], "_workflow_activity_types")
            )
        )
        if not activities or self.env.user.has_group(OFFICER):
            return self.browse()
        return self.browse(activities.ids)
