"""Program managers' pages: programs, the call builder (rules, questions, rubric),
publishing and amending calls, the applications of a call, screening, reviewer
assignment with its conflict-of-interest control, decisions and the ranking."""

import io
import re
import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from mujtama.accounts.tests.factories import staff_user
from mujtama.notifications.models import Notification
from mujtama.organizations.models import (
    LegalStatus,
    OrganizationKind,
    Scope,
)
from mujtama.organizations.tests.factories import (
    PDF_BYTES,
    OrganizationFactory,
    add_member,
    make_member,
)
from mujtama.programs.models import (
    Application,
    Award,
    Call,
    CallQuestion,
    CallVersion,
    Program,
    Review,
)
from mujtama.programs.notices import CHANGE_NAMES
from mujtama.programs.services import applications as application_services
from mujtama.programs.services import calls as call_services
from mujtama.programs.services import reviews as review_services

pytestmark = pytest.mark.django_db

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")
REASON = "نرجو إرفاق خطة العمل التفصيلية والميزانية."


# --- helpers -------------------------------------------------------------------------------------


def surl(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(f"programs_staff:{name}", args=args)


def text(response: Any) -> str:
    return response.content.decode()


def flashed(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def rows(html: str, table: int = -1) -> list[str]:
    """The rows of a table body of the page (the last table by default)."""
    bodies = re.findall(r"<tbody>(.*?)</tbody>", html, re.S)
    return re.findall(r"<tr>(.*?)</tr>", bodies[table], re.S)


def cells(row: str) -> list[list[str]]:
    """The words of each cell of a table row."""
    return [
        re.sub(r"<[^>]+>", " ", cell).split()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    ]


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


QUESTIONS = [
    {
        "kind": "text",
        "label_ar": "اسم المشروع المختصر",
        "label_en": "Short project name",
        "help_ar": "",
        "help_en": "",
        "required": True,
        "choices": [],
        "max_length": 80,
        "min_value": None,
        "max_value": None,
    },
    {
        "kind": "long_text",
        "label_ar": "وصف المشروع",
        "label_en": "Project description",
        "help_ar": "",
        "help_en": "",
        "required": True,
        "choices": [],
        "max_length": None,
        "min_value": None,
        "max_value": None,
    },
    {
        "kind": "number",
        "label_ar": "عدد المستفيدين",
        "label_en": "Number of beneficiaries",
        "help_ar": "",
        "help_en": "",
        "required": False,
        "choices": [],
        "max_length": None,
        "min_value": Decimal(1),
        "max_value": Decimal(10000),
    },
    {
        "kind": "choice",
        "label_ar": "مجال العمل",
        "label_en": "Field of work",
        "help_ar": "",
        "help_en": "",
        "required": True,
        "choices": [
            {"value": "edu", "label_ar": "تعليم", "label_en": "Education"},
            {"value": "health", "label_ar": "صحة", "label_en": "Health"},
        ],
        "max_length": None,
        "min_value": None,
        "max_value": None,
    },
    {
        "kind": "file",
        "label_ar": "خطة العمل",
        "label_en": "Work plan",
        "help_ar": "",
        "help_en": "",
        "required": False,
        "choices": [],
        "max_length": None,
        "min_value": None,
        "max_value": None,
    },
]
RUBRIC = [
    {
        "name_ar": "الأثر",
        "name_en": "Impact",
        "description_ar": "",
        "description_en": "",
        "weight": 2,
    },
    {
        "name_ar": "الجدوى",
        "name_en": "Feasibility",
        "description_ar": "",
        "description_en": "",
        "weight": 1,
    },
]


def make_program(manager: Any, **fields: Any) -> Program:
    values: dict[str, Any] = {
        "kind": "partnership",
        "ministry": "moct",
        "name_ar": "برنامج الشراكات الرقمية",
        "name_en": "Digital Partnerships Program",
        "description_ar": "برنامج لدعم المبادرات الرقمية.",
        "description_en": "A program supporting digital initiatives.",
        "is_published": True,
    }
    values.update(fields)
    return call_services.program_save(actor=manager, **values)


def make_call(
    manager: Any,
    program: Program,
    *,
    publish: bool = True,
    rules: list[dict[str, Any]] | None = None,
    rubric: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Call:
    now = timezone.now()
    values: dict[str, Any] = {
        "title_ar": "دعوة الشمول الرقمي",
        "title_en": "Digital Inclusion Call",
        "text_ar": "ندعو الجهات إلى تقديم مشاريع الشمول الرقمي.",
        "text_en": "Organizations are invited to propose digital inclusion projects.",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=20),
        "budget": Decimal(50_000_000),
        "max_award": Decimal(5_000_000),
        "reviewers_per_application": 2,
    }
    values.update(fields)
    call = call_services.call_save_draft(
        actor=manager,
        program=program,
        eligibility_rules=rules if rules is not None else [{"type": "membership_current"}],
        questions=[dict(q) for q in QUESTIONS],
        rubric=[dict(c) for c in (rubric or RUBRIC)],
        **values,
    )
    if publish:
        call = call_services.call_publish(actor=manager, call=call)
    return call


def member_org(**fields: Any) -> Any:
    organization: Any = OrganizationFactory(**fields)
    make_member(organization)
    return organization


def start(call: Call, organization: Any, title: str = "مشروع تجريبي") -> Application:
    return application_services.application_start(
        actor=organization.created_by, call=call, lead=organization, title=title
    )


def submit(
    call: Call, organization: Any, title: str = "مشروع تجريبي", partners: tuple = ()
) -> Application:
    application = start(call, organization, title)
    questions = {q.label_en: q.pk for q in call.questions.filter(is_active=True)}
    for partner in partners:
        invitation = application_services.partner_invite(
            actor=organization.created_by, application=application, partner=partner
        )
        application_services.partner_answer(
            actor=partner.created_by, partner=invitation, confirm=True
        )
    errors = application_services.application_save(
        actor=organization.created_by,
        application=application,
        requested_amount=Decimal(1_000_000),
        answers={
            questions["Short project name"]: "منصة تعلم",
            questions["Project description"]: "تدريب الشباب على المهارات الرقمية في الأرياف.",
            questions["Number of beneficiaries"]: "250",
            questions["Field of work"]: "edu",
        },
        files={questions["Work plan"]: (io.BytesIO(PDF_BYTES), "خطة-العمل.pdf")},
    )
    assert errors == {}
    return application_services.application_submit(
        actor=organization.created_by, application=application
    )


def close_and_review(manager: Any, call: Call) -> Call:
    """Move the call past its window (as the clock would) and start the review."""
    call_services.calls_tick(now=call.closes_at + timedelta(seconds=1))
    call.refresh_from_db()
    return call_services.call_start_review(actor=manager, call=call)


def to_review(manager: Any, application: Application) -> Application:
    application = application_services.application_decide(
        actor=manager, application=application, action="start_screening"
    )
    return application_services.application_decide(
        actor=manager, application=application, action="pass_screening"
    )


def reviewed(
    manager: Any, application: Application, reviewer: Any, scores: dict[str, int]
) -> Review:
    """A submitted review with the scores given by criterion English name."""
    review = review_services.review_assign(
        actor=manager, application=application, reviewer=reviewer
    )
    review = review_services.review_declare(actor=reviewer, review=review, conflict=False)
    criteria = {c.name_en: c.pk for c in application.call.rubric.filter(is_active=True)}
    review_services.review_score(
        actor=reviewer,
        review=review,
        scores={criteria[name]: (value, f"تعليق على {name}") for name, value in scores.items()},
        comment="مراجعة جيدة",
    )
    review.refresh_from_db()
    return review_services.review_submit(actor=reviewer, review=review)


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "40",
    }


def call_post(
    *,
    questions: list[dict[str, Any]] | None = None,
    rubric: list[dict[str, Any]] | None = None,
    empty_rows: int = 2,
    **fields: Any,
) -> dict[str, Any]:
    """What the call builder sends: the fields, the rule fields, and the rows."""
    data: dict[str, Any] = {
        "title_ar": "دعوة المهارات الرقمية 2026",
        "title_en": "Digital Skills Call 2026",
        "text_ar": "دعوة لتقديم مشاريع تدريب.",
        "text_en": "A call for training projects.",
        "opens_at": "2026-03-01T09:00",
        "closes_at": "2026-04-15T23:59",
        "budget": "20000000",
        "max_award": "2000000",
        "reviewers_per_application": "2",
    }
    data.update(fields)
    questions = (
        questions
        if questions is not None
        else [
            {
                "kind": "text",
                "label_ar": "ما اسم المشروع؟",
                "label_en": "Project name?",
                "required": "on",
            }
        ]
    )
    rubric = (
        rubric if rubric is not None else [{"name_ar": "الأثر", "name_en": "Impact", "weight": "3"}]
    )
    for prefix, items in (("q", questions), ("r", rubric)):
        initial = sum(1 for item in items if item.get("id"))
        data.update(management(prefix, len(items) + empty_rows, initial))
        for number, item in enumerate(items):
            for name, value in item.items():
                data[f"{prefix}-{number}-{name}"] = value
        for number in range(len(items), len(items) + empty_rows):
            if prefix == "q":
                data[f"{prefix}-{number}-required"] = "on"
            else:
                data[f"{prefix}-{number}-weight"] = "1"
    return data


@pytest.fixture
def manager(program_manager: Any) -> Any:
    return program_manager


@pytest.fixture
def manager_client(client: Any, manager: Any) -> Any:
    client.force_login(manager)
    return client


@pytest.fixture
def program(manager: Any) -> Program:
    return make_program(manager)


# --- programs ------------------------------------------------------------------------------------


def test_a_manager_creates_a_program_with_co_hosts_and_target_groups(manager_client, manager):
    university = member_org(
        kind=OrganizationKind.UNIVERSITY, name_ar="جامعة دمشق الافتراضية", name_en="Damascus VU"
    )
    institute = member_org(
        kind=OrganizationKind.RESEARCH_INSTITUTE,
        scope=Scope.INTERNATIONAL,
        legal_status=LegalStatus.NOT_APPLICABLE,
        name_ar="معهد برلين للبحوث",
        name_en="Berlin Research Institute",
    )
    not_member = OrganizationFactory(name_ar="جمعية غير عضو", name_en="Not a member")
    response = manager_client.get(surl("program_new"))
    assert response.status_code == 200
    html = text(response)
    assert "جامعة دمشق الافتراضية" in html and "معهد برلين للبحوث" in html
    assert "جمعية غير عضو" not in html  # only members of the framework co-host
    response = manager_client.post(
        surl("program_new"),
        {
            "kind": "joint_research",
            "ministry": "moct",
            "name_ar": "برنامج البحث المشترك",
            "name_en": "Joint Research Program",
            "description_ar": "بحوث مشتركة مع الجامعات.",
            "description_en": "Joint research with universities.",
            "co_hosts": [university.pk, institute.pk],
            "target_groups": ["youth", "remote_areas"],
            "is_published": "on",
        },
    )
    created = Program.objects.get(name_en="Joint Research Program")
    assert response.status_code == 302
    assert response["Location"] == surl("program", created.pk)
    assert set(created.co_hosts.all()) == {university, institute}
    assert created.target_groups == ["youth", "remote_areas"]
    assert created.is_published and created.created_by == manager
    assert not_member not in created.co_hosts.all()
    html = text(manager_client.get(surl("program", created.pk)))
    assert "برنامج البحث المشترك" in html and "معهد برلين للبحوث" in html
    assert surl("call_new", created.pk) in html
    listing = text(manager_client.get(surl("programs")))
    assert "برنامج البحث المشترك" in listing and surl("program_new") in listing


def test_a_program_form_with_mistakes_keeps_what_was_typed(manager_client):
    response = manager_client.post(
        surl("program_new"),
        {
            "kind": "training",
            "ministry": "",
            "name_ar": "برنامج التدريب الصيفي",
            "name_en": "",
            "description_ar": "وصف",
            "description_en": "Description",
            "target_groups": ["vulnerable_families"],
        },
    )
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert "برنامج التدريب الصيفي" in html
    assert 'value="vulnerable_families" checked' in html or re.search(
        r'value="vulnerable_families"[^>]*checked', html
    )
    assert not Program.objects.exists()


def test_a_program_is_changed_through_its_page(manager_client, program):
    html = text(manager_client.get(surl("program_edit", program.pk)))
    assert "برنامج الشراكات الرقمية" in html
    data = {
        "kind": "training",
        "ministry": "mosal",
        "name_ar": "برنامج الشراكات الرقمية المجدد",
        "name_en": "Renewed Digital Partnerships",
        "description_ar": program.description_ar,
        "description_en": program.description_en,
    }
    response = manager_client.post(surl("program_edit", program.pk), data)
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.kind, program.ministry, program.is_published) == ("training", "mosal", False)
    assert program.name_en == "Renewed Digital Partnerships"


