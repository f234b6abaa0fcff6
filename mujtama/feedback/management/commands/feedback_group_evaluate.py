"""Score the grouping of feedback into needs on a file of paraphrase groups: JSON Lines
``{"id": ..., "service": ..., "text": ..., "group": ...}`` (texts with the same ``group``
say the same thing). Prints the adjusted Rand index between the needs ``group`` finds and
the given groups (1 is perfect, 0 is chance), and how many texts, groups and needs there
are. Needs no server or database. By default it reads the blind set
``data/paraphrase_groups_test9.jsonl``, which the pair model never learns from, the
needs space does not hold and no setting was chosen on (the other sets were blind once
and are now development sets). The time shown leaves out
fitting or reading the kind classifier and the pair model, which the first grouping in
a process does."""

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from sklearn.metrics import adjusted_rand_score

from mujtama.feedback.grouping import (
    ATTACH_DISTANCE,
    BLIND_SET,
    DATA_DIR,
    DISTANCE_THRESHOLD,
    Item,
    group,
    read_paraphrases,
    warm_up,
)

DEFAULT_PATH = DATA_DIR / BLIND_SET


def read_groups(path: Path) -> tuple[list[Item], list[str]]:
    """The items of a paraphrase file and the group of each, or a plain refusal."""
    try:
        return read_paraphrases(path)
    except (OSError, ValueError) as exc:
        raise CommandError(f"cannot read {path}: {exc}") from exc


def score(items: list[Item], groups: list[str], **options: Any) -> dict[str, Any]:
    warm_up()  # fits or reads the models now, outside the time measured
    started = time.perf_counter()
    needs = group(items, **options)
    seconds = time.perf_counter() - started
    found = [needs[item.id] for item in items]
    return {
        "ari": float(adjusted_rand_score(groups, found)) if items else 0.0,
        "texts": len(items),
        "groups": len(set(groups)),
        "services": len({item.service for item in items}),
        "needs": len(set(found)),
        "seconds": round(seconds, 3),
    }


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", default=str(DEFAULT_PATH), help="a paraphrase-groups file"
        )
        parser.add_argument("--threshold", type=float, default=DISTANCE_THRESHOLD)
        parser.add_argument(
            "--attach",
            type=float,
            default=-1.0 if ATTACH_DISTANCE is None else ATTACH_DISTANCE,
            help="distance below which a lone text joins a need (negative: never)",
        )
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        items, groups = read_groups(Path(options["path"]))
        if not items:
            raise CommandError(f"{options['path']}: no texts")
        attach = options["attach"] if options["attach"] >= 0 else None
        scores = score(items, groups, threshold=options["threshold"], attach=attach)
        if options["json"]:
            self.stdout.write(json.dumps(scores))
            return
        self.stdout.write(f"file:                {options['path']}")
        self.stdout.write(
            f"texts: {scores['texts']}, groups: {scores['groups']}, "
            f"services: {scores['services']}, needs found: {scores['needs']}"
        )
        self.stdout.write(f"adjusted Rand index: {scores['ari']:.4f}")
        self.stdout.write(f"grouping took:       {scores['seconds']:.2f} s")
