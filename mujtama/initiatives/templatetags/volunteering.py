"""``{% approved_hours user %}``: the person's approved volunteer hours, for their
profile page (so that the accounts app needs no import of this one)."""

from decimal import Decimal
from typing import Any

from django import template

from mujtama.initiatives.services.volunteers import approved_hours as total

register = template.Library()


@register.simple_tag
def approved_hours(user: Any) -> Decimal:
    return total(user)
