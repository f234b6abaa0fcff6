"""The public pages of programs and calls, and the rule descriptions they show."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from mujtama.organizations.models import MemberRole, OrganizationKind
from mujtama.organizations.tests.factories import OrganizationFactory, add_member, make_member
from mujtama.programs import display
from mujtama.programs.models import Call, CallStatus, Ministry, Program, ProgramKind
from mujtama.programs.services.applications import (
    application_decide,
    application_save,
    application_start,
    application_submit,
)
from mujtama.programs.services.calls import (
    call_amend,
    call_publish,
    call_publish_results,
    call_save_draft,
    call_start_review,
    calls_tick,
    program_save,
)

pytestmark = pytest.mark.django_db

PROGRAMS = "/{lang}/programs/"
QUESTIONS = [
    {
        "kind": "long_text",
        "label_ar": "صف المشروع",
        "label_en": "Describe the project",
        "help_ar": "بإيجاز",
        "help_en": "In a few lines",
        "required": True,
    },
    {
        "kind": "choice",
        "label_ar": "مدة المشروع",
        "label_en": "Length of the project",
        "required": False,
        "choices": [
            {"value": "short", "label_ar": "قصيرة", "label_en": "Short"},
            {"value": "long", "label_ar": "طويلة", "label_en": "Long"},
        ],
    },
]
RUBRIC = [
    {"name_ar": "الأهمية", "name_en": "Relevance", "description_en": "Fits the call", "weight": 3},
    {"name_ar": "الجدوى", "name_en": "Feasibility", "weight": 1},
]
RULES = [
    {"type": "membership_current"},
    {"type": "governorates_any", "values": ["SY01", "SY02"]},
    {
        "type": "expertise_any",
        "values": ["digital_skills"],
        "names": {"digital_skills": ["المهارات الرقمية", "Digital skills"]},
    },
    {"type": "consortium_includes_kind", "value": OrganizationKind.UNIVERSITY},
    {"type": "min_members", "value": 5},
]


def text(response) -> str:
    return response.content.decode()


def make_program(manager, *, kind=ProgramKind.TRAINING, published=True, **fields) -> Program:
    values = {
        "kind": kind,
        "ministry": Ministry.MOCT,
        "name_ar": "برنامج المهارات الرقمية",
        "name_en": "Digital Skills Programme",
        "description_ar": "برنامج لتدريب الشباب على المهارات الرقمية.",
        "description_en": "A programme that trains young people in digital skills.",
        "is_published": published,
        **fields,
    }
    return program_save(actor=manager, target_groups=["youth", "remote_areas"], **values)


def make_call(
    manager,
    program,
    *,
    opens_at=None,
    closes_at=None,
    rules=(),
    publish=True,
    **fields,
) -> Call:
    """A call through the services: drafted, published and moved by the clock. A
    call that closed in the past is published while it could be (closing in an
    hour), and its real closing date is set before the clock closes it."""
    now = timezone.now()
    past_close = closes_at if closes_at is not None and closes_at <= now else None
    if past_close is not None:
        closes_at = now + timedelta(hours=1)
    values = {
        "title_ar": "دعوة التدريب الأولى",
        "title_en": "First training call",
        "text_ar": "نص الدعوة بالعربية.",
        "text_en": "The text of the call in English.",
        "opens_at": opens_at or now - timedelta(days=1),
        "closes_at": closes_at or now + timedelta(days=30),
        "budget": Decimal(150000000),
        "max_award": Decimal(2500000),
        **fields,
    }
    call = call_save_draft(
        actor=manager,
        program=program,
        eligibility_rules=list(rules),
        questions=QUESTIONS,
        rubric=RUBRIC,
        **values,
    )
    if publish:
        call = call_publish(actor=manager, call=call)
        calls_tick()
        if past_close is not None:
            Call.objects.filter(pk=call.pk).update(closes_at=past_close)
            calls_tick()
        call.refresh_from_db()
    return call


def call_url(call, lang="en") -> str:
    return f"/{lang}/calls/{call.pk}/"


@pytest.fixture
def program(program_manager):
    return make_program(program_manager)


@pytest.fixture
def member_org(org_owner):
    """A current member the owner runs, in Damascus and Deir-ez-Zor, with digital
    skills and software."""
    organization = OrganizationFactory(
        created_by=org_owner, name_ar="جمعية الأمل", name_en="Hope Association"
    )
    make_member(organization)
    return organization


# --- rule descriptions --------------------------------------------------------------------


def test_every_rule_type_is_described_in_each_language():
    with translation.override("en"):
        english = display.describe_rules(RULES)
    assert english[0].startswith("The lead organization is a current member")
    assert "Damascus, Aleppo" in english[1]
    assert "Digital skills" in english[2]
    assert "University" in english[3]
    assert "5 members" in english[4]
    with translation.override("ar"):
        arabic = display.describe_rules(RULES)
    assert "دمشق، حلب" in arabic[1]
    assert "المهارات الرقمية" in arabic[2]


def test_area_names_fall_back_to_the_areas_of_expertise():
    rule = {"type": "expertise_any", "values": ["software", "nonexistent"]}
    with translation.override("en"):
        sentence = display.describe_rule(rule)
    assert "Software" in sentence or "software" in sentence.lower()
    assert "nonexistent" in sentence


@pytest.mark.parametrize(
    "rule",
    [
        None,
        "membership_current",
        {},
        {"type": 5},
        {"type": "governorates_any", "values": "SY01"},
        {"type": "expertise_any", "values": [], "names": "x"},
        {"type": "expertise_any", "values": ["a"], "names": {"a": "broken"}},
        {"type": "consortium_includes_kind", "value": ["university"]},
        {"type": "min_members", "value": "many"},
        {"type": "no_such_rule"},
    ],
)
def test_a_malformed_rule_gets_a_generic_sentence(rule):
    with translation.override("en"):
        assert isinstance(display.describe_rule(rule), str)
        assert display.describe_rule(rule)
    assert len(display.describe_rules([rule, {"type": "membership_current"}])) == 2


def test_money_has_thousands_separators_and_the_currency():
    with translation.override("en"):
        assert display.money(Decimal(2500000)) == "2,500,000 SYP"
    with translation.override("ar"):
        assert display.money(Decimal(2500000)) == "2,500,000 ل.س"
    assert display.money(None) == ""


# --- the programs page --------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_programs_page_renders_in_each_language(client, program, program_manager, lang, direction):
    make_call(program_manager, program)
    response = client.get(PROGRAMS.format(lang=lang))
    assert response.status_code == 200
    page = text(response)
    assert f'<html lang="{lang}" dir="{direction}">' in page
    title = "دعوة التدريب الأولى" if lang == "ar" else "First training call"
    assert title in page
    assert ("150,000,000 ل.س" if lang == "ar" else "150,000,000 SYP") in page


def test_programs_page_shows_the_program_facts(client, program_manager):
    host = OrganizationFactory(name_en="Damascus University")
    program = make_program(program_manager)
    program.co_hosts.add(host)
    page = text(client.get(PROGRAMS.format(lang="en")))
    assert "Digital Skills Programme" in page
    assert "Ministry of Communications and Information Technology" in page
    assert "Damascus University" in page
    assert "Young people" in page
    assert "People in remote areas" in page
    assert "trains young people" in page


def test_unpublished_programs_and_draft_calls_are_not_shown(client, program, program_manager):
    hidden = make_program(program_manager, published=False, name_en="Hidden Programme")
    make_call(program_manager, hidden, title_en="Call of a hidden programme")
    make_call(program_manager, program, title_en="Draft call", publish=False)
    page = text(client.get(PROGRAMS.format(lang="en")))
    assert "Hidden Programme" not in page
    assert "Call of a hidden programme" not in page
    assert "Draft call" not in page


def _section(page: str, key: str) -> str:
    match = re.search(rf'<section aria-labelledby="calls-{key}".*?</section>', page, re.S)
    assert match, key
    return match.group(0)


def test_calls_are_grouped_by_the_clock(client, program, program_manager):
    now = timezone.now()
    make_call(program_manager, program, title_en="Open call")
    make_call(
        program_manager,
        program,
        title_en="Upcoming call",
        opens_at=now + timedelta(days=3),
        closes_at=now + timedelta(days=40),
    )
    make_call(
        program_manager,
        program,
        title_en="Closed call",
        opens_at=now - timedelta(days=40),
        closes_at=now - timedelta(days=2),
    )
    page = text(client.get(PROGRAMS.format(lang="en")))
    assert "Open call" in _section(page, "open")
    assert "Upcoming call" in _section(page, "upcoming")
    assert "Closed call" in _section(page, "closed")
    assert "Upcoming call" not in _section(page, "open")

    # Four days later, the upcoming call is open, before the periodic task runs. (The
    # cached page expired long before: its entries live a minute, in real time.)
    cache.clear()
    with time_machine.travel(now + timedelta(days=4), tick=False):
        later = text(client.get(PROGRAMS.format(lang="en")))
    assert "Upcoming call" in _section(later, "open")
    assert "Upcoming call" not in _section(later, "upcoming")


def test_programs_can_be_filtered_by_kind(client, program, program_manager):
    research = make_program(
        program_manager, kind=ProgramKind.JOINT_RESEARCH, name_en="Research Programme"
    )
    make_call(program_manager, program, title_en="Training call")
    make_call(program_manager, research, title_en="Research call")
    page = text(client.get(PROGRAMS.format(lang="en"), {"kind": "joint_research"}))
    assert "Research call" in page
    assert "Research Programme" in page
    assert "Training call" not in page
    assert "Digital Skills Programme" not in page
    assert '<option value="joint_research" selected>' in page
    # An unknown kind is ignored rather than refused.
    everything = client.get(PROGRAMS.format(lang="en"), {"kind": "spaceship"})
    assert everything.status_code == 200
    assert "Training call" in text(everything)


def test_dates_name_their_time_zone(client, program, program_manager):
    make_call(program_manager, program)
    page = text(client.get(PROGRAMS.format(lang="en")))
    assert "(Damascus time)" in page


def _queries(client, url) -> int:
    """The queries of building the page (not of serving it from the cache)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _calls_everywhere(manager, programs, count):
    now = timezone.now()
    windows = [
        (None, None),
        (now + timedelta(days=5), now + timedelta(days=50)),
        (now - timedelta(days=50), now - timedelta(days=5)),
    ]
    for number in range(count):
        opens_at, closes_at = windows[number % 3]
        make_call(
            manager,
            programs[number % len(programs)],
            opens_at=opens_at,
            closes_at=closes_at,
            title_en=f"Call {number}",
        )


