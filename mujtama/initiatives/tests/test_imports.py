"""Spreadsheet imports of activities and people reached: a file with bad rows imports
nothing and names exactly those rows; the fixed file imports every row; 10,000 rows
go in one transaction; the same person typed three ways counts once."""

import csv
import io
import time
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from mujtama.impact.ledger import reach_totals
from mujtama.impact.models import AggregateReach, Beneficiary
from mujtama.initiatives.imports import (
    ACTIVITY_COLUMNS,
    BENEFICIARY_COLUMNS,
    activities_import,
    beneficiaries_import,
    template,
)
from mujtama.initiatives.models import Activity
from mujtama.initiatives.tests.factories import locality
from mujtama.initiatives.tests.test_workflows import make_initiative

pytestmark = pytest.mark.django_db

HEADERS = [column.header_ar for column in ACTIVITY_COLUMNS]


def good_rows(n: int = 10) -> list[list[Any]]:
    rows = []
    for i in range(n):
        rows.append(
            [
                f"{1 + i // 2 % 28}/3/2026" if i % 2 else f"2026-03-{1 + i // 2 % 28:02d}",
                "ورشة عمل" if i // 2 % 3 else "training session",
                f"ورشة رقم {i // 2}",
                "دير الزور" if i % 2 else "SY09",
                "قرية الصالحية",
                "لا",
                "م. سامر",
                "أنثى" if i % 2 else "ذكر",
                "18-24",
                "نعم",
                "لا",
                str(5 + i % 7) if i % 4 else "١٢",
            ]
        )
    return rows


def xlsx(headers: list[str], rows: list[list[Any]]) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


@pytest.fixture
def place(db: Any) -> Any:
    return locality()


def test_three_bad_rows_import_nothing_and_are_each_reported(world, place):
    initiative = make_initiative(world)
    rows = good_rows(10)
    rows[2][0] = "31/2/2026"  # row 4 of the sheet: no such date
    rows[5][3] = "القاهرة"  # row 7: not a governorate
    rows[8][11] = "-4"  # row 10: a negative count
    with translation.override("ar"):
        report = activities_import(
            actor=world["editor"],
            initiative=initiative,
            upload=xlsx(HEADERS, rows),
            filename="activities.xlsx",
            dry_run=False,
        )
    assert not report.imported
    assert [(e.row, e.column) for e in report.errors] == [
        (4, "التاريخ"),
        (7, "المحافظة"),
        (10, "العدد"),
    ]
    assert all(e.message for e in report.errors)
    assert not Activity.objects.exists() and not AggregateReach.objects.exists()

    rows[2][0] = "28/2/2026"
    rows[5][3] = "Deir ez-Zor"
    rows[8][11] = "4"
    dry = activities_import(
        actor=world["editor"],
        initiative=initiative,
        upload=xlsx(HEADERS, rows),
        filename="activities.xlsx",
        dry_run=True,
    )
    assert dry.ok and not dry.imported and not Activity.objects.exists()
    report = activities_import(
        actor=world["editor"],
        initiative=initiative,
        upload=xlsx(HEADERS, rows),
        filename="activities.xlsx",
        dry_run=False,
    )
    assert report.imported
    expected = sum(int(r[11].replace("١٢", "12")) for r in rows)
    assert AggregateReach.objects.count() == 10
    assert reach_totals(organization=world["organization"]).counted == expected
    # Two rows per activity, but the fixed date parted one pair.
    assert Activity.objects.count() == report.activities == 6


def test_a_locality_outside_the_governorate_or_the_initiative_is_reported(world, place):
    initiative = make_initiative(world)
    rows = good_rows(3)
    rows[0][4] = "حي لا وجود له"
    rows[1][3] = "حلب"
    report = activities_import(
        actor=world["editor"],
        initiative=initiative,
        upload=xlsx(HEADERS, rows),
        filename="a.xlsx",
        dry_run=False,
    )
    assert [(e.row, e.column) for e in report.errors] == [
        (2, "البلدة أو المنطقة"),
        (3, "المحافظة"),
    ]


