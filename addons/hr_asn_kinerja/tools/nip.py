"""NIP (Nomor Induk Pegawai) parsing: the one place that knows its 18-digit layout.

Layout (docs/rules.md §9): birth date YYYYMMDD, appointment (TMT CPNS / PPPK) YYYYMM,
sex digit (1 male, 2 female), sequence NNN. NI PPPK numbers have the same shape; those
issued by BKN carry the code 21 where a NIP has the appointment month.
"""

import datetime
import re
import unicodedata
from typing import NamedTuple

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

NIP_LENGTH = 18
SEX_BY_DIGIT = {"1": "male", "2": "female"}
PPPK_MONTH_CODE = "21"
# every PPPK, full or part-time (docs/rules.md §16), carries the code 21
PPPK_TYPES = ("pppk", "pppk_part_time")
ASCII_DIGITS = re.compile(r"[0-9]+")


class NipError(ValueError):
    """An invalid NIP; ``message`` is a lazy translation that says what is wrong."""

    def __init__(self, message):
        super().__init__(message._translate("en_US"))  # the English text, for logs
        self.message = message


class NipInfo(NamedTuple):
    nip: str
    birth_date: datetime.date
    appointment_month: datetime.date | None  # first day of the TMT month; None for an NI PPPK coded 21
    sex: str  # 'male' or 'female'
    sequence: str


def normalize_nip(value):
    """Drop the spaces people type between the NIP blocks and read full-width digits (an East Asian input
    method's) as the digits they show; keep everything else."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value or ""))


def parse_nip(value, asn_type=None, today=None):
    """Return the NipInfo of ``value`` or raise NipError naming the first problem.

    With a PPPK ``asn_type`` (full or part-time) the appointment month may be the PPPK code 21.
    """
    nip = normalize_nip(value)
    if not ASCII_DIGITS.fullmatch(nip):  # str.isdigit() takes any script's digits
        raise NipError(_lt("NIP %(nip)s may only contain the digits 0-9.", nip=value))
    if len(nip) != NIP_LENGTH:
        raise NipError(_lt("NIP %(nip)s has %(count)s digits; a NIP has exactly 18 digits.", nip=nip, count=len(nip)))
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(
            _lt("NIP %(nip)s: digits 1-8 (%(part)s) are not a real birth date (YYYYMMDD).", nip=nip, part=nip[0:8])
        ) from None
    today = today or datetime.date.today()
    if birth.year < 1900 or birth > today:
        raise NipError(_lt("NIP %(nip)s: the birth date %(date)s is not plausible.", nip=nip, date=birth.isoformat()))
    pppk_coded = asn_type in PPPK_TYPES and nip[12:14] == PPPK_MONTH_CODE
    try:
        appointment = datetime.date(int(nip[8:12]), 1 if pppk_coded else int(nip[12:14]), 1)
    except ValueError:
        raise NipError(
            _lt(
                "NIP %(nip)s: digits 9-14 (%(part)s) are not a real appointment year and month (YYYYMM).",
                nip=nip,
                part=nip[8:14],
            )
        ) from None
    if appointment <= birth.replace(day=1) or (pppk_coded and appointment.year <= birth.year):
        raise NipError(
            _lt(
                "NIP %(nip)s: the appointment month %(appointment)s must come after the birth date %(birth)s.",
                nip=nip,
                appointment=nip[8:12] + "-" + nip[12:14],
                birth=birth.isoformat(),
            )
        )
    sex = SEX_BY_DIGIT.get(nip[14])
    if not sex:
        raise NipError(_lt("NIP %(nip)s: digit 15 (%(digit)s) must be 1 (male) or 2 (female).", nip=nip, digit=nip[14]))
    return NipInfo(nip, birth, None if pppk_coded else appointment, sex, nip[15:18])


def format_nip(nip):
    """The printed form used on official documents: 19850315 201001 1 002."""
    nip = normalize_nip(nip)
    if len(nip) != NIP_LENGTH:
        return nip
    return f"{nip[0:8]} {nip[8:14]} {nip[14]} {nip[15:18]}"
