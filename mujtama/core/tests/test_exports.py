import csv
import datetime
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import hxl
import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from mujtama.core.exports import (
    XLSX_CONTENT_TYPE,
    Column,
    csv_response,
    neutralize,
    write_csv,
    write_xlsx,
    xlsx_response,
)

INJECTION = '=HYPERLINK("x")'
LEADING = ["=", "+", "-", "@", "\t", "\r"]

NAME_COLUMNS = [Column("name", "Name", "#org+name"), Column("value", "Value", "#value")]

HXL_COLUMNS = [
    Column("name", "Organisation", "#org+name"),
    Column("governorate", "Governorate code", "#adm1+code"),
    Column("total", "People reached", "#reached+total"),
    Column("women", "Women reached", "#reached+f"),
    Column("men", "Men reached", "#reached+m"),
    Column("start", "Start date", "#date+start"),
]
HXL_ROWS: list[dict[str, Any]] = [
    {
        "name": "جمعية الأمل التقنية",
        "governorate": "SY01",
        "total": 120,
        "women": 70,
        "men": 50,
        "start": datetime.date(2025, 3, 1),
    },
    {
        "name": "=cmd|' /C calc'!A0",
        "governorate": "SY02",
        "total": 45,
        "women": 20,
        "men": 25,
        "start": datetime.date(2025, 4, 15),
    },
    {
        "name": "Aleppo Makers",
        "governorate": "SY02",
        "total": 300,
        "women": 160,
        "men": 140,
        "start": None,
    },
]


def csv_text(columns: list[Column], rows: list[dict[str, Any]], *, hxl: bool = False) -> str:
    fh = io.StringIO(newline="")
    write_csv(fh, columns, rows, hxl=hxl)
    return fh.getvalue()


def csv_rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def xlsx_sheet(
    columns: list[Column],
    rows: list[dict[str, Any]],
    sheet_title: str = "Export",
    rtl: bool | None = None,
) -> Any:
    fh = io.BytesIO()
    write_xlsx(fh, columns, rows, sheet_title, rtl)
    fh.seek(0)
    return openpyxl.load_workbook(fh).active


# neutralize --------------------------------------------------------------------------


@pytest.mark.parametrize("char", LEADING)
def test_neutralize_prefixes_each_formula_starter(char: str) -> None:
    assert neutralize(char + "SUM(A1:A9)") == "'" + char + "SUM(A1:A9)"


@pytest.mark.parametrize("text", [" =1+1", "  +1", "\n-1", " \t@SUM(A1)", "\u00a0=1+1"])
def test_neutralize_sees_through_leading_whitespace(text: str) -> None:
    assert neutralize(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", ""),
        ("جمعية الأمل", "جمعية الأمل"),
        ("a=b", "a=b"),
        ("100-200", "100-200"),
        ("#N/A", "#N/A"),
        (-5, -5),
        (-2.5, -2.5),
        (Decimal("-1.50"), Decimal("-1.50")),
        (0, 0),
        (True, "1"),
        (False, "0"),
        (datetime.date(2025, 1, 2), datetime.date(2025, 1, 2)),
    ],
)
def test_neutralize_leaves_safe_values(value: object, expected: object) -> None:
    result = neutralize(value)
    assert result == expected
    assert type(result) is type(expected)


def test_neutralize_renders_lazy_strings_in_the_active_language() -> None:
    lazy = gettext_lazy("English")
    with translation.override("en"):
        assert neutralize(lazy) == "English"
    with translation.override("ar"):
        result = neutralize(lazy)
    assert type(result) is str and result != "English"


def test_column_rejects_a_malformed_hashtag() -> None:
    with pytest.raises(ValueError, match="HXL"):
        Column("name", "Name", "org+name")
    assert Column("name", "Name", "#reached +f +children").hxl == "#reached +f +children"


# CSV ---------------------------------------------------------------------------------


def test_csv_neutralizes_injection_and_keeps_values() -> None:
    rows: list[dict[str, Any]] = [
        {"name": INJECTION, "value": -5},
        {"name": "جمعية الأمل التقنية", "value": None},
        {"name": None, "value": Decimal("1E+3")},
        *({"name": char + "1+1", "value": 1} for char in LEADING),
    ]
    parsed = csv_rows(csv_text(NAME_COLUMNS, rows))

    assert parsed[0] == ["Name", "Value"]
    assert parsed[1] == ["'" + INJECTION, "-5"]
    assert parsed[2] == ["جمعية الأمل التقنية", ""]
    assert parsed[3] == ["", "1000"]
    assert [row[0] for row in parsed[4:]] == ["'" + char + "1+1" for char in LEADING]
    assert len(parsed) == 4 + len(LEADING)


