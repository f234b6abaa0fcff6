"""Per-request facts that services read without being handed the request.

Set by RequestContextMiddleware; outside a request (tasks, commands) they are empty.
"""

from contextvars import ContextVar

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
ip_hash_var: ContextVar[str] = ContextVar("ip_hash", default="")


def current_request_id() -> str:
    return request_id_var.get()


def current_ip_hash() -> str:
    return ip_hash_var.get()
