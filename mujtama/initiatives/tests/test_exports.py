"""Exports of activities, reach and the 4W table: what each audience gets, that the
figures add up to the reach ledger, that the public never sees a small cell, a
private initiative or a place below the governorate of vulnerable families, that
cells are neutralized against formula injection, and that the number of queries
does not grow with the rows."""

import csv
import io
from datetime import date
from typing import Any

import hxl
import openpyxl
import pytest
from django.db import connection
from django.db.models import Sum
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate
from mujtama.impact.ledger import Cell, beneficiary_record, reach_totals
from mujtama.impact.models import AggregateReach, Beneficiary
from mujtama.initiatives.exports import Audience, Dataset, Scope, build
from mujtama.initiatives.models import Activity, Initiative
from mujtama.initiatives.services import initiatives as services
from mujtama.initiatives.tests.factories import locality
from mujtama.initiatives.tests.test_workflows import make_initiative
from mujtama.organizations.models import Organization

pytestmark = pytest.mark.django_db

INJECTION = '=HYPERLINK("x")'
NEUTRALIZED = "'" + INJECTION
TAGS_4W = [
    "#org+name",
    "#org+type",
    "#activity+project+name",
    "#sector",
    "#activity+type",
    "#adm1+name",
    "#adm1+code",
    "#date+start",
    "#date+end",
    "#reached+total",
    "#reached+f",
    "#reached+m",
    "#reached+remote",
    "#reached+vulnerable",
    "#reached+age0_14",
    "#reached+age15_17",
    "#reached+age18_24",
    "#reached+age25_29",
    "#reached+age30_59",
    "#reached+age60plus",
]
MARCH = date(2026, 3, 14)
APRIL = date(2026, 4, 2)
NAME = "سلمى يوسف الأحمد"
PHONE = "0933 123 456"


def cell(
    sex: str, band: str, count: int, *, remote: bool = False, vulnerable: bool = False
) -> Cell:
    return Cell(sex=sex, age_band=band, remote=remote, vulnerable=vulnerable, count=count)


def record(
    initiative: Initiative,
    reached: list[Cell],
    *,
    held_on: date = MARCH,
    pcode: str = "SY09",
    place: Any = None,
    kind: str = "training",
    title: str = "دورة أساسيات البرمجة",
) -> Activity:
    return services.activity_record(
        actor=initiative.lead.created_by,
        initiative=initiative,
        kind=kind,
        title=title,
        held_on=held_on,
        governorate=Governorate.objects.get(pcode=pcode),
        locality=place,
        online=place is None,
        reached=reached,
    )


def url(
    audience: str, dataset: str, fmt: str, org: Organization | None = None, *, language: str = "ar"
) -> str:
    kwargs: dict[str, Any] = {"dataset": dataset, "fmt": fmt}
    if org is not None:
        kwargs["org"] = org.pk
    # A request leaves its language active in the thread: say which one every time.
    with translation.override(language):
        return reverse(f"initiatives_exports:{audience}_download", kwargs=kwargs)


def page(name: str, *args: Any, language: str = "ar") -> str:
    with translation.override(language):
        return reverse(f"initiatives_exports:{name}", args=args)


def download(client: Any, address: str) -> bytes:
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def hxl_rows(content: bytes) -> Any:
    return hxl.data(io.BytesIO(content), hxl.InputOptions(encoding="utf-8-sig"))


def figure(row: Any, tag: str) -> int:
    value = row.get(tag)
    return int(value) if value not in (None, "") else 0


@pytest.fixture
def reached(world: dict[str, Any]) -> dict[str, Any]:
    """The organization leads a public and a private initiative; another organization
    leads one too. Activities in two months and two governorates, in a village and
    online, with counted people in many cells and one person recorded by name."""
    organization, other = world["organization"], world["other"]
    village = locality()
    public = make_initiative(world)
    private = make_initiative(
        world,
        publication="private",
        title_ar="مبادرة داخلية",
        title_en="Internal initiative",
        governorates=list(Governorate.objects.filter(pcode__in=["SY01", "SY09"])),
    )
    first = record(
        public,
        [
            cell("f", "18-24", 7),
            cell("m", "18-24", 6),
            cell("f", "0-14", 3, remote=True),
            cell("m", "30-59", 2, vulnerable=True),
        ],
        place=village,
    )
    record(public, [cell("f", "25-29", 5), cell("m", "60+", 4)], held_on=APRIL, kind="workshop")
    record(private, [cell("f", "15-17", 8, remote=True)], pcode="SY01")
    beneficiary_record(
        actor=world["editor"],
        organization=organization,
        source=first,
        reached_on=MARCH,
        full_name=NAME,
        birth_year=2004,
        sex="f",
        locality=village,
        phone=PHONE,
    )
    others = make_initiative(
        world, actor=world["other_editor"], lead=other, title_en="Another's", title_ar="أخرى"
    )
    record(others, [cell("m", "18-24", 11)], pcode="SY09")
    return {"public": public, "private": private, "village": village, "others": others}


