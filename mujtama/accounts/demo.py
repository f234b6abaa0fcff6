"""Demo personas (development only). Passwords and the staff second-factor secret are
documented in the README; `python manage.py demo_totp` prints the current codes."""

from typing import IO

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.db import transaction

from mujtama.accounts.models import ConsentPurpose, ConsentRecord, Profile, Sex, User
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.services import declaration_save
from mujtama.geo.models import Governorate
from mujtama.impact.models import VulnerabilityCriterion

DEMO_PASSWORD = "Mujtama-Demo-2026"  # noqa: S105 - documented demo password
DEMO_TOTP_SECRET = "MUJTAMADEMOTOTPSECRETKEY"  # noqa: S105 - documented, development only

# (email, full name, role or "", governorate P-code, birth year, sex)
PERSONAS: list[tuple[str, str, str, str, int, str]] = [
    ("admin@demo.mujtama.sy", "رنا الحلبي", StaffRole.PLATFORM_ADMIN, "SY01", 1985, Sex.FEMALE),
    ("moct@demo.mujtama.sy", "سامر الخطيب", StaffRole.MOCT_OFFICER, "SY01", 1982, Sex.MALE),
    ("mosal@demo.mujtama.sy", "هالة الأحمد", StaffRole.MOSAL_OFFICER, "SY03", 1988, Sex.FEMALE),
    ("programs@demo.mujtama.sy", "ماهر العلي", StaffRole.PROGRAM_MANAGER, "SY01", 1980, Sex.MALE),
    (
        "feedback@demo.mujtama.sy",
        "مي الأتاسي",
        StaffRole.FEEDBACK_OFFICER,
        "SY01",
        1987,
        Sex.FEMALE,
    ),
    ("reviewer@demo.mujtama.sy", "ليلى حداد", StaffRole.REVIEWER, "SY04", 1976, Sex.FEMALE),
    ("analyst@demo.mujtama.sy", "يوسف الشامي", StaffRole.ANALYST, "SY02", 1991, Sex.MALE),
    ("owner.amal@demo.mujtama.sy", "نور الدين قاسم", "", "SY02", 1990, Sex.MALE),
    ("owner.jisr@demo.mujtama.sy", "ريم العبدالله", "", "SY09", 2001, Sex.FEMALE),
    ("citizen@demo.mujtama.sy", "أحمد المصري", "", "SY09", 2004, Sex.MALE),
]


def seed(out: IO[str]) -> None:
    governorates = {g.pcode: g for g in Governorate.objects.all()}
    for email, name, role, pcode, birth_year, sex in PERSONAS:
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                email=email, defaults={"full_name": name, "language": "ar"}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            Profile.objects.get_or_create(
                user=user,
                defaults={
                    "governorate": governorates[pcode],
                    "birth_year": birth_year,
                    "sex": sex,
                },
            )
            if role:
                user.groups.add(Group.objects.get(name=role))
                if role == StaffRole.PLATFORM_ADMIN:
                    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
                if not Authenticator.objects.filter(
                    user=user, type=Authenticator.Type.TOTP
                ).exists():
                    TOTP.activate(user, DEMO_TOTP_SECRET)
    citizen = User.objects.get(email="citizen@demo.mujtama.sy")
    if not ConsentRecord.objects.filter(
        user=citizen, purpose=ConsentPurpose.TARGET_GROUPS, withdrawn_at__isnull=True
    ).exists():
        Profile.objects.filter(user=citizen).update(phone="+963944123456")
        declaration_save(
            user=citizen,
            consent=True,
            lives_in_remote_area=True,
            vulnerability_criteria=VulnerabilityCriterion.objects.filter(
                code__in=["displaced_returnee", "low_income"]
            ),
        )
    out.write(f"Demo personas: {len(PERSONAS)} (password: {DEMO_PASSWORD})\n")
