"""Train the feedback classifier on the shipped training split and every staff
correction; store it, and put it in service if it scores no worse on the held-out
split than the version in service."""

from typing import Any

from django.core.management.base import BaseCommand

from mujtama.feedback.classification import retrain


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args: Any, **options: Any) -> None:
        report = retrain()
        metrics = report.version.metrics
        self.stdout.write(
            f"version {report.version.version}: {report.version.trained_on} texts "
            f"({report.version.corrections} corrections); held-out kind macro-F1 "
            f"{metrics['kind']['macro_f1']:.3f}, sentiment accuracy "
            f"{metrics['sentiment']['accuracy']:.3f}"
        )
        if report.activated:
            replaced = f" (replaces v{report.replaced.version})" if report.replaced else ""
            self.stdout.write(f"in service{replaced}")
        else:
            self.stdout.write("kept out of service: it scores worse than the version in service")
