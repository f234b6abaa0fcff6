"""Spreadsheet imports: the templates organizations fill in, and reading them back.

A feature that imports a spreadsheet (activities, beneficiaries, attendance) describes
its columns once, as a list of ``Column``: a key, the Arabic header written in the
template, the English header (and other aliases) also accepted on upload, and a
``parse`` function that turns one cell into a value or raises ``CellError`` with a
translated message. ``template_xlsx`` writes the template from that list and
``read_table`` reads a filled-in XLSX or CSV file with it:

    columns = [
        Column("name", "الاسم", "Name", parse_text(200), required=True),
        Column("born", "تاريخ الميلاد", "Date of birth", parse_date),
        Column("governorate", "المحافظة", "Governorate", parse_governorate),
    ]
    table = read_table(upload, filename=upload.name, columns=columns)
    if table.errors: ...  # show them, row by row
    for row in table.rows: row.values["born"]  # a datetime.date or None

``read_table`` never raises on bad data: every problem, from a renamed PNG to one
impossible date, becomes a ``RowError`` with the row number and the header the user
sees in their spreadsheet, in the active language. Parsers that need the database
(governorates) look things up once per import and keep them in the ``Context``.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import zipfile
from collections.abc import Callable, Generator, Mapping, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.phones import normalize_phone

if TYPE_CHECKING:
    from mujtama.geo.models import Governorate

__all__ = [
    "Accepts",
    "CellError",
    "Column",
    "Context",
    "ParsedRow",
    "ParsedTable",
    "Parser",
    "RowError",
    "accepts",
    "header_key",
    "parse_bool",
    "parse_choice",
    "parse_date",
    "parse_date_between",
    "parse_governorate",
    "parse_int",
    "parse_phone",
    "parse_text",
    "read_table",
    "template_xlsx",
]

Parser = Callable[[Any, "Context"], Any]

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
# Physical rows (blank ones included) read past max_rows before giving up: a sheet
# formatted down to row 1,048,576 must not keep the request busy.
BLANK_ROW_ALLOWANCE = 50_000
# An XLSX is a zip; refuse one that unpacks to more than this many times max_bytes.
MAX_UNZIPPED_RATIO = 20
INSTRUCTIONS_TITLE = "تعليمات - Instructions"  # Excel forbids "/" in sheet titles

# Invisible marks that Arabic keyboards and Excel leave in cells: bidi marks and
# embeddings, zero-width space, byte-order mark.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Control characters other than tab and line feed (a cell may hold several lines).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# What Excel shows instead of a value when a formula fails (cached by data_only).
EXCEL_ERRORS = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
)
# Our exports prefix text starting with a formula character with "'" (see
# core/exports.py); read such text back without it.
_QUOTED_FORMULA = re.compile(r"^'(?=[=+\-@])")
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: .xls, or an encrypted .xlsx
_ZIP_MAGIC = b"PK\x03\x04"


# Definitions --------------------------------------------------------------------------


class CellError(Exception):
    """Raised by a parser: the cell cannot be read; ``message`` says why (translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Accepts:
    """What a parser accepts, for the template: a description in both languages,
    optional dropdown options (Arabic labels) and whether the template should keep
    the column as text (so Excel does not drop the leading 0 of 0944…)."""

    forms_ar: str
    forms_en: str
    options_ar: tuple[str, ...] = ()
    as_text: bool = False


_ACCEPTS = "spreadsheet_accepts"


def _accepting[F: Callable[..., Any]](parse: F, description: Accepts) -> F:
    setattr(parse, _ACCEPTS, description)
    return parse


def accepts(parse: Parser) -> Accepts | None:
    """The description a parser of this module carries; None for other callables."""
    found = getattr(parse, _ACCEPTS, None)
    return found if isinstance(found, Accepts) else None


@dataclass(frozen=True)
class Column:
    """One column of an import. ``header_ar`` is written in the template; it,
    ``header_en``, ``key`` and ``aliases`` are all accepted on upload, compared with
    ``header_key`` (so hamza, ta marbuta, case, ``_`` and spacing do not matter).
    ``parse`` receives a non-empty cell (text, or a number/date from an XLSX cell)
    and the import's ``Context``; an empty cell is None, or an error if ``required``."""

    key: str
    header_ar: str
    header_en: str
    parse: Parser
    required: bool = False
    help_ar: str = ""
    help_en: str = ""
    example: Any = None
    aliases: tuple[str, ...] = ()

    def headers(self) -> tuple[str, ...]:
        return (self.header_ar, self.header_en, self.key, *self.aliases)


class Context:
    """Per-import state handed to every parser: what the caller passes
    (``Context(organization=org)``, read as ``context["organization"]``) and caches
    that parsers fill once per import (``context.cached("key", build)``)."""

    def __init__(self, **extra: Any) -> None:
        self.extra: dict[str, Any] = extra
        self._cache: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        return self.extra[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.extra.get(name, default)

    def cached[T](self, key: str, build: Callable[[], T]) -> T:
        if key not in self._cache:
            self._cache[key] = build()
        return cast(T, self._cache[key])


@dataclass(frozen=True)
class RowError:
    """One problem. ``row`` is the row number the user sees (None for the file or a
    missing column); ``column`` the header as written in the file, the Arabic header
    of a missing column, a column letter for a column without header, or "" for the
    whole file."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        values = {"row": self.row, "column": self.column, "message": self.message}
        if self.row is None and not self.column:
            return self.message
        if self.row is None:
            return _("Column “%(column)s”: %(message)s") % values
        if not self.column:
            return _("Row %(row)s: %(message)s") % values
        return _("Row %(row)s, column “%(column)s”: %(message)s") % values


@dataclass
class ParsedRow:
    """A non-empty data row: its number as the user sees it and a value per column
    key (None where the cell is empty, the column absent, or the cell has an error)."""

    number: int
    values: dict[str, Any]


@dataclass
class ParsedTable:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Column key → its header as written in the file (the Arabic header if absent),
    # for callers that report problems of their own about a column.
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def valid_rows(self) -> list[ParsedRow]:
        """Rows without a cell error (file and column errors are not checked here)."""
        bad = {error.row for error in self.errors if error.row is not None}
        return [row for row in self.rows if row.number not in bad]


# Cells --------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", text).replace("\xa0", " ").strip()
    return _QUOTED_FORMULA.sub("", text)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not _clean(value))


def _text(value: Any) -> str:
    """A cell as text: whole numbers without ".0", midnight datetimes as dates."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _shown(value: Any) -> str:
    """The cell as quoted back in a message, cut short."""
    text = _text(value)
    return text if len(text) <= 40 else text[:39] + "…"


def header_key(text: str) -> str:
    """How headers (and choice labels) are compared: ``normalize_ar`` (which also
    case-folds), ``_`` as a space, spaces collapsed, a trailing ``*`` or ``:``
    dropped."""
    folded = normalize_ar(_clean(text)).replace("_", " ")
    return " ".join(folded.rstrip("*: ").split())


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def _arabic_ui() -> bool:
    return (get_language() or "").startswith("ar")


# Parsers ------------------------------------------------------------------------------


def parse_text(max_length: int = 255) -> Parser:
    """Text up to ``max_length`` characters; numbers and dates typed into the cell
    are taken as written (12, not 12.0). Control characters other than line breaks
    are removed."""

    def parse(value: Any, context: Context) -> str:
        text = _CONTROL.sub("", _text(value))
        if len(text) > max_length:
            raise CellError(
                _("The text is %(length)s characters long; at most %(max)s are allowed.")
                % {"length": len(text), "max": max_length}
            )
        return text

    return _accepting(
        parse,
        Accepts(f"نص، حتى {max_length} حرفًا", f"Text, up to {max_length} characters", as_text=True),
    )


_INTEGER = re.compile(r"^[+-]?\d+(?:\.0+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[,٬]\d{3})+$")
_DECIMAL = re.compile(r"^[+-]?[\d,٬]*\.\d+$")


def parse_int(min_value: int | None = None, max_value: int | None = None) -> Parser:
    """A whole number: ``12``, ``١٢``, ``1,200``, ``١٬٢٠٠`` or an Excel number such as
    12.0; 12.5 is refused, as is a number outside ``min_value``..``max_value``."""

    def parse(value: Any, context: Context) -> int:
        number: int
        if isinstance(value, bool):
            raise CellError(_("Write a whole number here, not yes/no."))
        if isinstance(value, int):
            number = value
        elif isinstance(value, float):
            if not value.is_integer():
                raise CellError(_("“%(value)s” is not a whole number.") % {"value": _shown(value)})
            number = int(value)
        else:
            text = normalize_ar(_text(value)).replace(" ", "").replace("٫", ".")
            if _INTEGER.match(text):
                number = int(text.split(".")[0])
            elif _GROUPED.match(text):
                number = int(re.sub(r"[,٬]", "", text))
            elif _DECIMAL.match(text):
                raise CellError(_("“%(value)s” is not a whole number.") % {"value": _shown(value)})
            else:
                raise CellError(_("“%(value)s” is not a number.") % {"value": _shown(value)})
        if min_value is not None and number < min_value:
            raise CellError(
                _("%(value)s is too small: the smallest allowed is %(min)s.")
                % {"value": number, "min": min_value}
            )
        if max_value is not None and number > max_value:
            raise CellError(
                _("%(value)s is too large: the largest allowed is %(max)s.")
                % {"value": number, "max": max_value}
            )
        return number

    if min_value is not None and max_value is not None:
        forms = (
            f"عدد صحيح من {min_value} إلى {max_value}",
            f"A whole number from {min_value} to {max_value}",
        )
    elif min_value is not None:
        forms = (f"عدد صحيح، {min_value} أو أكثر", f"A whole number, {min_value} or more")
    elif max_value is not None:
        forms = (f"عدد صحيح، {max_value} أو أقل", f"A whole number, {max_value} or less")
    else:
        forms = ("عدد صحيح", "A whole number")
    return _accepting(parse, Accepts(*forms))


_ISO_DATE = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_DMY_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_EXCEL_LAST_SERIAL = 2_958_465  # 9999-12-31


def _make_date(year: int, month: int, day: int, typed: str) -> date:
    if year < 1:
        raise CellError(_not_a_date(typed))
    if not 1 <= month <= 12:
        raise CellError(
            _(
                "“%(value)s”: there is no month %(month)s. Write the day first: "
                "day/month/year, for example 1/3/2026."
            )
            % {"value": typed, "month": month}
        )
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise CellError(
            _("“%(value)s” is not a real date: %(month)s %(year)s has %(days)s days.")
            % {"value": typed, "month": MONTHS[month], "year": year, "days": days}
        )
    return date(year, month, day)


def parse_date_between(min_year: int | None = 1900, max_year: int | None = 2100) -> Parser:
    """A date: ``2026-03-01``; ``1/3/2026``, ``01/03/2026`` or ``1-3-2026`` (day first,
    as written in Syria); Arabic-Indic digits (``١/٣/٢٠٢٦``); a date cell of Excel.
    Impossible dates (31/2/2026) and years outside ``min_year``..``max_year`` are
    refused."""

    def parse(value: Any, context: Context) -> date:
        found: date
        if isinstance(value, datetime):
            found = value.date()
        elif isinstance(value, date):
            found = value
        elif isinstance(value, int | float) and not isinstance(value, bool):
            # A date cell that lost its date format: Excel's serial day number.
            if not 1 <= value <= _EXCEL_LAST_SERIAL:
                raise CellError(_not_a_date(value))
            from openpyxl.utils.datetime import from_excel

            found = from_excel(value).date()
        elif isinstance(value, str):
            typed = _clean(value)
            text = normalize_ar(typed)
            if match := _ISO_DATE.match(text):
                year, month, day = (int(part) for part in match.groups())
            elif match := _DMY_DATE.match(text):
                day, month, year = (int(part) for part in match.groups())
            else:
                raise CellError(_not_a_date(value))
            found = _make_date(year, month, day, typed)
        else:
            raise CellError(_not_a_date(value))
        if (min_year is not None and found.year < min_year) or (
            max_year is not None and found.year > max_year
        ):
            raise CellError(
                _("The date %(value)s is not between the years %(min)s and %(max)s.")
                % {
                    "value": found.strftime("%d/%m/%Y"),
                    "min": min_year if min_year is not None else "…",
                    "max": max_year if max_year is not None else "…",
                }
            )
        return found

    return _accepting(
        parse,
        Accepts(
            "2026-03-01 أو 1/3/2026 (اليوم/الشهر/السنة)",
            "2026-03-01 or 1/3/2026 (day/month/year)",
        ),
    )


def _not_a_date(value: Any) -> str:
    return _("“%(value)s” is not a date. Write it as 2026-03-01 or 1/3/2026 (day/month/year).") % {
        "value": _shown(value)
    }


parse_date: Parser = parse_date_between(1900, 2100)


_TRUE = frozenset({"نعم", "yes", "y", "true", "1", "✓", "✔", "صح", "صحيح"})
_FALSE = frozenset({"لا", "no", "n", "false", "0", "✗", "✘", "خطا"})


def _parse_bool(value: Any, context: Context) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = normalize_ar(_text(value))
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(_("“%(value)s”: write yes or no.") % {"value": _shown(value)})


parse_bool: Parser = _accepting(
    _parse_bool, Accepts("نعم أو لا", "yes or no (نعم / لا)", options_ar=("نعم", "لا"))
)


def parse_choice(choices: Mapping[str, tuple[str, ...]]) -> Parser:
    """One of ``choices``: stored value → the labels accepted for it, in Arabic and
    English (``{"f": ("أنثى", "female"), "m": ("ذكر", "male")}``). The stored value
    itself is accepted too; matching forgives case, hamza, ta marbuta and spacing.
    The error lists the labels in the user's language (Arabic labels are told apart
    from English ones by their script)."""
    lookup: dict[str, str] = {}
    for stored, labels in choices.items():
        for label in (stored, *labels):
            key = header_key(label)
            if lookup.setdefault(key, stored) != stored:
                raise ValueError(f"The label {label!r} stands for two choices.")
    arabic = tuple(
        next((label for label in labels if _has_arabic(label)), stored)
        for stored, labels in choices.items()
    )
    english = tuple(
        next((label for label in labels if not _has_arabic(label)), stored)
        for stored, labels in choices.items()
    )

    def parse(value: Any, context: Context) -> str:
        found = lookup.get(header_key(_text(value)))
        if found is None:
            listed = "، ".join(arabic) if _arabic_ui() else ", ".join(english)
            raise CellError(
                _("“%(value)s” is not one of the accepted values: %(choices)s.")
                % {"value": _shown(value), "choices": listed}
            )
        return found

    return _accepting(
        parse,
        Accepts(
            "واحد من: " + "، ".join(arabic),
            "One of: " + ", ".join(english),
            options_ar=arabic,
        ),
    )


# Governorates: spellings met in the field besides the names of geo.data, by P-code.
GOVERNORATE_VARIANTS: dict[str, tuple[str, ...]] = {
    "SY01": ("Dimashq", "Damas"),
    "SY02": ("Halab", "Alep"),
    "SY03": ("Rif Dimashq", "Reef Damascus", "Rif Damascus", "Damascus Countryside"),
    "SY04": ("Hims",),
    "SY05": ("Hamah",),
    "SY06": ("Latakia", "Al-Ladhiqiyah", "Ladhiqiyah", "Lattaquie"),
    "SY07": ("Idlib",),
    "SY08": ("Hasakeh", "Hasakah", "Hasaka", "Al-Hasakah", "Hassakeh", "Hassakah"),
    "SY09": ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir el-Zor", "Dayr az-Zawr"),
    "SY10": ("Tartus", "Tartous", "Tartouss"),
    "SY11": ("Raqqa", "Raqqah", "Al-Raqqa", "Rakka"),
    "SY12": ("Daraa", "Deraa", "Dara"),
    "SY13": ("Sweida", "Suwayda", "As-Suwayda", "Al-Suwayda", "Swaida"),
    "SY14": ("Al-Qunaytirah", "Qunaytirah", "Qunaitra", "Kuneitra"),
}
_ARABIC_PREFIX = re.compile(r"^محافظه\s+")
_ENGLISH_AFFIX = re.compile(r"^(?:governorate|province)\s+of\s+|\s+(?:governorate|province)$")
_LATIN_ARTICLE = re.compile(r"^(?:al|ar|as|ad|az|ash|el|an|at)[\s'’-]+")


def _governorate_keys(text: str) -> list[str]:
    """The lookup keys of a governorate name or code as typed."""
    folded = _ENGLISH_AFFIX.sub("", _ARABIC_PREFIX.sub("", normalize_ar(text)))
    keys = []
    code = re.sub(r"[\s-]", "", folded)
    if re.fullmatch(r"sy\d{2}", code):
        keys.append(code)
    if _has_arabic(folded):
        squeezed = re.sub(r"[\s\-ـ]", "", folded)
        keys += [squeezed, re.sub(r"^ال", "", squeezed)]
    else:
        latin = re.sub(r"[^a-z]", "", _LATIN_ARTICLE.sub("", folded))
        if latin:
            keys.append("latin:" + latin)
    return keys


def _governorate_index() -> dict[str, Governorate]:
    from mujtama.geo.models import Governorate

    index: dict[str, Governorate] = {}
    ambiguous: set[str] = set()
    for governorate in Governorate.objects.all():
        names = (
            governorate.pcode,
            governorate.name_ar,
            governorate.name_en,
            *GOVERNORATE_VARIANTS.get(governorate.pcode, ()),
        )
        for name in names:
            for key in _governorate_keys(name):
                if index.setdefault(key, governorate) != governorate:
                    ambiguous.add(key)
    for key in ambiguous:
        del index[key]
    return index


def _parse_governorate(value: Any, context: Context) -> Governorate:
    index = context.cached("geo.governorates", _governorate_index)
    for key in _governorate_keys(_text(value)):
        if key in index:
            return index[key]
    raise CellError(
        _(
            "“%(value)s” is not a Syrian governorate. Write its name, such as حلب or "
            "Aleppo, or its P-code, such as SY02."
        )
        % {"value": _shown(value)}
    )


parse_governorate: Parser = _accepting(
    _parse_governorate,
    Accepts(
        "اسم المحافظة (حلب) أو رمزها (SY02)",
        "The governorate's name (Aleppo, حلب) or P-code (SY02)",
    ),
)


def _parse_phone(value: Any, context: Context) -> str:
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise CellError(_("“%(value)s” is not a phone number.") % {"value": _shown(value)})
    phone = normalize_phone(_text(value))
    # Excel drops the leading 0 of 0944… typed into a number cell, and the "+" of
    # +963…: what is left is 9 digits starting with 9, or 963 and 9 digits.
    if phone and re.fullmatch(r"9\d{8}", phone):
        phone = normalize_phone("0" + phone)
    elif phone and re.fullmatch(r"963\d{9}", phone):
        phone = "+" + phone
    if phone is None:
        raise CellError(
            _("“%(value)s” is not a phone number. Write it as 0944123456 or +963944123456.")
            % {"value": _shown(value)}
        )
    return phone


parse_phone: Parser = _accepting(
    _parse_phone,
    Accepts(
        "رقم هاتف، مثل 0944123456 أو +963944123456",
        "A phone number, such as 0944123456 or +963944123456",
        as_text=True,
    ),
)


# Reading ------------------------------------------------------------------------------


class _FileProblem(Exception):
    """The file as a whole cannot be read; becomes the one error of the result."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


RawRows = Generator[tuple[int, Sequence[Any]], None, None]


def _read_upload(upload: IO[bytes], max_bytes: int) -> bytes:
    with suppress(AttributeError, OSError, ValueError):
        upload.seek(0)  # a form may have looked at the file already
    try:
        data = upload.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        raise _FileProblem(_("The file could not be read. Upload it again.")) from exc
    if len(data) > max_bytes:
        raise _FileProblem(
            _("The file is larger than %(max)s MB. Split it into smaller files.")
            % {"max": f"{max_bytes / (1024 * 1024):g}"}
        )
    if not data.strip():
        raise _FileProblem(_("The file is empty."))
    return data


def _open(data: bytes, filename: str, max_bytes: int) -> RawRows:
    """The rows of the file by what it contains, whatever its name says."""
    suffix = Path(filename).suffix.lower()
    not_a_spreadsheet = _(
        "This file is not a spreadsheet. Upload the Excel workbook (.xlsx) or a CSV file."
    )
    if data.startswith(_CFB_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise _FileProblem(
                _(
                    "The workbook is protected by a password. Remove the password in Excel "
                    "(File › Info › Protect Workbook), save, and upload it again."
                )
            )
        raise _FileProblem(
            _(
                "This is an old Excel file (.xls). Open it in Excel, save it as an Excel "
                "Workbook (.xlsx), and upload that."
            )
        )
    if data.startswith(_ZIP_MAGIC):
        return _xlsx_rows(data, max_bytes, not_a_spreadsheet)
    if suffix not in {".csv", ".txt", ".tsv"}:
        if suffix in {".xlsx", ".xlsm", ".xls"}:
            raise _FileProblem(
                _(
                    "This file is named %(name)s but is not an Excel workbook. Open it in "
                    "Excel and save it as an Excel Workbook (.xlsx), or upload a CSV file."
                )
                % {"name": Path(filename).name}
            )
        raise _FileProblem(not_a_spreadsheet)
    return _csv_rows(_decode(data, not_a_spreadsheet))


def _decode(data: bytes, not_a_spreadsheet: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _FileProblem(not_a_spreadsheet) from exc
    if b"\x00" in data[:4096]:
        raise _FileProblem(not_a_spreadsheet)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _FileProblem(
            _(
                "The CSV file is not saved as UTF-8, so its Arabic cannot be read. In Excel "
                "choose “CSV UTF-8” when saving, or upload the .xlsx workbook."
            )
        ) from exc


def _csv_rows(text: str) -> RawRows:
    sample = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=sample.count)  # ties go to the comma
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for values in reader:
            number += 1  # a record, as a spreadsheet shows it, even over several lines
            yield number, values
    except csv.Error as exc:  # e.g. an unclosed quote
        raise _FileProblem(
            _("The CSV file cannot be read from row %(row)s on; check its quotation marks.")
            % {"row": number + 1}
        ) from exc


def _xlsx_rows(data: bytes, max_bytes: int, not_a_spreadsheet: str) -> RawRows:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _FileProblem(not_a_spreadsheet) from exc
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        if "content.xml" in names:  # OpenDocument (LibreOffice .ods)
            raise _FileProblem(
                _(
                    "This is an OpenDocument spreadsheet. Save it as an Excel Workbook "
                    "(.xlsx) and upload that."
                )
            )
        raise _FileProblem(not_a_spreadsheet)
    if unzipped > max_bytes * MAX_UNZIPPED_RATIO:
        raise _FileProblem(_("The workbook is too large once opened. Split it into smaller files."))

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _FileProblem(
            _("The workbook could not be opened. Open it in Excel, save it again, and upload it.")
        ) from exc
    try:
        if not workbook.worksheets:
            raise _FileProblem(_("The workbook has no sheet to read."))
        sheet = workbook.worksheets[0]
        # The size stored in the file may be wrong (some programs write A1); without
        # this, read-only openpyxl would stop at the stored last row.
        sheet.reset_dimensions()
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    finally:
        workbook.close()


def _guarded(rows: RawRows) -> RawRows:
    """``rows``, with any failure while reading turned into a ``_FileProblem``."""
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except _FileProblem:
            raise
        except Exception as exc:  # a damaged sheet fails halfway through
            raise _FileProblem(
                _("The file is damaged and could not be read to the end. Save it again.")
            ) from exc
        yield item


def _header_lookup(columns: Sequence[Column]) -> dict[str, Column]:
    lookup: dict[str, Column] = {}
    keys: set[str] = set()
    for column in columns:
        if column.key in keys:
            raise ValueError(f"Two columns have the key {column.key!r}.")
        keys.add(column.key)
        for header in column.headers():
            if lookup.setdefault(header_key(header), column) is not column:
                raise ValueError(f"The header {header!r} names two columns.")
    return lookup


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_table(
    upload: IO[bytes],
    *,
    filename: str,
    columns: Sequence[Column],
    max_rows: int = MAX_ROWS,
    max_bytes: int = MAX_BYTES,
    context: Context | None = None,
) -> ParsedTable:
    """Read an XLSX (first sheet) or CSV file (UTF-8, ``,`` ``;`` or tab separated).

    The first non-empty row holds the headers; empty rows are skipped. Each data row
    becomes a ``ParsedRow`` with a value per column key; every problem becomes a
    ``RowError`` in the active language. A file that cannot be read at all (not a
    spreadsheet, too big, too many rows, password-protected) gives a table with no
    rows and that one error. Raises only for mistakes in ``columns`` (ValueError)
    and for bugs in a parser (anything but ``CellError``)."""
    lookup = _header_lookup(columns)
    context = context if context is not None else Context()
    table = ParsedTable()
    try:
        data = _read_upload(upload, max_bytes)
        with closing(_open(data, filename, max_bytes)) as rows:
            _parse_rows(_guarded(rows), columns, lookup, context, max_rows, table)
    except _FileProblem as problem:
        return ParsedTable(errors=[RowError(None, "", problem.message)])
    return table


def _parse_rows(
    rows: RawRows,
    columns: Sequence[Column],
    lookup: dict[str, Column],
    context: Context,
    max_rows: int,
    table: ParsedTable,
) -> None:
    too_many = _("The file has more than %(max)s rows. Split it into smaller files.") % {
        "max": f"{max_rows:,}"
    }
    plan: list[tuple[Column, int | None, str]] | None = None
    known: set[int] = set()  # positions with a header, known or not
    headerless: set[int] = set()  # positions without a header already reported
    count = 0
    for number, raw in rows:
        if number > max_rows + BLANK_ROW_ALLOWANCE:
            raise _FileProblem(too_many)
        if all(_is_blank(value) for value in raw):
            continue
        if plan is None:
            plan = _read_header(number, raw, columns, lookup, table)
            table.headers = {column.key: written for column, _index, written in plan}
            known = {index for index, value in enumerate(raw) if not _is_blank(value)}
            continue
        count += 1
        if count > max_rows:
            raise _FileProblem(too_many)
        for index, value in enumerate(raw):
            if index in known or index in headerless or _is_blank(value):
                continue
            headerless.add(index)
            table.errors.append(
                RowError(
                    number,
                    _column_letter(index),
                    _("This column has no header, so its values are ignored."),
                )
            )
        table.rows.append(ParsedRow(number, _parse_row(number, raw, plan, context, table)))
    if plan is None:
        raise _FileProblem(_("The file is empty."))
    if count == 0:
        table.errors.append(RowError(None, "", _("The file has a header row but no data rows.")))


def _read_header(
    number: int,
    raw: Sequence[Any],
    columns: Sequence[Column],
    lookup: dict[str, Column],
    table: ParsedTable,
) -> list[tuple[Column, int | None, str]]:
    """Where each column is: (column, its position or None, its header as written)."""
    found: dict[str, tuple[int, str]] = {}
    for index, value in enumerate(raw):
        if _is_blank(value):
            continue
        written = _text(value)
        column = lookup.get(header_key(written))
        if column is None:
            table.errors.append(
                RowError(
                    number,
                    written,
                    _("This column is not part of the template, so its values are ignored."),
                )
            )
        elif column.key in found:
            table.errors.append(
                RowError(
                    number,
                    written,
                    _("This column appears twice; only the first one is read."),
                )
            )
        else:
            found[column.key] = (index, written)
    plan: list[tuple[Column, int | None, str]] = []
    for column in columns:
        if column.key in found:
            plan.append((column, *found[column.key]))
            continue
        if column.required:
            table.errors.append(
                RowError(None, column.header_ar, _("This required column is missing."))
            )
        plan.append((column, None, column.header_ar))
    return plan


def _parse_row(
    number: int,
    raw: Sequence[Any],
    plan: list[tuple[Column, int | None, str]],
    context: Context,
    table: ParsedTable,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, index, written in plan:
        value = raw[index] if index is not None and index < len(raw) else None
        values[column.key] = None
        if isinstance(value, str):
            value = _clean(value)
        if value is None or value == "":
            if column.required and index is not None:
                table.errors.append(
                    RowError(number, written, _("This cell is empty, but it is required."))
                )
            continue
        if isinstance(value, str) and value in EXCEL_ERRORS:
            table.errors.append(
                RowError(
                    number,
                    written,
                    _("The cell shows the Excel error %(error)s instead of a value.")
                    % {"error": value},
                )
            )
            continue
        try:
            values[column.key] = column.parse(value, context)
        except CellError as error:
            table.errors.append(RowError(number, written, error.message))
    return values


# Templates ----------------------------------------------------------------------------


_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _sheet_title(title: str) -> str:
    return _SHEET_TITLE_FORBIDDEN.sub("-", str(title)).strip().strip("'")[:31] or "Sheet1"


def _width(*texts: str) -> float:
    longest = max((len(line) for text in texts for line in text.splitlines()), default=0)
    return float(min(max(longest + 4, 12), 50))


def template_xlsx(*, columns: Sequence[Column], sheet_title: str, example_rows: int = 1) -> bytes:
    """An XLSX template: a right-to-left sheet with the Arabic headers (bold, the
    required ones shaded darker) and ``example_rows`` rows of ``Column.example``,
    then the sheet "تعليمات - Instructions" describing every column in both
    languages. Columns whose parser keeps text (phones) are formatted as text, and
    choices get a dropdown of their Arabic labels."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    _header_lookup(columns)  # refuse a column list that read_table would refuse
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="F4B183")
    optional_fill = PatternFill("solid", fgColor="FBE5D6")
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    wrap = Alignment(wrap_text=True, vertical="top")

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_title(sheet_title)
    sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    for position, column in enumerate(columns, start=1):
        letter = get_column_letter(position)
        description = accepts(column.parse)
        header = sheet.cell(row=1, column=position, value=column.header_ar)
        header.font = bold
        header.fill = required_fill if column.required else optional_fill
        example = column.example
        dimension = sheet.column_dimensions[letter]
        dimension.width = _width(column.header_ar, column.header_en, _text(example or ""))
        as_text = description is not None and description.as_text
        if as_text:
            dimension.number_format = "@"
        for row in range(2, 2 + example_rows):
            if example is None:
                continue
            cell = sheet.cell(
                row=row, column=position, value=_text(example) if as_text else example
            )
            if as_text:
                cell.number_format = "@"
            elif isinstance(example, date):
                cell.number_format = "yyyy-mm-dd"
        options = description.options_ar if description is not None else ()
        formula = '"' + ",".join(options) + '"'
        if options and len(formula) <= 255 and not any("," in option for option in options):
            # A suggestion list, not a rule: English labels are accepted as well.
            validation = DataValidation(
                type="list", formula1=formula, allow_blank=True, showErrorMessage=False
            )
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            sheet.add_data_validation(validation)

    guide = workbook.create_sheet(INSTRUCTIONS_TITLE)
    guide.sheet_view.rightToLeft = True
    notes = [
        "املأ الورقة الأولى: صف واحد لكل سجل، ولا تغيّر عناوين الأعمدة. احذف صف المثال قبل الرفع.",
        "Fill in the first sheet, one row per record, keeping the column headers. "
        "Delete the example row before uploading.",
        "الأعمدة الملوّنة بلون أغمق إلزامية. / Columns shaded darker are required.",
    ]
    for row, note in enumerate(notes, start=1):
        guide.cell(row=row, column=1, value=note).font = Font(italic=True)
    titles = [
        "العمود",
        "Column (English)",
        "إلزامي؟ / Required?",
        "الشرح",
        "Help",
        "الصيغ المقبولة",
        "Accepted forms",
        "مثال / Example",
    ]
    first = len(notes) + 2
    for position, title in enumerate(titles, start=1):
        cell = guide.cell(row=first, column=position, value=title)
        cell.font = bold
        cell.fill = header_fill
    widths = [24, 24, 16, 40, 40, 36, 36, 20]
    for row, column in enumerate(columns, start=first + 1):
        description = accepts(column.parse)
        cells = [
            column.header_ar,
            column.header_en,
            "نعم / Yes" if column.required else "لا / No",
            column.help_ar,
            column.help_en,
            description.forms_ar if description else "",
            description.forms_en if description else "",
            _text(column.example) if column.example is not None else "",
        ]
        for position, value in enumerate(cells, start=1):
            guide.cell(row=row, column=position, value=value).alignment = wrap
    for position, width in enumerate(widths, start=1):
        guide.column_dimensions[get_column_letter(position)].width = width

    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
