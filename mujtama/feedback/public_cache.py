"""The public figures per service are cached for five minutes: feedback arrives all
the time, so they are not bumped by each submission and may lag that long. Changes
to the catalogue (names, services added or retired) bump the version at once."""

from typing import Any

from django.db.models.signals import post_delete, post_save

from mujtama.core.public_cache import PublicCache

FEEDBACK = PublicCache("feedback", ttl=300)


def _changed(**kwargs: Any) -> None:
    FEEDBACK.changed()


def connect() -> None:
    from mujtama.feedback.models import DigitalService, Ministry

    for model in (Ministry, DigitalService):
        post_save.connect(_changed, sender=model, dispatch_uid=f"feedback-public-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"feedback-public-del-{model.__name__}"
        )
