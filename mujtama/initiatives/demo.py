"""Demo initiatives and volunteering (development only): about a hundred initiatives of
member organizations in the fourteen governorates and in every state, with indicators
measured over time and activities whose reach is in the ledger; a few people recorded
by name (one of them by two organizations, counted once); volunteer opportunities,
volunteers who applied in every state, and their hours approved, rejected and waiting,
with an hours statement issued and another revoked.

Everything goes through the services, as people would do it on the site, so the audit
log and the notifications are real: the lead organization's owner creates, starts,
completes or cancels its initiatives and records what they did; volunteers apply, log
their hours and ask for their statements; the organization's owner accepts, declines,
approves and rejects. The only direct writes move dates into the past (when an
initiative, activity, reading, reach record, opportunity, application or hours entry
was recorded, when hours were decided, when a statement was issued or revoked, when
a closed opportunity ended, when each volunteering notification was sent).

Activities take place in localities of the geography: the demo geography has
localities in Deir-ez-Zor and As-Sweida only, so activities elsewhere are recorded as
online (with the full boundary table imported, the places' localities are found by
name). Hours are logged within the last 90 days, as the service allows.

Besides the citizen persona, volunteers get accounts of their own
(volunteer.<n>@demo.mujtama.sy, verified, with the personas' demo password).

The data lives in ``demo_data``; what is already there is never created twice.
"""

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import IO, Any

from django.db.models import Sum
from django.utils import timezone

from mujtama.accounts.models import User
from mujtama.core.models import VerifiableDocument
from mujtama.core.verification import document_revoke
from mujtama.geo.models import Locality
from mujtama.impact import ledger
from mujtama.impact.models import AggregateReach, Beneficiary
from mujtama.initiatives import demo_data as data
from mujtama.initiatives.demo_data import (
    Group,
    InitiativeSpec,
    Opportunity,
    Place,
    Theme,
    VolunteeringSpec,
)
from mujtama.initiatives.models import (
    Activity,
    HoursEntry,
    HoursStatement,
    Indicator,
    IndicatorUpdate,
    Initiative,
    Origin,
    Volunteering,
    VolunteerOpportunity,
)
from mujtama.initiatives.services.initiatives import (
    activity_record,
    indicator_add,
    indicator_measure,
    initiative_create,
    initiative_move,
)
from mujtama.initiatives.services.volunteers import (
    hours_decide,
    hours_log,
    hours_statement,
    opportunity_move,
    opportunity_post,
    volunteering_apply,
    volunteering_move,
)
from mujtama.organizations.demo_world import (
    DAMASCUS,
    DemoWorld,
    demo_account,
    demo_world,
    stable_rng,
)
from mujtama.organizations.models import Organization
from mujtama.programs.models import Award

CITIZEN_EMAIL = "citizen@demo.mujtama.sy"
# People reached by one activity of each type: (fewest, most).
REACH = {
    "training": (12, 35),
    "workshop": (15, 50),
    "hackathon": (30, 90),
    "help_desk": (40, 120),
    "awareness": (25, 110),
    "mentoring": (10, 25),
    "other": (20, 80),
}
HOURS = ["3", "2.5", "4", "2", "5", "3.5", "6", "3"]


@dataclass
class Context(DemoWorld):
    initiatives: dict[str, Initiative] = field(default_factory=dict)  # by spec key
    new: set[str] = field(default_factory=set)  # keys of the initiatives made on this run


def seed(out: IO[str]) -> None:
    ctx = _context()
    if not ctx.organizations:
        out.write("Demo initiatives: skipped (no demo organizations)\n")
        return
    existing = set(Initiative.objects.values_list("title_ar", flat=True))
    for index, spec in enumerate(data.INITIATIVES):
        _initiative(ctx, index, spec, existing)
    _people(ctx)
    _volunteering(ctx)
    made = ", ".join(f"{n} {what}" for what, n in ctx.created.items())
    out.write(_summary(f"created {made}" if made else "already present"))


# --- setting up ---------------------------------------------------------------------------