# --- the 4W adds up to the ledger --------------------------------------------------------


def _sums(content: bytes) -> dict[str, int]:
    dataset = hxl_rows(content)
    tags = [column.display_tag for column in dataset.columns]
    assert tags == TAGS_4W
    rows = list(dataset)
    return {tag: sum(figure(row, tag) for row in rows) for tag in TAGS_4W[9:]}


def _ledger_by_sex(**scope: Any) -> dict[str, int]:
    counted = dict(
        AggregateReach.objects.filter(**scope)
        .values_list("sex")
        .annotate(people=Sum("count"))
        .order_by()
    )
    named = Beneficiary.objects.filter(**scope)
    return {sex: counted.get(sex, 0) + named.filter(sex=sex).count() for sex in ("f", "m")}


def test_the_organization_4w_reads_back_with_libhxl_and_adds_up_to_the_ledger(
    world, reached, client
):
    organization = world["organization"]
    client.force_login(world["viewer"])
    sums = _sums(download(client, url("organization", "4w", "hxl", organization)))
    totals = reach_totals(organization=organization)
    by_sex = _ledger_by_sex(organization=organization)
    assert sums["#reached+total"] == totals.total == 7 + 6 + 3 + 2 + 5 + 4 + 8 + 1
    assert sums["#reached+f"] == by_sex["f"] and sums["#reached+m"] == by_sex["m"]
    assert sums["#reached+remote"] == 3 + 8
    assert sums["#reached+vulnerable"] == 2
    assert sums["#reached+age18_24"] == 7 + 6 + 1  # the named person was 22
    assert sums["#reached+age60plus"] == 4


def test_the_national_4w_adds_up_to_the_national_ledger(world, reached, client, analyst):
    client.force_login(analyst)
    content = download(client, url("national", "4w", "hxl"))
    sums = _sums(content)
    assert sums["#reached+total"] == reach_totals().total
    by_sex = _ledger_by_sex()
    assert sums["#reached+f"] == by_sex["f"] and sums["#reached+m"] == by_sex["m"]
    rows = list(hxl_rows(content))
    march = [row for row in rows if row.get("#date+start") == "2026-03-01"]
    assert {row.get("#date+end") for row in march} == {"2026-03-31"}
    assert {row.get("#adm1+code") for row in rows} == {"SY01", "SY09"}


def test_the_4w_without_tags_and_the_other_datasets_agree(world, reached, client):
    client.force_login(world["owner"])
    organization = world["organization"]
    plain = csv_rows(download(client, url("organization", "4w", "csv", organization)))
    assert not plain[1][0].startswith("#")  # no hashtag row in plain CSV
    reach = csv_rows(download(client, url("organization", "reach", "hxl", organization)))
    assert reach[1][-1] == "#reached"
    assert sum(int(row[-1]) for row in reach[2:]) == reach_totals(organization=organization).total
    activities = csv_rows(download(client, url("organization", "activities", "hxl", organization)))
    tags = activities[1]
    total, female, male = (tags.index(f"#reached+{a}") for a in ("total", "f", "m"))
    assert len(activities) == 2 + 3  # the organization's three activities
    assert sum(int(row[total]) for row in activities[2:]) == 36
    assert all(int(row[total]) == int(row[female]) + int(row[male]) for row in activities[2:])


def test_no_export_ever_holds_a_named_person(world, reached, client, analyst):
    client.force_login(world["owner"])
    contents = [
        download(client, url("organization", dataset, fmt, world["organization"]))
        for dataset in Dataset
        for fmt in ("csv", "hxl")
    ]
    client.force_login(analyst)
    contents += [download(client, url("national", dataset, "csv")) for dataset in Dataset]
    for content in contents:
        text = content.decode("utf-8-sig")
        assert NAME not in text and "0933" not in text and "933123456" not in text


