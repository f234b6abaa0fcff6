"""Classify feedback texts: JSON Lines ``{"text": ...}`` on standard input, one JSON
line ``{"kind": ..., "sentiment": ..., "confidence": ...}`` per input line on
standard output, in order. A line that is not an object with a text gets
``{"error": ...}`` in its place, so the output stays aligned with the input."""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from mujtama.feedback.classification import active_classifier

BATCH = 2000


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args: Any, **options: Any) -> None:
        classifier = active_classifier()
        out = self.stdout
        pending: list[tuple[int, str]] = []
        results: list[str] = []

        def flush() -> None:
            predictions = classifier.predict([text for _index, text in pending])
            for (index, _text), prediction in zip(pending, predictions, strict=True):
                results[index] = json.dumps(prediction.as_dict(), ensure_ascii=False)
            for line in results:
                out.write(line)
            results.clear()
            pending.clear()

        for raw in sys.stdin:
            if not raw.strip():
                continue
            results.append("")
            try:
                item = json.loads(raw)
                text = item["text"] if isinstance(item, dict) else None
            except (json.JSONDecodeError, KeyError):
                text = None
            if not isinstance(text, str) or not text.strip():
                results[-1] = json.dumps({"error": "each line must be an object with a text"})
            else:
                pending.append((len(results) - 1, text))
            if len(results) >= BATCH:
                flush()
        flush()
