"""Importing the administrative-boundary table: good files, bad files (all or
nothing, with clear messages in both languages) and the management command."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from mujtama.core.arabic import normalize_ar
from mujtama.core.models import AuditEvent
from mujtama.geo import boundaries
from mujtama.geo.boundaries import BoundaryFileError
from mujtama.geo.management.commands import import_admin_boundaries
from mujtama.geo.models import District, Locality, Subdistrict
from mujtama.geo.services import place_set_remote
from mujtama.geo.tests.tables import (
    DAMASCUS,
    DEIR,
    HEADER,
    HEADER3,
    ROWS,
    ROWS3,
    csv_bytes,
    run_import,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

IMPORTED = "geo.boundaries_imported"
LAST_ROW = len(ROWS) + 1  # the header is row 1
EXPECTED = {
    "district": [
        ("TD0101", "دمشق", "Damascus", "SY01"),
        ("TD0901", "الميادين", "Al Mayadin", "SY09"),
        ("TD0902", "البوكمال", "Abu Kamal", "SY09"),
    ],
    "subdistrict": [
        ("TS010101", "دمشق", "Damascus", "TD0101"),
        ("TS090101", "الميادين", "Al Mayadin", "TD0901"),
        ("TS090102", "العشارة", "Ashara", "TD0901"),
        ("TS090201", "البوكمال", "Abu Kamal", "TD0902"),
    ],
    "locality": [
        ("TL01010101", "المزة", "Mazzeh", "TS010101"),
        ("TL09010101", "الميادين", "Al Mayadin", "TS090101"),
        ("TL09010102", "قرية الأمل", "Qaryat al-Amal", "TS090101"),
        ("TL09010201", "العشارة", "Ashara", "TS090102"),
        ("TL09020101", "السُّكَّرِيَّة", "As-Sukkariya", "TS090201"),
    ],
}


def snapshot():
    """Every imported place as (P-code, Arabic, English, parent P-code), by level."""
    return {
        "district": list(
            District.objects.order_by("pcode").values_list(
                "pcode", "name_ar", "name_en", "governorate__pcode"
            )
        ),
        "subdistrict": list(
            Subdistrict.objects.order_by("pcode").values_list(
                "pcode", "name_ar", "name_en", "district__pcode"
            )
        ),
        "locality": list(
            Locality.objects.order_by("pcode").values_list(
                "pcode", "name_ar", "name_en", "subdistrict__pcode"
            )
        ),
    }


def assert_nothing_written():
    assert District.objects.count() == 0
    assert Subdistrict.objects.count() == 0
    assert Locality.objects.count() == 0
    assert not AuditEvent.objects.filter(verb=IMPORTED).exists()


def with_last_row(**cells):
    """ROWS with the last row's cells replaced, by column name."""
    last = list(ROWS[-1])
    for column, value in cells.items():
        last[HEADER.index(column)] = value
    return [*ROWS[:-1], tuple(last)]


# --- Good files ----------------------------------------------------------------------


def test_a_good_csv_creates_the_hierarchy_with_parents_and_names():
    result = run_import(csv_bytes(ROWS))
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == 5
    assert result.created == {"district": 3, "subdistrict": 4, "locality": 5}
    assert result.updated == {"district": 0, "subdistrict": 0, "locality": 0}
    assert snapshot() == EXPECTED


def test_search_text_is_normalized_so_spelling_variants_match():
    run_import(csv_bytes(ROWS))
    amal = Locality.objects.get(pcode="TL09010102")
    assert amal.search_text == "قريه الامل qaryat al-amal"
    # Harakat and shadda are gone, ta marbuta folded.
    assert Locality.objects.get(pcode="TL09020101").search_text == "السكريه as-sukkariya"
    for query in ["قريه الامل", "قرية الأمل", "QARYAT", "سُكَّرية"]:
        needle = normalize_ar(query)
        found = Locality.objects.filter(search_text__contains=needle)
        assert found.exists(), query
    assert not Locality.objects.filter(search_text__contains=normalize_ar("حلب")).exists()
    district = District.objects.get(pcode="TD0902")
    assert district.search_text == "البوكمال abu kamal"


