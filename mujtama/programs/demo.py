"""Demo programs (development only): five programs of the two ministries, a call in
every state (one of them amended to a second version), applications in every state,
many of them consortia, reviews in every state with a ranking that has a tie and a
disagreement, and awards with published results.

Everything goes through the services, as people would do it on the site, so the
audit log, the timelines and the notifications are real: organization owners apply,
invite partners and submit; partners' owners confirm or decline; the program manager
(programs@demo.mujtama.sy) writes and publishes the calls, screens, assigns reviewers
and decides; the reviewers declare conflicts of interest, score and submit. The
clock's own steps (a call opening and closing, deadline reminders) are taken as the
periodic task takes them, with no actor.

The only direct writes move dates into the past (when a call was drafted, published,
opened and closed; when an application was started, submitted and decided; when a
partner answered; when a review was assigned, declared and submitted; when an award
was made and results published; when each notification was sent), so that the
calls, queues and inboxes look like a platform that has been running for months. A
call whose window is over is opened with its real dates (so the opening notice names
the real deadline), kept open for the applications to be submitted, then given back
its closing date.

Besides the reviewer persona, two outside experts get reviewer accounts
(reviewer.<name>@demo.mujtama.sy, with the personas' demo password and second
factor). No reviewer belongs to any organization.

The data lives in ``demo_data``; if the programs are there, nothing is created.
"""

import io
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import IO, Any
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db.models import Max
from django.utils import timezone

from mujtama.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from mujtama.accounts.models import Profile, User
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.services import user_create
from mujtama.core.arabic import normalize_ar
from mujtama.core.workflows import transition
from mujtama.geo.models import Governorate
from mujtama.notifications.models import Notification
from mujtama.organizations import demo_data as organizations_data
from mujtama.organizations.demo import OWNER_EMAILS, _pdf
from mujtama.organizations.models import ExpertiseArea, Organization
from mujtama.programs import demo_data as data
from mujtama.programs.demo_data import ApplicationSpec, CallSpec, ProgramSpec, ReviewSpec
from mujtama.programs.models import (
    Application,
    ApplicationPartner,
    Award,
    Call,
    CallQuestion,
    CallStatus,
    CallVersion,
    Program,
    Review,
    RubricCriterion,
)
from mujtama.programs.services.applications import (
    application_decide,
    application_save,
    application_start,
    application_submit,
    application_withdraw,
    partner_answer,
    partner_invite,
)
from mujtama.programs.services.calls import (
    QUESTION_FIELDS,
    RUBRIC_FIELDS,
    call_amend,
    call_publish,
    call_publish_results,
    call_save_draft,
    call_start_review,
    calls_tick,
    program_save,
)
from mujtama.programs.services.reviews import (
    review_assign,
    review_declare,
    review_score,
    review_submit,
)

MANAGER_EMAIL = "programs@demo.mujtama.sy"
DAMASCUS = ZoneInfo(settings.TIME_ZONE)
CLOSED_CALL_STATES = {"closed", "reviewing", "results_published"}


@dataclass
class Context:
    now: datetime
    today: date
    manager: User
    reviewers: dict[str, User]
    organizations: dict[str, Organization]
    area_names: dict[str, list[str]]
    password_hash: str = ""
    owners: dict[str, User] = field(default_factory=dict)
    created: Counter[str] = field(default_factory=Counter)

    def owner(self, slug: str) -> User:
        if slug not in self.owners:
            email = OWNER_EMAILS.get(slug, f"owner.{slug}@demo.mujtama.sy")
            self.owners[slug] = User.objects.get(email=email)
        return self.owners[slug]

    def day(self, days: int, hour: int, minute: int = 0) -> datetime:
        """A time of day, ``days`` from today, in Damascus."""
        day = self.today + timedelta(days=days)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=DAMASCUS)

    @contextmanager
    def dated(self, when: datetime) -> Iterator[None]:
        """Notifications sent inside the block are dated ``when``."""
        last = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        yield
        Notification.objects.filter(pk__gt=last).update(created_at=when)


