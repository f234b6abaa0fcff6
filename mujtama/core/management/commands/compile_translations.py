from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compile locale/*/LC_MESSAGES/*.po into .mo files with polib, so that a fresh "
        "machine needs no GNU gettext."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                # Written aside and moved into place, so that a process starting at
                # the same moment (CI runs two suites at once) never reads half a file.
                partial = mo_path.with_suffix(".mo.partial")
                polib.pofile(str(po_path)).save_as_mofile(str(partial))
                partial.replace(mo_path)
                count += 1
        self.stdout.write(f"Compiled {count} translation catalogue(s).")
