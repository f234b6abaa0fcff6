import getpass
import sys
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction

from mujtama.accounts.models import User
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.services import user_create
from mujtama.core.services import audit_record


class Command(BaseCommand):
    help = (
        "Create the first platform administrator (or give an existing account the role). "
        "Later roles are granted from the staff area."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("full_name")
        parser.add_argument(
            "--password-stdin", action="store_true", help="Read the password from standard input."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip().lower()
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"Not a valid email address: {email}") from exc
        user = User.objects.filter(email=email).first()
        password = None
        if user is None:
            password = (
                sys.stdin.readline().rstrip("\n")
                if options["password_stdin"]
                else getpass.getpass("Password: ")
            )
            try:
                validate_password(password, User(email=email, full_name=options["full_name"]))
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
        with transaction.atomic():
            if user is None:
                user = user_create(email=email, full_name=options["full_name"], password=password)
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            user.groups.add(Group.objects.get(name=StaffRole.PLATFORM_ADMIN))
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
            audit_record(
                actor=None,
                verb="accounts.role_granted",
                target=user,
                changes={"role": StaffRole.PLATFORM_ADMIN.value, "by": "create_platform_admin"},
            )
        self.stdout.write(
            f"{email} is a platform administrator. At the first sign-in they must set up a "
            "second factor before any staff page opens."
        )
