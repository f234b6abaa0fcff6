from typing import Any

from django.core.management.base import BaseCommand

from mujtama.accounts.demo import DEMO_PASSWORD, PERSONAS


class Command(BaseCommand):
    help = "Print the demo accounts and how to sign in with them."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\nMujtama Thakaa demo accounts (password for all: {DEMO_PASSWORD})\n")
        for email, name, role, *_rest in PERSONAS:
            self.stdout.write(f"  {email:<30} {name:<16} {role or 'citizen / organization owner'}")
        self.stdout.write(
            "\nStaff accounts have a second factor set up; the code they ask for after the "
            "password is printed by:  .venv/bin/python manage.py demo_totp\n"
            "Open http://127.0.0.1:8000/ once the server below is up.\n"
        )