# --- audiences ----------------------------------------------------------------------------


def test_the_organization_export_holds_its_own_initiatives_only_with_places(world, reached, client):
    client.force_login(world["editor"])
    text = download(client, url("organization", "activities", "csv", world["organization"]))
    decoded = text.decode("utf-8-sig")
    assert "مبادرة داخلية" in decoded  # private, but its own
    assert "أخرى" not in decoded
    assert reached["village"].name_ar in decoded and reached["village"].pcode in decoded


def test_people_outside_the_organization_get_404_and_anonymous_is_sent_to_sign_in(
    world, reached, client, citizen, analyst
):
    organization = world["organization"]
    pages = [
        url("organization", "4w", "csv", organization),
        page("organization", organization.pk),
    ]
    for outsider in (world["other_owner"], citizen, analyst):
        client.force_login(outsider)
        for address in pages:
            assert client.get(address).status_code == 404, (outsider, address)
    client.force_login(world["owner"])
    assert client.get(url("organization", "4w", "csv", Organization(pk=999_999))).status_code == 404
    client.logout()
    for address in [*pages, url("national", "4w", "csv"), page("national")]:
        response = client.get(address)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_national_exports_are_for_oversight_staff_only(
    world, reached, client, citizen, program_manager, staff_without_second_factor, mosal_officer
):
    for person in (citizen, world["owner"], program_manager):
        client.force_login(person)
        assert client.get(url("national", "reach", "csv")).status_code == 403
    client.force_login(staff_without_second_factor)
    response = client.get(url("national", "reach", "csv"))
    assert response.status_code == 302 and "/2fa/totp/activate/" in response.url
    client.force_login(mosal_officer)
    assert client.get(url("national", "reach", "xlsx")).status_code == 200


def test_unknown_datasets_and_formats_are_not_addresses(client):
    for address in ("/ar/exports/public/people.csv", "/ar/exports/public/4w.json"):
        assert client.get(address).status_code == 404
    assert client.post(url("public", "4w", "csv")).status_code == 405


def test_every_organization_and_national_export_is_audited_and_public_ones_are_not(
    world, reached, client, analyst
):
    organization = world["organization"]
    client.force_login(world["viewer"])
    download(client, url("organization", "4w", "xlsx", organization))
    client.force_login(analyst)
    download(client, url("national", "activities", "hxl"))
    client.logout()
    download(client, url("public", "reach", "csv"))
    events = list(AuditEvent.objects.filter(verb="initiatives.exported").order_by("pk"))
    assert [(e.actor, e.object_type, e.object_id) for e in events] == [
        (world["viewer"], "export", f"organization:{organization.pk}:4w"),
        (analyst, "export", "national:activities"),
    ]
    assert events[0].changes["format"] == "xlsx" and events[1].changes["format"] == "hxl"


# --- public -------------------------------------------------------------------------------


def _public(client: Any, dataset: str, fmt: str = "csv") -> str:
    return download(client, url("public", dataset, fmt)).decode("utf-8-sig")


def test_a_private_initiative_is_in_no_public_export(world, reached, client):
    for dataset in Dataset:
        for fmt in ("csv", "hxl"):
            text = _public(client, dataset, fmt)
            assert "مبادرة داخلية" not in text, dataset
            assert "SY01" not in text  # where only the private initiative worked


def test_the_public_4w_drops_cells_under_5_before_adding_up(world, reached, client):
    rows = list(hxl_rows(download(client, url("public", "4w", "hxl"))))
    ours = [row for row in rows if row.get("#activity+project+name") == reached["public"].title]
    march = next(row for row in ours if row.get("#date+start") == "2026-03-01")
    # Cells: f 18-24 7 (+1 named = 8), m 18-24 6, f 0-14 3 and m 30-59 2 dropped.
    assert march.get("#reached+total") == "14"
    assert march.get("#reached+f") == "8" and march.get("#reached+m") == "6"
    assert march.get("#reached+remote") in (None, "")  # its only cell was 3
    assert march.get("#reached+vulnerable") in (None, "")
    april = next(row for row in ours if row.get("#date+start") == "2026-04-01")
    assert april.get("#reached+total") == "5" and april.get("#reached+f") == "5"
    assert april.get("#reached+m") in (None, "")  # 4 men of 60 and over: suppressed
    assert april.get("#reached+age60plus") in (None, "")


