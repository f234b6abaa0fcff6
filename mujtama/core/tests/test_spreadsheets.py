import io
import time
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from mujtama.core.spreadsheets import (
    INSTRUCTIONS_TITLE,
    CellError,
    Column,
    Context,
    ParsedTable,
    RowError,
    accepts,
    parse_bool,
    parse_choice,
    parse_date,
    parse_date_between,
    parse_governorate,
    parse_int,
    parse_phone,
    parse_text,
    read_table,
    template_xlsx,
)

GENDER = {"f": ("أنثى", "female"), "m": ("ذكر", "male")}

COLUMNS = [
    Column("name", "الاسم", "Name", parse_text(100), required=True, example="سارة الأحمد"),
    Column(
        "born",
        "تاريخ الميلاد",
        "Date of birth",
        parse_date,
        help_ar="يوم/شهر/سنة",
        help_en="Day first",
        example=date(1990, 5, 17),
    ),
    Column(
        "governorate",
        "المحافظة",
        "Governorate",
        parse_governorate,
        required=True,
        example="حلب",
    ),
    Column("phone", "الهاتف", "Phone", parse_phone, example="0944123456"),
    Column("children", "عدد الأطفال", "Children", parse_int(0, 30), example=2),
    Column("gender", "الجنس", "Gender", parse_choice(GENDER), example="أنثى"),
    Column(
        "disabled", "إعاقة", "Disability", parse_bool, example="لا", aliases=("has disability",)
    ),
]
HEADERS_AR = [column.header_ar for column in COLUMNS]
HEADERS_EN = [column.header_en for column in COLUMNS]
GOOD_ROW = ["ليلى", "1/3/1990", "حلب", "0944 123 456", "2", "أنثى", "لا"]


def ctx() -> Context:
    return Context()


def csv_file(rows: Sequence[Sequence[Any]], delimiter: str = ",", bom: bool = False) -> io.BytesIO:
    text = "\r\n".join(delimiter.join(str(value) for value in row) for row in rows) + "\r\n"
    return io.BytesIO(("\ufeff" if bom else "").encode() + text.encode())


def xlsx_file(rows: Sequence[Sequence[Any]]) -> io.BytesIO:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("data")
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def cells(table: ParsedTable) -> set[tuple[int | None, str]]:
    return {(error.row, error.column) for error in table.errors}


# Parsers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "2026-03-01",
        "1/3/2026",
        "01/03/2026",
        "1-3-2026",
        "1.3.2026",
        "١/٣/٢٠٢٦",
        "٢٠٢٦-٠٣-٠١",
        " 01/03/2026\u200f ",
        "2026-03-01 00:00:00",
        datetime(2026, 3, 1, 0, 0),
        date(2026, 3, 1),
    ],
)
def test_dates_in_every_accepted_form(typed: Any) -> None:
    assert parse_date(typed, ctx()) == date(2026, 3, 1)


@pytest.mark.django_db
def test_a_date_cell_of_excel_is_read_as_a_date() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["الاسم", "المحافظة", "تاريخ الميلاد"])
    sheet.append(["ليلى", "SY01", datetime(2026, 3, 1)])
    output = io.BytesIO()
    workbook.save(output)
    table = read_table(output, filename="x.xlsx", columns=COLUMNS)
    assert table.errors == []
    assert table.rows[0].values["born"] == date(2026, 3, 1)


@pytest.mark.parametrize(
    "typed", ["31/2/2026", "29/2/2025", "1/13/2026", "2026-02-30", "3/1", "tomorrow", "12.5", True]
)
def test_impossible_or_unreadable_dates_are_refused(typed: Any) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(typed, ctx())
    assert caught.value.message


def test_leap_day_and_year_range() -> None:
    assert parse_date("29/2/2024", ctx()) == date(2024, 2, 29)
    recent = parse_date_between(2000, 2100)
    assert recent("1/1/2000", ctx()) == date(2000, 1, 1)
    with pytest.raises(CellError):
        recent("1/1/1999", ctx())
    with pytest.raises(CellError):
        parse_date("1/1/2201", ctx())


