"""The PDF of a verifiable document, checked as a reader and a phone see it: one page,
a QR code that a scanner reads as the verification URL, the Arabic text in logical
order, the revoked mark; and PDF rendering that never goes to the network."""

import io
import socket
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pypdf
import pytest
from django.utils.safestring import mark_safe

from mujtama.core import codes
from mujtama.core.models import DocumentKind
from mujtama.core.pdf import (
    RemoteFetchRefused,
    check_local_url,
    document_pdf,
    local_url_fetcher,
    qr_svg,
    render_pdf,
)
from mujtama.core.tests import pdf_tools
from mujtama.core.tests.pdf_tools import decode_qr, pdf_text, pdf_to_png, pdf_words
from mujtama.core.verification import document_issue, document_revoke, verify_url

FULL_NAME = "ليلى عبد الرحمن الحسن"
SITE = "https://mujtama.example.sy"
DETAILS = [
    ("الدورة", "Course", "أساسيات تطوير الويب"),
    ("عدد الساعات", "Hours", "60"),
    ("المدة", "Dates", "1/2/2026 – 10/3/2026"),
]


def issue(**overrides: Any) -> Any:
    fields: dict[str, Any] = {
        "kind": DocumentKind.TRAINING_CERTIFICATE,
        "holder_name": "ليلى ع.",  # what the public page shows; the PDF has the full name
        "title_ar": "أساسيات تطوير الويب",
        "title_en": "Web development basics",
        "issuer_ar": "جمعية الأمل للتقانة",
        "issuer_en": "Al-Amal Technology Association",
        "summary_ar": "أتمّت ٦٠ ساعة تدريبية ونجحت في المشروع الختامي.",
        "summary_en": "Completed 60 training hours and passed the final project.",
        "issued_on": date(2026, 3, 14),
    }
    return document_issue(actor=None, **(fields | overrides))


def absolute_url(document):
    return SITE + verify_url(document, language="ar")


def make_pdf(document, details=DETAILS):
    return document_pdf(
        document,
        holder_full_name=FULL_NAME,
        verify_absolute_url=absolute_url(document),
        details=details,
    )


@pytest.fixture
def document(db):
    return issue()


