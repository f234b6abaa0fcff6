from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from mujtama.geo.boundaries import BoundaryFileError
from mujtama.geo.services import boundaries_import

MAX_SHOWN = 200


class Command(BaseCommand):
    help = (
        "Import districts, subdistricts and localities from the official "
        "administrative-boundary table (CSV or XLSX). All or nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="Language of the messages (default: Arabic).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only; write nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            self._import(options["file"], dry_run=options["dry_run"])

    def _import(self, path: Path, *, dry_run: bool) -> None:
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            with path.open("rb") as upload:
                result = boundaries_import(upload=upload, filename=path.name, dry_run=dry_run)
        except BoundaryFileError as exc:
            raise CommandError(str(exc)) from exc
        if not result.ok:
            for error in result.errors[:MAX_SHOWN]:
                self.stderr.write(str(error))
            if len(result.errors) > MAX_SHOWN:
                self.stderr.write(
                    _("… and %(count)s more.") % {"count": len(result.errors) - MAX_SHOWN}
                )
            raise CommandError(
                _("%(count)s rows have errors; nothing was imported.")
                % {"count": len({e.row for e in result.errors})}
            )
        if dry_run:
            self.stdout.write(
                _("%(rows)s rows checked; no errors. Nothing written (dry run).")
                % {"rows": result.rows}
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(rows)s rows imported. Created: %(d_new)s districts, %(s_new)s "
                    "subdistricts, %(l_new)s localities. Updated: %(d_upd)s, %(s_upd)s, "
                    "%(l_upd)s."
                )
                % {
                    "rows": result.rows,
                    "d_new": result.created.get("district", 0),
                    "s_new": result.created.get("subdistrict", 0),
                    "l_new": result.created.get("locality", 0),
                    "d_upd": result.updated.get("district", 0),
                    "s_upd": result.updated.get("subdistrict", 0),
                    "l_upd": result.updated.get("locality", 0),
                }
            )
        )