def test_public_suppression_four_is_hidden_and_five_is_shown(world, client):
    four = make_initiative(world, title_en="Four", title_ar="أربعة")
    five = make_initiative(world, title_en="Five", title_ar="خمسة")
    record(four, [cell("f", "18-24", 4)])
    record(five, [cell("f", "18-24", 5)])
    rows = list(hxl_rows(download(client, url("public", "4w", "hxl"))))
    by_title = {row.get("#activity+project+name"): row for row in rows}
    assert by_title["أربعة"].get("#reached+total") in (None, "")
    assert by_title["أربعة"].get("#reached+f") in (None, "")
    assert by_title["خمسة"].get("#reached+total") == "5"
    assert by_title["خمسة"].get("#reached+f") == "5"
    reach = csv_rows(download(client, url("public", "reach", "csv")))
    assert [row[1] for row in reach[1:]] == ["خمسة"]  # the cell of 4 is not a row
    assert reach[1][-1] == "5"
    activities = _public(client, "activities")
    assert "أربعة" in activities  # the activity itself is public, without counts
    assert "#reached" not in _public(client, "activities", "hxl")


def test_public_exports_show_nothing_below_the_governorate_of_vulnerable_families(world, client):
    village = locality("C9977", name_ar="قرية المعمورة", name_en="Al-Maamoura")
    vulnerable = make_initiative(
        world, title_en="Help desk", title_ar="مكتب مساعدة", concerns_vulnerable=True
    )
    record(
        vulnerable,
        [cell("f", "30-59", 6, vulnerable=True)],
        place=village,
        title="جلسة في قرية المعمورة",
    )
    for dataset in Dataset:
        for fmt in ("csv", "hxl"):
            text = _public(client, dataset, fmt)
            assert "المعمورة" not in text and "C9977" not in text, dataset
    activities = csv_rows(download(client, url("public", "activities", "csv")))
    assert len(activities) == 2 and "SY09" in activities[1]
    four_w = list(hxl_rows(download(client, url("public", "4w", "hxl"))))
    assert four_w[0].get("#reached+vulnerable") == "6"  # counted at governorate level
    client.force_login(world["viewer"])
    own = download(client, url("organization", "activities", "csv", world["organization"]))
    assert "قرية المعمورة" in own.decode("utf-8-sig")  # the organization sees its places


def test_a_summary_initiative_is_in_the_public_4w_with_who_and_where_only(world, client):
    summary = make_initiative(
        world,
        publication="summary",
        title_ar="مبادرة موجزة",
        title_en="Summary one",
        governorates=list(Governorate.objects.filter(pcode__in=["SY02", "SY09"])),
    )
    record(summary, [cell("f", "18-24", 40)], kind="hackathon")
    rows = [
        row
        for row in hxl_rows(download(client, url("public", "4w", "hxl")))
        if row.get("#activity+project+name") == "مبادرة موجزة"
    ]
    assert [row.get("#adm1+code") for row in rows] == ["SY02", "SY09"]
    for row in rows:
        assert row.get("#org+name") == world["organization"].name_ar
        assert row.get("#sector")
        for tag in ("#activity+type", "#date+start", "#reached+total", "#reached+f"):
            assert row.get(tag) in (None, ""), tag
    assert "مبادرة موجزة" not in _public(client, "activities")
    assert "مبادرة موجزة" not in _public(client, "reach")


# --- spreadsheets --------------------------------------------------------------------------


def test_titles_and_names_are_neutralized_in_csv_and_xlsx(world, client):
    organization = world["organization"]
    Organization.objects.filter(pk=organization.pk).update(name_ar=INJECTION, name_en=INJECTION)
    initiative = make_initiative(world, title_ar=INJECTION, title_en=INJECTION)
    record(initiative, [cell("f", "18-24", 9)], place=locality(), title=INJECTION)
    client.force_login(world["owner"])
    rows = csv_rows(download(client, url("organization", "activities", "csv", organization)))
    organization_name, initiative_title, _kind, activity_title = rows[1][:4]
    assert organization_name == initiative_title == activity_title == NEUTRALIZED
    for dataset in Dataset:
        content = download(client, url("organization", dataset, "xlsx", organization))
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [c for row in sheet.iter_rows(values_only=True) for c in row]
        assert INJECTION not in values, dataset
        assert NEUTRALIZED in values, dataset
        assert sheet.sheet_view.rightToLeft  # Arabic: the sheet reads right to left
    public = csv_rows(download(client, url("public", "4w", "csv")))
    assert public[1][:3] == [NEUTRALIZED, public[1][1], NEUTRALIZED]
    assert INJECTION not in [value for row in public for value in row]


