"""The public pages of training: the catalogue, a course and its cohorts, the
providers. Draft and cancelled cohorts are never shown; where applications stand is
said with a frozen clock; who may apply and how places are given are said in plain
language; completion and employment rates from fewer than 5 people are suppressed;
languages and query counts."""

import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mujtama.training.models import Course
from mujtama.training.tests.factories import (
    dates_for,
    followups_answer,
    graduates,
    make_cohort,
    make_course,
    organization,
)

pytestmark = pytest.mark.django_db

CATALOGUE = "/{lang}/training/"
COURSE = "/{lang}/training/courses/{pk}/"
PROVIDERS = "/{lang}/training/providers/"
# 1 May 2026, 10:00 in Damascus.
FROZEN = "2026-05-01 10:00 +0300"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def catalogue(client, query: str = "", lang: str = "en") -> str:
    return page(client, CATALOGUE.format(lang=lang) + (f"?{query}" if query else ""))


def course_page(client, course: Course, lang: str = "en") -> str:
    return page(client, COURSE.format(lang=lang, pk=course.pk))


def providers(client, lang: str = "en") -> str:
    return page(client, PROVIDERS.format(lang=lang))


def row_of(html: str, label: str) -> str:
    """The table row (<tr>…</tr>) that contains ``label``."""
    for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S):
        if label in row:
            return row
    raise AssertionError(f"no row with {label!r}")


def card_of(html: str, label: str) -> str:
    """The cohort card (<article>…</article>) that contains ``label``."""
    for card in re.findall(r"<article.*?</article>", html, flags=re.S):
        if label in card:
            return card
    raise AssertionError(f"no cohort with {label!r}")


def results_of(html: str) -> str:
    start = html.index('id="results-title"')
    return html[start : html.index("</section>", start)]


def figure(html: str, label: str) -> str:
    """The value after the <dt> ``label`` of a list of facts."""
    found = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>(.*?)</dd>", html, flags=re.S)
    assert found, label
    return found.group(1)


def test_url_names():
    assert reverse("training_public:catalogue") == "/ar/training/"
    assert reverse("training_public:course", args=[7]) == "/ar/training/courses/7/"
    assert reverse("training_public:providers") == "/ar/training/providers/"


# --- what is public ---------------------------------------------------------------------------


def test_draft_and_cancelled_cohorts_are_never_shown(client):
    hidden = make_course(title_en="Hidden robotics")
    make_cohort(hidden, status="draft")
    make_cohort(hidden, status="cancelled")
    for lang in ("en", "ar"):
        assert client.get(COURSE.format(lang=lang, pk=hidden.pk)).status_code == 404
    assert client.get(COURSE.format(lang="en", pk=hidden.pk + 1000)).status_code == 404
    assert "Hidden robotics" not in catalogue(client)
    assert "Hidden robotics" not in providers(client)
    assert hidden.provider.name_en not in providers(client)

    shown = make_course(title_en="Shown design")
    make_cohort(shown, name_en="Spring cohort")
    make_cohort(shown, status="draft", name_en="Draft cohort")
    make_cohort(shown, status="cancelled", name_en="Cancelled cohort")
    html = course_page(client, shown)
    assert "Spring cohort" in html
    assert "Draft cohort" not in html and "Cancelled cohort" not in html
    assert "Shown design" in catalogue(client)


def test_running_and_finished_cohorts_are_on_the_course_page_not_in_the_catalogue(client):
    past = make_course(title_en="Past course")
    make_cohort(past, status="running", name_en="Running cohort")
    make_cohort(past, status="finished", name_en="Finished cohort")
    html = course_page(client, past)
    assert "Under way" in card_of(html, "Running cohort")
    assert "Finished" in card_of(html, "Finished cohort")
    assert "Applications closed" in card_of(html, "Finished cohort")
    assert ">Apply<" not in html
    assert "Past course" not in catalogue(client)
    assert "Past course" in providers(client)


# --- where applications stand -----------------------------------------------------------------