def seed(out: IO[str]) -> None:
    if Program.objects.filter(name_ar=data.PROGRAMS[0].name_ar).exists():
        out.write(_summary("already present"))
        return
    ctx = _context()
    programs = {spec.slug: _program(ctx, spec) for spec in data.PROGRAMS}
    for spec in data.CALLS:
        _call(ctx, programs[spec.program], spec)
    _deadline_reminders(ctx)
    made = ", ".join(f"{n} {what}" for what, n in ctx.created.items())
    out.write(_summary(f"created {made}"))


# --- setting up ---------------------------------------------------------------------------


def _context() -> Context:
    now = timezone.now()
    slugs = {normalize_ar(org.name_ar): org.slug for org in organizations_data.ORGANIZATIONS}
    organizations = {
        slugs[org.name_ar_key]: org
        for org in Organization.objects.filter(name_ar_key__in=list(slugs))
    }
    ctx = Context(
        now=now,
        today=timezone.localtime(now, DAMASCUS).date(),
        manager=User.objects.get(email=MANAGER_EMAIL),
        reviewers={},
        organizations=organizations,
        area_names={a.code: [a.name_ar, a.name_en] for a in ExpertiseArea.objects.all()},
    )
    ctx.reviewers = {key: _reviewer(ctx, key) for key in data.REVIEWER_EMAILS}
    return ctx


def _reviewer(ctx: Context, key: str) -> User:
    """The reviewer persona, or an outside expert's account (made once)."""
    email = data.REVIEWER_EMAILS[key]
    user = User.objects.filter(email=email).first()
    if user is None:
        expert = next(e for e in data.EXPERTS if e.key == key)
        user = user_create(email=email, full_name=expert.full_name, password=None)
        # One hash for every expert: hashing is slow.
        ctx.password_hash = ctx.password_hash or make_password(DEMO_PASSWORD)
        User.objects.filter(pk=user.pk).update(password=ctx.password_hash)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Profile.objects.filter(user=user).update(
            governorate=Governorate.objects.get(pcode=expert.governorate),
            birth_year=expert.birth_year,
            sex=expert.sex,
        )
        ctx.created["reviewer accounts"] += 1
    user.groups.add(Group.objects.get(name=StaffRole.REVIEWER))
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    # Fresh from the database: the roles are read once per object.
    return User.objects.get(pk=user.pk)


def _program(ctx: Context, spec: ProgramSpec) -> Program:
    program = program_save(
        actor=ctx.manager,
        co_hosts=[ctx.organizations[slug] for slug in spec.co_hosts.split()],
        target_groups=spec.target_groups.split(),
        kind=spec.kind,
        ministry=spec.ministry,
        name_ar=spec.name_ar,
        name_en=spec.name_en,
        description_ar=spec.description_ar,
        description_en=spec.description_en,
        is_published=spec.published,
    )
    ctx.created["programs"] += 1
    return program


