"""SIASN master data as a BKPSDM downloads it (docs/rules.md §23): the one place that knows the layout of
the "Export Data ASN" CSV and of the unit reference (ref-unor), and the codes they carry.

Pure functions, no ORM: the import wizard (``wizard/asn_kinerja_siasn_import.py``) turns what they return
into units, jobs and employees.
"""

import csv
import datetime
import io
import json
import zipfile

import openpyxl

# gol_akhir_id -> our PNS rank key (hr.employee.asn_rank)
GOLONGAN_BY_CODE = {
    f"{tier}{step}": f"{roman}/{letter}"
    for tier, roman, letters in ((1, "I", "abcd"), (2, "II", "abcd"), (3, "III", "abcd"), (4, "IV", "abcde"))
    for step, letter in enumerate(letters, start=1)
}
# PPPK golongan I-XVII: SIASN's codes for them are not published; the name (gol_akhir_nama) carries the numeral
PPPK_GOLONGAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()
# jenis_jabatan_id -> position type; a structural post is refined by the eselon of the unit its holder heads
JENIS_JABATAN = {
    "1": ("Struktural", None),
    "2": ("Fungsional Tertentu", "fungsional"),
    "3": ("Rangkap", "fungsional"),
    "4": ("Fungsional Umum (Pelaksana)", "pelaksana"),
}
# first digit of a unit's EselonId -> position type of its head (I and II: JPT, III: Administrator, IV, V: Pengawas)
POSITION_BY_ESELON = {"1": "jpt", "2": "jpt", "3": "administrator", "4": "pengawas", "5": "pengawas"}
# kedudukan_hukum_id of PPPK (71 PPPK Aktif, 101 PPPK paruh waktu); every other status is a PNS one
PPPK_KEDUDUKAN = {"71", "101"}
PPPK_PART_TIME_KEDUDUKAN = "101"
# kedudukan hukum -> ASN status (docs/rules.md §24): the active codes, then words of kedudukan_hukum_nama, in
# this order ("Masa Persiapan Pensiun" is still active and "Pemberhentian Sementara" is not a dismissal: unclear)
ACTIVE_KEDUDUKAN = {"1", "71", "101"}
STATUS_BY_KEDUDUKAN_NAME = [
    (("MASA PERSIAPAN", "SEMENTARA"), ""),
    (("MENINGGAL", "WAFAT"), "deceased"),
    (("CLTN", "CUTI DI LUAR TANGGUNGAN", "TUGAS BELAJAR"), "leave"),
    (("PENSIUN",), "retired"),
    (("DIBERHENTIKAN", "PEMBERHENTIAN"), "dismissed"),
]
SEX_BY_CODE = {
    "m": "male",
    "l": "male",
    "1": "male",
    "pria": "male",
    "laki-laki": "male",
    "f": "female",
    "p": "female",
    "2": "female",
    "wanita": "female",
    "perempuan": "female",
}


def clean(value):
    """A cell as SIASN writes it: strip spaces, the leading ' that keeps spreadsheets from eating digits,
    and the literal ``null``; '' for nothing."""
    value = (value or "").strip()
    if value.startswith("'"):
        value = value[1:].strip()
    return "" if value.lower() == "null" else value


def parse_date(value):
    """dd-mm-yyyy (also dd/mm/yyyy or yyyy-mm-dd) -> date; None when empty or not a date."""
    value = clean(value)
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _text(data):
    if isinstance(data, bytes):
        return data.decode("utf-8-sig", errors="replace")
    return data.lstrip("\ufeff")


def read_employee_csv(data):
    """The rows of an "Export Data ASN" CSV as dicts of lower-case column -> cleaned value, in file order.

    ``|``-delimited with a header row; extra, missing or reordered columns are fine (a missing one reads '').
    """
    return read_csv(data, "|")


def read_csv(data, delimiter):
    """The rows of a CSV with a header row as dicts of lower-case column -> cleaned value, blank lines skipped."""
    reader = csv.reader(io.StringIO(_text(data)), delimiter=delimiter)
    header = None
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = [clean(cell).lower() for cell in cells]
            continue
        rows.append({name: clean(cell) for name, cell in zip(header, cells, strict=False) if name})
    return rows


