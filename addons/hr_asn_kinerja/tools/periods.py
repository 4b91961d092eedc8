"""Labels of evaluation periods as the official forms print them (rules §12)."""

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