def _rules(ctx: Context, rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Area rules carry the areas' names, as the call form writes them."""
    return [
        {**rule, "names": {code: ctx.area_names[code] for code in rule["values"]}}
        if rule["type"] == "expertise_any"
        else dict(rule)
        for rule in rules
    ]


def _without_key(item: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in item.items() if name != "key"}


# --- a call, from draft to results --------------------------------------------------------


def _call(ctx: Context, program: Program, spec: CallSpec) -> Call:
    manager = ctx.manager
    opens, closes = ctx.day(spec.opens, 9), ctx.day(spec.closes, 23, 59)
    published = ctx.day(spec.opens - spec.published, 11) if spec.published else None
    drafted = (published or ctx.now) - timedelta(days=6)
    call = call_save_draft(
        actor=manager,
        program=program,
        eligibility_rules=_rules(ctx, spec.rules),
        questions=[_without_key(q) for q in spec.questions],
        rubric=spec.rubric,
        title_ar=spec.title_ar,
        title_en=spec.title_en,
        text_ar=spec.text_ar,
        text_en=spec.text_en,
        opens_at=opens,
        # A call is published only while it can still close in the future: a past
        # call closes an hour from now until its applications are in (below).
        closes_at=max(closes, ctx.now + timedelta(hours=1)),
        budget=Decimal(spec.budget),
        max_award=Decimal(spec.max_award),
        reviewers_per_application=spec.reviewers,
    )
    Call.objects.filter(pk=call.pk).update(created_at=drafted)
    ctx.created["calls"] += 1
    if spec.state == "draft" or published is None:
        return call
    with ctx.dated(published):
        call = call_publish(actor=manager, call=call)
    Call.objects.filter(pk=call.pk).update(published_at=published)
    CallVersion.objects.filter(call=call).update(created_at=published)
    if spec.state == "published":
        return call
    # What the periodic task does when the window opens.
    with ctx.dated(opens):
        call = transition(obj=call, action="open", actor=None)
    applications = [a for a in data.APPLICATIONS if a.call == spec.slug]
    past = closes <= ctx.now
    if past:
        # Kept open while its applications are submitted; the real date comes back after.
        Call.objects.filter(pk=call.pk).update(closes_at=ctx.now + timedelta(hours=1))
        call.refresh_from_db()
    made = [(a, _apply(ctx, call, spec, a)) for a in applications]
    if spec.slug == data.AMENDMENT.call:
        call = _amend(ctx, call, made)
    if past:
        Call.objects.filter(pk=call.pk).update(closes_at=closes)
        call.refresh_from_db()
    if spec.state not in CLOSED_CALL_STATES:
        return call
    with ctx.dated(closes):
        call = transition(obj=call, action="close", actor=None)
    _screen(ctx, spec, made)
    made = [(a, Application.objects.get(pk=application.pk)) for a, application in made]
    if spec.state == "closed":
        return call
    started = ctx.day(spec.steps["review"], 10)
    with ctx.dated(started):
        call = call_start_review(actor=manager, call=call)
    criteria = list(RubricCriterion.objects.filter(call=call, is_active=True).order_by("order"))
    for number, (app_spec, application) in enumerate(made):
        for review_spec in app_spec.reviews:
            _review(ctx, spec, application, review_spec, criteria, number)
    _decide(ctx, spec, made)
    if spec.state == "results_published":
        results = ctx.day(spec.steps["results"], 12)
        with ctx.dated(results):
            call = call_publish_results(actor=manager, call=call)
        Call.objects.filter(pk=call.pk).update(results_published_at=results)
    return call


def _apply(ctx: Context, call: Call, call_spec: CallSpec, spec: ApplicationSpec) -> Application:
    """Start, fill in, form the consortium and (unless a draft) submit, as the lead's
    owner does; each partner's owner answers the invitation."""
    owner = ctx.owner(spec.lead)
    # At some hour of the day (varied, but the same on every run).
    submitted = ctx.now - timedelta(days=spec.days, hours=3 + len(spec.title) % 6)
    started = submitted - timedelta(days=0 if spec.state == "draft" else 6)
    questions = _questions(call, call_spec)
    answers: dict[int, Any] = {}
    files: dict[int, tuple[IO[bytes], str]] = {}
    for key, value in spec.answers.items():
        question = questions[key]
        if isinstance(value, data.Doc):
            lead = ctx.organizations[spec.lead]
            pdf = _pdf(f"{lead.name_en} - {value.title_en}", f"{value.title_ar} – {lead.name_ar}")
            files[question] = (io.BytesIO(pdf), f"{value.title_ar}.pdf")
        else:
            answers[question] = value
    with ctx.dated(started):
        application = application_start(
            actor=owner, call=call, lead=ctx.organizations[spec.lead], title=spec.title
        )
        errors = application_save(
            actor=owner,
            application=application,
            requested_amount=Decimal(spec.amount),
            answers=answers,
            files=files,
        )
        if errors:
            raise RuntimeError(f"demo application {spec.title}: {errors}")
        invitations = [
            (
                partner_invite(
                    actor=owner, application=application, partner=ctx.organizations[slug]
                ),
                status,
            )
            for slug, _, status in (item.partition(":") for item in spec.partners.split())
        ]
    answered = started + timedelta(days=2)
    for invitation, status in invitations:
        if status == "invited":
            continue
        with ctx.dated(answered):
            partner_answer(
                actor=ctx.owner(_slug(ctx, invitation.organization)),
                partner=invitation,
                confirm=status == "confirmed",
            )
        ApplicationPartner.objects.filter(pk=invitation.pk).update(answered_at=answered)
    Application.objects.filter(pk=application.pk).update(created_at=started)
    ctx.created["applications"] += 1
    if spec.state == "draft":
        return application
    with ctx.dated(submitted):
        application = application_submit(actor=owner, application=application)
    Application.objects.filter(pk=application.pk).update(submitted_at=submitted)
    if spec.state == "withdrawn":
        with ctx.dated(submitted + timedelta(days=3)):
            application = application_withdraw(
                actor=owner, application=application, reason=spec.reason
            )
    return application


def _questions(call: Call, spec: CallSpec) -> dict[str, int]:
    """The ids of the call's questions by the demo's keys (matched by their order)."""
    active = call.questions.filter(is_active=True).order_by("order", "pk")
    return {
        question["key"]: pk
        for question, pk in zip(spec.questions, active.values_list("pk", flat=True), strict=True)
    }


def _slug(ctx: Context, organization: Organization) -> str:
    return next(slug for slug, org in ctx.organizations.items() if org.pk == organization.pk)


def _amend(ctx: Context, call: Call, made: list[tuple[ApplicationSpec, Application]]) -> Call:
    """Extend the deadline and add a question; drafts are told, and some answer it."""
    amendment = data.AMENDMENT
    when = ctx.now - timedelta(days=amendment.days_ago, hours=2)
    questions = [
        {"id": q.pk, **{name: getattr(q, name) for name in QUESTION_FIELDS}}
        for q in call.questions.filter(is_active=True).order_by("order", "pk")
    ]
    rubric = [
        {"id": c.pk, **{name: getattr(c, name) for name in RUBRIC_FIELDS}}
        for c in call.rubric.filter(is_active=True).order_by("order", "pk")
    ]
    with ctx.dated(when):
        call = call_amend(
            actor=ctx.manager,
            call=call,
            eligibility_rules=call.eligibility_rules,
            questions=[*questions, _without_key(amendment.question)],
            rubric=rubric,
            title_ar=call.title_ar,
            title_en=call.title_en,
            text_ar=call.text_ar,
            text_en=call.text_en,
            opens_at=call.opens_at,
            closes_at=ctx.day(amendment.closes, 23, 59),
            budget=call.budget,
            max_award=call.max_award,
            reviewers_per_application=call.reviewers_per_application,
        )
    CallVersion.objects.filter(call=call, version=call.version).update(created_at=when)
    new_question = CallQuestion.objects.filter(call=call, is_active=True).order_by("-order").first()
    assert new_question is not None
    for spec, application in made:
        answer = amendment.answers.get(spec.lead)
        if answer is None:
            continue
        application.refresh_from_db()
        errors = application_save(
            actor=ctx.owner(spec.lead),
            application=application,
            answers={new_question.pk: answer},
        )
        if errors:
            raise RuntimeError(f"demo amendment answer {spec.title}: {errors}")
    return call


def _screen(ctx: Context, spec: CallSpec, made: list[tuple[ApplicationSpec, Application]]) -> None:
    """The program team checks each submitted application after the call closes."""
    manager = ctx.manager
    for number, (app_spec, application) in enumerate(made):
        if app_spec.state in ("draft", "submitted", "withdrawn"):
            continue
        checked = ctx.day(spec.steps["screening"], 9 + number % 6)
        with ctx.dated(checked):
            application = application_decide(
                actor=manager, application=application, action="start_screening"
            )
        if app_spec.state == "screening":
            continue
        then = checked + timedelta(hours=20)
        action = {"more_info": "request_info", "screened_out": "screen_out"}.get(
            app_spec.state, "pass_screening"
        )
        with ctx.dated(then):
            application_decide(
                actor=manager, application=application, action=action, reason=app_spec.reason
            )
        if action == "screen_out":
            Application.objects.filter(pk=application.pk).update(decided_at=then)


def _review(
    ctx: Context,
    spec: CallSpec,
    application: Application,
    review_spec: ReviewSpec,
    criteria: list[RubricCriterion],
    number: int,
) -> None:
    reviewer = ctx.reviewers[review_spec.reviewer]
    assigned = ctx.day(spec.steps["review"] + 1, 10, number % 60)
    with ctx.dated(assigned):
        review = review_assign(actor=ctx.manager, application=application, reviewer=reviewer)
    ctx.created["reviews"] += 1
    dates: dict[str, datetime] = {"assigned_at": assigned}
    if review_spec.state != "assigned":
        declared = assigned + timedelta(days=1 + number % 3, hours=2)
        dates["declared_at"] = declared
        with ctx.dated(declared):
            review = review_declare(
                actor=reviewer,
                review=review,
                conflict=review_spec.state == "conflicted",
                note=review_spec.comment if review_spec.state == "conflicted" else "",
            )
    if review_spec.scores:
        notes = review_spec.notes
        review = review_score(
            actor=reviewer,
            review=review,
            scores={
                criterion.pk: (value, notes[i] if i < len(notes) else "")
                for i, (criterion, value) in enumerate(
                    zip(criteria, review_spec.scores, strict=False)
                )
            },
            comment=review_spec.comment,
        )
    if review_spec.state == "submitted":
        decided = spec.steps["decided"]
        done = ctx.day(decided - 8 + number % 5, 15 + number % 4)
        dates["submitted_at"] = done
        with ctx.dated(done):
            review_submit(actor=reviewer, review=review)
    Review.objects.filter(pk=review.pk).update(**dates)


def _decide(ctx: Context, spec: CallSpec, made: list[tuple[ApplicationSpec, Application]]) -> None:
    """Shortlist, then award or not, with the reasons the consortium reads."""
    manager = ctx.manager
    decided = ctx.day(spec.steps["decided"], 13)
    for app_spec, application in made:
        if app_spec.state in ("shortlisted", "awarded"):
            with ctx.dated(decided - timedelta(days=2)):
                application = application_decide(
                    actor=manager, application=application, action="shortlist"
                )
        if app_spec.state == "awarded":
            with ctx.dated(decided):
                application = application_decide(
                    actor=manager,
                    application=application,
                    action="award",
                    reason=app_spec.reason,
                    amount=Decimal(app_spec.award),
                    terms_ar=app_spec.terms_ar,
                    terms_en=app_spec.terms_en,
                )
            Award.objects.filter(application=application).update(awarded_at=decided)
            ctx.created["awards"] += 1
        elif app_spec.state == "not_selected":
            with ctx.dated(decided):
                application = application_decide(
                    actor=manager,
                    application=application,
                    action="not_select",
                    reason=app_spec.reason,
                )
        else:
            continue
        Application.objects.filter(pk=application.pk).update(decided_at=decided)


def _deadline_reminders(ctx: Context) -> None:
    """The periodic task as it ran when the soonest open call entered its last week:
    the drafts' owners and editors were reminded then."""
    soon = (
        Call.objects.filter(status=CallStatus.OPEN, closes_at__gt=ctx.now)
        .order_by("closes_at")
        .first()
    )
    if soon is None:
        return
    at = soon.closes_at - timedelta(days=7) + timedelta(hours=1)
    if at >= ctx.now:
        return
    with ctx.dated(at):
        calls_tick(now=at)


# --- summary ------------------------------------------------------------------------------


def _summary(what: str) -> str:
    def counts(values: Any) -> str:
        return ", ".join(f"{key} {n}" for key, n in sorted(Counter(values).items()))

    return (
        f"Demo programs ({what}): {Program.objects.count()} "
        f"[{counts(Program.objects.values_list('kind', flat=True))}]; "
        f"calls [{counts(Call.objects.values_list('status', flat=True))}]; "
        f"applications [{counts(Application.objects.values_list('status', flat=True))}]; "
        f"reviews [{counts(Review.objects.values_list('status', flat=True))}]; "
        f"awards {Award.objects.count()}\n"
    )
