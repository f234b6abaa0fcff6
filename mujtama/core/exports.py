"""Spreadsheet exports: CSV (optionally HXL-tagged) and XLSX, from one column list.

Every export goes through the same three steps: the columns give the headers (in the
language active at export time) and, for HXL, the hashtag row; each cell goes through
``neutralize`` against formula injection; the rows are consumed one at a time, so a
``queryset.values(...).iterator()`` over a million rows never sits in memory.

The ``write_*`` functions write to a file-like object (management commands, tests);
the ``*_response`` functions wrap them for views.
"""

from __future__ import annotations

import csv
import datetime
import re
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

__all__ = [
    "CSV_CONTENT_TYPE",
    "XLSX_CONTENT_TYPE",
    "CellValue",
    "Column",
    "csv_response",
    "iter_csv",
    "neutralize",
    "write_csv",
    "write_xlsx",
    "xlsx_response",
]

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CellValue = str | int | float | Decimal | datetime.date | None
Row = Mapping[str, Any]

BOM = "\ufeff"
# Characters a spreadsheet reads as the start of a formula (OWASP "CSV injection").
FORMULA_STARTERS = ("=", "+", "-", "@")
# Tab and carriage return are dangerous as the very first character: some
# spreadsheets strip them and then read what follows as a formula.
CONTROL_STARTERS = ("\t", "\r")
# Control characters XML 1.0 (and so XLSX) cannot hold; tab, LF and CR are allowed.
XLSX_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# An HXL hashtag with its attributes: "#org+name", "#reached +f +children".
HXL_HASHTAG = re.compile(r"^#[A-Za-z][A-Za-z0-9_]*(\s*\+[A-Za-z][A-Za-z0-9_]*)*$")
# Excel forbids these in sheet names and caps them at 31 characters.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31
# Flush the CSV stream in chunks of about this many characters, not one per row.
CSV_CHUNK_CHARS = 64 * 1024
# The XLSX file stays in memory up to this size, then spills to a temporary file.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Column:
    """One exported column: ``key`` into each row dict, the human ``header`` (a lazy
    translation, rendered in the language active at export time) and optionally its
    HXL hashtag with attributes (``#org+name``, ``#adm1+code``, ``#reached+f``)."""

    key: str
    header: str | Promise
    hxl: str = ""

    def __post_init__(self) -> None:
        if self.hxl and not HXL_HASHTAG.match(self.hxl):
            raise ValueError(f"{self.hxl!r} is not an HXL hashtag such as '#org+name'")


def neutralize(value: object) -> CellValue:
    """Make one cell value safe to open in a spreadsheet.

    A text cell that starts with ``=``, ``+``, ``-``, ``@`` (also after leading
    whitespace), a tab or a carriage return would be run as a formula by Excel or
    LibreOffice: ``=HYPERLINK(...)`` in an organisation's name could leak data or
    mislead whoever opens the export (OWASP "CSV injection"). Such text gets a
    leading ``'``, which spreadsheets read as "this is text". Numbers stay numbers
    (a negative number is not a formula), dates stay dates, ``None`` stays empty,
    booleans become ``"1"``/``"0"`` and everything else (lazy translations, UUIDs,
    model instances) becomes its ``str``.
    """
    if value is None:
        return None
    if isinstance(value, bool):  # before int: bool is an int
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal | datetime.date):
        return value
    text = str(value)
    if text.startswith(CONTROL_STARTERS) or text.lstrip().startswith(FORMULA_STARTERS):
        return "'" + text
    return text


def _headers(columns: Sequence[Column]) -> list[CellValue]:
    return [neutralize(str(column.header)) for column in columns]


def _hashtags(columns: Sequence[Column]) -> list[str]:
    return [column.hxl for column in columns]