def _context() -> Context:
    return demo_world(Context)


_rng = stable_rng


def _fill(template: str, group: Group, place: Place, english: bool) -> str:
    text = template.format(
        group=group.to_en if english else group.to_ar,
        who=group.who_en if english else group.who_ar,
        place=place.en if english else place.ar,
    )
    return " ".join(text.split())


def _texts(spec: InitiativeSpec) -> tuple[str, str, str, str]:
    theme, group, place = data.THEMES[spec.theme], data.GROUPS[spec.group], data.PLACES[spec.place]
    return (
        spec.title_ar or _fill(theme.title_ar, group, place, english=False),
        spec.title_en or _fill(theme.title_en, group, place, english=True),
        spec.description_ar or _fill(theme.description_ar, group, place, english=False),
        spec.description_en or _fill(theme.description_en, group, place, english=True),
    )


# --- one initiative -----------------------------------------------------------------------


@dataclass
class Plan:
    """When an initiative runs, and how far it got."""

    starts_on: date
    ends_on: date
    created: datetime
    activities: int  # how many it records
    started: bool  # whether it was ever under way


def _plan(ctx: Context, index: int, spec: InitiativeSpec, award: Award | None) -> Plan:
    theme = data.THEMES[spec.theme]
    most = len(theme.activities)
    if award is not None:
        starts = timezone.localtime(award.awarded_at, DAMASCUS).date() + timedelta(days=12)
        ends = starts + timedelta(days=330)
        count = min(most, 3)
    elif spec.state == data.COMPLETED:
        start_ago = 200 + (index * 53) % 230
        duration = min(90 + (index * 31) % 130, start_ago - 20)
        starts = ctx.ago(start_ago)
        ends = starts + timedelta(days=duration)
        count = min(most, 3 + index % 3)
    elif spec.state == data.ACTIVE:
        start_ago = 25 + (index * 41) % 220
        starts = ctx.ago(start_ago)
        ends = ctx.today + timedelta(days=30 + (index * 17) % 200)
        count = min(most, 2 + index % 4 if start_ago > 45 else 2)
    elif spec.state == data.CANCELLED and index % 2 == 0:
        # Cancelled while under way, after an activity or two.
        starts = ctx.ago(60 + (index * 29) % 120)
        ends = ctx.today + timedelta(days=40 + (index * 11) % 120)
        count = 1 + index % 2
    else:
        # Planned, or cancelled before it started.
        starts = ctx.today + timedelta(days=5 + (index * 19) % 100)
        ends = starts + timedelta(days=90 + (index * 23) % 180)
        count = 0
    started = count > 0
    if starts > ctx.today:
        created = ctx.now - timedelta(days=8 + index % 25, hours=index % 7)
    else:
        created = ctx.at(starts - timedelta(days=14 + index % 20), 10 + index % 7)
    return Plan(starts, ends, created, count, started)


def _award(ctx: Context, spec: InitiativeSpec, lead: Organization) -> Award | None:
    if not spec.award:
        return None
    return (
        Award.objects.filter(application__title=spec.award, application__lead=lead)
        .select_related("application")
        .first()
    )