def test_ten_thousand_rows_import_in_one_transaction(world, place, django_assert_max_num_queries):
    initiative = make_initiative(world)
    rows = good_rows(10_000)
    upload = xlsx(HEADERS, rows)
    started = time.perf_counter()
    with django_assert_max_num_queries(60):
        report = activities_import(
            actor=world["editor"],
            initiative=initiative,
            upload=upload,
            filename="big.xlsx",
            dry_run=False,
        )
    elapsed = time.perf_counter() - started
    assert report.imported, report.errors[:3]
    assert AggregateReach.objects.count() == 10_000
    print(f"10,000 activity rows imported in {elapsed:.1f} s")


def test_the_template_reads_back_clean(world, place):
    initiative = make_initiative(world)
    for kind, run in (("activities", activities_import), ("beneficiaries", beneficiaries_import)):
        book = load_workbook(io.BytesIO(template(kind)))
        assert book.active.sheet_view.rightToLeft
        report = run(
            actor=world["editor"],
            initiative=initiative,
            upload=io.BytesIO(template(kind)),
            filename=f"{kind}.xlsx",
            dry_run=True,
        )
        # The example row names a locality of Aleppo; this test's place is in Deir ez-Zor.
        assert {e.column for e in report.errors} <= {"البلدة أو المنطقة", "المحافظة"}


def beneficiaries_csv(rows: list[list[str]]) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([column.header_en for column in BENEFICIARY_COLUMNS])
    writer.writerows(rows)
    return io.BytesIO(out.getvalue().encode("utf-8-sig"))


def test_one_person_imported_by_two_organizations_counts_once_and_stays_private(world, place):
    initiative = make_initiative(world)
    other_initiative = make_initiative(
        world, actor=world["other_editor"], lead=world["other"], title_ar="مبادرة أخرى"
    )
    first = beneficiaries_csv(
        [
            [
                "ليلى حسن",
                "0933 123 456",
                "",
                "2004",
                "أنثى",
                "SY09",
                "قرية الصالحية",
                "",
                "2026-03-01",
            ],
            [
                "سامر علي",
                "+963 944 000 111",
                "",
                "1999",
                "ذكر",
                "دير الزور",
                "As-Salihiyah village",
                "",
                "1/3/2026",
            ],
        ]
    )
    second = beneficiaries_csv(
        [
            [
                "ليلى الحسن",
                "+963933123456",
                "",
                "2004",
                "female",
                "Deir ez-Zor",
                "قرية الصالحية",
                "",
                "2026-04-01",
            ],
            ["ليلى ح.", "٠٩٣٣١٢٣٤٥٦", "", "2004", "F", "SY09", "قرية الصالحية", "", "2026-05-01"],
        ]
    )
    assert beneficiaries_import(
        actor=world["editor"], initiative=initiative, upload=first, filename="a.csv", dry_run=False
    ).imported
    assert beneficiaries_import(
        actor=world["other_editor"],
        initiative=other_initiative,
        upload=second,
        filename="b.csv",
        dry_run=False,
    ).imported
    assert Beneficiary.objects.count() == 4
    assert reach_totals().unique_people == 2
    assert reach_totals(organization=world["other"]).unique_people == 1


def test_bad_people_rows_are_reported_by_row_and_column(world, place):
    initiative = make_initiative(world)
    upload = beneficiaries_csv(
        [
            ["ليلى حسن", "", "", "2004", "أنثى", "SY09", "قرية الصالحية", "", "2026-03-01"],
            ["", "0933 123 456", "", "1850", "أنثى", "SY09", "قرية الصالحية", "", "2026-03-01"],
            [
                "سامر",
                "0944 000 111",
                "",
                "2001",
                "ذكر",
                "SY09",
                "قرية الصالحية",
                "مريخي",
                "2026-03-01",
            ],
        ]
    )
    report = beneficiaries_import(
        actor=world["editor"], initiative=initiative, upload=upload, filename="a.csv", dry_run=False
    )
    rows = {(e.row, e.column) for e in report.errors}
    # Reported under the headers the file used (English here).
    assert (2, "phone") in rows
    assert (3, "full name") in rows and (3, "year of birth") in rows
    assert (4, "vulnerability criteria") in rows
    assert not Beneficiary.objects.exists()


