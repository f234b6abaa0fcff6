"""PDFs of the documents the platform issues (volunteer hours statements, training
certificates), rendered from Django templates with WeasyPrint.

``document_pdf`` is the one function the issuing apps call: a single A4 page, in Arabic
and English at once, with the verification code and a QR code of the document's public
verification page (``core.verification``).

Rendering never touches the network: the URL fetcher given to WeasyPrint accepts only
``data:`` URLs and files under the static folders, so a template that names a remote
image or stylesheet renders without it instead of making a request. Templates refer to
static files by paths relative to the static folder (``img/favicon.svg``), not with
``{% static %}``.

WeasyPrint takes more than a second to import, so it is imported on first use and not
when Django starts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import override

from mujtama.core import codes

if TYPE_CHECKING:
    from weasyprint.urls import URLFetcher

    from mujtama.core.models import VerifiableDocument

DOCUMENT_TEMPLATE = "core/pdf/document.html"
# Pixels per module of the QR code where its size is not set by CSS.
QR_SCALE = 4
# The quiet zone around the QR code, in modules (the standard asks for four).
QR_BORDER = 4


class RemoteFetchRefused(ValueError):
    """A template asked for a resource that is not a static file or a data: URL."""


def qr_svg(data: str) -> str:
    """Inline SVG markup (no XML declaration) of a QR code of ``data``: error
    correction M, the standard quiet zone, black on white. The markup holds only the
    drawn modules, never ``data`` itself, so it can go into HTML through
    ``mark_safe``. It has a viewBox, so CSS may set its size."""
    qr = segno.make(data, error="m", micro=False, boost_error=False)
    out = io.BytesIO()
    qr.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        omitsize=True,  # a viewBox instead of a fixed size; the size comes next
        border=QR_BORDER,
        dark="#000",
        light="#fff",
    )
    size = qr.symbol_size(scale=QR_SCALE, border=QR_BORDER)[0]
    svg = out.getvalue().decode("ascii")
    return svg.replace("<svg ", f'<svg width="{size}" height="{size}" role="img" ', 1)


def _static_roots() -> list[Path]:
    roots = []
    for entry in settings.STATICFILES_DIRS:
        # An entry is a path or a (prefix, path) pair.
        roots.append(Path(entry[1] if isinstance(entry, tuple | list) else entry))
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


def check_local_url(url: str) -> None:
    """Refuse (``RemoteFetchRefused``) every URL but ``data:`` and ``file:`` URLs of
    files under the static folders."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return
    if scheme == "file" and parts.netloc in ("", "localhost"):
        path = Path(url2pathname(parts.path)).resolve()
        if any(path.is_relative_to(root) for root in _static_roots()):
            return
    raise RemoteFetchRefused(f"PDF rendering fetches only static files, not {url[:200]!r}")


@cache
def _fetcher_class() -> type[URLFetcher]:
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        """WeasyPrint's fetcher, limited to what ``check_local_url`` lets through."""

        def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
            check_local_url(url)
            return super().fetch(url, headers)

    return LocalOnlyFetcher


def local_url_fetcher() -> URLFetcher:
    """A WeasyPrint URL fetcher that never opens a network connection (it raises
    ``RemoteFetchRefused`` for anything but static files and data: URLs)."""
    return _fetcher_class()(allowed_protocols=("data", "file"), allow_redirects=False, timeout=1)


def _base_url() -> str:
    roots = _static_roots()
    existing = [root for root in roots if root.is_dir()]
    return (existing or roots or [Path(settings.BASE_DIR)])[0].as_uri() + "/"


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    """Render a Django template and make a PDF of it; relative URLs resolve against the
    static folder, and nothing is fetched from the network."""
    from weasyprint import HTML

    html = render_to_string(template_name, context)
    pdf: bytes = HTML(
        string=html, base_url=_base_url(), url_fetcher=local_url_fetcher()
    ).write_pdf()
    return pdf


def _dates(value: Any) -> tuple[str, str]:
    """A date written the Arabic and the English way."""
    with override("ar"):
        arabic = date_format(value)
    with override("en"):
        english = date_format(value)
    return arabic, english


def document_pdf(
    document: VerifiableDocument,
    *,
    holder_full_name: str,
    verify_absolute_url: str,
    details: Sequence[tuple[str, str, str]] = (),
) -> bytes:
    """The PDF of a verifiable document: one A4 page in Arabic and English with the
    holder's full name, what the document attests, ``details`` (rows of Arabic label,
    English label, value), the issuer and date, the verification code and a QR code of
    ``verify_absolute_url`` (the absolute URL of ``verification.verify_url``). A
    revoked document renders too, marked as revoked in both languages.

    The page holds summaries of up to 320 characters (longer ones are cut, with "…")
    and five rows of ``details`` below the issuer and the date; rows beyond what fits
    are cut at the bottom of their column, never pushed onto a second page."""
    if urlsplit(verify_absolute_url).scheme not in ("https", "http"):
        raise ValueError("verify_absolute_url must be an absolute http(s) URL")
    issued_ar, issued_en = _dates(document.issued_on)
    revoked_ar = revoked_en = ""
    if document.status == "revoked" and document.revoked_at is not None:
        revoked_ar, revoked_en = _dates(timezone.localtime(document.revoked_at).date())
    context = {
        "document": document,
        "revoked": document.status == "revoked",
        "revoked_on_ar": revoked_ar,
        "revoked_on_en": revoked_en,
        "holder_full_name": holder_full_name.strip() or document.holder_name,
        "verify_url": verify_absolute_url,
        "details": [(str(ar), str(en), str(value)) for ar, en, value in details],
        "issued_on_ar": issued_ar,
        "issued_on_en": issued_en,
        "code": codes.display(document.code),
        "qr": mark_safe(qr_svg(verify_absolute_url)),  # markup of segno, no user text
    }
    return render_pdf(DOCUMENT_TEMPLATE, context)