@time_machine.travel(FROZEN, tick=False)
def test_each_cohort_says_whether_it_takes_applications(client):
    course = make_course()
    make_cohort(
        course,
        name_en="Open cohort",
        applications_open_on=date(2026, 5, 1),
        applications_close_on=date(2026, 5, 1),
        starts_on=date(2026, 5, 10),
        ends_on=date(2026, 6, 10),
    )
    make_cohort(
        course,
        name_en="Later cohort",
        applications_open_on=date(2026, 5, 2),
        applications_close_on=date(2026, 5, 20),
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 7, 1),
    )
    make_cohort(
        course,
        name_en="Closed cohort",
        applications_open_on=date(2026, 4, 1),
        applications_close_on=date(2026, 4, 30),
        starts_on=date(2026, 5, 3),
        ends_on=date(2026, 6, 3),
    )
    html = course_page(client, course)
    opened = card_of(html, "Open cohort")
    assert "Open now, until 1 May 2026" in opened
    with translation.override("en"):
        assert f'href="{reverse("training:apply", args=[opened_pk(opened)])}"' in opened
    assert ">Apply<" in opened
    later = card_of(html, "Later cohort")
    assert "Opens on 2 May 2026" in later and ">Apply<" not in later
    closed = card_of(html, "Closed cohort")
    assert "Applications closed" in closed and ">Apply<" not in closed

    # The catalogue shows the next cohort still to take applications.
    row = row_of(catalogue(client), course.title_en)
    assert "Open now, until 1 May 2026" in row
    assert "Opens on" not in row
    assert course.title_en in catalogue(client, "open=on")

    with time_machine.travel("2026-05-02 10:00 +0300", tick=False):
        html = course_page(client, course)
        assert "Applications closed" in card_of(html, "Open cohort")
        assert "Open now, until 20 May 2026" in card_of(html, "Later cohort")
        assert "Open now, until 20 May 2026" in row_of(catalogue(client), course.title_en)


def opened_pk(card: str) -> int:
    found = re.search(r'id="cohort-(\d+)"', card)
    assert found
    return int(found.group(1))


def test_the_apply_button_signs_in_first_when_the_route_is_missing(client, monkeypatch):
    from mujtama.training.views import public

    monkeypatch.setattr(public, "_apply_url", lambda pk: None)
    course = make_course()
    make_cohort(course)
    html = course_page(client, course)
    assert "Sign in to apply" in html and ">Apply<" not in html
    assert f"{reverse('account_login')}?next=".replace("/ar/", "/en/") in html


# --- plain language ---------------------------------------------------------------------------


def test_who_may_apply_and_the_priority_rules_in_plain_language(client):
    course = make_course()
    make_cohort(
        course,
        name_en="Balanced cohort",
        capacity=21,
        min_age=18,
        max_age=24,
        eligible=("SY09", "SY08"),
        prerequisites="Basic computer use",
        remote_points=25,
        vulnerable_points=10,
        gender_balance=True,
        confirmation_days=5,
    )
    make_cohort(course, name_en="Plain cohort", remote_points=0, vulnerable_points=0)
    make_cohort(course, name_en="Remote only cohort", remote_points=1, vulnerable_points=0)
    html = course_page(client, course)

    balanced = card_of(html, "Balanced cohort")
    assert "People aged 18 to 24 this year" in balanced
    assert "Al-Hasakeh" in balanced and "Deir" in balanced
    assert "Basic computer use" in balanced
    assert "Applicants who live in a remote area get 25 points." in balanced
    assert "Applicants from a vulnerable family get 10 points." in balanced
    assert "an applicant in both groups gets 35 points" in balanced
    assert "Places go from the highest score down" in balanced
    assert "whoever applied first comes first" in balanced
    assert "At most half of the places (11 of 21) go to women, or to men" in balanced
    assert "within 5 days" in balanced

    plain = card_of(html, "Plain cohort")
    assert "People living in any governorate." in plain
    assert "No prerequisites." in plain
    assert "Every applicant has the same score" in plain
    assert "remote area get" not in plain and "vulnerable family get" not in plain
    assert "At most half" not in plain

    assert "Applicants who live in a remote area get 1 point." in card_of(html, "Remote only")
    assert "vulnerable family" not in card_of(html, "Remote only")