def test_the_programs_page_shows_counts_by_state_in_constant_queries(
    manager_client, manager, program
):
    call = make_call(manager, program)
    submit(call, member_org())
    start(call, member_org())

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get(surl("programs", lang="en"))
        assert response.status_code == 200
        return len(captured), text(response)

    few, html = queries()
    assert "Submitted: 1" in html and "Draft: 1" in html
    for number in range(4):
        other = make_program(manager, name_ar=f"برنامج {number}", name_en=f"Program {number}")
        extra = make_call(manager, other)
        submit(extra, member_org())
    many, html = queries()
    assert "Program 3" in html
    assert many == few, (few, many)


# --- the call builder ----------------------------------------------------------------------------


EVERY_RULE: dict[str, Any] = {
    "rule_membership": "on",
    "rule_kinds": ["tech_ngo", "university"],
    "rule_legal_statuses": ["licensed", "not_applicable"],
    "rule_scope": "domestic",
    "rule_governorates": ["SY01", "SY04"],
    "rule_expertise": ["software", "digital_skills"],
    "rule_founded_years": "2",
    "rule_min_members": "10",
    "rule_consortium_kind": "university",
}
EVERY_QUESTION = [
    {
        "kind": "text",
        "label_ar": "اسم المشروع",
        "label_en": "Project name",
        "required": "on",
        "max_length": "120",
    },
    {
        "kind": "long_text",
        "label_ar": "وصف المشروع",
        "label_en": "Description",
        "help_ar": "بإيجاز",
        "help_en": "Briefly",
        "required": "on",
    },
    {
        "kind": "number",
        "label_ar": "عدد المتدربين",
        "label_en": "Trainees",
        "min_value": "10",
        "max_value": "500",
    },
    {
        "kind": "choice",
        "label_ar": "الفئة المستهدفة",
        "label_en": "Target group",
        "required": "on",
        "choices": "youth | الشباب | Young people\nremote | المناطق النائية | Remote areas",
    },
    {"kind": "file", "label_ar": "خطة العمل", "label_en": "Work plan"},
]
EVERY_CRITERION = [
    {
        "name_ar": "الأثر",
        "name_en": "Impact",
        "description_ar": "أثر المشروع",
        "description_en": "Impact of the project",
        "weight": "3",
    },
    {"name_ar": "الجدوى", "name_en": "Feasibility", "weight": "1"},
]