@pytest.mark.django_db
def test_impossible_date_names_its_row_and_column() -> None:
    rows = [HEADERS_AR, GOOD_ROW, [*GOOD_ROW[:1], "31/2/2026", *GOOD_ROW[2:]]]
    with translation.override("en"):
        table = read_table(csv_file(rows), filename="people.csv", columns=COLUMNS)
        assert cells(table) == {(3, "تاريخ الميلاد")}
        shown = str(table.errors[0])
    assert "3" in shown and "تاريخ الميلاد" in shown and "31/2/2026" in shown
    assert "February" in shown
    assert table.rows[1].values["born"] is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12", 12), ("١٢", 12), (12.0, 12), (12, 12), ("1,200", 1200), ("١٬٢٠٠", 1200), ("0", 0)],
)
def test_whole_numbers(typed: Any, expected: int) -> None:
    assert parse_int()(typed, ctx()) == expected


@pytest.mark.parametrize("typed", [12.5, "12.5", "١٢٫٥", "twelve", "1,20", True, "-1", "31"])
def test_not_whole_numbers_or_out_of_range(typed: Any) -> None:
    with pytest.raises(CellError):
        parse_int(0, 30)(typed, ctx())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("نعم", True),
        ("لا", False),
        ("Yes", True),
        ("no", False),
        ("Y", True),
        ("n", False),
        ("TRUE", True),
        ("false", False),
        ("1", True),
        ("0", False),
        (1, True),
        (0.0, False),
        ("✓", True),
        (True, True),
    ],
)
def test_yes_and_no(typed: Any, expected: bool) -> None:
    assert parse_bool(typed, ctx()) is expected


def test_yes_or_no_refuses_other_words() -> None:
    with pytest.raises(CellError):
        parse_bool("ربما", ctx())
    with pytest.raises(CellError):
        parse_bool(2, ctx())


def test_choices_match_labels_in_both_languages() -> None:
    gender = parse_choice(GENDER)
    assert gender("أنثى", ctx()) == "f"
    assert gender("انثى", ctx()) == "f"  # without hamza
    assert gender("FEMALE", ctx()) == "f"
    assert gender("ذكر", ctx()) == "m"
    assert gender("m", ctx()) == "m"


def test_choice_error_lists_values_in_the_users_language() -> None:
    gender = parse_choice(GENDER)
    with translation.override("en"), pytest.raises(CellError) as english:
        gender("other", ctx())
    assert "female" in english.value.message and "أنثى" not in english.value.message
    with translation.override("ar"), pytest.raises(CellError) as arabic:
        gender("other", ctx())
    assert "أنثى" in arabic.value.message and "female" not in arabic.value.message


def test_choice_labels_must_not_stand_for_two_values() -> None:
    with pytest.raises(ValueError, match="two choices"):
        parse_choice({"a": ("نعم",), "b": ("نعم",)})


def test_text_length_and_numbers_typed_as_text() -> None:
    assert parse_text(5)("  abc ", ctx()) == "abc"
    assert parse_text(5)(12.0, ctx()) == "12"
    with pytest.raises(CellError):
        parse_text(5)("abcdef", ctx())


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0944 123 456", "+963944123456"),
        ("٠٩٤٤١٢٣٤٥٦", "+963944123456"),
        ("+963 944 123 456", "+963944123456"),
        (944123456, "+963944123456"),  # Excel dropped the leading 0
        (963944123456.0, "+963944123456"),  # and the +
        ("'+963944123456", "+963944123456"),  # as our exports write it
    ],
)
def test_phones(typed: Any, expected: str) -> None:
    assert parse_phone(typed, ctx()) == expected


def test_not_a_phone() -> None:
    with pytest.raises(CellError):
        parse_phone("call me", ctx())