def test_csv_dates_are_iso_and_aware_times_local() -> None:
    columns = [Column("day", "Day"), Column("at", "At")]
    at = datetime.datetime(2025, 5, 1, 9, 30, tzinfo=datetime.UTC)
    parsed = csv_rows(csv_text(columns, [{"day": datetime.date(2025, 5, 1), "at": at}]))
    assert parsed[1][0] == "2025-05-01"
    local = at.astimezone(ZoneInfo("Asia/Damascus")).replace(tzinfo=None)
    assert parsed[1][1] == local.isoformat()


def test_csv_headers_follow_the_active_language() -> None:
    columns = [Column("lang", gettext_lazy("English"))]
    with translation.override("en"):
        english = csv_rows(csv_text(columns, []))
    with translation.override("ar"):
        arabic = csv_rows(csv_text(columns, []))
    assert english == [["English"]]
    assert arabic[0][0] != "English" and arabic[0][0].strip()


def test_csv_without_hxl_has_no_hashtag_row() -> None:
    parsed = csv_rows(csv_text(HXL_COLUMNS, HXL_ROWS))
    assert len(parsed) == 1 + len(HXL_ROWS)
    assert not any(cell.startswith("#") for cell in parsed[1])


def test_hxl_row_sits_directly_under_the_headers() -> None:
    parsed = csv_rows(csv_text(HXL_COLUMNS, HXL_ROWS, hxl=True))
    assert parsed[0] == [str(column.header) for column in HXL_COLUMNS]
    assert parsed[1] == [column.hxl for column in HXL_COLUMNS]


def _check_hxl_dataset(dataset: Any) -> None:
    assert dataset.display_tags == [
        "#org+name",
        "#adm1+code",
        "#reached+total",
        "#reached+f",
        "#reached+m",
        "#date+start",
    ]
    rows = list(dataset)  # a libhxl dataset streams: iterate once
    assert len(rows) == len(HXL_ROWS)
    assert sum(int(row.get("#reached+total")) for row in rows) == 465
    assert sum(int(row.get("#reached+f")) for row in rows) == 250
    assert sum(int(row.get("#reached+m")) for row in rows) == 215
    assert [row.get("#adm1+code") for row in rows] == ["SY01", "SY02", "SY02"]
    assert [row.get("#date+start") for row in rows] == ["2025-03-01", "2025-04-15", None]
    assert rows[0].get("#org+name") == "جمعية الأمل التقنية"
    assert rows[1].get("#org+name") == "'=cmd|' /C calc'!A0"


def test_hxl_csv_reads_back_with_libhxl_from_a_stream() -> None:
    data = csv_text(HXL_COLUMNS, HXL_ROWS, hxl=True).encode()
    # libhxl wants a byte stream; utf-8-sig drops the BOM from the first header.
    dataset = hxl.data(io.BytesIO(data), hxl.InputOptions(encoding="utf-8-sig"))
    _check_hxl_dataset(dataset)


def test_hxl_csv_reads_back_with_libhxl_from_a_local_file(tmp_path: Path) -> None:
    path = tmp_path / "reach.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv(fh, HXL_COLUMNS, HXL_ROWS, hxl=True)
    # Local paths are refused unless allowed explicitly (no network involved either way).
    with pytest.raises(hxl.input.HXLIOException):
        hxl.data(str(path))
    _check_hxl_dataset(hxl.data(str(path), hxl.InputOptions(allow_local=True)))


def test_hxl_sum_of_a_large_export(tmp_path: Path) -> None:
    count = 5_000
    rows = ({"name": f"org {i}", "value": i} for i in range(count))
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        write_csv(fh, NAME_COLUMNS, rows, hxl=True)
    dataset = hxl.data(str(path), hxl.InputOptions(allow_local=True, encoding="utf-8-sig"))
    assert sum(int(row.get("#value")) for row in dataset) == count * (count - 1) // 2


# CSV response ------------------------------------------------------------------------