def test_programs_page_queries_do_not_grow_with_calls(client, program_manager):
    host = OrganizationFactory()
    programs = [make_program(program_manager, name_en=f"Programme {n}") for n in range(3)]
    for item in programs:
        item.co_hosts.add(host)
    _calls_everywhere(program_manager, programs, 3)
    few = _queries(client, PROGRAMS.format(lang="en"))
    more = [make_program(program_manager, name_en=f"More {n}") for n in range(4)]
    _calls_everywhere(program_manager, programs + more, 17)
    many = _queries(client, PROGRAMS.format(lang="en"))
    assert Call.objects.count() == 20
    assert few == many


def test_program_page_shows_its_calls_only(client, program, program_manager):
    other = make_program(program_manager, name_en="Other Programme")
    make_call(program_manager, program, title_en="Mine")
    make_call(program_manager, other, title_en="Not mine")
    response = client.get(f"/en/programs/{program.pk}/")
    assert response.status_code == 200
    page = text(response)
    assert "Mine" in page
    assert "Not mine" not in page
    assert 'dir="ltr"' in page
    assert 'dir="rtl"' in text(client.get(f"/ar/programs/{program.pk}/"))


def test_unpublished_program_page_is_not_found(client, program_manager):
    hidden = make_program(program_manager, published=False)
    assert client.get(f"/en/programs/{hidden.pk}/").status_code == 404
    assert client.get("/en/programs/999999/").status_code == 404


