"""Default deadlines of a performance period (docs/rules.md §14): the one place they are computed.

- annual plan: the end of the period's first month, 31 January for a calendar year;
- annual evaluation (the predikat): the 10th of the month after the period, 10 January of the next year;
- a semester, quarter or month: its evaluation 5 working days after its end, its plan 5 working days
  after its start but never before the annual plan's deadline.

Working days are Monday to Friday; public holidays are not known here, HR edits the date instead.
"""

import datetime

from dateutil.relativedelta import relativedelta

SUB_PERIOD_WORKING_DAYS = 5


def add_working_days(date, days):
    """``date`` moved forward by ``days`` working days (Monday to Friday)."""
    while days > 0:
        date += datetime.timedelta(days=1)
        if date.weekday() < 5:
            days -= 1
    return date


def default_deadlines(period_type, date_start, date_end):
    """(plan deadline, evaluation deadline) of a period; (False, False) while its dates are unknown."""
    if not (date_start and date_end):
        return False, False
    if period_type == "annual":
        return date_start + relativedelta(day=31), date_end + relativedelta(months=1, day=10)
    annual_plan = datetime.date(date_start.year, 1, 31)
    plan = max(annual_plan, add_working_days(date_start, SUB_PERIOD_WORKING_DAYS))
    return plan, add_working_days(date_end, SUB_PERIOD_WORKING_DAYS)
