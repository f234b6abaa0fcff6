"""Reading and checking the official administrative-boundary table (CSV or XLSX).

The table has one row per lowest-level unit, with columns such as ``admin1Pcode``,
``admin2Pcode``, ``admin2Name_ar``, ``admin2Name_en``, ... down to ``admin4``. An
HXL hashtag row under the header (``#adm1+code`` ...) is skipped. Nothing here
writes to the database; ``services.boundaries_import`` does, only if no row failed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar

PCODE = re.compile(r"^[A-Za-z0-9_-]{2,20}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_NAME = 200
MAX_ROWS = 200_000
LEVELS = {2: "district", 3: "subdistrict", 4: "locality"}


class BoundaryFileError(Exception):
    """The file as a whole cannot be read (format, encoding, missing columns)."""


@dataclass(frozen=True)
class RowError:
    row: int
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class Unit:
    level: int
    pcode: str
    name_ar: str
    name_en: str
    parent: str
    row: int


@dataclass
class ParsedTable:
    units: dict[int, dict[str, Unit]] = field(default_factory=lambda: {2: {}, 3: {}, 4: {}})
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _read_rows(upload: IO[bytes], filename: str) -> Iterator[list[str]]:
    suffix = Path(filename).suffix.lower()
    data = upload.read()
    if suffix == ".xlsx" or data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            raise BoundaryFileError(_("The file is not a readable XLSX workbook.")) from exc
        sheet = workbook.worksheets[0]
        # The size stored in the file may be wrong (some programs write A1): without
        # this, read-only openpyxl stops at the stored last row and rows go missing.
        sheet.reset_dimensions()
        for values in sheet.iter_rows(values_only=True):
            yield [_cell(v) for v in values]
        workbook.close()
        return
    if suffix not in {".csv", ".txt", ""}:
        raise BoundaryFileError(_("Use a CSV or XLSX file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BoundaryFileError(_("The CSV file must be saved as UTF-8.")) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    line = 1  # where the record being read starts
    try:
        for values in reader:
            yield [_cell(v) for v in values]
            line = reader.line_num + 1
    except csv.Error as exc:  # e.g. an unclosed quote making one huge field
        raise BoundaryFileError(
            _("The CSV file cannot be read from line %(line)s on; check its quotation marks.")
            % {"line": line}
        ) from exc


def _column_map(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        key = title.strip().lower().replace(" ", "")
        if key and key not in columns:
            columns[key] = index
    return columns


def _required_levels(columns: dict[str, int]) -> list[int]:
    if "admin1pcode" not in columns:
        raise BoundaryFileError(_("The column admin1Pcode is missing."))
    levels = []
    for level in (2, 3, 4):
        needed = [f"admin{level}pcode", f"admin{level}name_ar", f"admin{level}name_en"]
        present = [name for name in needed if name in columns]
        if not present:
            continue
        missing = [name for name in needed if name not in columns]
        if missing:
            titles = {
                f"admin{level}pcode": f"admin{level}Pcode",
                f"admin{level}name_ar": f"admin{level}Name_ar",
                f"admin{level}name_en": f"admin{level}Name_en",
            }
            raise BoundaryFileError(
                _("Columns missing for level %(level)s: %(columns)s")
                % {"level": level, "columns": ", ".join(titles[name] for name in missing)}
            )
        levels.append(level)
    if 2 not in levels:
        raise BoundaryFileError(
            _(
                "The file needs at least the district columns admin2Pcode, admin2Name_ar and "
                "admin2Name_en."
            )
        )
    if levels != list(range(2, 2 + len(levels))):
        raise BoundaryFileError(_("A level is skipped: each level needs the one above it."))
    return levels


def parse_boundary_table(
    upload: IO[bytes], filename: str, governorates: dict[str, tuple[str, str]]
) -> ParsedTable:
    """Check every row and collect the units. ``governorates`` maps each built-in
    admin1 P-code to its (Arabic, English) names."""
    rows = _read_rows(upload, filename)
    header = next(rows, None)
    if not header or not any(header):
        raise BoundaryFileError(_("The file is empty."))
    columns = _column_map(header)
    levels = _required_levels(columns)
    parsed = ParsedTable()

    def get(values: list[str], name: str) -> str:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else ""

    for row_number, values in enumerate(rows, start=2):
        if not any(values):
            continue
        if all(v.startswith("#") for v in values if v):
            continue  # HXL hashtag row
        parsed.rows += 1
        if parsed.rows > MAX_ROWS:
            raise BoundaryFileError(
                _("The file has more than %(max)s rows.") % {"max": f"{MAX_ROWS:,}"}
            )
        _check_row(parsed, row_number, values, levels, get, governorates)
    if parsed.rows == 0:
        raise BoundaryFileError(_("The file has a header but no rows."))
    return parsed


def _check_row(
    parsed: ParsedTable,
    row: int,
    values: list[str],
    levels: list[int],
    get: Any,
    governorates: dict[str, tuple[str, str]],
) -> None:
    errors: list[str] = []
    admin1 = get(values, "admin1pcode").upper()
    if admin1 not in governorates:
        errors.append(
            _("“%(code)s” is not one of the 14 governorate P-codes (SY01–SY14).")
            % {"code": admin1 or "—"}
        )
    else:
        known_ar, known_en = governorates[admin1]
        file_ar = get(values, "admin1name_ar")
        file_en = get(values, "admin1name_en")
        ar_differs = bool(file_ar) and normalize_ar(file_ar) != normalize_ar(known_ar)
        en_differs = bool(file_en) and _latin_key(file_en) != _latin_key(known_en)
        # A spelling variant changes one name; a wrong code changes both.
        if ar_differs and en_differs:
            errors.append(
                _(
                    "The file names governorate %(code)s “%(file)s”, but that code is "
                    "“%(known)s” here."
                )
                % {"code": admin1, "file": file_ar or file_en, "known": known_ar}
            )
    parent = admin1
    row_units: list[Unit] = []
    for level in levels:
        # P-codes are upper case in the official tables; "sy0901" and "SY0901" are one.
        pcode = get(values, f"admin{level}pcode").upper()
        name_ar = get(values, f"admin{level}name_ar")
        name_en = get(values, f"admin{level}name_en")
        if not pcode and level > 2 and not name_ar and not name_en:
            # A row may stop at a higher level, but may not skip one.
            if any(
                get(values, f"admin{lower}{column}")
                for lower in levels
                if lower > level
                for column in ("pcode", "name_ar", "name_en")
            ):
                errors.append(
                    _("The %(level)s is empty, but a lower level is filled in.")
                    % {"level": _level_label(level)}
                )
            break
        if not PCODE.match(pcode):
            errors.append(
                _("The %(level)s P-code “%(code)s” is not valid (2–20 letters, digits, - or _).")
                % {"level": _level_label(level), "code": pcode or "—"}
            )
            break
        if not name_ar or not name_en:
            errors.append(
                _("The %(level)s %(code)s needs both an Arabic and an English name.")
                % {"level": _level_label(level), "code": pcode}
            )
        if _CONTROL.search(name_ar + name_en):
            errors.append(
                _("A name of %(code)s contains invisible control characters.") % {"code": pcode}
            )
        if len(name_ar) > MAX_NAME or len(name_en) > MAX_NAME:
            errors.append(
                _("A name of %(code)s is longer than %(max)s characters.")
                % {"code": pcode, "max": MAX_NAME}
            )
        row_units.append(Unit(level, pcode, name_ar, name_en, parent, row))
        parent = pcode
    if not errors:
        for unit in row_units:
            seen = parsed.units[unit.level].get(unit.pcode)
            if seen is None:
                parsed.units[unit.level][unit.pcode] = unit
            elif (seen.parent, seen.name_ar, seen.name_en) != (
                unit.parent,
                unit.name_ar,
                unit.name_en,
            ):
                errors.append(
                    _("%(code)s is described differently on row %(other)s (name or parent).")
                    % {"code": unit.pcode, "other": seen.row}
                )
                break
    parsed.errors.extend(RowError(row, message) for message in errors)


def _latin_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _level_label(level: int) -> str:
    return {2: _("district"), 3: _("subdistrict"), 4: _("locality")}[level]