def test_program_page_queries_do_not_grow_with_calls(client, program, program_manager):
    _calls_everywhere(program_manager, [program], 3)
    few = _queries(client, f"/en/programs/{program.pk}/")
    _calls_everywhere(program_manager, [program], 17)
    assert few == _queries(client, f"/en/programs/{program.pk}/")


def test_public_pages_refuse_writes(client, program):
    assert client.post(PROGRAMS.format(lang="en")).status_code == 405


# --- the call page ------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_call_page_renders_in_each_language(client, program, program_manager, lang, direction):
    call = make_call(program_manager, program, rules=RULES)
    response = client.get(call_url(call, lang))
    assert response.status_code == 200
    page = text(response)
    assert f'<html lang="{lang}" dir="{direction}">' in page
    if lang == "ar":
        assert "نص الدعوة بالعربية." in page
        assert "صف المشروع" in page
        assert "دمشق، حلب" in page
        assert "2,500,000 ل.س" in page
    else:
        assert "The text of the call in English." in page
        assert "2,500,000 SYP" in page


def test_call_page_explains_the_call(client, program, program_manager):
    call = make_call(program_manager, program, rules=RULES)
    page = text(client.get(call_url(call)))
    assert "Open now" in page
    assert "(Damascus time)" in page
    assert "150,000,000 SYP" in page
    with translation.override("en"):
        for sentence in display.describe_rules(RULES):
            assert escape(sentence) in page
    assert "Describe the project" in page
    assert "In a few lines" in page
    assert "Long text" in page
    assert "required" in page
    assert "optional" in page
    assert "Short" in page
    assert "Relevance" in page
    assert "3 of 4" in page
    assert "Feasibility" in page
    assert "1 of 4" in page