def test_a_manager_builds_a_call_with_every_rule_question_and_rubric(
    manager_client, manager, program
):
    manager.time_zone = "Europe/Berlin"  # the window is still read in Damascus time
    manager.save(update_fields=["time_zone"])
    response = manager_client.get(surl("call_new", program.pk))
    assert response.status_code == 200
    html = text(response)
    assert 'type="datetime-local"' in html
    assert "بتوقيت دمشق، أياً كانت المنطقة الزمنية" in html
    assert html.count('name="q-') > 6 * 10  # six empty question rows
    response = manager_client.post(
        surl("call_new", program.pk),
        call_post(questions=EVERY_QUESTION, rubric=EVERY_CRITERION, **EVERY_RULE),
    )
    call = Call.objects.get()
    assert response.status_code == 302, text(response)
    assert response["Location"] == surl("call", call.pk)
    assert call.status == "draft" and call.program == program and call.created_by == manager
    assert call.opens_at == datetime(2026, 3, 1, 9, 0, tzinfo=DAMASCUS)
    assert call.closes_at == datetime(2026, 4, 15, 23, 59, tzinfo=DAMASCUS)
    assert (call.budget, call.max_award) == (Decimal(20_000_000), Decimal(2_000_000))
    assert call.eligibility_rules == [
        {"type": "membership_current"},
        {"type": "kind_in", "values": ["tech_ngo", "university"]},
        {"type": "legal_status_in", "values": ["licensed", "not_applicable"]},
        {"type": "scope_is", "value": "domestic"},
        {"type": "governorates_any", "values": ["SY01", "SY04"]},
        {
            "type": "expertise_any",
            "values": ["software", "digital_skills"],
            "names": {
                "software": ["تطوير البرمجيات", "Software development"],
                "digital_skills": ["التدريب على المهارات الرقمية", "Digital skills training"],
            },
        },
        {"type": "founded_years_ago", "value": 2},
        {"type": "min_members", "value": 10},
        {"type": "consortium_includes_kind", "value": "university"},
    ]
    questions = list(call.questions.all())
    assert [q.kind for q in questions] == ["text", "long_text", "number", "choice", "file"]
    assert questions[0].max_length == 120 and questions[0].required
    assert (questions[1].help_ar, questions[1].help_en) == ("بإيجاز", "Briefly")
    assert (questions[2].min_value, questions[2].max_value) == (Decimal(10), Decimal(500))
    assert not questions[2].required
    assert questions[3].choices == [
        {"value": "youth", "label_ar": "الشباب", "label_en": "Young people"},
        {"value": "remote", "label_ar": "المناطق النائية", "label_en": "Remote areas"},
    ]
    assert [(c.name_en, c.weight) for c in call.rubric.all()] == [("Impact", 3), ("Feasibility", 1)]
    # The overview explains the rules in words, without the database for the areas.
    html = text(manager_client.get(surl("call", call.pk, lang="en")))
    assert "Software development" in html and "Homs" in html
    assert "The consortium (the lead organization or a partner) includes: University" in html
    # Opening the builder again shows what was saved, in Damascus time.
    html = text(manager_client.get(surl("call_edit", call.pk)))
    assert 'value="2026-03-01T09:00"' in html
    assert "youth | الشباب | Young people" in html
    assert f'name="q-0-id" value="{questions[0].pk}"' in html


