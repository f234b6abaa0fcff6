"""Score the classifier in service on the shipped held-out split: precision, recall
and F1 per kind and the macro-F1; the accuracy of the sentiment."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from mujtama.feedback.classification import active_classifier, evaluate, shipped


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        scores = evaluate(active_classifier(), shipped("heldout"))
        if options["json"]:
            self.stdout.write(json.dumps(scores, indent=2))
            return
        self.stdout.write(f"held-out texts: {scores['texts']}\n")
        for question in ("kind", "sentiment"):
            self.stdout.write(f"{question:18} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>4}")
            for label, row in scores[question]["classes"].items():
                self.stdout.write(
                    f"{label:18} {row['precision']:9.3f} {row['recall']:7.3f} "
                    f"{row['f1']:6.3f} {row['support']:4d}"
                )
            self.stdout.write("")
        self.stdout.write(f"kind macro-F1:      {scores['kind']['macro_f1']:.3f}")
        self.stdout.write(f"sentiment accuracy: {scores['sentiment']['accuracy']:.3f}")
        self.stdout.write(f"below the confidence threshold: {scores['below_threshold']}")