def test_an_xlsx_with_the_same_content_gives_the_same_result():
    result = run_import(xlsx_bytes(ROWS), "boundaries.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == 5
    assert snapshot() == EXPECTED


def test_a_wrong_stored_sheet_size_does_not_cut_the_table_short():
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(ROWS)))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:B2" />', data)
            target.writestr(info, data)
    result = run_import(output.getvalue(), "boundaries.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == 5
    assert snapshot() == EXPECTED


def test_an_xlsx_is_recognized_by_its_content_whatever_its_name():
    result = run_import(xlsx_bytes(ROWS), "boundaries")
    assert result.ok
    assert snapshot() == EXPECTED


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_hxl_hashtag_row_is_skipped(fmt):
    data = csv_bytes(ROWS, hxl=True) if fmt == "csv" else xlsx_bytes(ROWS, hxl=True)
    result = run_import(data, f"boundaries.{fmt}")
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == 5  # the hashtag row is not a data row
    assert snapshot() == EXPECTED
    assert not District.objects.filter(pcode__startswith="#").exists()


def test_with_an_hxl_row_the_first_data_row_is_row_3():
    rows = [("SY15", *ROWS[0][1:]), *ROWS[1:]]
    with translation.override("en"):
        result = run_import(csv_bytes(rows, hxl=True))
        assert [e.row for e in result.errors] == [3]
        assert str(result.errors[0]).startswith("Row 3:")


def test_reimporting_the_same_file_creates_nothing_and_keeps_remote_flags(moct_officer):
    data = csv_bytes(ROWS)
    run_import(data)
    place_set_remote(
        place=Subdistrict.objects.get(pcode="TS090201"), remote=True, actor=moct_officer
    )
    place_set_remote(
        place=Locality.objects.get(pcode="TL09010102"), remote=True, actor=moct_officer
    )
    before = snapshot()

    result = run_import(data)

    assert result.ok
    assert result.created == {"district": 0, "subdistrict": 0, "locality": 0}
    assert result.updated == {"district": 0, "subdistrict": 0, "locality": 0}
    assert snapshot() == before
    assert set(Subdistrict.objects.filter(remote=True).values_list("pcode", flat=True)) == {
        "TS090201"
    }
    assert set(Locality.objects.filter(remote=True).values_list("pcode", flat=True)) == {
        "TL09010102"
    }
    assert Locality.objects.get(pcode="TL09020101").is_remote  # through its subdistrict
    assert not Locality.objects.get(pcode="TL09010101").is_remote
    assert AuditEvent.objects.filter(verb=IMPORTED).count() == 2


def test_reimporting_with_a_changed_name_updates_it_and_keeps_the_flag(moct_officer):
    run_import(csv_bytes(ROWS))
    amal = Locality.objects.get(pcode="TL09010102")
    place_set_remote(place=amal, remote=True, actor=moct_officer)
    renamed = [
        (*row[:9], "TL09010102", "قرية الأمل الجديدة", "New Qaryat al-Amal")
        if row[9] == "TL09010102"
        else row
        for row in ROWS
    ]

    result = run_import(csv_bytes(renamed))

    assert result.ok
    assert result.created == {"district": 0, "subdistrict": 0, "locality": 0}
    assert result.updated == {"district": 0, "subdistrict": 0, "locality": 1}
    amal.refresh_from_db()
    assert (amal.name_ar, amal.name_en) == ("قرية الأمل الجديدة", "New Qaryat al-Amal")
    assert amal.search_text == "قريه الامل الجديده new qaryat al-amal"
    assert amal.remote is True
    assert Locality.objects.count() == 5


def test_reimporting_can_move_a_locality_to_another_subdistrict():
    run_import(csv_bytes(ROWS))
    moved = [
        (*row[:6], "TS090102", "العشارة", "Ashara", *row[9:]) if row[9] == "TL09010102" else row
        for row in ROWS
    ]
    result = run_import(csv_bytes(moved))
    assert result.ok
    assert result.updated["locality"] == 1
    assert Locality.objects.get(pcode="TL09010102").subdistrict.pcode == "TS090102"


def test_a_file_stopping_at_admin3_works():
    result = run_import(csv_bytes(ROWS3, header=HEADER3))
    assert result.ok, [str(e) for e in result.errors]
    assert result.created == {"district": 3, "subdistrict": 4, "locality": 0}
    assert snapshot() == {**EXPECTED, "locality": []}


def test_a_row_may_stop_at_a_higher_level_in_a_four_level_file():
    rows = [*ROWS, (*DEIR, "TD0903", "هجين", "Hajin", "", "", "", "", "", "")]
    result = run_import(csv_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]
    assert District.objects.get(pcode="TD0903").subdistricts.count() == 0
    assert Locality.objects.count() == 5


def test_a_file_with_only_the_district_level_works():
    rows = [row[:6] for row in ROWS]
    result = run_import(csv_bytes(rows, header=HEADER[:6]))
    assert result.ok
    assert result.created == {"district": 3, "subdistrict": 0, "locality": 0}


def test_a_semicolon_delimited_csv_works():
    result = run_import(csv_bytes(ROWS, delimiter=";"))
    assert result.ok, [str(e) for e in result.errors]
    assert snapshot() == EXPECTED


def test_utf8_with_a_byte_order_mark_works():
    data = csv_bytes(ROWS, bom=True)
    assert data.startswith(b"\xef\xbb\xbf")
    result = run_import(data)
    assert result.ok, [str(e) for e in result.errors]
    assert snapshot() == EXPECTED


def test_column_titles_are_matched_loosely_and_in_any_order():
    order = [11, 10, 9, 0, 3, 4, 5, 6, 7, 8, 1, 2]
    header = [HEADER[i].upper() if i % 2 else f" {HEADER[i]} " for i in order]
    rows = [tuple(row[i] for i in order) for row in ROWS]
    result = run_import(csv_bytes(rows, header=header))
    assert result.ok, [str(e) for e in result.errors]
    assert snapshot() == EXPECTED


def test_a_lower_case_admin1_code_and_blank_lines_are_accepted():
    rows = [("sy09", *ROWS[0][1:]), ("",) * 12, *ROWS[1:]]
    result = run_import(csv_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]
    assert result.rows == 5
    assert District.objects.get(pcode="TD0901").governorate.pcode == "SY09"


def test_a_unit_repeated_identically_on_several_rows_is_created_once():
    result = run_import(csv_bytes([*ROWS, ROWS[0]]))
    assert result.ok
    assert result.rows == 6
    assert Locality.objects.filter(pcode="TL09010101").count() == 1


def test_an_english_spelling_variant_of_a_governorate_is_accepted():
    # Built in: SY07 إدلب / "Idleb"; the file says "Idlib".
    rows = [*ROWS, ("SY07", "إدلب", "Idlib", "TD0701", "أريحا", "Ariha", *[""] * 6)]
    result = run_import(csv_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]
    assert District.objects.get(pcode="TD0701").governorate.pcode == "SY07"


def test_an_arabic_spelling_variant_of_a_governorate_is_accepted():
    # Built in: SY07 إدلب; the file writes it without hamza, with a different English.
    rows = [*ROWS, ("SY07", "ادلب", "Edlib", "TD0701", "أريحا", "Ariha", *[""] * 6)]
    result = run_import(csv_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]


def test_a_contradicting_arabic_name_alone_is_taken_as_a_variant():
    # Only a change of both names is taken as a wrong code (by design).
    rows = [(ROWS[0][0], "دير الزّور", *ROWS[0][2:]), *ROWS[1:]]  # shadda added
    result = run_import(csv_bytes(rows))
    assert result.ok, [str(e) for e in result.errors]


def test_a_dry_run_checks_but_writes_nothing():
    result = run_import(csv_bytes(ROWS), dry_run=True)
    assert result.ok
    assert result.rows == 5
    assert_nothing_written()


def test_a_successful_import_writes_one_audit_event(moct_officer):
    run_import(csv_bytes(ROWS), "sy_admin_boundaries.csv", actor=moct_officer)
    event = AuditEvent.objects.get(verb=IMPORTED)
    assert event.actor == moct_officer
    assert event.object_type == "geo.boundaries"
    assert event.object_id == "sy_admin_boundaries.csv"
    assert event.changes == {
        "rows": 5,
        "created": {"district": 3, "subdistrict": 4, "locality": 5},
        "updated": {"district": 0, "subdistrict": 0, "locality": 0},
    }


def test_a_long_file_name_is_cut_to_fit_the_audit_event():
    run_import(csv_bytes(ROWS), "x" * 100 + ".csv")
    assert AuditEvent.objects.get(verb=IMPORTED).object_id == "x" * 64


# --- Bad rows: all or nothing, every failing row reported -----------------------------

BAD_LAST_ROW = {
    "unknown admin1": (
        {"admin1Pcode": "SY15"},
        "“SY15” is not one of the 14 governorate P-codes (SY01–SY14).",
    ),
    "empty admin1": ({"admin1Pcode": ""}, "“—” is not one of the 14 governorate P-codes"),
    "invalid locality P-code": (
        {"admin4Pcode": "TL 0101/01"},
        "The locality P-code “TL 0101/01” is not valid",
    ),
    "invalid district P-code": (
        {"admin2Pcode": "TD0101!"},
        "The district P-code “TD0101!” is not valid",
    ),
    "empty district P-code": ({"admin2Pcode": ""}, "The district P-code “—” is not valid"),
    "P-code too long": (
        {"admin3Pcode": "TS" + "0" * 19},
        "The subdistrict P-code “TS0000000000000000000” is not valid",
    ),
    "missing Arabic name": (
        {"admin4Name_ar": ""},
        "The locality TL01010101 needs both an Arabic and an English name.",
    ),
    "missing English name": (
        {"admin3Name_en": ""},
        "The subdistrict TS010101 needs both an Arabic and an English name.",
    ),
    "name too long": (
        {"admin4Name_en": "x" * 201},
        "A name of TL01010101 is longer than 200 characters.",
    ),
    "same district code, other name": (
        {"admin2Pcode": "TD0901", "admin2Name_en": "Mayadin district"},
        "TD0901 is described differently on row 2 (name or parent).",
    ),
    "same subdistrict code, other parent": (
        {
            "admin1Pcode": "SY09",
            "admin1Name_ar": "دير الزور",
            "admin1Name_en": "Deir-ez-Zor",
            "admin2Pcode": "TD0902",
            "admin2Name_ar": "البوكمال",
            "admin2Name_en": "Abu Kamal",
            "admin3Pcode": "TS090101",  # row 2 puts it under TD0901, same names
            "admin3Name_ar": "الميادين",
            "admin3Name_en": "Al Mayadin",
        },
        "TS090101 is described differently on row 2 (name or parent).",
    ),
    "governorate names contradict the code": (
        {"admin1Name_ar": "حلب", "admin1Name_en": "Aleppo"},
        "The file names governorate SY01 “حلب”, but that code is “دمشق” here.",
    ),
}


@pytest.mark.parametrize("case", list(BAD_LAST_ROW), ids=list(BAD_LAST_ROW))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_bad_last_row_is_reported_and_nothing_is_written(case, fmt):
    cells, message = BAD_LAST_ROW[case]
    rows = with_last_row(**cells)
    data = csv_bytes(rows) if fmt == "csv" else xlsx_bytes(rows)
    with translation.override("en"):
        result = run_import(data, f"boundaries.{fmt}")
        texts = [str(error) for error in result.errors]
    assert not result.ok
    assert {error.row for error in result.errors} == {LAST_ROW}
    assert any(text.startswith(f"Row {LAST_ROW}: ") for text in texts), texts
    assert any(message in text for text in texts), texts
    assert_nothing_written()


@pytest.mark.parametrize("case", list(BAD_LAST_ROW), ids=list(BAD_LAST_ROW))
def test_row_errors_in_arabic_carry_the_row_number(case):
    cells, _message = BAD_LAST_ROW[case]
    with translation.override("ar"):
        result = run_import(csv_bytes(with_last_row(**cells)))
        texts = [str(error) for error in result.errors]
    assert texts
    for text in texts:
        assert text.strip()
        assert str(LAST_ROW) in text
    assert_nothing_written()


def test_every_failing_row_is_reported_in_order():
    rows = [
        ("SY15", *ROWS[0][1:]),
        *ROWS[1:3],
        (*ROWS[3][:10], "", "As-Sukkariya"),
        ROWS[4],
    ]
    with translation.override("en"):
        result = run_import(csv_bytes(rows))
        texts = [str(error) for error in result.errors]
    assert [error.row for error in result.errors] == [2, 5]
    assert texts[0].startswith("Row 2:")
    assert texts[1].startswith("Row 5:")
    assert_nothing_written()


def test_a_row_skipping_a_level_is_an_error_not_silently_dropped():
    rows = [*ROWS, (*DEIR, *ROWS[0][3:6], "", "", "", "TL09019999", "قرية", "Qarya")]
    with translation.override("en"):
        result = run_import(csv_bytes(rows))
        texts = [str(error) for error in result.errors]
    assert [error.row for error in result.errors] == [LAST_ROW + 1]
    assert texts[0] == (
        f"Row {LAST_ROW + 1}: The subdistrict is empty, but a lower level is filled in."
    )
    assert_nothing_written()


def test_a_failed_reimport_leaves_the_earlier_import_untouched(moct_officer):
    run_import(csv_bytes(ROWS))
    place_set_remote(
        place=Locality.objects.get(pcode="TL09010101"), remote=True, actor=moct_officer
    )
    before = snapshot()
    renamed_then_bad = [
        (*ROWS[0][:10], "اسم جديد", "New name"),
        *ROWS[1:-1],
        ("SY15", *ROWS[-1][1:]),
    ]
    result = run_import(csv_bytes(renamed_then_bad))
    assert not result.ok
    assert snapshot() == before
    assert Locality.objects.get(pcode="TL09010101").remote is True
    assert AuditEvent.objects.filter(verb=IMPORTED).count() == 1


def test_a_failure_while_writing_rolls_everything_back(monkeypatch):
    def broken_audit(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr("mujtama.geo.services.audit_record", broken_audit)
    with pytest.raises(RuntimeError):
        run_import(csv_bytes(ROWS))
    assert_nothing_written()


def test_too_many_rows_is_a_file_error(monkeypatch):
    monkeypatch.setattr(boundaries, "MAX_ROWS", 3)
    with translation.override("en"), pytest.raises(BoundaryFileError, match="more than 3 rows"):
        run_import(csv_bytes(ROWS))
    assert_nothing_written()


# --- Bad files: BoundaryFileError with a message, nothing written ---------------------


def _csv_text(text):
    return text.encode("utf-8")


BAD_FILES = {
    "no admin1Pcode column": (
        csv_bytes([row[1:] for row in ROWS], header=HEADER[1:]),
        "boundaries.csv",
        "The column admin1Pcode is missing.",
    ),
    "admin3Name_ar column missing": (
        csv_bytes(
            [row[:7] + row[8:] for row in ROWS], header=[h for h in HEADER if h != "admin3Name_ar"]
        ),
        "boundaries.csv",
        "Columns missing for level 3: admin3Name_ar",
    ),
    "no district columns": (
        _csv_text("admin1Pcode,admin1Name_ar\nSY01,دمشق\n"),
        "boundaries.csv",
        "The file needs at least the district columns",
    ),
    "admin3 skipped": (
        csv_bytes([row[:6] + row[9:] for row in ROWS], header=[*HEADER[:6], *HEADER[9:]]),
        "boundaries.csv",
        "A level is skipped",
    ),
    "empty file": (b"", "boundaries.csv", "The file is empty."),
    "blank header": (b",,,\r\n,,,\r\n", "boundaries.csv", "The file is empty."),
    "cp1256 CSV": (
        csv_bytes(ROWS, encoding="cp1256"),
        "boundaries.csv",
        "The CSV file must be saved as UTF-8.",
    ),
    "UTF-16 CSV": (
        csv_bytes(ROWS, encoding="utf-16"),
        "boundaries.csv",
        "The CSV file must be saved as UTF-8.",
    ),
    "PDF": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "boundaries.pdf", "Use a CSV or XLSX file."),
    "CSV content named .pdf": (csv_bytes(ROWS), "boundaries.pdf", "Use a CSV or XLSX file."),
    "garbage named .xlsx": (
        b"\x00\x01garbage\xff\xfe" * 50,
        "boundaries.xlsx",
        "The file is not a readable XLSX workbook.",
    ),
    "CSV named .xlsx": (
        csv_bytes(ROWS),
        "boundaries.xlsx",
        "The file is not a readable XLSX workbook.",
    ),
    "broken zip named .csv": (
        b"PK\x03\x04" + b"\x00" * 200,
        "boundaries.csv",
        "The file is not a readable XLSX workbook.",
    ),
    "unbalanced quote swallowing the file": (
        _csv_text(
            ",".join(HEADER)
            + "\r\n"
            + 'SY09,دير الزور,"Deir-ez-Zor'
            + "\r\n".join([",".join(ROWS[0])] * 3000)
        ),
        "boundaries.csv",
        "The CSV file cannot be read from line 2 on; check its quotation marks.",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_a_bad_file_raises_a_clear_error_in_english(case):
    data, filename, message = BAD_FILES[case]
    with translation.override("en"), pytest.raises(BoundaryFileError) as caught:
        run_import(data, filename)
    assert message in str(caught.value)
    assert_nothing_written()


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_a_bad_file_raises_a_non_empty_error_in_arabic(case):
    data, filename, _message = BAD_FILES[case]
    with translation.override("ar"), pytest.raises(BoundaryFileError) as caught:
        run_import(data, filename)
    assert str(caught.value).strip()
    assert_nothing_written()


def test_a_bad_file_is_refused_in_a_dry_run_too():
    with pytest.raises(BoundaryFileError):
        run_import(b"", dry_run=True)


def test_bad_rows_are_reported_in_a_dry_run():
    result = run_import(csv_bytes(with_last_row(admin1Pcode="SY15")), dry_run=True)
    assert [error.row for error in result.errors] == [LAST_ROW]
    assert_nothing_written()


# --- The management command ----------------------------------------------------------


def _write(tmp_path, data, name="boundaries.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _call(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_admin_boundaries", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_the_command_imports_and_prints_a_summary(tmp_path):
    out, err = _call(str(_write(tmp_path, csv_bytes(ROWS))), "--language", "en")
    assert "5 rows imported." in out
    assert "Created: 3 districts, 4 subdistricts, 5 localities. Updated: 0, 0, 0." in out
    assert err == ""
    assert snapshot() == EXPECTED
    event = AuditEvent.objects.get(verb=IMPORTED)
    assert event.actor is None
    assert event.object_id == "boundaries.csv"


def test_the_command_reports_updates_on_a_second_run(tmp_path):
    _call(str(_write(tmp_path, csv_bytes(ROWS))), "--language", "en")
    # The district TD0901 (on three rows) gets a new English name.
    renamed = [
        (*row[:3], "TD0901", "الميادين", "Mayadin", *row[6:]) if row[3] == "TD0901" else row
        for row in ROWS
    ]
    out, _err = _call(str(_write(tmp_path, csv_bytes(renamed), "v2.csv")), "--language", "en")
    assert "Created: 0 districts, 0 subdistricts, 0 localities. Updated: 1, 0, 0." in out
    assert District.objects.get(pcode="TD0901").name_en == "Mayadin"


def test_the_command_reads_xlsx(tmp_path):
    out, _err = _call(str(_write(tmp_path, xlsx_bytes(ROWS), "table.xlsx")), "--language", "en")
    assert "5 rows imported." in out
    assert snapshot() == EXPECTED


def test_the_command_speaks_arabic_by_default(tmp_path):
    out, _err = _call(str(_write(tmp_path, csv_bytes(ROWS))))
    assert out.strip()
    assert "5" in out
    assert snapshot() == EXPECTED


def test_the_command_refuses_a_bad_file_and_lists_row_errors(tmp_path):
    path = _write(tmp_path, csv_bytes(with_last_row(admin1Pcode="SY15")))
    err = io.StringIO()
    with pytest.raises(CommandError, match=r"1 rows have errors; nothing was imported\."):
        call_command(
            "import_admin_boundaries",
            str(path),
            "--language",
            "en",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert f"Row {LAST_ROW}: “SY15” is not one of the 14 governorate P-codes" in err.getvalue()
    assert_nothing_written()


def test_the_command_reports_row_errors_in_arabic(tmp_path):
    path = _write(tmp_path, csv_bytes(with_last_row(admin1Pcode="SY15")))
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_admin_boundaries", str(path), stdout=io.StringIO(), stderr=err)
    assert str(caught.value).strip()
    assert str(LAST_ROW) in err.getvalue()
    assert_nothing_written()


def test_the_command_caps_the_errors_it_prints(tmp_path, monkeypatch):
    monkeypatch.setattr(import_admin_boundaries, "MAX_SHOWN", 2)
    rows = [("SY15", *row[1:]) for row in ROWS]
    err = io.StringIO()
    with pytest.raises(CommandError, match="5 rows have errors"):
        call_command(
            "import_admin_boundaries",
            str(_write(tmp_path, csv_bytes(rows))),
            "--language=en",
            stdout=io.StringIO(),
            stderr=err,
        )
    lines = err.getvalue().splitlines()
    assert lines[:2] == [
        "Row 2: “SY15” is not one of the 14 governorate P-codes (SY01–SY14).",
        "Row 3: “SY15” is not one of the 14 governorate P-codes (SY01–SY14).",
    ]
    assert lines[2] == "… and 3 more."
    assert len(lines) == 3


def test_the_command_turns_a_file_error_into_a_command_error(tmp_path):
    path = _write(tmp_path, csv_bytes(ROWS, encoding="cp1256"))
    with pytest.raises(CommandError, match=r"The CSV file must be saved as UTF-8\."):
        _call(str(path), "--language", "en")
    assert_nothing_written()


def test_the_command_dry_run_writes_nothing(tmp_path):
    out, _err = _call(str(_write(tmp_path, csv_bytes(ROWS))), "--dry-run", "--language", "en")
    assert "5 rows checked; no errors. Nothing written (dry run)." in out
    assert_nothing_written()


def test_the_command_dry_run_still_reports_errors(tmp_path):
    path = _write(tmp_path, csv_bytes(with_last_row(admin4Name_ar="")))
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_admin_boundaries",
            str(path),
            "--dry-run",
            "--language",
            "en",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert f"Row {LAST_ROW}:" in err.getvalue()
    assert_nothing_written()


def test_the_command_refuses_a_missing_file(tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(CommandError, match=r"File not found: .*nowhere\.csv"):
        _call(str(missing), "--language", "en")
    with pytest.raises(CommandError):
        _call(str(tmp_path), "--language", "en")  # a directory is not a file
    assert_nothing_written()


def test_the_command_refuses_an_unknown_language(tmp_path):
    with pytest.raises(CommandError, match="invalid choice"):
        _call(str(_write(tmp_path, csv_bytes(ROWS))), "--language", "fr")
    assert_nothing_written()


def test_the_command_leaves_the_active_language_alone(tmp_path):
    with translation.override("ar"):
        _call(str(_write(tmp_path, csv_bytes(ROWS))), "--language", "en")
        assert translation.get_language() == "ar"


def test_governorate_with_damascus_row_is_parented_correctly():
    run_import(csv_bytes(ROWS))
    damascus = District.objects.get(pcode="TD0101").governorate
    assert (damascus.pcode, damascus.name_ar, damascus.name_en) == DAMASCUS


def test_lower_case_p_codes_are_the_same_place_as_upper_case(db):
    from mujtama.geo.models import District
    from mujtama.geo.services import boundaries_import

    header = "admin1Pcode,admin2Pcode,admin2Name_ar,admin2Name_en\n"
    for code in ("td0901", "TD0901"):
        table = f"{header}SY09,{code},الميادين,Al Mayadin\n".encode()
        assert boundaries_import(upload=io.BytesIO(table), filename="t.csv").ok
    assert list(District.objects.values_list("pcode", flat=True)) == ["TD0901"]


def test_control_characters_in_names_are_refused(db):
    from mujtama.geo.models import District
    from mujtama.geo.services import boundaries_import

    table = (
        "admin1Pcode,admin2Pcode,admin2Name_ar,admin2Name_en\nSY09,TD0901,الميا\x00دين,Mayadin\n"
    )
    result = boundaries_import(upload=io.BytesIO(table.encode()), filename="t.csv")
    assert not result.ok
    assert result.errors[0].row == 2
    assert not District.objects.exists()


def test_a_header_without_rows_is_refused(db):
    from mujtama.geo.boundaries import BoundaryFileError
    from mujtama.geo.services import boundaries_import

    with pytest.raises(BoundaryFileError):
        boundaries_import(
            upload=io.BytesIO(b"admin1Pcode,admin2Pcode,admin2Name_ar,admin2Name_en\n"),
            filename="t.csv",
        )
