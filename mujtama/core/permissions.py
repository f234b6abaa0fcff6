"""Checks answer with a decision and, when they refuse, a reason the person can read."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.functional import Promise


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str | Promise = ""

    def __bool__(self) -> bool:
        return self.allowed

    def require(self) -> None:
        """Raise ``PermissionDenied`` with the reason unless allowed: how services
        refuse."""
        if not self.allowed:
            raise PermissionDenied(self.reason)


ALLOW = Decision(True)


def deny(reason: str | Promise) -> Decision:
    return Decision(False, reason)
