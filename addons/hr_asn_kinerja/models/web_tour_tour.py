"""Guided tours of Kinerja ASN (static/src/onboarding/): offered once to each new user of their role.

A new Kinerja ASN user starts with tours switched on (``res.users.tour_enabled``). Odoo offers the
first tour the user has not consumed (``get_current_tour``, read with the session); here a Kinerja
tour is offered only to users of its role (``kinerja_group_id``), and the web client marks it
consumed when it starts it (static/src/onboarding/kinerja_onboarding.js), so it is offered once,
whether it is finished or not. Every tour can be started again from the Panduan page.
"""

from odoo import api, fields, models

TOUR_PREFIX = "hr_asn_kinerja_onboarding_"


class WebTourTour(models.Model):
    _inherit = "web_tour.tour"

    kinerja_group_id = fields.Many2one(
        "res.groups", "Offered To", ondelete="cascade", help="Kinerja ASN: the role whose new users get this tour."
    )
    kinerja_title = fields.Char("Tour Title", translate=True)
    kinerja_summary = fields.Char("What the Tour Shows", translate=True)

    def _kinerja_offered_to(self, user):
        """The tours among these that ``user`` may be offered: a Kinerja tour to users of its role; Odoo's
        own tours to whom Odoo offers them (not to users whose tours Kinerja switched on, nor to users
        the company spares Odoo's extras)."""
        hides_extras = user._kinerja_hides_odoo_extras() or user.sudo().kinerja_tours_only
        return self.filtered(
            lambda tour: (
                tour.kinerja_group_id in user.all_group_ids
                if tour.kinerja_group_id
                else not hides_extras and not tour.name.startswith(TOUR_PREFIX)
            )
        )

    @api.model
    @api.readonly  # read at every start of the web client: served by the replica when there is one
    def get_current_tour(self):
        user = self.env.user
        if not (user and user.tour_enabled and user._is_internal()):
            return False
        tours = self.search([("custom", "=", False), ("user_consumed_ids", "not in", user.id)])
        tour = tours._kinerja_offered_to(user)[:1]
        return bool(tour) and tour._get_tour_json()

    @api.model
    def consume(self, tourName):
        next_tour = super().consume(tourName)
        # one Kinerja tour at a time: the next one is offered at the next visit, from its own page
        if tourName.startswith(TOUR_PREFIX) or (next_tour and next_tour["name"].startswith(TOUR_PREFIX)):
            return False
        return next_tour

    @api.model
    def _kinerja_guide_tours(self):
        """The Kinerja tours of the reader's roles, for the Panduan page: title, summary, start link."""
        user = self.env.user
        tours = self.sudo().search([("kinerja_group_id", "!=", False)])._kinerja_offered_to(user)
        return [
            {
                "name": tour.name,
                "title": tour.kinerja_title,
                "summary": tour.kinerja_summary,
                "url": f"{tour.url}{'&' if '?' in tour.url else '?'}tour={tour.name}",
            }
            for tour in tours
        ]