# Governorates -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "pcode"),
    [
        ("دمشق", "SY01"),
        ("ريف دمشق", "SY03"),
        ("حلب", "SY02"),
        ("محافظة حلب", "SY02"),
        ("الحسكة", "SY08"),
        ("الحسكه", "SY08"),
        ("حماه", "SY05"),
        ("اللاذقية", "SY06"),
        ("إدلب", "SY07"),
        ("ادلب", "SY07"),
        ("ديرالزور", "SY09"),
        ("السويداء", "SY13"),
        ("Aleppo", "SY02"),
        ("aleppo", "SY02"),
        ("RURAL DAMASCUS", "SY03"),
        ("Al-Hasakeh", "SY08"),
        ("Hasakah", "SY08"),
        ("Deir-ez-Zor", "SY09"),
        ("Deir ez-Zor", "SY09"),
        ("Dar'a", "SY12"),
        ("Daraa", "SY12"),
        ("Idlib", "SY07"),
        ("Homs Governorate", "SY04"),
        ("SY01", "SY01"),
        ("sy01", "SY01"),
        ("SY14", "SY14"),
    ],
)
def test_governorate_by_name_or_pcode(typed: str, pcode: str) -> None:
    assert parse_governorate(typed, ctx()).pcode == pcode


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["بيروت", "Beirut", "SY15", "Damascus Aleppo", "42"])
def test_unknown_governorate(typed: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_governorate(typed, ctx())
    assert typed in caught.value.message


@pytest.mark.django_db
def test_governorates_are_looked_up_once_per_context(
    django_assert_num_queries: Any,
) -> None:
    context = ctx()
    with django_assert_num_queries(1):
        for typed in ["حلب", "Homs", "SY01", "حلب"]:
            parse_governorate(typed, context)


# Whole files --------------------------------------------------------------------------


def ten_rows_three_bad() -> list[list[Any]]:
    rows: list[list[Any]] = [list(HEADERS_AR)]
    for index in range(10):
        row = list(GOOD_ROW)
        row[0] = f"شخص {index}"
        rows.append(row)
    rows[3][1] = "31/2/2026"  # row 4
    rows[6][2] = "بيروت"  # row 7
    rows[9][4] = "12.5"  # row 10
    return rows


EXPECTED_BAD = {(4, "تاريخ الميلاد"), (7, "المحافظة"), (10, "عدد الأطفال")}


@pytest.mark.django_db
def test_csv_with_three_bad_rows_reports_exactly_those() -> None:
    with translation.override("ar"):
        table = read_table(csv_file(ten_rows_three_bad()), filename="f.csv", columns=COLUMNS)
    assert cells(table) == EXPECTED_BAD
    assert all(isinstance(error.message, str) and error.message for error in table.errors)
    assert [row.number for row in table.rows] == list(range(2, 12))
    assert [row.number for row in table.valid_rows()] == [2, 3, 5, 6, 8, 9, 11]
    first = table.rows[0].values
    assert first["born"] == date(1990, 3, 1)
    assert first["governorate"].pcode == "SY02"
    assert first["phone"] == "+963944123456"
    assert first["children"] == 2
    assert first["gender"] == "f"
    assert first["disabled"] is False


@pytest.mark.django_db
def test_xlsx_with_three_bad_rows_and_blank_lines_reports_rows_as_seen() -> None:
    rows: list[list[Any]] = [[], [], *ten_rows_three_bad()]  # header on row 3
    rows.insert(6, [None, None, ""])  # a blank row 7 inside the data
    # Excel-typed cells: numbers, a date cell.
    rows[3][4] = 2
    rows[4][1] = datetime(1990, 3, 1)
    with translation.override("ar"):
        table = read_table(xlsx_file(rows), filename="f.xlsx", columns=COLUMNS)
    # The bad rows 4, 7 and 10 of a normal file move down by 2, and by 1 more after
    # the blank row 7.
    assert cells(table) == {(6, "تاريخ الميلاد"), (10, "المحافظة"), (13, "عدد الأطفال")}
    assert all(error.message for error in table.errors)
    assert len(table.rows) == 10
    assert 7 not in [row.number for row in table.rows]


@pytest.mark.django_db
@pytest.mark.parametrize(("delimiter", "bom"), [(",", True), (";", False), ("\t", False)])
def test_csv_delimiters_and_bom(delimiter: str, bom: bool) -> None:
    rows = [HEADERS_AR, [*GOOD_ROW[:3], "0944123456", *GOOD_ROW[4:]]]
    table = read_table(csv_file(rows, delimiter, bom), filename="f.csv", columns=COLUMNS)
    assert table.errors == []
    assert table.rows[0].values["name"] == "ليلى"


@pytest.mark.django_db
def test_excel_unicode_text_is_read() -> None:
    """Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab separated."""
    text = "\t".join(HEADERS_AR) + "\r\n" + "\t".join(GOOD_ROW) + "\r\n"
    table = read_table(io.BytesIO(text.encode("utf-16")), filename="f.txt", columns=COLUMNS)
    assert table.errors == []
    assert table.rows[0].values["name"] == "ليلى"


@pytest.mark.django_db
def test_english_headers_and_aliases_are_accepted() -> None:
    headers = [
        "NAME",
        "date_of_birth",
        "governorate",
        "Phone",
        "children",
        "Gender",
        "Has disability",
    ]
    table = read_table(
        csv_file([headers, ["Laila", "2026-03-01", "Aleppo", "", "", "female", "yes"]]),
        filename="f.csv",
        columns=COLUMNS,
    )
    assert table.errors == []
    values = table.rows[0].values
    assert values["governorate"].pcode == "SY02"
    assert values["disabled"] is True
    assert values["phone"] is None


@pytest.mark.django_db
def test_arabic_headers_match_without_hamza_or_ta_marbuta() -> None:
    headers = ["الإسم", "تاريخ الميلاد", "المحافظه *", "اعاقه"]
    table = read_table(
        csv_file([headers, ["ليلى", "", "حلب", "نعم"]]), filename="f.csv", columns=COLUMNS
    )
    assert table.errors == []
    assert table.rows[0].values["disabled"] is True


@pytest.mark.django_db
def test_unknown_header_is_reported_once() -> None:
    rows = [[*HEADERS_AR, "ملاحظات"], *([*GOOD_ROW, "شيء"] for _ in range(5))]
    table = read_table(csv_file(rows), filename="f.csv", columns=COLUMNS)
    assert cells(table) == {(1, "ملاحظات")}
    assert len(table.rows) == 5


@pytest.mark.django_db
def test_missing_required_column_is_reported_once() -> None:
    headers = [header for header in HEADERS_AR if header != "المحافظة"]
    row = [value for value in GOOD_ROW if value != "حلب"]
    table = read_table(csv_file([headers, row, row, row]), filename="f.csv", columns=COLUMNS)
    assert table.errors == [RowError(None, "المحافظة", table.errors[0].message)]
    assert all(row.values["governorate"] is None for row in table.rows)


@pytest.mark.django_db
def test_empty_required_cell_and_headerless_values() -> None:
    rows = [HEADERS_AR, ["", *GOOD_ROW[1:]], [*GOOD_ROW, "", "stray"], [*GOOD_ROW, "", "more"]]
    table = read_table(csv_file(rows), filename="f.csv", columns=COLUMNS)
    assert cells(table) == {(2, "الاسم"), (3, "I")}


@pytest.mark.django_db
def test_duplicate_column_is_reported() -> None:
    rows = [[*HEADERS_AR, "Name"], [*GOOD_ROW, "x"]]
    table = read_table(csv_file(rows), filename="f.csv", columns=COLUMNS)
    assert cells(table) == {(1, "Name")}
    assert table.rows[0].values["name"] == "ليلى"


@pytest.mark.django_db
def test_excel_error_values_are_reported() -> None:
    row = [*GOOD_ROW[:4], "#DIV/0!", *GOOD_ROW[5:]]
    table = read_table(xlsx_file([HEADERS_AR, row]), filename="f.xlsx", columns=COLUMNS)
    assert cells(table) == {(2, "عدد الأطفال")}
    assert "#DIV/0!" in table.errors[0].message


def test_stored_dimension_does_not_cut_the_sheet_short() -> None:
    """Some programs store a wrong sheet size; every row must still be read."""
    rows = [["الاسم"], *([f"شخص {index}"] for index in range(5))]
    source = zipfile.ZipFile(xlsx_file(rows))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"<sheetData>", b'<dimension ref="A1:A2"/><sheetData>', 1)
            target.writestr(info, data)
    name_only = [COLUMNS[0]]
    table = read_table(output, filename="f.xlsx", columns=name_only)
    assert table.errors == []
    assert len(table.rows) == 5


