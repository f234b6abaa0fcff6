"""The staff geography pages: governorate list, governorate detail (search and
pagination) and the remote-area toggle, with who may use them."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.http import url_has_allowed_host_and_scheme

from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate, Locality, Subdistrict
from mujtama.geo.services import place_set_remote
from mujtama.geo.tests.tables import ROWS, csv_bytes, locality_rows, run_import

LIST = "/ar/staff/geo/"
DEIR = "/ar/staff/geo/SY09/"
AMAL = "TL09010102"  # قرية الأمل, in subdistrict TS090101 of SY09
SUKKARIYA = "TL09020101"  # السُّكَّرِيَّة, the only locality of subdistrict TS090201
ALLOWED = ["moct_officer", "mosal_officer", "platform_admin"]
REFUSED = ["citizen", "org_owner", "reviewer", "analyst", "program_manager"]
REMOTE_VERBS = ("geo.remote_flag_set", "geo.remote_flag_cleared")


def remote_url(kind, pcode, lang="ar"):
    return f"/{lang}/staff/geo/{kind}/{pcode}/remote/"


@pytest.fixture
def table(db):
    result = run_import(csv_bytes(ROWS))
    assert result.ok
    return result


@pytest.fixture
def big_table(db):
    """ROWS plus 150 more localities in SY09: 154 there, two pages of 100."""
    result = run_import(csv_bytes([*ROWS, *locality_rows(150)]))
    assert result.ok
    return result


@pytest.fixture
def staff_client(client, moct_officer):
    client.force_login(moct_officer)
    return client


def page_pcodes(response):
    return [place.pcode for place in response.context["page"]]


def remote_events():
    return AuditEvent.objects.filter(verb__in=REMOTE_VERBS)


# --- Governorate list ----------------------------------------------------------------


def test_the_list_shows_every_governorate_with_its_counts(staff_client, table, moct_officer):
    place_set_remote(
        place=Subdistrict.objects.get(pcode="TS090201"), remote=True, actor=moct_officer
    )
    place_set_remote(place=Locality.objects.get(pcode=AMAL), remote=True, actor=moct_officer)
    # Flagged twice over (itself and its subdistrict): still one remote locality.
    place_set_remote(place=Locality.objects.get(pcode=SUKKARIYA), remote=True, actor=moct_officer)

    response = staff_client.get(LIST)

    assert response.status_code == 200
    counts = {
        g.pcode: (g.district_count, g.subdistrict_count, g.locality_count, g.remote_locality_count)
        for g in response.context["governorates"]
    }
    assert len(counts) == 14
    assert counts["SY09"] == (2, 3, 4, 2)
    assert counts["SY01"] == (1, 1, 1, 0)
    assert counts["SY14"] == (0, 0, 0, 0)
    html = response.content.decode()
    assert 'href="/ar/staff/geo/SY09/"' in html
    assert "SY-DY" in html
    row = re.search(r"<tr>\s*<td dir=\"ltr\">SY09</td>.*?</tr>", html, re.S).group(0)
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)] == [2, 3, 4, 2]


def test_a_locality_in_a_remote_subdistrict_counts_as_remote(staff_client, table, moct_officer):
    place_set_remote(
        place=Subdistrict.objects.get(pcode="TS090101"), remote=True, actor=moct_officer
    )
    response = staff_client.get(LIST)
    sy09 = next(g for g in response.context["governorates"] if g.pcode == "SY09")
    assert sy09.remote_locality_count == 2  # الميادين and قرية الأمل
    assert Locality.objects.get(pcode=AMAL).is_remote


def test_the_list_without_any_import_shows_zeros(staff_client, db):
    response = staff_client.get(LIST)
    assert response.status_code == 200
    assert all(g.locality_count == 0 for g in response.context["governorates"])


def _query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [LIST, DEIR, DEIR + "?q=مزرعه&page=2"])
def test_pages_use_a_bounded_number_of_queries_whatever_the_rows(
    staff_client, moct_officer, url, django_assert_max_num_queries
):
    run_import(csv_bytes([*ROWS, *locality_rows(3)]))
    small = _query_count(staff_client, url)
    run_import(csv_bytes([*ROWS, *locality_rows(150)]))
    place_set_remote(
        place=Subdistrict.objects.get(pcode="TS090101"), remote=True, actor=moct_officer
    )
    big = _query_count(staff_client, url)
    assert big == small
    with django_assert_max_num_queries(12):
        staff_client.get(url)


# --- Governorate detail --------------------------------------------------------------


def test_the_detail_page_lists_subdistricts_and_localities(staff_client, table):
    response = staff_client.get(DEIR)
    assert response.status_code == 200
    assert response.context["governorate"].pcode == "SY09"
    assert [s.pcode for s in response.context["subdistricts"]] == [
        "TS090101",
        "TS090102",
        "TS090201",
    ]
    assert [s.locality_count for s in response.context["subdistricts"]] == [2, 1, 1]
    assert page_pcodes(response) == ["TL09010101", AMAL, "TL09010201", SUKKARIYA]
    html = response.content.decode()
    for name in ["الميادين", "العشارة", "البوكمال", "قرية الأمل", "السُّكَّرِيَّة"]:
        assert name in html
    assert "المزة" not in html  # a locality of Damascus
    assert f'action="{remote_url("locality", AMAL)}"' in html
    assert f'action="{remote_url("subdistrict", "TS090102")}"' in html


def test_the_detail_page_of_a_governorate_without_data(staff_client, table):
    response = staff_client.get("/en/staff/geo/SY14/")
    assert response.status_code == 200
    assert page_pcodes(response) == []
    assert "No localities yet" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("قرية الأمل", [AMAL]),  # as written
        ("قريه الامل", [AMAL]),  # ta marbuta as ha, alef without hamza
        ("الأمل", [AMAL]),
        ("الامل", [AMAL]),
        ("السكرية", [SUKKARIYA]),  # stored with harakat and shadda
        ("السكريه", [SUKKARIYA]),
        ("السـكـرية", [SUKKARIYA]),  # tatweel
        ("  قريه   الامل ", [AMAL]),  # extra spaces
        ("qaryat", [AMAL]),  # English name, any case
        ("QARYAT AL-AMAL", [AMAL]),
        ("العشاره", ["TL09010201"]),
        ("الميادين", ["TL09010101"]),
        ("tl09010201", ["TL09010201"]),  # a P-code
        ("حلب", []),
        ("المزة", []),  # a Damascus locality: not in Deir-ez-Zor
    ],
)
def test_search_forgives_arabic_spelling_variants(staff_client, table, query, expected):
    response = staff_client.get(DEIR, {"q": query})
    assert response.status_code == 200
    assert page_pcodes(response) == expected


def test_a_search_without_match_says_so(staff_client, table):
    response = staff_client.get("/en/staff/geo/SY09/", {"q": "حلب"})
    assert "No locality matches your search." in response.content.decode()


def test_a_too_long_search_is_ignored(staff_client, table):
    response = staff_client.get(DEIR, {"q": "ا" * 101})
    assert response.status_code == 200
    assert len(page_pcodes(response)) == 4


def test_pagination(staff_client, big_table):
    first = staff_client.get(DEIR)
    assert len(page_pcodes(first)) == 100
    assert first.context["page"].paginator.count == 154
    html = first.content.decode()
    assert 'href="?page=2"' in html
    assert 'rel="prev"' not in html
    assert "Page 1 of 2" in staff_client.get("/en/staff/geo/SY09/").content.decode()

    second = staff_client.get(DEIR, {"page": "2"})
    assert len(page_pcodes(second)) == 54
    assert set(page_pcodes(first)).isdisjoint(page_pcodes(second))
    assert 'href="?page=1"' in second.content.decode()

    # Out of range and nonsense page numbers land on a real page.
    assert page_pcodes(staff_client.get(DEIR, {"page": "99"})) == page_pcodes(second)
    assert page_pcodes(staff_client.get(DEIR, {"page": "abc"})) == page_pcodes(first)


def test_pagination_keeps_the_search(staff_client, big_table):
    first = staff_client.get(DEIR, {"q": "مزرعه"})  # 150 "مزرعة رقم n"
    assert first.context["page"].paginator.count == 150
    html = first.content.decode()
    assert 'href="?q=%D9%85%D8%B2%D8%B1%D8%B9%D9%87&amp;page=2"' in html
    second = staff_client.get(DEIR, {"q": "مزرعه", "page": "2"})
    assert len(page_pcodes(second)) == 50
    assert all(pcode.startswith("TLX") for pcode in page_pcodes(second))


def test_an_unknown_governorate_is_404(staff_client, table):
    assert staff_client.get("/ar/staff/geo/SY15/").status_code == 404
    assert staff_client.get("/en/staff/geo/TD0901/").status_code == 404  # a district


# --- The remote toggle ---------------------------------------------------------------


def test_flagging_and_clearing_a_locality_is_audited(staff_client, table, moct_officer):
    amal = Locality.objects.get(pcode=AMAL)

    response = staff_client.post(remote_url("locality", AMAL), {"remote": "1"})

    assert response.status_code == 302
    amal.refresh_from_db()
    assert amal.remote is True
    event = remote_events().get()
    assert event.verb == "geo.remote_flag_set"
    assert event.actor == moct_officer
    assert (event.object_type, event.object_id) == ("geo.locality", str(amal.pk))
    assert event.changes == {"remote": [False, True]}

    staff_client.post(remote_url("locality", AMAL), {"remote": "0"})

    amal.refresh_from_db()
    assert amal.remote is False
    assert remote_events().count() == 2
    cleared = remote_events().get(verb="geo.remote_flag_cleared")
    assert cleared.changes == {"remote": [True, False]}
    assert cleared.object_id == str(amal.pk)


def test_posting_the_same_value_twice_writes_one_event(staff_client, table):
    for _ in range(2):
        assert staff_client.post(remote_url("locality", AMAL), {"remote": "1"}).status_code == 302
    assert Locality.objects.get(pcode=AMAL).remote is True
    assert remote_events().count() == 1
    # Clearing what is not set writes nothing either.
    staff_client.post(remote_url("locality", "TL09010101"), {"remote": "0"})
    assert remote_events().count() == 1


def test_flagging_a_subdistrict_makes_its_localities_remote(staff_client, table):
    response = staff_client.post(remote_url("subdistrict", "TS090101"), {"remote": "1"})
    assert response.status_code == 302
    assert Subdistrict.objects.get(pcode="TS090101").remote is True
    event = remote_events().get()
    assert (event.verb, event.object_type) == ("geo.remote_flag_set", "geo.subdistrict")
    assert Locality.objects.get(pcode=AMAL).is_remote
    assert Locality.objects.get(pcode=AMAL).remote is False  # only through its subdistrict
    assert not Locality.objects.get(pcode="TL09010201").is_remote


def test_an_htmx_post_returns_the_partial(staff_client, table):
    response = staff_client.post(
        remote_url("locality", AMAL), {"remote": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates] == ["geo/_remote_toggle.html"]
    html = response.content.decode()
    assert "<html" not in html
    assert html.count("<form") == 1
    assert f'hx-post="{remote_url("locality", AMAL)}"' in html
    assert 'name="remote" value="0"' in html  # now offers to clear the flag
    assert "قرية الأمل" in html
    assert Locality.objects.get(pcode=AMAL).remote is True

    response = staff_client.post(
        remote_url("locality", AMAL), {"remote": "0"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert 'name="remote" value="1"' in response.content.decode()
    assert Locality.objects.get(pcode=AMAL).remote is False


def test_an_htmx_post_in_english_uses_the_english_name(staff_client, table):
    response = staff_client.post(
        remote_url("subdistrict", "TS090102", "en"), {"remote": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "Unflag Ashara" in response.content.decode()


def test_a_plain_post_redirects_to_a_safe_next(staff_client, table):
    next_url = "/ar/staff/geo/SY09/?q=%D8%A7%D9%84%D8%A7%D9%85%D9%84#localities"
    response = staff_client.post(remote_url("locality", AMAL), {"remote": "1", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url


def test_without_next_a_plain_post_redirects_to_the_list(staff_client, table):
    response = staff_client.post(remote_url("locality", AMAL), {"remote": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/staff/geo/"


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "http://evil.example/ar/staff/geo/",
        "//evil.example/",
        "javascript:alert(1)",
        "ar/staff/geo/",
        "",
    ],
)
def test_an_unsafe_next_is_not_followed(staff_client, table, next_url):
    response = staff_client.post(remote_url("locality", AMAL), {"remote": "1", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/ar/staff/geo/"
    assert Locality.objects.get(pcode=AMAL).remote is True


@pytest.mark.parametrize("next_url", ["/\\evil.example/", "/\t/evil.example/"])
def test_a_next_that_browsers_could_read_as_another_host_stays_on_the_site(
    staff_client, table, next_url
):
    # Browsers read /\host as //host and drop tabs; the Location must not let them.
    response = staff_client.post(remote_url("locality", AMAL), {"remote": "1", "next": next_url})
    assert response.status_code == 302
    location = response["Location"]
    assert url_has_allowed_host_and_scheme(location, allowed_hosts=None), location
    assert location.startswith("/")
    assert not re.match(r"^/[\\/\s]", location), location
    assert "\\" not in location
    assert "\t" not in location


@pytest.mark.parametrize("kind", ["district", "governorate", "localities", "Locality"])
def test_an_unknown_kind_is_404(staff_client, table, kind):
    response = staff_client.post(remote_url(kind, AMAL), {"remote": "1"})
    assert response.status_code == 404
    assert not remote_events().exists()
    assert not Locality.objects.filter(remote=True).exists()


@pytest.mark.parametrize(("kind", "pcode"), [("locality", "TL404"), ("subdistrict", AMAL)])
def test_an_unknown_place_is_404(staff_client, table, kind, pcode):
    assert staff_client.post(remote_url(kind, pcode), {"remote": "1"}).status_code == 404
    assert not remote_events().exists()


def test_the_toggle_route_is_post_only(staff_client, table):
    response = staff_client.get(remote_url("locality", AMAL), {"remote": "1"})
    assert response.status_code == 405
    assert Locality.objects.get(pcode=AMAL).remote is False
    assert not remote_events().exists()


def test_the_toggle_needs_a_csrf_token(moct_officer, table):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moct_officer)
    response = client.post(remote_url("locality", AMAL), {"remote": "1"})
    assert response.status_code == 403
    assert Locality.objects.get(pcode=AMAL).remote is False


# --- Who may use the pages -----------------------------------------------------------


@pytest.mark.parametrize("persona_name", ALLOWED)
def test_geo_staff_may_use_every_page(client, persona, persona_name, table):
    user = persona(persona_name)
    client.force_login(user)
    assert client.get(LIST).status_code == 200
    assert client.get(DEIR).status_code == 200
    assert client.get("/en/staff/geo/SY01/").status_code == 200
    response = client.post(remote_url("locality", AMAL), {"remote": "1"})
    assert response.status_code == 302
    assert remote_events().get().actor == user


@pytest.mark.parametrize("persona_name", REFUSED)
def test_other_people_are_refused_everywhere(client, persona, persona_name, table):
    client.force_login(persona(persona_name))
    for url in [LIST, DEIR, "/en/staff/geo/", "/ar/staff/geo/SY15/"]:
        assert client.get(url).status_code == 403, url
    for kind, pcode in [("locality", AMAL), ("subdistrict", "TS090101")]:
        response = client.post(remote_url(kind, pcode), {"remote": "1"})
        assert response.status_code == 403
        response = client.post(
            remote_url(kind, pcode), {"remote": "1"}, headers={"HX-Request": "true"}
        )
        assert response.status_code == 403
    assert not Locality.objects.filter(remote=True).exists()
    assert not Subdistrict.objects.filter(remote=True).exists()
    assert not remote_events().exists()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_anonymous_people_are_sent_to_sign_in(client, table, lang):
    for url in [f"/{lang}/staff/geo/", f"/{lang}/staff/geo/SY09/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/{lang}/accounts/login/?next={url}"
    response = client.post(remote_url("locality", AMAL, lang), {"remote": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{lang}/accounts/login/")
    assert Locality.objects.get(pcode=AMAL).remote is False
    assert not remote_events().exists()


def test_staff_without_a_second_factor_are_sent_to_set_one_up(
    client, staff_without_second_factor, table
):
    client.force_login(staff_without_second_factor)
    for url in [LIST, DEIR]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    response = client.post(remote_url("locality", AMAL), {"remote": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    assert Locality.objects.get(pcode=AMAL).remote is False
    assert not remote_events().exists()


# --- Languages -----------------------------------------------------------------------


def test_the_pages_render_in_arabic(staff_client, table):
    for url in [LIST, DEIR]:
        html = staff_client.get(url).content.decode()
        assert 'lang="ar"' in html
        assert 'dir="rtl"' in html
    assert "دير الزور" in staff_client.get(LIST).content.decode()
    detail = staff_client.get(DEIR).content.decode()
    assert "قرية الأمل" in detail
    assert "Qaryat al-Amal" not in detail
    assert 'href="/ar/staff/geo/"' in detail


def test_the_pages_render_in_english(staff_client, table):
    listing = staff_client.get("/en/staff/geo/").content.decode()
    assert 'lang="en"' in listing
    assert 'dir="ltr"' in listing
    assert 'dir="rtl"' not in listing.split("<body", 1)[0]
    assert "Geography and remote areas" in listing
    assert "Deir-ez-Zor" in listing
    assert 'href="/en/staff/geo/SY09/"' in listing
    detail = staff_client.get("/en/staff/geo/SY09/").content.decode()
    assert 'dir="ltr"' in detail
    assert "Qaryat al-Amal" in detail
    assert "قرية الأمل" not in detail
    assert 'action="/en/staff/geo/locality/TL09010102/remote/"' in detail


def test_governorates_are_untouched_by_the_pages(staff_client, table):
    staff_client.post(remote_url("subdistrict", "TS090101"), {"remote": "1"})
    assert Governorate.objects.count() == 14
