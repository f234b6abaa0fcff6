"""Group feedback into needs: JSON Lines ``{"id": ..., "service": ..., "text": ...}``
on standard input (``service`` is any string; only items with the same service can
share a need), one line ``{"id": ..., "need": ...}`` per item on standard output, in
order. Items with the same ``need`` belong together."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from mujtama.feedback.grouping import Item, group


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args: Any, **options: Any) -> None:
        items = []
        for number, raw in enumerate(sys.stdin, start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
                items.append(Item(str(row["id"]), str(row["service"]), str(row["text"])))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CommandError(
                    f"line {number}: expected an object with id, service and text"
                ) from exc
        if len({item.id for item in items}) != len(items):
            raise CommandError("every id must be different")
        needs = group(items)
        for item in items:
            self.stdout.write(json.dumps({"id": item.id, "need": needs[item.id]}))
