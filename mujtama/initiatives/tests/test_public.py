"""The public pages of initiatives and volunteer opportunities: what each publication
level shows, that nothing below the governorate is shown for vulnerable families,
small-cell suppression of people reached, filters, languages and query counts."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mujtama.initiatives.models import Initiative
from mujtama.initiatives.tests.factories import (
    locality,
    make_activity,
    make_indicator,
    make_initiative,
    make_opportunity,
    organization,
)

pytestmark = pytest.mark.django_db

LIST = "/{lang}/initiatives/"
DETAIL = "/{lang}/initiatives/{pk}/"
OPPORTUNITIES = "/{lang}/volunteer/"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def detail(client, initiative: Initiative, lang: str = "en") -> str:
    return page(client, DETAIL.format(lang=lang, pk=initiative.pk))


def listed(client, query: str = "", lang: str = "en") -> str:
    return page(client, LIST.format(lang=lang) + (f"?{query}" if query else ""))


def row_of(html: str, label: str) -> str:
    """The table row (<tr>…</tr>) that contains ``label``."""
    for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S):
        if label in row:
            return row
    raise AssertionError(f"no row with {label!r}")


def reach_of(html: str) -> str:
    """The "people reached" section of a detail page."""
    start = html.index('id="reach-title"')
    return html[start : html.index("</section>", start)]


# --- publication levels -------------------------------------------------------------------


def test_url_names():
    assert reverse("initiatives_public:list") == "/ar/initiatives/"
    assert reverse("initiatives_public:detail", args=[7]) == "/ar/initiatives/7/"
    assert reverse("initiatives_public:opportunities") == "/ar/volunteer/"
    assert reverse("initiatives_public:opportunity", args=[7]) == "/ar/volunteer/7/"


def test_a_private_initiative_is_not_found_and_not_listed(client):
    hidden = make_initiative(publication="private", title_en="Hidden pilot in Homs")
    assert client.get(DETAIL.format(lang="en", pk=hidden.pk)).status_code == 404
    assert client.get(DETAIL.format(lang="ar", pk=hidden.pk)).status_code == 404
    assert client.get(DETAIL.format(lang="en", pk=hidden.pk + 1000)).status_code == 404
    assert "Hidden pilot in Homs" not in listed(client)


def test_a_summary_only_initiative_shows_its_facts_and_nothing_more(client):
    partner = organization(name_en="Aleppo Youth Network")
    initiative = make_initiative(
        publication="summary",
        partners=(partner,),
        governorates=("SY09", "SY02"),
        description_en="A secret plan described at length.",
    )
    make_indicator(initiative, name_en="Trainees certified", actual="40")
    make_activity(initiative, place=locality(name_en="Tal Shihab"), reached=12)
    html = detail(client, initiative)
    assert "Coding academy for young people" in html
    assert initiative.lead.name_en in html
    assert "Aleppo Youth Network" in html
    assert "Deir-ez-Zor" in html or "Deir ez-Zor" in html
    assert "Active" in html or "Under way" in html
    assert "Digital skills and training" in html
    assert "publishes only a summary" in html
    for hidden in (
        "A secret plan",
        "Trainees certified",
        "Tal Shihab",
        "<progress",
        "People reached",
    ):
        assert hidden not in html, hidden


def test_a_public_initiative_shows_its_record(client):
    initiative = make_initiative(description_en="Training young people in Deir ez-Zor.")
    make_indicator(
        initiative, name_en="Trainees certified", baseline="10", target="110", actual="60"
    )
    make_activity(initiative, place=locality(name_en="Tal Shihab"), title="Web basics", reached=7)
    make_activity(initiative, online=True, kind="mentoring", title="Online mentoring")
    html = detail(client, initiative)
    assert "Training young people in Deir ez-Zor." in html
    indicator = row_of(html, "Trainees certified")
    assert '<progress max="100" value="50"' in indicator
    assert ">10<" in indicator and ">110<" in indicator and ">60<" in indicator
    assert "Tal Shihab" in row_of(html, "Web basics")
    assert "Online" in row_of(html, "Online mentoring")
    assert "Mentoring" in html
    # The CSP forbids inline styles: the bar is a <progress>, not a styled div.
    assert "style=" not in html


def test_progress_past_the_target_fills_the_bar_and_says_so(client):
    initiative = make_initiative()
    make_indicator(initiative, name_en="Sessions held", target="10", actual="15")
    indicator = row_of(detail(client, initiative), "Sessions held")
    assert '<progress max="100" value="100"' in indicator
    assert "150%" in indicator


# --- vulnerable families: nothing below the governorate -------------------------------------


def test_an_initiative_for_vulnerable_families_never_names_the_locality(client):
    initiative = make_initiative(
        concerns_vulnerable=True, title_en="Digital help for widows' families"
    )
    village = locality(name_ar="قرية الشيخ نجار", name_en="Sheikh Najjar village")
    make_activity(
        initiative, place=village, title="Visit to Sheikh Najjar village families", reached=9
    )
    for lang in ("en", "ar"):
        html = detail(client, initiative, lang)
        assert "Sheikh Najjar" not in html
        assert "الشيخ نجار" not in html
        assert "places are shown only by governorate" in html or "المحافظة" in html
    html = detail(client, initiative)
    assert "In person" in html
    assert "Deir" in row_of(html, "Training session")
    assert "Sheikh Najjar" not in listed(client)


def test_the_locality_is_named_for_other_initiatives(client):
    initiative = make_initiative(concerns_vulnerable=False)
    make_activity(initiative, place=locality(name_en="Sheikh Najjar village"), reached=9)
    assert "Sheikh Najjar village" in detail(client, initiative)


# --- people reached ----------------------------------------------------------------------


def test_four_people_reached_is_fewer_than_5_and_five_is_shown(client):
    initiative = make_initiative(governorates=("SY09", "SY01"))
    make_activity(initiative, governorate_pcode="SY09", online=True, reached=4)
    make_activity(initiative, governorate_pcode="SY01", online=True, reached=5)
    html = reach_of(detail(client, initiative))
    four = row_of(html, "Deir")
    assert "fewer than 5" in four and ">4<" not in four
    five = row_of(html, "Damascus")
    assert ">5<" in five and "fewer than 5" not in five
    # The total adds up only what is shown: 9 minus 5 would give away the 4.
    assert ">5<" in row_of(html, "All governorates") and ">9<" not in html
    assert "أقل من 5" in row_of(reach_of(detail(client, initiative, "ar")), "دير الزور")


def test_the_total_is_shown_when_no_governorate_is_suppressed(client):
    initiative = make_initiative(governorates=("SY09", "SY01"))
    make_activity(initiative, governorate_pcode="SY09", online=True, reached=5)
    make_activity(initiative, governorate_pcode="SY01", online=True, reached=7)
    make_activity(initiative, governorate_pcode="SY01", online=True, reached=1)
    html = reach_of(detail(client, initiative))
    assert ">8<" in row_of(html, "Damascus")
    assert ">13<" in row_of(html, "All governorates")


def test_reach_counts_only_this_initiatives_activities(client):
    mine = make_initiative()
    other = make_initiative()
    make_activity(mine, online=True, reached=6)
    make_activity(other, online=True, reached=50)
    html = reach_of(detail(client, mine))
    assert ">6<" in row_of(html, "Deir") and ">50<" not in html and ">56<" not in html


# --- the list -----------------------------------------------------------------------------


def test_the_list_shows_published_initiatives_with_their_facts(client):
    make_initiative(title_en="Public academy", governorates=("SY09", "SY02"))
    make_initiative(title_en="Summary academy", publication="summary", status="planned")
    make_initiative(title_en="Private academy", publication="private")
    html = listed(client)
    row = row_of(html, "Public academy")
    assert "Deir" in row and "Aleppo" in row and "Digital skills and training" in row
    assert "Summary academy" in html
    assert "Private academy" not in html
    assert "2 initiatives" in html


def test_cancelled_initiatives_are_listed_only_when_public(client):
    make_initiative(title_en="Cancelled public", status="cancelled")
    make_initiative(title_en="Cancelled summary", status="cancelled", publication="summary")
    make_initiative(title_en="Cancelled private", status="cancelled", publication="private")
    html = listed(client)
    assert "Cancelled public" in html
    assert "Cancelled summary" not in html
    assert "Cancelled private" not in html
    assert "Cancelled" in row_of(html, "Cancelled public")


def test_filters_governorate_organization_and_status(client):
    lead = organization()
    partner = organization()
    make_initiative(title_en="Deir training", lead=lead, governorates=("SY09",))
    make_initiative(
        title_en="Aleppo lab",
        governorates=("SY02", "SY01"),
        partners=(partner,),
        status="completed",
    )
    make_initiative(title_en="Hama plan", governorates=("SY05",), status="planned")

    def titles(query: str) -> set[str]:
        html = listed(client, query)
        return {t for t in ("Deir training", "Aleppo lab", "Hama plan") if t in html}

    assert titles("") == {"Deir training", "Aleppo lab", "Hama plan"}
    assert titles("governorate=SY02") == {"Aleppo lab"}
    assert titles("governorate=SY01") == {"Aleppo lab"}
    assert titles(f"organization={lead.pk}") == {"Deir training"}
    assert titles(f"organization={partner.pk}") == {"Aleppo lab"}
    assert titles("status=planned") == {"Hama plan"}
    assert titles("status=completed&governorate=SY02") == {"Aleppo lab"}
    assert titles("status=active&governorate=SY02") == set()
    # A value that is not a choice is dropped, not an error.
    assert titles("status=bogus&governorate=XX99&organization=abc") == {
        "Deir training",
        "Aleppo lab",
        "Hama plan",
    }
    assert partner.name_en in listed(client, f"organization={partner.pk}")


def test_search_forgives_arabic_spelling_variants(client):
    make_initiative(title_ar="مبادرة التوعية الرقمية للأسرة", title_en="Digital awareness")
    make_initiative(title_ar="أكاديمية البرمجة ٢٠٢٦", title_en="Coding academy")
    awareness = ("مبادره", "اسره", "مُبَادَرَة", "التوعـــية", "AWARENESS", "digital مبادرة")
    academy = ("أكاديمية", "اكاديميه", "إكاديمية", "2026", "coding البرمجه")
    for queries, found, other in (
        (awareness, "Digital awareness", "Coding academy"),
        (academy, "Coding academy", "Digital awareness"),
    ):
        for query in queries:
            html = listed(client, f"q={query}")
            assert found in html and other not in html, query
    html = listed(client, "q=مبادرة غير-موجودة")
    assert "No published initiative matches" in html
    assert "Digital awareness" not in html


def test_the_list_is_paginated(client):
    lead = organization()
    for n in range(27):
        make_initiative(lead=lead, title_en=f"Initiative number {n:02d}")
    first = listed(client)
    assert "27 initiatives" in first and "Page 1 of 2" in first
    assert first.count("Initiative number") == 25
    second = listed(client, "page=2")
    assert second.count("Initiative number") == 2


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_initiatives(count: int) -> None:
    pcodes = ["SY01", "SY02", "SY03", "SY04", "SY05", "SY09"]
    for n in range(count):
        make_initiative(
            title_en=f"Grown {n}",
            governorates=(pcodes[n % 6], pcodes[(n + 1) % 6]),
            partners=(organization(),),
            publication="summary" if n % 3 else "public",
        )


def test_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    _more_initiatives(3)
    few = _queries(client, LIST.format(lang="en"))
    _more_initiatives(27)
    with django_assert_max_num_queries(few):
        html = listed(client)
    assert html.count("Grown ") == 25
    lead = Initiative.objects.first().lead_id
    filtered = _queries(client, LIST.format(lang="en") + f"?organization={lead}&q=Grown")
    assert filtered <= few + 1  # the organization's name


def test_detail_queries_do_not_grow_with_activities(client, django_assert_max_num_queries):
    initiative = make_initiative(partners=(organization(), organization()))
    make_indicator(initiative)
    make_activity(initiative, place=locality("C1"), reached=6)
    few = _queries(client, DETAIL.format(lang="en", pk=initiative.pk))
    for n in range(2, 12):
        make_activity(initiative, place=locality(f"C{n}"), reached=n)
        make_indicator(initiative)
    with django_assert_max_num_queries(few):
        detail(client, initiative)


# --- languages, methods ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_pages_render_in_arabic_and_english(client, lang, direction):
    initiative = make_initiative()
    make_indicator(initiative, actual="30")
    make_activity(initiative, online=True, reached=6)
    opportunity = make_opportunity()
    urls = [
        LIST.format(lang=lang),
        DETAIL.format(lang=lang, pk=initiative.pk),
        OPPORTUNITIES.format(lang=lang),
        f"/{lang}/volunteer/{opportunity.pk}/",
    ]
    for url in urls:
        html = page(client, url)
        assert f'<html lang="{lang}" dir="{direction}">' in html, url
        title = "أكاديمية البرمجة للشباب" if lang == "ar" else "Coding academy for young people"
        if "initiatives" in url:
            assert title in html, url
        else:
            expected = "مدرّب متطوع" if lang == "ar" else "Volunteer trainer"
            assert expected in html, url


def test_public_pages_refuse_writes(client):
    initiative = make_initiative()
    opportunity = make_opportunity()
    for url in (
        LIST.format(lang="en"),
        DETAIL.format(lang="en", pk=initiative.pk),
        OPPORTUNITIES.format(lang="en"),
        f"/en/volunteer/{opportunity.pk}/",
    ):
        assert client.post(url).status_code == 405


# --- volunteer opportunities ------------------------------------------------------------


def test_the_opportunity_list_hides_closed_and_past_ones(client):
    today = timezone.localdate()
    make_opportunity(title_en="Open trainer")
    make_opportunity(title_en="Closed trainer", closed=True)
    make_opportunity(
        title_en="Past trainer",
        starts_on=today - timedelta(days=90),
        ends_on=today - timedelta(days=1),
    )
    make_opportunity(title_en="Last day trainer", ends_on=today)
    html = page(client, OPPORTUNITIES.format(lang="en"))
    assert "Open trainer" in html and "Last day trainer" in html
    assert "Closed trainer" not in html and "Past trainer" not in html
    assert "2 open opportunities" in html


def test_opportunity_filters_governorate_and_remote(client, django_assert_max_num_queries):
    from mujtama.geo.models import Governorate

    make_opportunity(title_en="Damascus trainer", governorate=Governorate.objects.get(pcode="SY01"))
    make_opportunity(title_en="Homs trainer", governorate=Governorate.objects.get(pcode="SY04"))
    make_opportunity(title_en="Remote mentor", remote=True, governorate=None)

    def titles(query: str) -> set[str]:
        html = page(client, OPPORTUNITIES.format(lang="en") + f"?{query}")
        return {t for t in ("Damascus trainer", "Homs trainer", "Remote mentor") if t in html}

    assert titles("") == {"Damascus trainer", "Homs trainer", "Remote mentor"}
    assert titles("governorate=SY04") == {"Homs trainer"}
    assert titles("remote=on") == {"Remote mentor"}
    assert titles("governorate=ZZ") == {"Damascus trainer", "Homs trainer", "Remote mentor"}
    few = _queries(client, OPPORTUNITIES.format(lang="en"))
    for n in range(20):
        make_opportunity(title_en=f"More {n}")
    with django_assert_max_num_queries(few):
        page(client, OPPORTUNITIES.format(lang="en"))


def test_an_open_opportunity_offers_to_volunteer(client, citizen):
    initiative = make_initiative(title_en="Parent initiative")
    opportunity = make_opportunity(initiative.lead, initiative=initiative)
    url = f"/en/volunteer/{opportunity.pk}/"
    html = page(client, url)
    assert "Volunteer for this opportunity" in html or "Sign in to volunteer" in html
    assert "Parent initiative" in html
    assert "Helping families use government e-services." in html
    client.force_login(citizen)
    assert "no longer takes volunteers" not in page(client, url)


def test_a_closed_opportunity_says_so_and_hides_a_private_initiative(client):
    initiative = make_initiative(title_en="Secret parent", publication="private")
    opportunity = make_opportunity(initiative.lead, initiative=initiative, closed=True)
    html = page(client, f"/en/volunteer/{opportunity.pk}/")
    assert "no longer takes volunteers" in html
    assert "Volunteer for this opportunity" not in html and "Sign in to volunteer" not in html
    assert "Secret parent" not in html
    assert client.get("/en/volunteer/999999/").status_code == 404