def test_saving_a_draft_again_updates_its_questions_in_place(manager_client, manager, program):
    manager_client.post(surl("call_new", program.pk), call_post(questions=EVERY_QUESTION))
    call = Call.objects.get()
    first = list(call.questions.values_list("pk", flat=True))
    changed = [dict(q, id=str(pk)) for q, pk in zip(EVERY_QUESTION, first, strict=True)]
    changed[0]["label_en"] = "Name of the project"
    changed[4]["DELETE"] = "on"
    response = manager_client.post(surl("call_edit", call.pk), call_post(questions=changed))
    assert response.status_code == 302
    assert (
        list(call.questions.values_list("pk", flat=True)) == first[:4]
    )  # the file question deleted
    assert call.questions.get(pk=first[0]).label_en == "Name of the project"


BAD_INPUTS = [
    pytest.param(
        {"opens_at": "2026-05-01T10:00", "closes_at": "2026-04-01T10:00"},
        "The call must close after it opens.",
        id="closes-before-opens",
    ),
    pytest.param(
        {
            "questions": [
                {
                    "kind": "choice",
                    "label_ar": "اختر واحداً",
                    "label_en": "Choose one",
                    "choices": "only | وحيد | Only",
                }
            ]
        },
        "A choice question needs at least two options.",
        id="choice-with-one-option",
    ),
    pytest.param(
        {
            "questions": [
                {
                    "kind": "choice",
                    "label_ar": "اختر واحداً",
                    "label_en": "Choose one",
                    "choices": "a | أ\nb | ب | B",
                }
            ]
        },
        "Line 1: write the value, the Arabic and the English wording separated by |.",
        id="choice-line-malformed",
    ),
    pytest.param(
        {"rubric": [{"name_ar": "الأثر", "name_en": "Impact", "weight": ""}]},
        "Give the criterion a weight from 1 to 100.",
        id="rubric-without-weight",
    ),
    pytest.param(
        {"rubric": [{"name_ar": "الأثر", "name_en": "Impact", "weight": "0"}]},
        "Ensure this value is greater than or equal to 1.",
        id="rubric-weight-zero",
    ),
    pytest.param(
        {"questions": [{"kind": "text", "label_ar": "", "label_en": "Project name?"}]},
        "Write the question in Arabic.",
        id="question-without-arabic",
    ),
    pytest.param(
        {"rubric": [{"name_ar": "", "name_en": "Impact", "weight": "2"}]},
        "Write the criterion in Arabic.",
        id="criterion-without-arabic",
    ),
    pytest.param(
        {"questions": [{"label_ar": "سؤال", "label_en": "A question"}]},
        "Choose the kind of answer.",
        id="question-without-kind",
    ),
    pytest.param(
        {"rubric": []},
        "The scoring rubric needs at least one criterion.",  # said by the service
        id="no-rubric",
    ),
    pytest.param(
        {"opens_at": "not a date", "budget": "abc"},
        "Enter a valid date/time.",
        id="garbage",
    ),
    pytest.param(
        {"max_award": "30000000"},
        "The maximum award cannot exceed the budget.",
        id="award-above-budget",
    ),
]


@pytest.mark.parametrize(("changes", "message"), BAD_INPUTS)
def test_a_call_with_mistakes_is_shown_again_with_the_reasons_and_what_was_typed(
    manager_client, program, changes, message
):
    data = call_post(**changes)
    response = manager_client.post(surl("call_new", program.pk, lang="en"), data)
    assert response.status_code == 200
    html = text(response)
    assert 'class="error-summary"' in html
    assert escape(message) in html, plain(html)[:3000]
    assert "Digital Skills Call 2026" in html and "دعوة المهارات الرقمية 2026" in html
    for name, value in data.items():
        if name.startswith(("q-0-label", "r-0-name", "q-0-choices")) and value:
            assert escape(value) in html, name
    assert not Call.objects.exists()


