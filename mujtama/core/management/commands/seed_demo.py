from importlib import import_module
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation


class Command(BaseCommand):
    help = (
        "Create the demo personas and realistic Arabic demo data. Idempotent: running it "
        "again creates no duplicates. Refuses to run in production."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run when MUJTAMA_ENV=production.")
        # Each app may contribute a `demo` module with `seed(out)`; apps run in the
        # order of INSTALLED_APPS, so later apps can use what earlier ones made.
        # The demo writes many notifications (they show in the demo inboxes); sending
        # each as an email to the console would drown `make run`'s output.
        quiet = override_settings(
            MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}},
            SMS_BACKEND="mujtama.notifications.sms.LocmemSmsBackend",
        )
        with quiet, translation.override("ar"), transaction.atomic():
            for config in apps.get_app_configs():
                if not config.name.startswith("mujtama."):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