# --- filters and pagination -----------------------------------------------------------------


@time_machine.travel(FROZEN, tick=False)
def test_catalogue_filters(client):
    make_cohort(make_course(title_en="Deir web", level="beginner"), governorate_pcode="SY09")
    make_cohort(
        make_course(title_en="Aleppo data", level="advanced", mode="blended"),
        governorate_pcode="SY02",
    )
    make_cohort(make_course(title_en="Online for all", mode="online"), governorate_pcode=None)
    make_cohort(
        make_course(title_en="Online for Damascus", mode="online"),
        governorate_pcode=None,
        eligible=("SY01",),
    )
    make_cohort(
        make_course(title_en="Later design"),
        applications_open_on=date(2026, 5, 10),
        applications_close_on=date(2026, 5, 20),
        starts_on=date(2026, 6, 1),
        ends_on=date(2026, 7, 1),
    )
    everything = {
        "Deir web",
        "Aleppo data",
        "Online for all",
        "Online for Damascus",
        "Later design",
    }

    def titles(query: str) -> set[str]:
        html = catalogue(client, query)
        return {t for t in everything if t in html}

    assert titles("") == everything
    assert titles("governorate=SY09") == {"Deir web", "Online for all", "Later design"}
    assert titles("governorate=SY01") == {"Online for all", "Online for Damascus"}
    assert titles("level=advanced") == {"Aleppo data"}
    assert titles("mode=online") == {"Online for all", "Online for Damascus"}
    assert titles("mode=online&governorate=SY02") == {"Online for all"}
    assert titles("open=on") == everything - {"Later design"}
    assert titles("open=on&governorate=SY09") == {"Deir web", "Online for all"}
    # A value that is not a choice is dropped, not an error.
    assert titles("level=expert&governorate=XX99&mode=") == everything
    assert "No course matches your choice" in catalogue(client, "level=intermediate")


def test_the_catalogue_is_paginated(client):
    provider = organization()
    for n in range(27):
        make_cohort(make_course(provider, title_en=f"Numbered course {n:02d}"))
    first = catalogue(client)
    assert "27 courses" in first and "Page 1 of 2" in first
    assert first.count("Numbered course") == 25
    assert catalogue(client, "page=2").count("Numbered course") == 2


# --- results and small-cell suppression -------------------------------------------------------


def test_completion_rate_is_suppressed_from_fewer_than_5(client):
    four = make_course(title_en="Four graduates")
    graduates(four, completed=4)
    five = make_course(title_en="Five graduates")
    graduates(five, completed=5)
    four_of_six = make_course(title_en="Four of six")
    graduates(four_of_six, completed=4, dropped=2)

    html = results_of(course_page(client, four))
    assert "fewer than 5" in figure(html, "Completion rate")
    assert "100%" not in html
    assert figure(results_of(course_page(client, five)), "Completion rate") == "100%"
    # 4 of 6 is 67%, but the 4 people are fewer than 5.
    assert "fewer than 5" in figure(results_of(course_page(client, four_of_six)), "Completion rate")
    assert figure(results_of(course_page(client, four)), "Cohorts finished") == "1"

    html = providers(client)
    assert "fewer than 5" in row_of(html, "Four graduates")
    assert ">100%<" in row_of(html, "Five graduates")
    assert "أقل من 5" in row_of(providers(client, "ar"), four.provider.name_ar)


def test_completion_rate_counts_those_who_did_not_complete(client):
    course = make_course()
    graduates(course, completed=5, dropped=1)
    graduates(course, completed=4, dropped=0)
    html = results_of(course_page(client, course))
    assert figure(html, "Completion rate") == "90%"
    assert figure(html, "Cohorts finished") == "2"


def test_employment_rate_is_suppressed_from_fewer_than_5(client):
    four = make_course(title_en="Four answered")
    _cohort, done = graduates(four, completed=6)
    five = make_course(title_en="Five answered")
    _cohort, done_five = graduates(five, completed=6)
    followups_answer(
        dict.fromkeys(done[:4], "employed")
        | dict.fromkeys(done_five[:3], "self_employed")
        | dict.fromkeys(done_five[3:5], "employed")
        | {done_five[5]: "studying"}
    )
    html = results_of(course_page(client, four))
    assert "fewer than 5" in figure(html, "Graduates in work")
    html = results_of(course_page(client, five))
    # 5 of the 6 who answered work: employed or self-employed.
    assert figure(html, "Graduates in work") == "83%"
    listed = providers(client)
    assert "fewer than 5" in row_of(listed, "Four answered")
    assert ">83%<" in row_of(listed, "Five answered")