def is_xlsx(data):
    """An XLSX workbook (a zip archive) rather than a CSV text."""
    return isinstance(data, bytes) and data[:4] == b"PK\x03\x04"


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def read_employee_xlsx(data):
    """The rows of the first sheet of an XLSX with the Export Data ASN columns, as ``read_employee_csv``
    returns them; dates read as dd-mm-yyyy. Raises ValueError when it is not a readable workbook."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise ValueError(str(error)) from None
    try:
        header, rows = None, []
        for cells in workbook.worksheets[0].iter_rows(values_only=True):
            texts = [clean(_cell_text(cell)) for cell in cells]
            if not any(texts):
                continue
            if header is None:
                header = [text.lower() for text in texts]
                continue
            rows.append({name: text for name, text in zip(header, texts, strict=False) if name})
        return rows
    finally:
        workbook.close()


# the columns of the XLSX template: what the import reads, in SIASN's order
TEMPLATE_COLUMNS = (
    "pns_id",
    "nip_baru",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tanggal_lahir",
    "jenis_kelamin",
    "email",
    "email_gov",
    "nomor_hp",
    "kedudukan_hukum_id",
    "gol_akhir_id",
    "gol_akhir_nama",
    "jenis_jabatan_id",
    "jabatan_nama",
    "unor_id",
    "unor_nama",
)
TEMPLATE_EXAMPLE = (
    "",
    "198503152010011002",
    "Budi Santoso",
    "",
    "S.Kom.",
    "15-03-1985",
    "M",
    "budi.santoso@example.com",
    "",
    "081200000000",
    "01",
    "32",
    "III/b",
    "2",
    "Pranata Komputer Ahli Muda",
    "UNIT-001",
    "Bidang Contoh",
)


def employee_template_xlsx():
    """An XLSX with the columns the import reads and one example row, every cell text (a NIP is 18 digits:
    as a number a spreadsheet would round it)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data ASN"
    sheet.append(list(TEMPLATE_COLUMNS))
    sheet.append(list(TEMPLATE_EXAMPLE))
    for column in sheet.iter_cols(min_row=1, max_row=200):
        for cell in column:
            cell.number_format = "@"
    for cell in sheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(cell.value) + 4)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def read_unor_json(data):
    """The units of a ref-unor JSON (a list, or ``{"data": [...]}``) as dicts with our keys."""
    payload = json.loads(_text(data) or "[]")
    if isinstance(payload, dict):
        payload = payload.get("data") or []
    units = []
    for item in payload:
        if not isinstance(item, dict):
            continue

        def get(key, item=item):
            return clean(str(item.get(key) if item.get(key) is not None else ""))

        units.append(
            {
                "id": get("Id"),
                "parent": get("DiatasanId"),
                "instansi": get("InstansiId"),
                "eselon": get("EselonId"),
                "name": get("NamaUnor"),
                "head_post": get("NamaJabatan"),
                "head": get("PemimpinPnsId"),
            }
        )
    return units


def asn_type_of(row):
    """'pppk_part_time' for 101, 'pppk' for the other PPPK statuses, else 'pns'."""
    code = row.get("kedudukan_hukum_id", "").lstrip("0")
    if code == PPPK_PART_TIME_KEDUDUKAN:
        return "pppk_part_time"
    return "pppk" if code in PPPK_KEDUDUKAN else "pns"


def asn_status_of(row):
    """Our ASN status for the row's kedudukan hukum where it is clear (docs/rules.md §24), else ''.
    The active codes are known (01, 71, 101); the others are read from the name SIASN writes beside them."""
    code = row.get("kedudukan_hukum_id", "").lstrip("0")
    if code in ACTIVE_KEDUDUKAN:
        return "active"
    name = " ".join(row.get("kedudukan_hukum_nama", "").upper().split())
    for words, status in STATUS_BY_KEDUDUKAN_NAME:
        if any(word in name for word in words):
            return status
    return ""


def rank_of(row, asn_type):
    """Our rank key for the row's golongan, or None when the code is unknown."""
    if asn_type == "pns":
        return GOLONGAN_BY_CODE.get(row.get("gol_akhir_id", ""))
    numeral = row.get("gol_akhir_nama", "").upper().removeprefix("GOLONGAN").strip()
    return numeral if numeral in PPPK_GOLONGAN else None


def sex_of(row):
    return SEX_BY_CODE.get(row.get("jenis_kelamin", "").lower())


def full_name(row):
    """The name as printed on forms: front titles, name, comma, back titles."""
    name = " ".join(part for part in (row.get("gelar_depan", ""), row.get("nama", "")) if part)
    back = row.get("gelar_belakang", "")
    return f"{name}, {back}" if back else name