def test_headers_and_labels_follow_the_language(world, reached, client):
    client.force_login(world["owner"])
    organization = world["organization"]
    arabic = csv_rows(download(client, url("organization", "activities", "csv", organization)))
    assert arabic[0][0] == "الجهة"
    address = url("organization", "activities", "xlsx", organization, language="en")
    assert address.startswith("/en/")
    sheet = openpyxl.load_workbook(io.BytesIO(download(client, address))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Organization", "Initiative", "Activity type")
    assert not sheet.sheet_view.rightToLeft
    assert "Training session" in rows[1] or "Workshop" in rows[1]
    assert reached["public"].title_en in rows[1] or reached["private"].title_en in rows[1]


def test_csv_streams_and_the_filename_says_what_and_when(world, reached, client):
    client.force_login(world["owner"])
    response = client.get(url("organization", "4w", "hxl", world["organization"]))
    assert isinstance(response, StreamingHttpResponse)
    disposition = response["Content-Disposition"]
    assert f"mujtama-org-{world['organization'].pk}-4w-hxl-" in disposition
    assert disposition.endswith('.csv"')
    chunks = list(response.streaming_content)
    assert chunks[0].startswith("\ufeff".encode())
    client.logout()
    public = client.get(url("public", "4w", "csv"))
    assert "mujtama-4w-20" in public["Content-Disposition"]
    assert b"".join(public.streaming_content)


def test_the_download_pages_list_every_file(world, client, analyst):
    client.force_login(world["viewer"])
    response = client.get(page("organization", world["organization"].pk))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'dir="rtl"' in text
    assert url("organization", "4w", "hxl", world["organization"]) in text
    client.force_login(analyst)
    assert url("national", "reach", "xlsx") in client.get(page("national")).content.decode()
    client.logout()
    response = client.get(page("public", language="en"))
    text = response.content.decode()
    assert response.status_code == 200 and 'dir="ltr"' in text
    assert "fewer than 5" in text


# --- queries --------------------------------------------------------------------------------


def _queries(client: Any, address: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        download(client, address)
    return len(captured)


@pytest.mark.parametrize("dataset", list(Dataset))
def test_the_number_of_queries_does_not_grow_with_the_rows(world, client, analyst, dataset):
    initiatives = [make_initiative(world, title_en=f"I{n}", title_ar=f"م{n}") for n in range(3)]
    village = locality()

    def add(count: int) -> None:
        for n in range(count):
            record(
                initiatives[n % 3],
                [cell("f", "18-24", 5 + n), cell("m", "0-14", 1 + n % 7)],
                held_on=date(2025, 1 + n % 12, 1 + n % 28),
                place=village if n % 2 else None,
                kind=["training", "workshop", "mentoring"][n % 3],
            )

    def counts() -> list[int]:
        client.force_login(world["owner"])
        found = [_queries(client, url("organization", dataset, "csv", world["organization"]))]
        client.force_login(analyst)
        found.append(_queries(client, url("national", dataset, "csv")))
        client.logout()
        found.append(_queries(client, url("public", dataset, "csv")))
        return found

    add(3)
    few = counts()
    add(17)
    assert Activity.objects.count() == 20
    assert counts() == few  # organization 10/9/9, national the same, public 4/4/5


def test_build_reads_reference_data_first_and_rows_only_when_consumed(world, reached):
    with CaptureQueriesContext(connection) as captured:
        export = build(Scope(Audience.NATIONAL), Dataset.FOUR_W)
    before = len(captured)
    assert before == 3  # initiatives, organizations, governorates
    with CaptureQueriesContext(connection) as captured:
        rows = list(export.rows)
    assert len(captured) == 1  # one query streams the grid, whatever its size
    assert sum(row["total"] for row in rows) == reach_totals().total