def test_call_page_says_when_an_upcoming_call_opens_and_when_a_closed_one_closed(
    client, program, program_manager
):
    now = timezone.now()
    upcoming = make_call(
        program_manager,
        program,
        opens_at=now + timedelta(days=3),
        closes_at=now + timedelta(days=30),
    )
    closed = make_call(
        program_manager,
        program,
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=3),
    )
    assert "Opens on" in text(client.get(call_url(upcoming)))
    assert "Closed on" in text(client.get(call_url(closed)))


def test_a_draft_call_is_not_found(client, program, program_manager):
    draft = make_call(program_manager, program, publish=False)
    assert client.get(call_url(draft)).status_code == 404
    hidden = make_program(program_manager, published=False)
    call = make_call(program_manager, hidden)
    assert client.get(call_url(call)).status_code == 404


def test_a_signed_in_person_sees_the_deadline_in_their_time_zone(
    client, program, program_manager, citizen
):
    closes = datetime(2031, 1, 15, 21, 30, tzinfo=UTC)
    call = make_call(
        program_manager,
        program,
        opens_at=datetime(2030, 12, 1, 6, 0, tzinfo=UTC),
        closes_at=closes,
    )
    damascus = text(client.get(call_url(call)))
    assert "(Damascus time)" in damascus
    assert "16 January 2031, 00:30" in damascus  # UTC+3
    citizen.time_zone = "Europe/Berlin"
    citizen.save()
    client.force_login(citizen)
    berlin = text(client.get(call_url(call)))
    assert "(Central European time (Berlin, Paris))" in berlin
    assert "15 January 2031, 22:30" in berlin  # UTC+1
    assert "(Damascus time)" not in berlin


def test_an_amended_call_says_what_changed(client, program, program_manager):
    call = make_call(program_manager, program)
    call_amend(
        actor=program_manager,
        call=call,
        eligibility_rules=[{"type": "membership_current"}],
        questions=QUESTIONS,
        rubric=RUBRIC,
        title_ar=call.title_ar,
        title_en=call.title_en,
        text_ar=call.text_ar,
        text_en=call.text_en,
        opens_at=call.opens_at,
        closes_at=call.closes_at + timedelta(days=7),
        budget=call.budget,
        max_award=call.max_award,
    )
    page = text(client.get(call_url(call)))
    assert "Amended on" in page
    assert "(version 2)" in page
    assert "the closing date" in page
    assert "the eligibility rules" in page