def test_employment_counts_the_latest_answer_only(client):
    course = make_course()
    _cohort, done = graduates(course, completed=5)
    followups_answer(dict.fromkeys(done, "looking"), months=3)
    assert figure(results_of(course_page(client, course)), "Graduates in work") == "0%"
    followups_answer(dict.fromkeys(done, "employed"), months=6)
    assert figure(results_of(course_page(client, course)), "Graduates in work") == "100%"


def test_results_of_a_provider_add_its_courses_and_no_one_elses(client):
    provider = organization(name_en="Deir Tech Hub")
    graduates(make_course(provider), completed=3)
    graduates(make_course(provider), completed=2, dropped=5)
    graduates(make_course(), completed=9)
    row = row_of(providers(client), "Deir Tech Hub")
    assert ">2<" in row  # cohorts finished
    assert ">50%<" in row  # 5 of 10


# --- queries, languages, methods ------------------------------------------------------------


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_courses(count: int, *, finished: bool = False) -> None:
    pcodes = ["SY01", "SY02", "SY03", "SY04", "SY05", "SY09"]
    for n in range(count):
        course = make_course(
            organization(), title_en=f"Grown {n}", co_provider=organization() if n % 2 else None
        )
        make_cohort(course, governorate_pcode=pcodes[n % 6], eligible=(pcodes[(n + 1) % 6],))
        make_cohort(course, governorate_pcode=None, name_en=f"Online {n}")
        make_cohort(course, status="finished", **dates_for("finished"))


def test_catalogue_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    _more_courses(3)
    few = _queries(client, CATALOGUE.format(lang="en"))
    filtered = _queries(client, CATALOGUE.format(lang="en") + "?governorate=SY01&open=on")
    _more_courses(12)
    with django_assert_max_num_queries(few):
        assert catalogue(client).count("Grown ") == 15
    with django_assert_max_num_queries(filtered):
        catalogue(client, "governorate=SY01&open=on")


def test_providers_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    _more_courses(3)
    graduates(Course.objects.first(), completed=5)
    few = _queries(client, PROVIDERS.format(lang="en"))
    _more_courses(12)
    graduates(Course.objects.last(), completed=2, dropped=3)
    with django_assert_max_num_queries(few):
        assert providers(client).count("Grown ") == 15


def test_course_page_queries_do_not_grow_with_cohorts(client, django_assert_max_num_queries):
    course = make_course()
    make_cohort(course, eligible=("SY01", "SY02"))
    few = _queries(client, COURSE.format(lang="en", pk=course.pk))
    for n in range(6):
        make_cohort(course, eligible=("SY01", "SY03"), governorate_pcode=None)
        make_cohort(course, status="running", name_en=f"Running {n}")
    with django_assert_max_num_queries(few):
        course_page(client, course)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_pages_render_in_arabic_and_english(client, lang, direction):
    course = make_course(
        title_ar="تحليل البيانات للمبتدئين", title_en="Data analysis for beginners"
    )
    make_cohort(course)
    title = "تحليل البيانات للمبتدئين" if lang == "ar" else "Data analysis for beginners"
    for url in (
        CATALOGUE.format(lang=lang),
        COURSE.format(lang=lang, pk=course.pk),
        PROVIDERS.format(lang=lang),
    ):
        html = page(client, url)
        assert f'<html lang="{lang}" dir="{direction}">' in html, url
        assert title in html, url


def test_public_pages_refuse_writes(client):
    course = make_course()
    make_cohort(course)
    for url in (
        CATALOGUE.format(lang="en"),
        COURSE.format(lang="en", pk=course.pk),
        PROVIDERS.format(lang="en"),
    ):
        assert client.post(url).status_code == 405