def _initiative(ctx: Context, index: int, spec: InitiativeSpec, existing: set[str]) -> None:
    title_ar, title_en, description_ar, description_en = _texts(spec)
    lead = ctx.organizations.get(spec.lead)
    owner = ctx.owner(spec.lead)
    if title_ar in existing:
        initiative = Initiative.objects.filter(title_ar=title_ar).first()
        if initiative is not None:
            ctx.initiatives[spec.key] = initiative
        return
    if lead is None or owner is None or lead.pk not in ctx.members:
        return
    theme, group = data.THEMES[spec.theme], data.GROUPS[spec.group]
    places = [data.PLACES[key] for key in [spec.place, *spec.also.split()]]
    award = _award(ctx, spec, lead)
    plan = _plan(ctx, index, spec, award)
    partners = [
        ctx.organizations[slug] for slug in spec.partners.split() if slug in ctx.organizations
    ]
    initiative = initiative_create(
        actor=owner,
        lead=lead,
        origin=Origin.AWARD if award is not None else Origin.OWN,
        award=award,
        title_ar=title_ar,
        title_en=title_en,
        description_ar=description_ar,
        description_en=description_en,
        sector=theme.sector,
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
        governorates=list({ctx.governorates[p.governorate] for p in places}),
        localities=[loc for place in places for loc in _localities(ctx, place, group)],
        partners=partners,
        budget=Decimal(spec.budget) if spec.budget else None,
        publication=spec.publication,
        concerns_vulnerable=group.concerns_vulnerable,
    )
    Initiative.objects.filter(pk=initiative.pk).update(created_at=plan.created)
    existing.add(title_ar)
    ctx.initiatives[spec.key] = initiative
    ctx.new.add(spec.key)
    ctx.created["initiatives"] += 1
    rng = _rng(spec.key)
    cancelled = spec.state == data.CANCELLED
    indicators = []
    if not (cancelled and not plan.started):
        indicators = [
            indicator_add(
                actor=owner,
                initiative=initiative,
                name_ar=item.name_ar,
                name_en=item.name_en,
                unit_ar=item.unit_ar,
                unit_en=item.unit_en,
                baseline=Decimal(0),
                target=Decimal(_target(theme, item, plan, spec.state)),
            )
            for item in theme.indicators
        ]
        ctx.created["indicators"] += len(indicators)
    if plan.started:
        initiative = initiative_move(actor=owner, initiative=initiative, action="start")
        _activities(ctx, index, spec, initiative, owner, plan, indicators, places, rng)
    if spec.state == data.COMPLETED:
        _final_readings(ctx, theme, initiative, owner, plan, indicators, rng)
        initiative_move(actor=owner, initiative=initiative, action="complete")
    elif cancelled:
        reason = data.CANCEL_REASONS[index % len(data.CANCEL_REASONS)]
        initiative_move(actor=owner, initiative=initiative, action="cancel", reason=reason)


def _localities(ctx: Context, place: Place, group: Group) -> list[Locality]:
    """The place's localities in the geography; for initiatives of vulnerable
    families, the remote ones among them if there are any."""
    found = [
        ctx.localities[(place.governorate, name)]
        for name in place.localities
        if (place.governorate, name) in ctx.localities
    ]
    remote = [locality for locality in found if locality.is_remote]
    return remote if group.concerns_vulnerable and remote else found


def _target(theme: Theme, item: data.IndicatorSpec, plan: Plan, state: str) -> int:
    """A fixed target, or the share of the people the planned activities should reach
    (a completed initiative did all it planned; the others plan the theme's whole
    course), rounded to fives."""
    if item.fixed:
        return item.fixed
    planned = theme.activities[: plan.activities] if state == data.COMPLETED else theme.activities
    people = sum(sum(REACH[a.kind]) / 2 for a in planned)
    return max(5, round(people * item.share / 5) * 5)