def test_the_import_page_for_editors_only(world, place, client):
    initiative = make_initiative(world)
    url = reverse("initiatives:import", args=[initiative.pk, "activities"])
    client.force_login(world["viewer"])
    assert client.get(url).status_code == 403
    client.force_login(world["other_editor"])
    assert client.get(url).status_code == 404
    client.force_login(world["editor"])
    assert (
        client.get(reverse("initiatives:import", args=[initiative.pk, "nope"])).status_code == 404
    )
    template_response = client.get(
        reverse("initiatives:import_template", args=[initiative.pk, "beneficiaries"])
    )
    assert template_response.content[:2] == b"PK"
    rows = good_rows(4)
    rows[1][8] = "99-100"
    upload = xlsx(HEADERS, rows)
    upload.name = "activities.xlsx"
    page = client.post(url, {"file": upload, "mode": "import"})
    assert page.status_code == 400
    assert "الفئة العمرية" in page.content.decode()
    assert not Activity.objects.exists()
    rows[1][8] = "25-29"
    upload = xlsx(HEADERS, rows)
    upload.name = "activities.xlsx"
    response = client.post(url, {"file": upload, "mode": "import"})
    assert response.status_code == 302
    assert Activity.objects.exists()
    not_a_sheet = io.BytesIO(b"\x89PNG\r\n\x1a\nnot a spreadsheet")
    not_a_sheet.name = "photo.xlsx"
    page = client.post(url, {"file": not_a_sheet, "mode": "check"})
    assert page.status_code == 400


def test_named_people_are_seen_by_their_organization_and_by_staff_only_with_a_reason(
    world, place, client, moct_officer, analyst
):
    from mujtama.core.models import AuditEvent

    initiative = make_initiative(world)
    beneficiaries_import(
        actor=world["editor"],
        initiative=initiative,
        upload=beneficiaries_csv(
            [
                [
                    "ليلى حسن",
                    "0933 123 456",
                    "",
                    "2004",
                    "أنثى",
                    "SY09",
                    "قرية الصالحية",
                    "",
                    "2026-03-01",
                ]
            ]
        ),
        filename="a.csv",
        dry_run=False,
    )
    record = Beneficiary.objects.get()
    own = reverse("initiatives:beneficiaries", args=[world["organization"].pk])
    client.force_login(world["viewer"])
    assert "ليلى حسن" in client.get(own).content.decode()
    client.force_login(world["other_editor"])
    assert client.get(own).status_code == 404
    client.force_login(analyst)
    assert client.get(reverse("impact:beneficiaries")).status_code == 403
    client.force_login(moct_officer)
    listing = client.get(reverse("impact:beneficiaries")).content.decode()
    assert "ليلى حسن" not in listing and f"#{record.pk}" in listing
    url = reverse("impact:beneficiary", args=[record.pk])
    assert "ليلى حسن" not in client.get(url).content.decode()
    refused = client.post(url, {"reason": "  "})
    assert "ليلى حسن" not in refused.content.decode()
    assert not AuditEvent.objects.filter(verb="impact.beneficiary_viewed").exists()
    opened = client.post(url, {"reason": "شكوى من المستفيدة تحتاج التحقق"})
    assert "ليلى حسن" in opened.content.decode()
    event = AuditEvent.objects.get(verb="impact.beneficiary_viewed")
    assert event.actor == moct_officer and event.reason == "شكوى من المستفيدة تحتاج التحقق"
