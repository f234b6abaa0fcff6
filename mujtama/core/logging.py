import logging

from mujtama.core.context import current_request_id


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every log record (``-`` outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id() or "-"
        return True
