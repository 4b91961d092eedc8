"""Labels of evaluation periods as the official forms print them (docs/rules.md §12)."""

ROMAN = ["I", "II", "III", "IV"]


def period_label(period_type, date_start, date_end):
    """'TRIWULAN II', 'SEMESTER I', 'BULAN 3', or 'AKHIR' for a year."""
    if not (date_start and date_end):
        return ""
    if period_type == "semester":
        return f"SEMESTER {ROMAN[(date_start.month - 1) // 6]}"
    if period_type == "quarter":
        return f"TRIWULAN {ROMAN[(date_start.month - 1) // 3]}"
    if period_type == "month":
        return (
            f"BULAN {date_start.month}"
            if date_start.month == date_end.month
            else (f"BULAN {date_start.month}-{date_end.month}")
        )
    return "AKHIR"


MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


def format_date_id(date, year=True):
    """A date as the forms print it: '15 Januari 2026' ('15 Januari' without the year)."""
    if not date:
        return ""
    text = f"{date.day} {MONTHS_ID[date.month - 1]}"
    return f"{text} {date.year}" if year else text


def period_range_id(date_start, date_end):
    """'PERIODE PENILAIAN' text: '1 Januari sd 31 Desember Tahun 2026' (both years when they differ)."""
    if not (date_start and date_end):
        return ""
    if date_start.year == date_end.year:
        return (
            f"{format_date_id(date_start, year=False)} sd {format_date_id(date_end, year=False)} Tahun {date_end.year}"
        )
    return f"{format_date_id(date_start)} sd {format_date_id(date_end)}"
