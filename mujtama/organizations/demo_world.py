"""What the demos built on the organizations' demo share (initiatives, training): the
demo organizations by slug and their owners, places, criteria, a clock in Damascus
time, notifications dated when things happened, and demo accounts of young people.

Not a demo of its own (it has no ``seed``): the apps' demos import it."""

import random
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Max
from django.utils import timezone

from mujtama.accounts.demo import DEMO_PASSWORD
from mujtama.accounts.models import Profile, User
from mujtama.accounts.services import user_create
from mujtama.core.arabic import normalize_ar
from mujtama.geo.models import Governorate, Locality
from mujtama.impact.models import VulnerabilityCriterion
from mujtama.notifications.models import Notification
from mujtama.organizations import demo_data as organizations_data
from mujtama.organizations.demo import OWNER_EMAILS
from mujtama.organizations.models import Membership, Organization
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES

DAMASCUS = ZoneInfo(settings.TIME_ZONE)


@dataclass
class DemoWorld:
    now: datetime
    today: date
    organizations: dict[str, Organization]  # by demo slug
    members: set[int]  # organizations with a current membership
    governorates: dict[str, Governorate]
    localities: dict[tuple[str, str], Locality]  # (governorate P-code, Arabic name)
    criteria: dict[str, VulnerabilityCriterion]
    owners: dict[str, User | None] = field(default_factory=dict)
    password_hash: str = ""
    created: Counter[str] = field(default_factory=Counter)

    def owner(self, slug: str) -> User | None:
        if slug not in self.owners:
            email = OWNER_EMAILS.get(slug, f"owner.{slug}@demo.mujtama.sy")
            self.owners[slug] = User.objects.filter(email=email).first()
        return self.owners[slug]

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        """A time of ``day`` in Damascus, never later than now."""
        return min(datetime.combine(day, time(hour, minute % 60), tzinfo=DAMASCUS), self.now)

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    @contextmanager
    def dated(self, when: datetime) -> Iterator[None]:
        """Notifications sent inside the block are dated ``when``."""
        last = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
        yield
        Notification.objects.filter(pk__gt=last).update(created_at=when)


def demo_world[W: DemoWorld](kind: type[W]) -> W:
    now = timezone.now()
    slugs = {normalize_ar(org.name_ar): org.slug for org in organizations_data.ORGANIZATIONS}
    organizations = {
        slugs[org.name_ar_key]: org
        for org in Organization.objects.filter(name_ar_key__in=list(slugs))
    }
    members = set(
        Membership.objects.filter(status__in=CURRENT_MEMBERSHIP_STATES).values_list(
            "organization_id", flat=True
        )
    )
    localities = {
        (locality.subdistrict.district.governorate.pcode, locality.name_ar): locality
        for locality in Locality.objects.select_related("subdistrict__district__governorate")
    }
    return kind(
        now=now,
        today=timezone.localtime(now, DAMASCUS).date(),
        organizations=organizations,
        members=members,
        governorates={g.pcode: g for g in Governorate.objects.all()},
        localities=localities,
        criteria={c.code: c for c in VulnerabilityCriterion.objects.all()},
    )


def stable_rng(seed: str) -> random.Random:
    """Figures that vary from one person or item to the next but are the same on every
    run."""
    return random.Random(seed)  # noqa: S311 - demo figures, not secrets


def demo_account(
    world: DemoWorld, *, email: str, full_name: str, counter: str, **profile: Any
) -> tuple[User, bool]:
    """A verified demo account with the demo password and its profile; (user, created).
    Every account shares one password hash: hashing is slow."""
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, False
    user = user_create(email=email, full_name=full_name, password=None)
    world.password_hash = world.password_hash or make_password(DEMO_PASSWORD)
    User.objects.filter(pk=user.pk).update(password=world.password_hash)
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    Profile.objects.filter(user=user).update(**profile)
    world.created[counter] += 1
    return User.objects.get(pk=user.pk), True