# --- eligibility of the person's organizations ----------------------------------------------


def _box(page: str) -> str:
    match = re.search(r'<section aria-labelledby="mine-title".*?</section>', page, re.S)
    assert match
    return match.group(0)


def test_anonymous_visitors_are_invited_to_sign_in(client, program, program_manager):
    call = make_call(program_manager, program, rules=RULES)
    box = _box(text(client.get(call_url(call))))
    assert "/accounts/login/?next=" in box
    assert "Apply for" not in box


def test_each_organization_of_the_person_gets_every_rule_with_its_reason(
    client, program, program_manager, org_owner, member_org
):
    OrganizationFactory(created_by=org_owner, name_en="Not Yet A Member", members_count=2)
    watched = OrganizationFactory(name_en="Only Watching")
    add_member(watched, org_owner, MemberRole.VIEWER)
    call = make_call(program_manager, program, rules=RULES)
    client.force_login(org_owner)
    box = _box(text(client.get(call_url(call))))
    assert "Hope Association" in box
    assert "Not Yet A Member" in box
    assert "Only Watching" not in box  # viewers cannot apply
    assert box.count("check-pass") + box.count("check-fail") == 2 * len(RULES)
    assert "not eligible" in box  # both fail the consortium rule
    assert "Only members of the national framework may apply" in box
    assert "Works in Damascus" in box
    assert "The consortium must include: University" in box
    assert "2 members" in box  # the outsider's member count
    assert box.count("Apply for") == 2
    assert f"/my/applications/calls/{call.pk}/apply/?organization={member_org.pk}" in box


def test_eligible_organization_is_told_so_and_its_application_is_linked(
    client, program, program_manager, org_owner, member_org
):
    call = make_call(program_manager, program, rules=RULES[:3])
    client.force_login(org_owner)
    box = _box(text(client.get(call_url(call))))
    assert ">eligible<" in box
    assert "not eligible" not in box
    application = application_start(
        actor=org_owner, call=call, lead=member_org, title="Digital skills in Deir-ez-Zor"
    )
    box = _box(text(client.get(call_url(call))))
    assert f"/my/applications/{application.pk}/" in box
    assert "Apply for" not in box


def test_no_apply_link_when_the_call_does_not_accept_submissions(
    client, program, program_manager, org_owner, member_org
):
    now = timezone.now()
    call = make_call(
        program_manager,
        program,
        rules=RULES[:1],
        opens_at=now + timedelta(days=2),
        closes_at=now + timedelta(days=9),
    )
    client.force_login(org_owner)
    box = _box(text(client.get(call_url(call))))
    assert "Hope Association" in box
    assert "Apply for" not in box
    assert "does not accept applications now" in box


def test_a_person_without_organizations_is_pointed_to_registering_one(
    client, program, program_manager, citizen
):
    call = make_call(program_manager, program, rules=RULES)
    client.force_login(citizen)
    box = _box(text(client.get(call_url(call))))
    assert "/my/organizations/new/" in box


# --- results --------------------------------------------------------------------------------