# Files that are not spreadsheets --------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def zipped(names: Sequence[str]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return output.getvalue()


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"name,date\nLaila,1/3/2026\n", "people.xlsx"),
        (PNG, "people.xlsx"),
        (PNG, "people.csv"),
        (PNG, "people.png"),
        (zipped(["hello.txt"]), "people.xlsx"),
        (zipped(["mimetype", "content.xml"]), "people.xlsx"),
        (zipped(["[Content_Types].xml", "xl/workbook.xml"]), "people.xlsx"),  # broken
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "p.xlsx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "people.xls"),
        ("الاسم\nليلى\n".encode("cp1256"), "people.csv"),
        (b"", "people.csv"),
        (b"\n\n ,, \n", "people.csv"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_clear_error(content: bytes, filename: str) -> None:
    with translation.override("ar"):
        table = read_table(io.BytesIO(content), filename=filename, columns=COLUMNS)
    assert table.rows == []
    assert len(table.errors) == 1
    error = table.errors[0]
    assert error.row is None and error.column == "" and error.message


def test_password_protected_workbook_says_so() -> None:
    content = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le")
    with translation.override("en"):
        table = read_table(io.BytesIO(content), filename="p.xlsx", columns=COLUMNS)
    assert "password" in table.errors[0].message


def test_too_big_file() -> None:
    rows = [HEADERS_AR, *([*GOOD_ROW] for _ in range(100))]
    table = read_table(csv_file(rows), filename="f.csv", columns=COLUMNS, max_bytes=1000)
    assert len(table.errors) == 1 and table.rows == []


@pytest.mark.django_db
def test_too_many_rows() -> None:
    rows = [HEADERS_AR, *([*GOOD_ROW] for _ in range(6))]
    assert read_table(csv_file(rows), filename="f.csv", columns=COLUMNS, max_rows=6).ok
    table = read_table(csv_file(rows), filename="f.csv", columns=COLUMNS, max_rows=5)
    assert len(table.errors) == 1 and table.rows == []
    table = read_table(xlsx_file(rows), filename="f.xlsx", columns=COLUMNS, max_rows=5)
    assert len(table.errors) == 1 and table.rows == []


def test_header_without_rows() -> None:
    table = read_table(csv_file([HEADERS_AR]), filename="f.csv", columns=COLUMNS)
    assert table.rows == [] and cells(table) == {(None, "")}


def test_column_definitions_must_not_clash() -> None:
    clash = [*COLUMNS, Column("other", "Name", "Other", parse_text())]
    with pytest.raises(ValueError, match="names two columns"):
        read_table(csv_file([HEADERS_AR]), filename="f.csv", columns=clash)


# Templates ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_template_round_trip() -> None:
    content = template_xlsx(columns=COLUMNS, sheet_title="المستفيدون")
    table = read_table(io.BytesIO(content), filename="template.xlsx", columns=COLUMNS)
    assert table.errors == []
    assert len(table.rows) == 1
    values = table.rows[0].values
    assert values == {
        "name": "سارة الأحمد",
        "born": date(1990, 5, 17),
        "governorate": values["governorate"],
        "phone": "+963944123456",
        "children": 2,
        "gender": "f",
        "disabled": False,
    }
    assert values["governorate"].pcode == "SY02"


def test_template_layout() -> None:
    content = template_xlsx(columns=COLUMNS, sheet_title="Beneficiaries: 2026/03", example_rows=2)
    workbook = load_workbook(io.BytesIO(content))
    data, guide = workbook.worksheets
    assert data.title == "Beneficiaries- 2026-03"
    assert data.sheet_view.rightToLeft and guide.sheet_view.rightToLeft
    assert [cell.value for cell in data[1]] == HEADERS_AR
    assert all(cell.font.bold for cell in data[1])
    assert data.max_row == 3
    assert data["D2"].value == "0944123456" and data["D2"].number_format == "@"
    assert data.column_dimensions["A"].width >= 12
    assert guide.title == INSTRUCTIONS_TITLE
    text = "\n".join(str(cell.value) for row in guide.iter_rows() for cell in row if cell.value)
    for column in COLUMNS:
        assert column.header_ar in text and column.header_en in text
    assert "Day first" in text and "يوم/شهر/سنة" in text
    assert "2026-03-01 أو 1/3/2026" in text
    assert [str(v.formula1) for v in data.data_validations.dataValidation] == [
        '"أنثى,ذكر"',
        '"نعم,لا"',
    ]


def test_every_parser_describes_what_it_accepts() -> None:
    for column in COLUMNS:
        description = accepts(column.parse)
        assert description is not None
        assert description.forms_ar and description.forms_en


# Size -----------------------------------------------------------------------------------


BIG_COLUMNS = [
    *COLUMNS,
    Column("note", "ملاحظة", "Note", parse_text(500)),
    Column("number", "الرقم", "Number", parse_int()),
    Column("registered", "تاريخ التسجيل", "Registered on", parse_date),
]


def big_xlsx(count: int) -> io.BytesIO:
    governorates = ["حلب", "Homs", "SY01", "ريف دمشق", "Al-Hasakeh"]
    rows: list[list[Any]] = [[column.header_ar for column in BIG_COLUMNS]]
    for index in range(count):
        rows.append(
            [
                f"المستفيد رقم {index}",
                datetime(1990, 1 + index % 12, 1 + index % 28),
                governorates[index % 5],
                f"09{index % 100_000_000:08d}",
                index % 7,
                "ذكر" if index % 2 else "أنثى",
                "نعم" if index % 3 else "لا",
                "ملاحظة قصيرة عن النشاط",
                index,
                f"{1 + index % 28}/{1 + index % 12}/2026",
            ]
        )
    return xlsx_file(rows)


@pytest.mark.django_db
def test_ten_thousand_rows_in_seconds_with_constant_queries(
    django_assert_max_num_queries: Any,
) -> None:
    upload = big_xlsx(10_000)
    started = time.perf_counter()
    with django_assert_max_num_queries(1):
        table = read_table(upload, filename="big.xlsx", columns=BIG_COLUMNS)
    elapsed = time.perf_counter() - started
    assert table.errors == []
    assert len(table.rows) == 10_000
    assert table.rows[-1].number == 10_001
    assert elapsed < 30  # about 1 s on a laptop; generous for slow CI

    with CaptureQueriesContext(connection) as small:
        read_table(big_xlsx(10), filename="small.xlsx", columns=BIG_COLUMNS)
    assert len(small.captured_queries) == 1


# Robustness -----------------------------------------------------------------------------

CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.from_regex(r"[0-9٠-٩]{1,4}[-/.][0-9٠-٩]{1,2}[-/.][0-9٠-٩]{1,4}", fullmatch=True),
    st.from_regex(r"[+-]?[0-9,٬.٫]{1,12}", fullmatch=True),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)
PARSERS = [
    parse_text(10),
    parse_int(0, 100),
    parse_date,
    parse_bool,
    parse_choice(GENDER),
    parse_phone,
]


@settings(max_examples=300, deadline=None)
@given(value=CELL_VALUES)
def test_parsers_raise_only_cell_errors(value: Any) -> None:
    messages = []
    for parse in PARSERS:
        try:
            parse(value, ctx())
        except CellError as error:
            messages.append(error.message)
    assert all(messages)


def test_long_digit_runs_do_not_hang_the_number_parser() -> None:
    started = time.perf_counter()
    with pytest.raises(CellError):
        parse_int()("1" * 5000 + "x", ctx())
    assert time.perf_counter() - started < 1
