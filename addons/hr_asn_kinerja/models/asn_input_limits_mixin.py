"""Bounded input (docs/rules.md §22): a model declares which of its fields take which bound of
``tools/limits.py``, and every create and write, by anyone and through any API, is checked against them."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_date, formatLang

from ..tools.limits import YEAR_MAX, YEAR_MIN


class AsnInputLimitsMixin(models.AbstractModel):
    _name = "asn.input.limits.mixin"
    _description = "Bounded Input"

    # field -> most characters
    _text_limits = {}
    # field -> (least, most), both allowed
    _number_limits = {}
    # date fields that must fall in the years YEAR_MIN..YEAR_MAX
    _year_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_years_given(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_years_given(vals)
        return super().write(vals)

    def _check_years_given(self, vals):
        """Dates out of range are refused before anything is computed from them (a deadline a month after
        31/12/9999 would not exist)."""
        for name in self._year_fields:
            if vals.get(name):
                self._check_year(name, fields.Date.to_date(vals[name]))

    def _validate_fields(self, field_names, excluded_names=()):
        field_names = set(field_names)  # create passes a generator: read it once
        result = super()._validate_fields(field_names, excluded_names)
        names = field_names - set(excluded_names)
        for name in names & {*self._text_limits, *self._number_limits, *self._year_fields}:
            for record in self.sudo():
                record._check_input_limit(name)
        return result

    def _label(self, name):
        return self._fields[name]._description_string(self.env)

    def _check_input_limit(self, name):
        value = self[name]
        if name in self._text_limits and value and len(value) > (limit := self._text_limits[name]):
            raise ValidationError(
                self.env._(
                    "%(field)s is too long: %(length)s characters, at most %(limit)s. Keep it to what the form needs.",
                    field=self._label(name),
                    length=len(value),
                    limit=limit,
                )
            )
        least, most = self._number_limits.get(name, (None, None))
        if name in self._number_limits and not least <= (value or 0) <= most:
            raise ValidationError(
                self.env._(
                    "%(field)s must be between %(least)s and %(most)s (not %(value)s).",
                    field=self._label(name),
                    least=formatLang(self.env, least, digits=0),
                    most=formatLang(self.env, most, digits=0),
                    value=formatLang(self.env, value, digits=2),
                )
            )
        if name in self._year_fields and value:
            self._check_year(name, value)

    def _check_year(self, name, value):
        if not YEAR_MIN <= value.year <= YEAR_MAX:
            raise ValidationError(
                self.env._(
                    "%(field)s must fall in the years %(first)s to %(last)s (not %(date)s).",
                    field=self._label(name),
                    first=YEAR_MIN,
                    last=YEAR_MAX,
                    date=format_date(self.env, value),
                )
            )