def _local_naive(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets know no time zones: show aware times in the project's zone."""
    if timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


# CSV ---------------------------------------------------------------------------------


class _Echo:
    """A pseudo-buffer: ``csv.writer`` hands back each formatted line instead of
    writing it anywhere, so the stream can be yielded as it is produced."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: object) -> str | int | float:
    cell = neutralize(value)
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime):
        return _local_naive(cell).isoformat()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    if isinstance(cell, Decimal):
        return format(cell, "f")  # never "1E+3"
    return cell


def iter_csv(
    columns: Sequence[Column],
    rows: Iterable[Row],
    *,
    hxl: bool = False,
    bom: bool = True,
) -> Iterator[str]:
    """Yield the CSV text in chunks: BOM, header row, HXL hashtag row (when ``hxl``,
    directly under the headers as the HXL standard asks), then one line per row.
    ``rows`` are dicts read by ``Column.key``; a missing key is an error."""
    writer = csv.writer(_Echo())
    chunk: list[str] = [BOM] if bom else []
    chunk.append(writer.writerow(_headers(columns)))
    if hxl:
        chunk.append(writer.writerow(_hashtags(columns)))
    size = 0
    for row in rows:
        line: str = writer.writerow([_csv_cell(row[column.key]) for column in columns])
        chunk.append(line)
        size += len(line)
        if size >= CSV_CHUNK_CHARS:
            yield "".join(chunk)
            chunk, size = [], 0
    if chunk:
        yield "".join(chunk)


def write_csv(
    fh: IO[str],
    columns: Sequence[Column],
    rows: Iterable[Row],
    hxl: bool = False,
    *,
    bom: bool = True,
) -> None:
    """Write the CSV to a text file opened with ``newline=""`` (UTF-8 for the BOM)."""
    for chunk in iter_csv(columns, rows, hxl=hxl, bom=bom):
        fh.write(chunk)


def _attachment_filename(filename: str, extension: str) -> str:
    """Keep only the last path component and make sure of the extension."""
    name = re.split(r"[/\\]", filename)[-1].strip() or "export"
    if not name.lower().endswith(extension):
        name += extension
    return name


def csv_response(
    *,
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    hxl: bool = False,
) -> StreamingHttpResponse:
    """Stream the CSV as a download: UTF-8 with BOM so Excel reads Arabic correctly.
    The headers are translated into the language active when the response is built."""
    columns = list(columns)
    response = StreamingHttpResponse(
        iter_csv(columns, rows, hxl=hxl, bom=True), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(
        True, _attachment_filename(filename, ".csv")
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


# XLSX --------------------------------------------------------------------------------


def _xlsx_cell(value: object) -> CellValue:
    cell = neutralize(value)
    if isinstance(cell, str):
        return XLSX_ILLEGAL_CHARACTERS.sub("", cell)
    if isinstance(cell, datetime.datetime):
        return _local_naive(cell)
    return cell


def _sheet_title(title: str | Promise) -> str:
    text = SHEET_TITLE_FORBIDDEN.sub(" ", str(title)).strip().strip("'")
    return text[:SHEET_TITLE_MAX].strip() or "Sheet1"


def write_xlsx(
    fh: IO[bytes],
    columns: Sequence[Column],
    rows: Iterable[Row],
    sheet_title: str | Promise,
    rtl: bool | None = None,
    *,
    hxl: bool = False,
) -> None:
    """Write an XLSX workbook of one sheet to a binary file-like object.

    openpyxl's write-only mode streams the rows to its own temporary file and writes
    strings inline (no shared-string table), so memory stays flat for a million rows.
    The sheet reads right to left when ``rtl`` is true or, if ``rtl`` is None, when the
    active language is written right to left (Arabic). The bold header row is frozen.
    """
    columns = list(columns)
    if rtl is None:
        rtl = translation.get_language_bidi()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(sheet_title))
    sheet.sheet_view.rightToLeft = bool(rtl)
    header_rows = 2 if hxl else 1
    sheet.freeze_panes = f"A{header_rows + 1}"
    headers = _headers(columns)
    for index, header in enumerate(headers, start=1):
        width = min(max(len(str(header or "")) + 4, 12), 60)
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=_xlsx_cell(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    if hxl:
        sheet.append(_hashtags(columns))
    for row in rows:
        sheet.append([_xlsx_cell(row[column.key]) for column in columns])
    workbook.save(fh)


def xlsx_response(
    *,
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Row],
    sheet_title: str | Promise,
    rtl: bool | None = None,
    hxl: bool = False,
) -> FileResponse:
    """Build the workbook in a spooled temporary file (memory up to 8 MiB, then disk)
    and return it as a download; the response closes the file when it is sent."""
    spool = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
    try:
        write_xlsx(spool, columns, rows, sheet_title, rtl, hxl=hxl)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    response = FileResponse(
        spool,
        as_attachment=True,
        filename=_attachment_filename(filename, ".xlsx"),
        content_type=XLSX_CONTENT_TYPE,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