def _activities(
    ctx: Context,
    index: int,
    spec: InitiativeSpec,
    initiative: Initiative,
    owner: User,
    plan: Plan,
    indicators: Sequence[Indicator],
    places: Sequence[Place],
    rng: random.Random,
) -> None:
    theme, group = data.THEMES[spec.theme], data.GROUPS[spec.group]
    first = plan.starts_on + timedelta(days=3)
    last = min(plan.ends_on, ctx.today - timedelta(days=2))
    span = max((last - first).days, 1)
    count = plan.activities
    # Readings after the middle activity and the last one (a completed initiative's
    # last reading is on its end date), and after the first of a long course.
    readings_after = {(count - 1) // 2}
    if spec.state != data.COMPLETED:
        readings_after.add(count - 1)
    if count >= 4:
        readings_after.add(0)
    reached = 0
    localities_of = [_localities(ctx, place, group) for place in places]
    for number, activity_spec in enumerate(theme.activities[:count]):
        held_on = first + timedelta(days=round(span * (number + 0.5) / count))
        which = number % len(places)
        place, localities = places[which], localities_of[which]
        locality = None
        if localities and not activity_spec.online:
            locality = localities[(index + number) % len(localities)]
        remote = locality.is_remote if locality is not None else place.remote
        people = rng.randint(*REACH[activity_spec.kind])
        note = data.ACTIVITY_NOTES[(index + number) % len(data.ACTIVITY_NOTES)]
        activity = activity_record(
            actor=owner,
            initiative=initiative,
            kind=activity_spec.kind,
            title=activity_spec.title,
            held_on=held_on,
            governorate=ctx.governorates[place.governorate],
            locality=locality,
            online=locality is None,
            facilitators=_facilitators(index + number),
            notes=note if (index + number) % 3 == 0 else "",
            reached=_cells(rng, people, theme, group, remote),
        )
        recorded = ctx.at(held_on + timedelta(days=1), 18, (index * 7) % 60)
        Activity.objects.filter(pk=activity.pk).update(created_at=recorded)
        AggregateReach.objects.filter(
            source_type=Activity._meta.label_lower, source_id=str(activity.pk)
        ).update(created_at=recorded)
        ctx.created["activities"] += 1
        ctx.created["people reached"] += people
        reached += people
        if number in readings_after:
            measured = min(held_on + timedelta(days=2), ctx.today, plan.ends_on)
            progress = (number + 1) / len(theme.activities)
            for position, indicator in enumerate(indicators):
                item = theme.indicators[position]
                value = round(item.fixed * progress) if item.fixed else round(reached * item.share)
                if value:  # nothing to report yet
                    _measure(ctx, owner, indicator, value, measured, index + number)


def _measure(
    ctx: Context, owner: User, indicator: Indicator, value: int, measured: date, turn: int
) -> None:
    note = data.MEASURE_NOTES[turn % len(data.MEASURE_NOTES)] if turn % 2 else ""
    _record_reading(ctx, owner, indicator, value, measured, note)


def _record_reading(
    ctx: Context, owner: User, indicator: Indicator, value: int, measured: date, note: str
) -> None:
    update = indicator_measure(
        actor=owner, indicator=indicator, value=Decimal(value), measured_on=measured, note=note
    )
    IndicatorUpdate.objects.filter(pk=update.pk).update(created_at=ctx.at(measured, 16))
    ctx.created["indicator readings"] += 1


def _final_readings(
    ctx: Context,
    theme: Theme,
    initiative: Initiative,
    owner: User,
    plan: Plan,
    indicators: Sequence[Indicator],
    rng: random.Random,
) -> None:
    """A completed initiative's last reading, on its end date."""
    reached = (
        AggregateReach.objects.filter(
            source_type=Activity._meta.label_lower,
            source_id__in=[str(pk) for pk in initiative.activities.values_list("pk", flat=True)],
        ).aggregate(total=Sum("count"))["total"]
        or 0
    )
    for position, indicator in enumerate(indicators):
        item = theme.indicators[position]
        if item.fixed:
            value = round(item.fixed * rng.uniform(0.85, 1.12))
        else:
            value = round(reached * item.share * rng.uniform(1.0, 1.04))
        _record_reading(ctx, owner, indicator, value, plan.ends_on, data.FINAL_NOTE)


def _facilitators(turn: int) -> str:
    names = data.FACILITATORS
    first = names[turn % len(names)]
    if turn % 3:
        return first
    return f"{first}، {names[(turn + 5) % len(names)]}"


def _cells(
    rng: random.Random, people: int, theme: Theme, group: Group, remote: bool
) -> list[ledger.Cell]:
    """``people`` split by sex and age band as the group is made up (with some
    variation), and within each cell by whether they come from vulnerable families."""
    ages = theme.ages or group.ages
    weights = {band: weight * rng.uniform(0.75, 1.25) for band, weight in ages.items()}
    women = min(1.0, max(0.0, group.women + rng.uniform(-0.06, 0.06)))
    shares = {
        (sex, band): weight * (women if sex == "f" else 1 - women)
        for band, weight in weights.items()
        for sex in ("f", "m")
    }
    counts = _apportion(people, shares)
    cells = []
    for (sex, band), count in counts.items():
        vulnerable = round(count * group.vulnerable)
        for flag, n in ((True, vulnerable), (False, count - vulnerable)):
            if n:
                cells.append(ledger.Cell(sex, band, remote, flag, n))
    return cells


def _apportion(total: int, shares: dict[Any, float]) -> dict[Any, int]:
    """``total`` divided in proportion to ``shares`` (largest remainders)."""
    whole = sum(shares.values())
    exact = {key: total * share / whole for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    left = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[:left]:
        counts[key] += 1
    return counts


# --- people recorded by name --------------------------------------------------------------


def _people(ctx: Context) -> None:
    """Named records for a few initiatives of vulnerable families, made with the
    initiative (an initiative that was there already has its people)."""
    for person in data.PEOPLE:
        initiative = ctx.initiatives.get(person.initiative)
        if initiative is None or person.initiative not in ctx.new:
            continue
        spec = next(s for s in data.INITIATIVES if s.key == person.initiative)
        owner = ctx.owner(spec.lead)
        locality = ctx.localities.get((data.PLACES[spec.place].governorate, person.locality))
        activities = list(initiative.activities.order_by("held_on", "pk"))
        source = next(
            (a for a in activities if locality is not None and a.locality_id == locality.pk),
            activities[0] if activities else None,
        )
        if locality is None or source is None or owner is None:
            continue
        beneficiary = ledger.beneficiary_record(
            actor=owner,
            organization=initiative.lead,
            source=source,
            reached_on=source.held_on,
            full_name=person.full_name,
            birth_year=person.birth_year,
            sex=person.sex,
            locality=locality,
            phone=person.phone,
            national_id=person.national_id,
            criteria=[ctx.criteria[c] for c in person.criteria.split() if c in ctx.criteria],
        )
        # Recorded the day after the activity, as the activities were.
        Beneficiary.objects.filter(pk=beneficiary.pk).update(
            created_at=ctx.at(source.held_on + timedelta(days=1), 19)
        )
        ctx.created["people recorded by name"] += 1


# --- volunteering -------------------------------------------------------------------------


def _volunteering(ctx: Context) -> None:
    people = {data.CITIZEN: User.objects.filter(email=CITIZEN_EMAIL).first()}
    for number, volunteer in enumerate(data.VOLUNTEERS, start=1):
        people[volunteer.key] = _volunteer_account(ctx, number, volunteer)
    opportunities: dict[str, VolunteerOpportunity] = {}
    new: set[str] = set()
    for index, spec in enumerate(data.OPPORTUNITIES):
        opportunity, created = _opportunity(ctx, index, spec)
        if opportunity is not None:
            opportunities[spec.key] = opportunity
            if created:
                new.add(spec.key)
    for index, item in enumerate(data.VOLUNTEERINGS):
        user = people.get(item.volunteer)
        opportunity = opportunities.get(item.opportunity)
        if user is None or opportunity is None:
            continue
        if Volunteering.objects.filter(opportunity=opportunity, volunteer=user).exists():
            continue
        spec = next(o for o in data.OPPORTUNITIES if o.key == item.opportunity)
        _volunteer(ctx, index, item, spec, opportunity, user)
    # Closed to new volunteers once its volunteers were found, and over since.
    for index, spec in enumerate(data.OPPORTUNITIES):
        if spec.closed and spec.key in new:
            opportunity = opportunities[spec.key]
            owner = ctx.owner(spec.organization)
            opportunity_move(actor=owner, opportunity=opportunity, action="close")
            VolunteerOpportunity.objects.filter(pk=opportunity.pk).update(
                ends_on=ctx.ago(3 + index % 12)
            )


def _volunteer_account(ctx: Context, number: int, volunteer: data.Volunteer) -> User:
    user, _created = demo_account(
        ctx,
        email=f"volunteer.{number}@demo.mujtama.sy",
        full_name=volunteer.full_name,
        counter="volunteer accounts",
        governorate=ctx.governorates[volunteer.governorate],
        birth_year=volunteer.birth_year,
        sex=volunteer.sex,
    )
    return user


def _opportunity(
    ctx: Context, index: int, spec: Opportunity
) -> tuple[VolunteerOpportunity | None, bool]:
    organization = ctx.organizations.get(spec.organization)
    owner = ctx.owner(spec.organization)
    if organization is None or owner is None:
        return None, False
    found = VolunteerOpportunity.objects.filter(
        organization=organization, title_ar=spec.title_ar
    ).first()
    if found is not None:
        return found, False
    initiative = ctx.initiatives.get(spec.initiative) if spec.initiative else None
    if initiative is not None and initiative.lead_id != organization.pk:
        initiative = None
    starts = ctx.ago(95 + index % 10)
    if initiative is not None and initiative.starts_on > ctx.today:
        starts = initiative.starts_on
    opportunity = opportunity_post(
        actor=owner,
        organization=organization,
        initiative=initiative,
        title_ar=spec.title_ar,
        title_en=spec.title_en,
        description_ar=spec.description_ar,
        description_en=spec.description_en,
        skills=spec.skills,
        hours_per_week=spec.hours_per_week,
        starts_on=starts,
        ends_on=max(starts, ctx.today) + timedelta(days=60 + (index * 13) % 120),
        remote=spec.remote,
        governorate=ctx.governorates[spec.governorate] if spec.governorate else None,
    )
    posted = ctx.at(min(starts, ctx.today) - timedelta(days=9), 12, index)
    VolunteerOpportunity.objects.filter(pk=opportunity.pk).update(created_at=posted)
    ctx.created["volunteer opportunities"] += 1
    return opportunity, True


def _volunteer(
    ctx: Context,
    index: int,
    item: VolunteeringSpec,
    spec: Opportunity,
    opportunity: VolunteerOpportunity,
    user: User,
) -> None:
    owner = ctx.owner(spec.organization)
    applied = ctx.at(ctx.ago(item.applied), 9 + index % 11, (index * 17) % 60)
    with ctx.dated(applied):
        volunteering = volunteering_apply(
            actor=user,
            opportunity=opportunity,
            motivation=data.MOTIVATIONS[index % len(data.MOTIVATIONS)],
        )
    Volunteering.objects.filter(pk=volunteering.pk).update(created_at=applied)
    ctx.created["volunteer applications"] += 1
    decided = ctx.at(ctx.ago(max(item.applied - 2, 1)), 13, index % 60)
    if item.state == "applied":
        return
    if item.state == "withdrawn":
        with ctx.dated(ctx.at(ctx.ago(max(item.applied - 1, 0)), 20)):
            volunteering_move(actor=user, volunteering=volunteering, action="withdraw")
        return
    if item.state == "declined":
        reason = data.DECLINE_REASONS[index % len(data.DECLINE_REASONS)]
        with ctx.dated(decided):
            volunteering_move(
                actor=owner, volunteering=volunteering, action="decline", reason=reason
            )
        return
    with ctx.dated(decided):
        volunteering = volunteering_move(actor=owner, volunteering=volunteering, action="accept")
    last_worked = _hours(ctx, index, item, spec, volunteering, user, owner, decided.date())
    after = last_worked or decided.date()
    if item.state == "ended":
        with ctx.dated(ctx.at(min(after + timedelta(days=3), ctx.today), 11)):
            volunteering_move(actor=owner, volunteering=volunteering, action="end")
    elif item.state == "stopped":
        with ctx.dated(ctx.at(min(after + timedelta(days=2), ctx.today), 21)):
            volunteering_move(actor=user, volunteering=volunteering, action="withdraw")
    if item.statement:
        _statement(ctx, item, user, owner, volunteering)


def _hours(
    ctx: Context,
    index: int,
    item: VolunteeringSpec,
    spec: Opportunity,
    volunteering: Volunteering,
    user: User,
    owner: Any,
    accepted: date,
) -> date | None:
    """Log the hours of ``item.hours`` on days spread from the day after acceptance
    (older ones approved, waiting ones the latest), and decide them. Returns the last
    day worked."""
    plan = {part[0]: int(part[1:]) for part in item.hours.split()}
    approved, rejected, waiting = plan.get("a", 0), plan.get("r", 0), plan.get("w", 0)
    statuses = ["approved"] * approved + ["waiting"] * waiting
    if rejected:
        statuses[approved // 2 : approved // 2] = ["rejected"] * rejected
    if not statuses:
        return None
    finished = item.state in ("ended", "stopped")
    last = ctx.ago(30 if item.statement == "revoked" else 8 if finished else 1)
    first = min(accepted + timedelta(days=1), last)
    span = (last - first).days
    tasks = spec.tasks or ("المشاركة في أنشطة المبادرة",)
    worked = first
    for number, status in enumerate(statuses):
        worked = first + timedelta(days=round(span * number / max(len(statuses) - 1, 1)))
        entry = hours_log(
            actor=user,
            volunteering=volunteering,
            worked_on=worked,
            hours=Decimal(HOURS[(index + number) % len(HOURS)]),
            description=tasks[number % len(tasks)],
        )
        ctx.created["hours entries"] += 1
        values: dict[str, Any] = {"created_at": ctx.at(worked, 21, number)}
        if status != "waiting":
            decided = ctx.at(min(worked + timedelta(days=2), ctx.today), 10, number)
            reason = ""
            if status == "rejected":
                reason = data.HOURS_REJECT_REASONS[index % len(data.HOURS_REJECT_REASONS)]
            with ctx.dated(decided):
                hours_decide(
                    actor=owner,
                    entry=entry,
                    action="approve" if status == "approved" else "reject",
                    reason=reason,
                )
            values["decided_at"] = decided
        HoursEntry.objects.filter(pk=entry.pk).update(**values)
    return worked


def _statement(
    ctx: Context, item: VolunteeringSpec, user: User, owner: Any, volunteering: Volunteering
) -> None:
    """The volunteer's statement of approved hours, issued two days after the last
    approved day; the revoked one is revoked by the organization's owner."""
    organization = volunteering.opportunity.organization
    statement = hours_statement(
        actor=user, organization=organization, full_name_public=item.statement == "valid"
    )
    issued = ctx.at(min(statement.last_day + timedelta(days=3), ctx.today), 18)
    HoursStatement.objects.filter(pk=statement.pk).update(created_at=issued)
    VerifiableDocument.objects.filter(pk=statement.document_id).update(
        issued_on=issued.date(), created_at=issued
    )
    ctx.created["hours statements"] += 1
    if item.statement == "revoked":
        document = document_revoke(
            actor=owner, document=statement.document, reason=data.STATEMENT_REVOKE_REASON
        )
        VerifiableDocument.objects.filter(pk=document.pk).update(
            revoked_at=ctx.at(issued.date() + timedelta(days=12), 11)
        )


# --- summary ------------------------------------------------------------------------------


def _summary(what: str) -> str:
    def counts(values: Any) -> str:
        return ", ".join(f"{key} {n}" for key, n in sorted(Counter(values).items()))

    people = AggregateReach.objects.filter(source_type=Activity._meta.label_lower).aggregate(
        total=Sum("count")
    )["total"]
    statements = HoursStatement.objects.values_list("document__status", flat=True)
    return (
        f"Demo initiatives ({what}): {Initiative.objects.count()} "
        f"[{counts(Initiative.objects.values_list('status', flat=True))}]; "
        f"activities {Activity.objects.count()} reaching {people or 0}; "
        f"opportunities {VolunteerOpportunity.objects.count()}; "
        f"volunteering [{counts(Volunteering.objects.values_list('status', flat=True))}]; "
        f"hours [{counts(HoursEntry.objects.values_list('status', flat=True))}]; "
        f"statements [{counts(statements)}]\n"
    )
