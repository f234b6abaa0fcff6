"""Small administrative-boundary tables built in the tests themselves.

The P-codes below (TD…, TS…, TL…) are made up, so no third-party data is shipped;
only the 14 governorate codes are the real built-in ones."""

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

from mujtama.geo.services import ImportResult, boundaries_import

LEVEL_COLUMNS = {
    1: ["admin1Pcode", "admin1Name_ar", "admin1Name_en"],
    2: ["admin2Pcode", "admin2Name_ar", "admin2Name_en"],
    3: ["admin3Pcode", "admin3Name_ar", "admin3Name_en"],
    4: ["admin4Pcode", "admin4Name_ar", "admin4Name_en"],
}
HEADER = [column for level in (1, 2, 3, 4) for column in LEVEL_COLUMNS[level]]
HEADER3 = HEADER[:9]
HXL = [
    "#adm1+code",
    "#adm1+name+i_ar",
    "#adm1+name+i_en",
    "#adm2+code",
    "#adm2+name+i_ar",
    "#adm2+name+i_en",
    "#adm3+code",
    "#adm3+name+i_ar",
    "#adm3+name+i_en",
    "#adm4+code",
    "#adm4+name+i_ar",
    "#adm4+name+i_en",
]

DEIR = ("SY09", "دير الزور", "Deir-ez-Zor")
DAMASCUS = ("SY01", "دمشق", "Damascus")
D_MAYADIN = ("TD0901", "الميادين", "Al Mayadin")
D_BUKAMAL = ("TD0902", "البوكمال", "Abu Kamal")
D_DAMASCUS = ("TD0101", "دمشق", "Damascus")
S_MAYADIN = ("TS090101", "الميادين", "Al Mayadin")
S_ASHARA = ("TS090102", "العشارة", "Ashara")
S_BUKAMAL = ("TS090201", "البوكمال", "Abu Kamal")
S_DAMASCUS = ("TS010101", "دمشق", "Damascus")

# One row per locality: 3 districts, 4 subdistricts, 5 localities in 2 governorates.
ROWS: list[tuple[str, ...]] = [
    (*DEIR, *D_MAYADIN, *S_MAYADIN, "TL09010101", "الميادين", "Al Mayadin"),
    (*DEIR, *D_MAYADIN, *S_MAYADIN, "TL09010102", "قرية الأمل", "Qaryat al-Amal"),
    (*DEIR, *D_MAYADIN, *S_ASHARA, "TL09010201", "العشارة", "Ashara"),
    # Harakat and shadda, which search must ignore.
    (*DEIR, *D_BUKAMAL, *S_BUKAMAL, "TL09020101", "السُّكَّرِيَّة", "As-Sukkariya"),
    (*DAMASCUS, *D_DAMASCUS, *S_DAMASCUS, "TL01010101", "المزة", "Mazzeh"),
]
ROWS3: list[tuple[str, ...]] = [row[:9] for row in ROWS]


def csv_bytes(
    rows: Iterable[Sequence[str]],
    *,
    header: Sequence[str] = HEADER,
    hxl: bool = False,
    delimiter: str = ",",
    bom: bool = False,
    encoding: str = "utf-8",
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    if hxl:
        writer.writerow(HXL[: len(header)])
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def xlsx_bytes(
    rows: Iterable[Sequence[str]], *, header: Sequence[str] = HEADER, hxl: bool = False
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    if hxl:
        sheet.append(HXL[: len(header)])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run_import(
    data: bytes, filename: str = "boundaries.csv", *, actor: object = None, dry_run: bool = False
) -> ImportResult:
    return boundaries_import(
        upload=io.BytesIO(data), filename=filename, actor=actor, dry_run=dry_run
    )


def locality_rows(count: int, *, start: int = 1) -> list[tuple[str, ...]]:
    """``count`` more localities in the Al Mayadin subdistrict, for pagination."""
    return [
        (*DEIR, *D_MAYADIN, *S_MAYADIN, f"TLX{n:05d}", f"مزرعة رقم {n}", f"Farm number {n}")
        for n in range(start, start + count)
    ]