def test_a_valid_row_is_kept_while_another_row_is_wrong(manager_client, program):
    questions = [
        {"kind": "text", "label_ar": "السؤال الأول", "label_en": "First question"},
        {
            "kind": "number",
            "label_ar": "عدد",
            "label_en": "Count",
            "min_value": "9",
            "max_value": "3",
        },
    ]
    response = manager_client.post(
        surl("call_new", program.pk, lang="en"), call_post(questions=questions)
    )
    html = text(response)
    assert response.status_code == 200
    assert "Question 2, Largest number accepted" in plain(html)
    assert "السؤال الأول" in html and 'value="9"' in html and 'value="3"' in html


# --- publishing and amending ---------------------------------------------------------------------


def test_a_draft_call_is_published_from_its_page(manager_client, manager, program):
    call = make_call(manager, program, publish=False)
    html = text(manager_client.get(surl("call", call.pk, lang="en")))
    assert 'name="action" value="publish"' in html
    response = manager_client.post(surl("call_act", call.pk), {"action": "publish"})
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.status == "published" and call.published_at is not None
    assert CallVersion.objects.filter(call=call, version=1).exists()
    html = text(manager_client.get(surl("call", call.pk, lang="en")))
    assert 'name="action" value="publish"' not in html
    assert "First published version" in html
    # An action the call cannot take now is refused, not a 500.
    response = manager_client.post(surl("call_act", call.pk), {"action": "publish_results"})
    assert response.status_code == 302
    assert flashed(response)
    response = manager_client.post(surl("call_act", call.pk), {"action": "nonsense"})
    assert response.status_code == 302


@pytest.fixture
def open_call(manager, program):
    call = make_call(manager, program)
    call_services.calls_tick()
    call.refresh_from_db()
    assert call.status == "open"
    return call


def _edit_data(call: Call, **changes: Any) -> dict[str, Any]:
    """What the builder sends back for the call as it is, with some changes."""
    from mujtama.programs.manager_forms import CallForm, question_formset, rubric_formset

    form = CallForm(initial=CallForm.initial_from(call), call=call)
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value in (None, "", [], False):
            continue
        if isinstance(value, list):
            data[name] = value
        elif value is True:
            data[name] = "on"
        else:
            data[name] = (
                str(field.widget.format_value(value))
                if hasattr(field.widget, "format_value")
                else str(value)
            )
    for formset in (question_formset(call=call), rubric_formset(call=call)):
        management_form = formset.management_form
        for name in management_form.fields:
            data[management_form.add_prefix(name)] = management_form[name].value()
        for row in formset:
            for name in row.fields:
                value = row[name].value()
                if value is True:
                    data[row.add_prefix(name)] = "on"
                elif value not in (None, "", False):
                    data[row.add_prefix(name)] = str(value)
    data.update(changes)
    return data