@pytest.fixture
def no_network(monkeypatch):
    """Records every attempt to resolve a name or open a socket, and stops it."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access in a test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.fixture
def template_dir(settings, tmp_path):
    """A folder of templates of the test's own, searched before the project's."""
    folder = tmp_path / "templates"
    folder.mkdir()
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [engine | {"DIRS": [folder, *engine["DIRS"]]}]
    return folder


@pytest.mark.django_db
def test_the_document_is_one_a4_landscape_page(document):
    pdf = make_pdf(document)
    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


@pytest.mark.django_db
def test_the_qr_code_reads_as_the_absolute_verification_url(document, tmp_path):
    pdf = make_pdf(document)
    [page] = pdf_to_png(pdf, tmp_path, dpi=150)
    url = absolute_url(document)
    assert url == f"{SITE}/ar/verify/{document.code}/"
    assert decode_qr(page) == [url]


@pytest.mark.django_db
def test_the_text_has_the_full_name_in_logical_order_and_both_titles(document):
    text = pdf_text(make_pdf(document))
    assert FULL_NAME in text
    assert FULL_NAME[::-1] not in text
    assert "Web development basics" in text
    assert "أساسيات تطوير الويب" in text
    assert "Al-Amal Technology Association" in text
    assert "جمعية الأمل للتقانة" in text
    # The code in groups of three, once with its Arabic and once with its English label.
    assert codes.display(document.code) in text
    assert text.count(absolute_url(document)) == 2  # "scan or visit <url>" in each language
    assert "60" in text and "Hours" in text and "عدد الساعات" in text
    assert "REVOKED" not in text and "ملغاة" not in text


@pytest.mark.django_db
def test_a_revoked_document_still_renders_and_says_it_is_revoked(document, platform_admin):
    document = document_revoke(actor=platform_admin, document=document, reason="صدرت خطأً")
    pdf = make_pdf(document)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    text = pdf_text(pdf)
    assert "REVOKED" in text
    assert "ملغاة" in text
    assert FULL_NAME in text  # what it said stays readable


@pytest.mark.django_db
def test_a_volunteer_hours_statement_says_what_it_is():
    document = issue(kind=DocumentKind.VOLUNTEER_HOURS, title_en="120 volunteer hours")
    text = pdf_text(make_pdf(document))
    assert "VOLUNTEER HOURS STATEMENT" in text  # the English kind is set in capitals
    assert "كشف ساعات العمل التطوعي" in text
    assert "TRAINING CERTIFICATE" not in text


@pytest.mark.django_db
def test_long_content_stays_on_one_page_above_the_footer():
    """The most the page holds whole: summaries cut to their limit and five rows of
    details (``document_pdf`` says so)."""
    document = issue(
        summary_ar="أتمّت ساعات التدريب كلها ونجحت في المشروع الختامي. " * 12,
        summary_en="Completed every training hour and passed the final project. " * 12,
    )
    details = [*DETAILS, ("المدرب", "Trainer", "سامر الخطيب"), ("رقم الشهادة", "No.", "TC-0042")]
    pdf = make_pdf(document, details=details)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    assert "…" in pdf_text(pdf)  # the summaries were shortened
    words = pdf_words(pdf)
    middle = 842 / 2
    # The footer's rule lies 8 mm above its first line of text ("Verification code").
    footer_rule = min(w.y_min for w in words if w.text == "Verification") - 8 * 72 / 25.4
    # Text that overflows its column is clipped out of sight but still drawn, lower down:
    # the last row must be there, in both halves, above the footer.
    last_row = [w for w in words if w.text == "TC-0042"]
    assert sorted(w.x_max < middle for w in last_row) == [False, True]
    assert all(w.y_max < footer_rule for w in last_row)
    issued_on = [w for w in words if w.text == "2026" and w.x_max < middle]  # 14 March 2026
    assert issued_on and all(w.y_max < footer_rule for w in issued_on)


@pytest.mark.django_db
def test_a_relative_verification_url_is_refused(document):
    with pytest.raises(ValueError, match="absolute"):
        document_pdf(document, holder_full_name=FULL_NAME, verify_absolute_url=verify_url(document))


@pytest.mark.parametrize(
    "data",
    [
        "https://mujtama.example.sy/ar/verify/K7QM4XPDRA2B/",
        'https://x.example/?q=<script>alert("x")</script>&name=ليلى',
    ],
)
def test_qr_svg_is_inert_markup_that_reads_back_as_its_input(data, template_dir, tmp_path):
    svg = qr_svg(data)
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert "<?xml" not in svg
    root = ET.fromstring(svg)  # noqa: S314  # our own markup; checks it is well-formed
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox")
    lowered = svg.lower()
    assert "script" not in lowered and "<foreignobject" not in lowered and " on" not in lowered
    assert "http" not in lowered.replace("http://www.w3.org/2000/svg", "")  # no link, no data
    # Rasterise exactly this markup, the way the document does, and scan it.
    (template_dir / "qr.html").write_text(
        '<html><body style="margin: 0"><div style="width: 50mm">{{ svg }}</div></body></html>'
    )
    pdf = render_pdf("qr.html", {"svg": mark_safe(svg)})
    [page] = pdf_to_png(pdf, tmp_path, dpi=150)
    assert decode_qr(page) == [data]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/x.png",
        "HTTP://example.com/x.png",
        "ftp://example.com/x.png",
        "//example.com/x.png",
        "file:///etc/passwd",
        "file://example.com/static/img/favicon.svg",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files(url, no_network):
    with pytest.raises(RemoteFetchRefused):
        check_local_url(url)
    with pytest.raises(RemoteFetchRefused):
        local_url_fetcher()(url)
    assert no_network == []


def test_the_fetcher_serves_static_files_and_data_urls(settings, no_network):
    favicon = settings.STATICFILES_DIRS[0] / "img" / "favicon.svg"
    response = local_url_fetcher()(favicon.resolve().as_uri())
    assert response.read() == favicon.read_bytes()
    response.close()
    response = local_url_fetcher()("data:text/plain;base64,bWFyaGFiYQ==")
    assert response.read() == b"marhaba"
    response.close()
    outside = settings.STATICFILES_DIRS[0] / ".." / "pyproject.toml"
    with pytest.raises(RemoteFetchRefused):
        local_url_fetcher()(outside.as_uri())
    assert no_network == []


def test_a_remote_image_in_a_template_makes_no_request(template_dir, no_network, caplog):
    (template_dir / "remote.html").write_text(
        '<html><body><p>مرحبا</p><img src="http://example.com/x.png">'
        '<img src="img/favicon.svg" style="width: 10mm"></body></html>'
    )
    pdf = render_pdf("remote.html", {})
    assert pdf.startswith(b"%PDF-")
    assert no_network == []
    refused = [r for r in caplog.records if "example.com/x.png" in r.getMessage()]
    assert refused, "WeasyPrint should report the image it was not given"
    assert not [r for r in caplog.records if "favicon.svg" in r.getMessage()]


def test_missing_pdf_tools_skip_the_test_unless_they_are_required(monkeypatch):
    monkeypatch.setattr(pdf_tools.shutil, "which", lambda tool: None)
    monkeypatch.delenv("MUJTAMA_REQUIRE_PDF_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="pdftoppm"):
        pdf_tools.require_pdf_tools()
    monkeypatch.setenv("MUJTAMA_REQUIRE_PDF_TOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="MUJTAMA_REQUIRE_PDF_TOOLS"):
        pdf_tools.require_pdf_tools()
