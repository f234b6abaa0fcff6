"""What the public sees of programs and calls (the programs page, program and call
pages, the API list of calls) is cached per version of that data.

Any save or deletion of a model those pages show (a program and its co-hosts, a call,
its versions, questions and rubric, an award) bumps the version after commit; the
cache also depends on the organizations' version (co-hosts' and awardees' names), and
entries expire after a minute on their own, because where a call stands (open,
closed) also moves with the clock."""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from mujtama.core.public_cache import PublicCache
from mujtama.organizations.public_cache import ORGANIZATIONS

PROGRAMS = PublicCache("programs", ttl=60, depends_on=(ORGANIZATIONS,))


def _changed(**kwargs: Any) -> None:
    PROGRAMS.changed()


def connect() -> None:
    from mujtama.programs.models import (
        Award,
        Call,
        CallQuestion,
        CallVersion,
        Program,
        RubricCriterion,
    )

    for model in (Program, Call, CallVersion, CallQuestion, RubricCriterion, Award):
        post_save.connect(_changed, sender=model, dispatch_uid=f"programs-public-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"programs-public-del-{model.__name__}"
        )
    m2m_changed.connect(
        _changed, sender=Program.co_hosts.through, dispatch_uid="programs-public-co-hosts"
    )