def test_csv_response_streams_a_generator_chunk_by_chunk() -> None:
    total = 100_000
    produced = 0

    def rows() -> Iterator[dict[str, Any]]:
        nonlocal produced
        for i in range(total):
            produced += 1
            yield {"name": f"منظمة {i}", "value": i}

    response = csv_response(
        filename="تقرير المنظمات.csv", columns=NAME_COLUMNS, rows=rows(), hxl=True
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response.streaming
    assert produced == 0  # nothing is read before the response is sent

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert "filename*=utf-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1" in disposition
    disposition.encode("latin-1")  # a header must stay latin-1 safe

    chunks = iter(cast(Iterator[bytes], response.streaming_content))
    first = next(chunks)
    assert first.startswith(b"\xef\xbb\xbf" + b"Name,Value\r\n#org+name,#value\r\n")
    assert 0 < produced < total  # the first chunk did not need every row

    lines = first.count(b"\n")
    chunk_count = 1
    last = first
    for chunk in chunks:
        assert len(chunk) < 256 * 1024
        lines += chunk.count(b"\n")
        chunk_count += 1
        last = chunk
    assert produced == total
    assert lines == total + 2  # header, hashtags, rows
    assert chunk_count > 10
    assert last.endswith(f"منظمة {total - 1},{total - 1}\r\n".encode())


def test_csv_response_adds_the_extension_and_drops_paths() -> None:
    response = csv_response(filename="../../etc/report", columns=NAME_COLUMNS, rows=[])
    assert response["Content-Disposition"] == 'attachment; filename="report.csv"'
    body = response.getvalue()
    assert body == b"\xef\xbb\xbfName,Value\r\n"


# XLSX --------------------------------------------------------------------------------


def test_xlsx_neutralizes_injection_as_text_cells() -> None:
    rows: list[dict[str, Any]] = [
        {"name": INJECTION, "value": -5},
        {"name": "جمعية الأمل التقنية", "value": None},
        {"name": None, "value": Decimal("2.5")},
        *({"name": char + "1+1", "value": 1} for char in LEADING),
    ]
    sheet = xlsx_sheet(NAME_COLUMNS, rows)
    cells = list(sheet.iter_rows(min_row=2))

    name, value = cells[0]
    assert name.value == "'" + INJECTION
    assert name.data_type == "s"
    assert value.value == -5
    assert value.data_type == "n"

    assert cells[1][0].value == "جمعية الأمل التقنية"
    assert cells[1][1].value is None
    assert cells[2][0].value is None
    assert cells[2][1].value == 2.5

    for char, (cell, _) in zip(LEADING, cells[3:], strict=True):
        # XML turns a literal carriage return into a line feed when the file is read.
        assert cell.value == ("'" + char + "1+1").replace("\r", "\n")
        assert cell.data_type == "s"
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_without_neutralization_would_be_a_formula() -> None:
    """Guards the test above: openpyxl does write a formula for raw '=' text."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([INJECTION])
    fh = io.BytesIO()
    workbook.save(fh)
    fh.seek(0)
    assert openpyxl.load_workbook(fh).active["A1"].data_type == "f"


def test_xlsx_header_bold_frozen_and_translated() -> None:
    columns = [Column("lang", gettext_lazy("English")), Column("n", "Count")]
    with translation.override("en"):
        sheet = xlsx_sheet(columns, [{"lang": "x", "n": 1}], sheet_title="Orgs: [2025]/Q1")
    assert [cell.value for cell in sheet[1]] == ["English", "Count"]
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "Orgs   2025  Q1"


def test_xlsx_dates_stay_dates_and_strips_illegal_characters() -> None:
    columns = [Column("day", "Day"), Column("at", "At"), Column("text", "Text")]
    at = datetime.datetime(2025, 5, 1, 9, 30, tzinfo=datetime.UTC)
    sheet = xlsx_sheet(
        columns, [{"day": datetime.date(2025, 5, 1), "at": at, "text": "a\x00b\x1fc"}]
    )
    day, when, text = sheet[2]
    assert day.is_date and day.value == datetime.datetime(2025, 5, 1)
    assert when.is_date
    assert when.value == at.astimezone(ZoneInfo("Asia/Damascus")).replace(tzinfo=None)
    assert text.value == "abc"


def test_xlsx_hxl_row_under_headers() -> None:
    fh = io.BytesIO()
    write_xlsx(fh, HXL_COLUMNS, HXL_ROWS, "Reach", hxl=True)
    fh.seek(0)
    sheet = openpyxl.load_workbook(fh).active
    assert [cell.value for cell in sheet[2]] == [column.hxl for column in HXL_COLUMNS]
    assert sheet.freeze_panes == "A3"
    assert sum(row[2].value for row in sheet.iter_rows(min_row=3)) == 465


def test_xlsx_is_right_to_left_in_arabic_only() -> None:
    with translation.override("ar"):
        assert xlsx_sheet(NAME_COLUMNS, []).sheet_view.rightToLeft is True
    with translation.override("en"):
        assert not xlsx_sheet(NAME_COLUMNS, []).sheet_view.rightToLeft
        assert xlsx_sheet(NAME_COLUMNS, [], rtl=True).sheet_view.rightToLeft is True
    with translation.override("ar"):
        assert not xlsx_sheet(NAME_COLUMNS, [], rtl=False).sheet_view.rightToLeft


# Closing a response sends request_finished, which checks the database connections.
@pytest.mark.django_db
def test_xlsx_response_is_a_downloadable_workbook() -> None:
    rows = ({"name": f"منظمة {i}", "value": i} for i in range(1_000))
    with translation.override("ar"):
        response = xlsx_response(
            filename="تقرير", columns=NAME_COLUMNS, rows=rows, sheet_title="المنظمات"
        )
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment; ")
    assert "filename*=utf-8''%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.xlsx" in response["Content-Disposition"]
    body = response.getvalue()
    response.close()
    assert int(response["Content-Length"]) == len(body)

    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert sheet.title == "المنظمات"
    assert sheet.sheet_view.rightToLeft is True
    assert sheet.max_row == 1_001
    assert sheet["A1001"].value == "منظمة 999"