def _awarded_call(program_manager, org_owner, program, member_org):
    """A call that closes tomorrow, one application submitted, then awarded."""
    now = timezone.now()
    loser = OrganizationFactory(created_by=org_owner, name_en="Unlucky Association")
    make_member(loser)
    call = make_call(program_manager, program, rules=RULES[:3], closes_at=now + timedelta(days=1))
    applications = []
    for organization, title in ((member_org, "Coding clubs"), (loser, "Secret plan")):
        application = application_start(actor=org_owner, call=call, lead=organization, title=title)
        question = call.questions.get(label_en="Describe the project")
        assert (
            application_save(
                actor=org_owner, application=application, answers={question.pk: "Clubs"}
            )
            == {}
        )
        applications.append(application_submit(actor=org_owner, application=application))
    with time_machine.travel(now + timedelta(days=2), tick=False):
        calls_tick()
        call.refresh_from_db()
        assert call.status == CallStatus.CLOSED
        call = call_start_review(actor=program_manager, call=call)
        winner, other = applications
        for action in ("start_screening", "pass_screening", "shortlist"):
            winner = application_decide(actor=program_manager, application=winner, action=action)
        application_decide(
            actor=program_manager,
            application=winner,
            action="award",
            reason="Strong plan",
            amount=Decimal(1750000),
        )
        other = application_decide(
            actor=program_manager, application=other, action="start_screening"
        )
        application_decide(
            actor=program_manager, application=other, action="screen_out", reason="Too vague"
        )
    return call


def test_awards_are_shown_only_once_results_are_published(
    client, program, program_manager, org_owner, member_org, django_capture_on_commit_callbacks
):
    call = _awarded_call(program_manager, org_owner, program, member_org)
    before = text(client.get(call_url(call)))  # now in the cache
    assert "Coding clubs" not in before
    assert "1,750,000 SYP" not in before
    with django_capture_on_commit_callbacks(execute=True):
        call_publish_results(actor=program_manager, call=call)
    after = text(client.get(call_url(call)))
    assert "Results: awards" in after
    assert "Hope Association" in after
    assert "Coding clubs" in after
    assert "1,750,000 SYP" in after
    # Nothing about the applications that were not awarded.
    assert "Secret plan" not in after
    assert "Unlucky Association" not in after
    assert "Too vague" not in after


def test_call_page_queries_do_not_grow_with_the_call(client, program, program_manager):
    few = make_call(program_manager, program, rules=RULES)
    many = make_call(
        program_manager,
        program,
        rules=RULES * 3,
    )
    assert _queries(client, call_url(few)) == _queries(client, call_url(many))


def test_a_call_with_malformed_rules_still_renders(
    client, program, program_manager, org_owner, member_org
):
    call = make_call(program_manager, program, rules=RULES[:1])
    broken = [{"type": "min_members", "value": "many"}, "nonsense", {"type": "governorates_any"}]
    Call.objects.filter(pk=call.pk).update(eligibility_rules=broken)
    assert client.get(call_url(call)).status_code == 200
    assert client.get(f"/api/v1/calls/{call.pk}/").status_code == 200
    client.force_login(org_owner)
    response = client.get(call_url(call))
    assert response.status_code == 200
    assert "could not be checked automatically" in _box(text(response))


def test_public_pages_are_served_from_the_cache_until_programs_change(
    client, program, program_manager, citizen, django_capture_on_commit_callbacks
):
    call = make_call(program_manager, program, title_en="Coding clubs in Hama")
    urls = [PROGRAMS.format(lang="en"), f"/en/programs/{program.pk}/", call_url(call)]
    for url in urls:
        assert "Coding clubs in Hama" in text(client.get(url))
        assert _served_queries(client, url) == 0
    # A change through the services shows at once, on every page.
    with django_capture_on_commit_callbacks(execute=True):
        call_amend(
            actor=program_manager,
            call=call,
            eligibility_rules=call.eligibility_rules,
            questions=QUESTIONS,
            rubric=RUBRIC,
            title_ar=call.title_ar,
            title_en="Coding clubs in Homs",
            text_ar=call.text_ar,
            text_en=call.text_en,
            opens_at=call.opens_at,
            closes_at=call.closes_at,
            budget=call.budget,
            max_award=call.max_award,
        )
    for url in urls:
        page = text(client.get(url))
        assert "Coding clubs in Homs" in page
        assert "Coding clubs in Hama" not in page
    # Readers in another time zone get their own copy, with their dates.
    citizen.time_zone = "Europe/Berlin"
    citizen.save()
    client.force_login(citizen)
    assert "(Central European time (Berlin, Paris))" in text(client.get(urls[0]))


def _served_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
