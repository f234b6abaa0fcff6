from django.http import HttpRequest

from mujtama.accounts.models import User


class AuthedRequest(HttpRequest):
    """For type checking views whose route policy guarantees a signed-in person."""

    user: User