def test_amending_an_open_call_makes_a_new_version_and_tells_draft_applicants(
    manager_client, manager, open_call, django_capture_on_commit_callbacks
):
    drafting = member_org(name_ar="جمعية المسودة", name_en="Drafting Association")
    draft = start(open_call, drafting)
    submitter = member_org(name_ar="جمعية المقدّمة", name_en="Submitting Association")
    submitted = submit(open_call, submitter)
    assert submitted.call_version == 1
    questions_before = list(open_call.questions.values_list("pk", flat=True))

    html = text(manager_client.get(surl("call_edit", open_call.pk, lang="en")))
    assert "Saving a change makes version 2" in html
    assert "1 organization has a draft application: it will be told what changed." in html
    assert "1 application already submitted keeps the version it was judged against." in html

    new_close = timezone.localtime(open_call.closes_at + timedelta(days=7), DAMASCUS)
    data = _edit_data(
        open_call,
        closes_at=new_close.strftime("%Y-%m-%dT%H:%M"),
        **{
            "q-5-kind": "text",
            "q-5-label_ar": "رابط الموقع",
            "q-5-label_en": "Website link",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(surl("call_edit", open_call.pk, lang="en"), data)
    assert response.status_code == 302, plain(text(response))[:3000]
    assert any("version 2" in message for message in flashed(response))
    open_call.refresh_from_db()
    assert open_call.version == 2 and open_call.status == "open"
    version = CallVersion.objects.get(call=open_call, version=2)
    assert version.changes == ["closes_at", "questions"]
    assert version.created_by == manager
    # Existing questions were updated in place, the new one added.
    after = list(open_call.questions.values_list("pk", flat=True))
    assert after[:5] == questions_before and len(after) == 6
    # The draft's people are told what changed; the submitted one keeps version 1.
    recipient = drafting.created_by
    told = Notification.objects.filter(
        recipient=recipient, kind="programs_call", dedupe_key__startswith="call-amended:"
    )
    assert told.exists()
    with translation.override(recipient.language):
        what = [str(CHANGE_NAMES["closes_at"]), str(CHANGE_NAMES["questions"])]
    for body in told.values_list("body", flat=True):
        assert "2" in body and all(name in body for name in what), body
    assert not Notification.objects.filter(
        recipient=submitter.created_by, dedupe_key__startswith="call-amended:"
    ).exists()
    submitted.refresh_from_db()
    draft.refresh_from_db()
    assert submitted.call_version == 1 and draft.call_version is None
    # The overview shows the history.
    html = text(manager_client.get(surl("call", open_call.pk, lang="en")))
    assert "the closing date" in html and "the questions" in html


def test_amending_without_a_change_keeps_the_version(manager_client, open_call):
    response = manager_client.post(
        surl("call_edit", open_call.pk, lang="en"), _edit_data(open_call)
    )
    assert response.status_code == 302
    assert any("Nothing changed" in message for message in flashed(response))
    open_call.refresh_from_db()
    assert open_call.version == 1


def test_an_amendment_with_mistakes_keeps_what_was_typed(manager_client, open_call):
    data = _edit_data(open_call, title_en="A better title", **{"q-0-label_ar": ""})
    response = manager_client.post(surl("call_edit", open_call.pk, lang="en"), data)
    assert response.status_code == 200
    html = text(response)
    assert "Write the question in Arabic." in html and "A better title" in html
    open_call.refresh_from_db()
    assert open_call.version == 1 and open_call.title_en == "Digital Inclusion Call"


def test_a_closed_call_is_read_only(manager_client, manager, open_call):
    close_and_review(manager, open_call)
    response = manager_client.get(surl("call_edit", open_call.pk, lang="en"))
    html = text(response)
    assert response.status_code == 200
    assert "<fieldset disabled>" in html
    assert "Save the draft call" not in html and "Amend the call (makes" not in html
    assert 'name="q-TOTAL_FORMS" value="5"' in html  # the saved questions, no empty rows
    response = manager_client.post(
        surl("call_edit", open_call.pk), _edit_data(open_call, title_en="Changed late")
    )
    assert response.status_code == 302
    open_call.refresh_from_db()
    assert open_call.title_en == "Digital Inclusion Call"


def test_a_draft_published_meanwhile_is_not_amended_unawares(manager_client, manager, program):
    call = make_call(manager, program, publish=False)
    data = _edit_data(call, title_en="Changed while someone published", mode="draft")
    call_services.call_publish(actor=manager, call=call)
    response = manager_client.post(surl("call_edit", call.pk, lang="en"), data)
    assert response.status_code == 200
    html = text(response)
    assert "The call was published meanwhile: saving now makes version 2" in html
    assert 'name="mode" value="amend"' in html
    assert "Changed while someone published" in html
    call.refresh_from_db()
    assert call.version == 1 and call.title_en == "Digital Inclusion Call"


# --- the call's overview -------------------------------------------------------------------------


def test_the_call_page_lists_its_applications_in_constant_queries(
    manager_client, manager, open_call
):
    university = member_org(kind=OrganizationKind.UNIVERSITY)
    first = submit(open_call, member_org(name_en="First Lead"), partners=(university,))
    start(open_call, member_org(name_en="Still Drafting"))

    def queries() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get(surl("call", open_call.pk, lang="en"))
        assert response.status_code == 200
        return len(captured), text(response)

    few, html = queries()
    row = rows(html, table=0)[0]
    assert "First Lead" in row and "Submitted" in row and "Eligible" in row
    assert ">1<" in row  # one partner
    assert "Still Drafting" not in html
    assert "1 application is still a draft (not listed)." in html
    assert surl("application", first.pk, lang="en") in html
    for _number in range(5):
        submit(open_call, member_org(), partners=(member_org(kind=OrganizationKind.COMPANY),))
    many, html = queries()
    assert len(rows(html, table=0)) == 6
    assert many == few, (few, many)


# --- the ranking ---------------------------------------------------------------------------------


@pytest.fixture
def reviewers(db):
    return [staff_user("reviewer", full_name=f"مراجع {n}") for n in range(1, 4)]


def ranked_call(
    manager: Any, program: Program, reviewers: list[Any], scores: list[tuple], name: str = "Lead"
) -> tuple[Call, list[Application]]:
    """A call under review with one application per entry of ``scores``: the
    (impact, feasibility) scores of the first and second reviewer."""
    call = make_call(manager, program)
    applications = [
        submit(call, member_org(name_en=f"{name} {n}"), title=f"Project {n}")
        for n in range(len(scores))
    ]
    close_and_review(manager, call)
    for application, (first, second) in zip(applications, scores, strict=True):
        application = to_review(manager, application)
        reviewed(manager, application, reviewers[0], {"Impact": first[0], "Feasibility": first[1]})
        reviewed(
            manager, application, reviewers[1], {"Impact": second[0], "Feasibility": second[1]}
        )
    return call, applications


def test_the_ranking_matches_a_hand_computed_example(manager_client, manager, program, reviewers):
    # Weights: impact 2, feasibility 1. Reviewer score = (2·impact + feasibility) / 3.
    #   Project 0: (5,4) → 14/3 = 4.67 ; (4,5) → 13/3 = 4.33 ; mean 4.50, spread 0.33
    #   Project 1: (5,5) → 5.00        ; (4,4) → 4.00        ; mean 4.50, spread 1.00
    #   Project 2: (5,5) → 5.00        ; (1,2) → 4/3 = 1.33  ; mean 3.17, spread 3.67 (disagree)
    call, _applications = ranked_call(
        manager, program, reviewers, [((5, 4), (4, 5)), ((5, 5), (4, 4)), ((5, 5), (1, 2))]
    )
    response = manager_client.get(surl("ranking", call.pk, lang="en"))
    assert response.status_code == 200
    html = text(response)
    assert "Impact" in html and "Feasibility" in html
    table = [cells(row) for row in rows(html)]
    summary = [(row[0], " ".join(row[1]), row[3], row[4], row[5][0]) for row in table]
    assert sorted(summary[:2]) == [
        (["1"], "Project 0", ["4.50"], ["4.67", "·", "4.33"], "0.33"),
        (["1"], "Project 1", ["4.50"], ["5.00", "·", "4.00"], "1.00"),
    ]
    assert summary[2] == (["3"], "Project 2", ["3.17"], ["5.00", "·", "1.33"], "3.67")
    disagree = [row for row in rows(html) if "Reviewers disagree" in row]
    assert len(disagree) == 1 and "Project 2" in disagree[0]


def test_the_ranking_queries_do_not_grow_with_the_applications(
    manager_client, manager, program, reviewers
):
    def queries(call: Call) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get(surl("ranking", call.pk))
        assert response.status_code == 200
        assert len(rows(text(response))) == call.applications.count()
        return len(captured)

    small, _ = ranked_call(manager, program, reviewers, [((3, 3), (4, 4))] * 3)
    large, _ = ranked_call(manager, program, reviewers, [((3, 3), (4, 4))] * 30, name="Big")
    assert queries(small) == queries(large)


# --- an application: assignment and decisions ----------------------------------------------------


@pytest.fixture
def under_review(manager, open_call):
    partner = member_org(
        kind=OrganizationKind.UNIVERSITY, name_ar="جامعة الشريك", name_en="Partner University"
    )
    application = submit(open_call, member_org(name_en="Lead Org"), partners=(partner,))
    close_and_review(manager, open_call)
    application = to_review(manager, application)
    application.partner_org = partner  # type: ignore[attr-defined]
    return application


def test_a_member_of_the_consortium_cannot_be_assigned_as_reviewer(
    manager_client, manager, under_review, reviewers
):
    insider = add_member(under_review.partner_org, reviewers[2])
    response = manager_client.get(surl("application", under_review.pk, lang="en"))
    html = text(response)
    marked = re.findall(rf'<option value="{insider.pk}"[^>]*>[^<]*</option>', html)
    assert len(marked) == 1
    assert "disabled" in marked[0] and "cannot review" in marked[0]
    assert "Partner University" in marked[0]
    free = re.findall(rf'<option value="{reviewers[0].pk}"[^>]*>', html)
    assert len(free) == 1 and "disabled" not in free[0]
    assert "0 of 2 reviewers" in html
    response = manager_client.post(
        surl("assign", under_review.pk, lang="en"), {"reviewer": insider.pk}
    )
    assert response.status_code == 200
    assert "can never review it" in text(response)
    assert not Review.objects.filter(reviewer=insider).exists()
    response = manager_client.post(surl("assign", under_review.pk), {"reviewer": reviewers[0].pk})
    assert response.status_code == 302
    assert Review.objects.filter(application=under_review, reviewer=reviewers[0]).exists()
    html = text(manager_client.get(surl("application", under_review.pk, lang="en")))
    assert "1 of 2 reviewers" in html
    assert f'<option value="{reviewers[0].pk}"' not in html  # already assigned


def test_the_application_page_shows_everything_about_it(
    manager_client, manager, under_review, reviewers
):
    reviewed(manager, under_review, reviewers[0], {"Impact": 4, "Feasibility": 3})
    conflicted = review_services.review_assign(
        actor=manager, application=under_review, reviewer=reviewers[1]
    )
    review_services.review_declare(
        actor=reviewers[1], review=conflicted, conflict=True, note="عملت سابقاً مع الجهة المتقدمة"
    )
    response = manager_client.get(surl("application", under_review.pk, lang="en"))
    assert response.status_code == 200
    html = text(response)
    work_plan = CallQuestion.objects.get(call=under_review.call, label_en="Work plan")
    with translation.override("en"):
        file_link = reverse("programs:answer_file", args=[under_review.pk, work_plan.pk])
    assert file_link in html and "خطة-العمل.pdf" in html
    assert "Education" in html  # the choice answer, by its label
    assert "250" in html and "منصة تعلم" in html
    assert "Partner University" in html and "Confirmed" in html
    assert "version 1 of the call" in html
    assert "A member of the national framework" in html  # the stored eligibility result
    assert "عملت سابقاً مع الجهة المتقدمة" in html  # the declared conflict and its note
    assert "تعليق على Impact" in html
    assert "3.67" in html  # (2·4 + 3) / 3
    assert "1 of 2 reviewers" in html


def test_the_application_page_queries_do_not_grow_with_reviews_and_partners(
    manager_client, manager, open_call, reviewers
):
    def queries(application: Application) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get(surl("application", application.pk))
        assert response.status_code == 200
        return len(captured)

    small = submit(open_call, member_org(), title="Small", partners=(member_org(),))
    large = submit(
        open_call,
        member_org(),
        title="Large",
        partners=tuple(member_org(kind=OrganizationKind.COMPANY) for _ in range(3)),
    )
    more = [*reviewers, *(staff_user("reviewer") for _ in range(3))]
    close_and_review(manager, open_call)
    small, large = to_review(manager, small), to_review(manager, large)
    reviewed(manager, small, more[0], {"Impact": 3, "Feasibility": 3})
    for person in more[:4]:
        reviewed(manager, large, person, {"Impact": 4, "Feasibility": 2})
    assert queries(small) == queries(large)


def test_screening_information_review_shortlist_award_and_results(
    manager_client, manager, open_call, reviewers, django_capture_on_commit_callbacks
):
    lead = member_org(name_en="Awarded Lead")
    application = submit(open_call, lead, title="Winning Project")
    other = submit(open_call, member_org(name_en="Other Lead"), title="Other Project")
    close_and_review(manager, open_call)

    def act(target: Application, action: str, **values: Any) -> Any:
        return manager_client.post(
            surl("application_act", target.pk, lang="en"), {"action": action, **values}
        )

    def state(target: Application) -> str:
        target.refresh_from_db()
        return target.status

    assert act(application, "start_screening").status_code == 302
    assert state(application) == "screening"
    # Asking for information needs a reason.
    response = act(application, "request_info", reason="")
    assert response.status_code == 200 and "Please give a reason." in text(response)
    assert state(application) == "screening"
    with django_capture_on_commit_callbacks(execute=True):
        assert act(application, "request_info", reason=REASON).status_code == 302
    assert state(application) == "more_info"
    assert application.info_request == REASON
    assert Notification.objects.filter(
        recipient=lead.created_by, kind="programs_application"
    ).exists()
    html = text(manager_client.get(surl("application", application.pk, lang="en")))
    assert REASON in html and 'value="pass_screening"' not in html
    # The applicant provides the information.
    application_services.application_provide_info(actor=lead.created_by, application=application)
    assert state(application) == "screening"
    assert act(application, "pass_screening").status_code == 302
    assert state(application) == "under_review"
    reviewed(manager, application, reviewers[0], {"Impact": 5, "Feasibility": 4})
    assert act(application, "shortlist").status_code == 302
    assert state(application) == "shortlisted"
    # Awarding more than the call's maximum is refused, and what was typed stays.
    html = text(manager_client.get(surl("application", application.pk, lang="en")))
    assert 'name="amount"' in html and "5,000,000" in html
    response = act(
        application,
        "award",
        reason="مشروع متميز",
        amount="6000000",
        terms_ar="تسليم تقرير ربعي",
        terms_en="Quarterly report",
    )
    assert response.status_code == 200
    html = text(response)
    assert "At most 5000000 SYP can be awarded." in html
    assert "مشروع متميز" in html and "تسليم تقرير ربعي" in html and 'value="6000000"' in html
    assert state(application) == "shortlisted" and not Award.objects.exists()
    # Publishing the results is refused while an application is undecided.
    response = manager_client.post(
        surl("call_act", open_call.pk, lang="en"), {"action": "publish_results"}
    )
    assert any("Decide every application" in message for message in flashed(response))
    open_call.refresh_from_db()
    assert open_call.status == "reviewing"
    # Within the maximum (Arabic digits accepted).
    response = act(
        application,
        "award",
        reason="مشروع متميز",
        amount="٤٬٥٠٠٬٠٠٠",
        terms_ar="تسليم تقرير ربعي",
        terms_en="Quarterly report",
    )
    assert response.status_code == 302
    assert state(application) == "awarded"
    award = Award.objects.get(application=application)
    assert award.amount == Decimal(4_500_000) and award.terms_en == "Quarterly report"
    assert award.awarded_by == manager
    response = manager_client.post(
        surl("call_act", open_call.pk, lang="en"), {"action": "publish_results"}
    )
    assert any("1 left" in message for message in flashed(response))
    # The other application: screened out with a reason.
    act(other, "start_screening")
    assert act(other, "screen_out", reason="خارج نطاق الدعوة").status_code == 302
    assert state(other) == "not_selected"
    response = manager_client.post(surl("call_act", open_call.pk), {"action": "publish_results"})
    assert response.status_code == 302
    open_call.refresh_from_db()
    assert open_call.status == "results_published"


def test_an_action_not_available_now_is_refused_without_error(
    manager_client, manager, under_review
):
    response = manager_client.post(
        surl("application_act", under_review.pk, lang="en"),
        {"action": "award", "reason": "x", "amount": "100"},
    )
    assert response.status_code == 200
    assert "is not possible while the item is" in text(response)
    response = manager_client.post(
        surl("application_act", under_review.pk, lang="en"), {"action": "delete_everything"}
    )
    assert response.status_code == 200
    under_review.refresh_from_db()
    assert under_review.status == "under_review"


# --- who may use these pages ---------------------------------------------------------------------


@pytest.fixture
def every_route(manager, under_review):
    call = under_review.call
    program = call.program
    return [
        ("programs", ()),
        ("program_new", ()),
        ("program", (program.pk,)),
        ("program_edit", (program.pk,)),
        ("call_new", (program.pk,)),
        ("call", (call.pk,)),
        ("call_edit", (call.pk,)),
        ("call_act", (call.pk,)),
        ("ranking", (call.pk,)),
        ("application", (under_review.pk,)),
        ("assign", (under_review.pk,)),
        ("application_act", (under_review.pk,)),
    ]


@pytest.mark.parametrize("name", ["citizen", "reviewer", "analyst", "moct_officer", "org_owner"])
def test_other_people_get_403_on_every_route(client, persona, name, every_route):
    client.force_login(persona(name))
    for route, args in every_route:
        assert client.get(surl(route, *args)).status_code in (403, 405), route
        assert client.post(surl(route, *args), {"action": "publish"}).status_code == 403, route


def test_a_moct_officer_without_a_second_factor_gets_403(
    client, staff_without_second_factor, every_route
):
    client.force_login(staff_without_second_factor)
    for route, args in every_route:
        assert client.get(surl(route, *args)).status_code in (403, 405), route


def test_a_manager_without_a_second_factor_is_sent_to_set_it_up(client, every_route):
    client.force_login(staff_user("program_manager", second_factor=False))
    with translation.override("ar"):
        setup = reverse("mfa_activate_totp")
    for route, args in every_route:
        response = client.get(surl(route, *args))
        assert response.status_code == 302 and response["Location"] == setup, route


def test_anonymous_visitors_are_sent_to_sign_in(client, every_route):
    for route, args in every_route:
        response = client.get(surl(route, *args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], route


def test_a_manager_reaches_every_page(manager_client, every_route):
    for route, args in every_route:
        response = manager_client.get(surl(route, *args))
        assert response.status_code in (200, 405), route
