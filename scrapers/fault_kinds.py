"""A failed request (after Scrapy's retries) to one ``records.ERROR_KINDS`` key, HTTP status and message."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.internet.defer import CancelledError
from twisted.python.failure import Failure

# Kinds a later run may not meet again: the feed that listed the page is asked for in full next time.
TRANSIENT_KINDS = frozenset({"timeout", "connection", "truncated", "http_error"})


def classify_failure(failure: Failure | BaseException) -> tuple[str, int | None, str]:
    exc = failure.value if isinstance(failure, Failure) else failure
    text = str(exc) or type(exc).__name__
    if isinstance(exc, HttpError):
        status = exc.response.status
        return "http_error", status, f"HTTP {status} from {exc.response.url}"
    if isinstance(exc, IgnoreRequest):
        lowered = text.lower()
        if "robots.txt" in lowered:
            return "robots_disallowed", None, "robots.txt forbids this URL; nothing was fetched"
        if "redirect" in lowered:
            return "redirect_loop", None, f"redirections went round past the limit ({text})"
        return "connection", None, f"request ignored: {text}"
    if isinstance(exc, (DownloadTimeoutError, tx_error.TimeoutError, tx_error.TCPTimedOutError)):
        return "timeout", None, text
    if isinstance(exc, ResponseDataLossError):
        return "truncated", None, "the connection closed before the announced body length arrived"
    if isinstance(exc, (DownloadCancelledError, CancelledError)):
        if "max size" in text.lower() or isinstance(exc, CancelledError):
            return "too_large", None, f"response larger than DOWNLOAD_MAXSIZE ({text})"
        return "connection", None, text
    if isinstance(exc, (CannotResolveHostError, DownloadConnectionRefusedError, DownloadFailedError,
                        tx_error.ConnectError, tx_error.ConnectionLost, tx_error.ConnectionDone,
                        tx_error.DNSLookupError, OSError)):
        return "connection", None, f"{type(exc).__name__}: {text}"
    return "connection", None, f"{type(exc).__name__}: {text}"
