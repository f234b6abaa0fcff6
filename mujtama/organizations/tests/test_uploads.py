"""Uploaded files are judged by what they contain, never by their name; documents
are opened only by those who may, and ministry reads are recorded."""

import hashlib
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.organizations import uploads
from mujtama.organizations.models import (
    DocumentKind,
    JoiningApplication,
    MemberRole,
    OrganizationDocument,
)
from mujtama.organizations.services.documents import (
    document_delete,
    document_open,
    document_upload,
)
from mujtama.organizations.services.joining import application_submit
from mujtama.organizations.services.registry import organization_set_logo
from mujtama.organizations.tests.factories import (
    PDF_BYTES,
    OrganizationFactory,
    add_member,
    criteria_in_force,
    png_bytes,
    ready_to_apply,
)
from mujtama.organizations.uploads import check_document, check_logo


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests read the services' messages in English; Arabic ones are checked
    where a test says so (translation.override("ar"))."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _refused(check: Any, data: bytes, *, code: str, language: str = "en") -> str:
    with translation.override(language):
        with pytest.raises(ValidationError) as refused:
            check(io.BytesIO(data))
        message = " ".join(refused.value.messages)
    assert refused.value.code == code, message
    assert message.strip()
    assert "Traceback" not in message
    return message


# --- PDFs ---------------------------------------------------------------------------------


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _blank_writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return writer


def _js_action(writer: PdfWriter) -> Any:
    return writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert('hello');"),
            }
        )
    )


def _pdf_with_open_action_script() -> bytes:
    writer = _blank_writer()
    writer._root_object[NameObject("/OpenAction")] = _js_action(writer)
    return _written(writer)


def _pdf_with_script_in_a_link() -> bytes:
    """The script hides in an annotation of the page, an indirect object."""
    writer = _blank_writer()
    annotation = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject([FloatObject(0)] * 2 + [FloatObject(50)] * 2),
                NameObject("/A"): _js_action(writer),
            }
        )
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([annotation])
    return _written(writer)


def _escaped(data: bytes) -> bytes:
    """PDF names may escape any character as #xx: /J#61vaScript is /JavaScript."""
    escaped = data.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")
    assert b"JavaScript" not in escaped
    return escaped


def _pdf_with_attachment() -> bytes:
    writer = _blank_writer()
    writer.add_attachment("payload.exe", b"MZ\x90\x00")
    return _written(writer)


def _encrypted(user_password: str, owner_password: str | None = None) -> bytes:
    writer = _blank_writer()
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    return _written(writer)


def test_a_valid_pdf_is_accepted():
    checked = check_document(io.BytesIO(PDF_BYTES))
    assert checked.content_type == "application/pdf"
    assert checked.extension == ".pdf"
    assert checked.data == PDF_BYTES
    assert checked.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()


def test_a_pdf_written_by_office_software_is_accepted():
    writer = _blank_writer()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Title": "النظام الأساسي", "/Author": "جمعية الأمل"})
    checked = check_document(io.BytesIO(_written(writer)))
    assert checked.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("image_format", "content_type", "extension"),
    [("JPEG", "image/jpeg", ".jpg"), ("PNG", "image/png", ".png"), ("WEBP", "image/webp", ".webp")],
)
def test_images_are_accepted(image_format, content_type, extension):
    out = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(out, format=image_format)
    checked = check_document(io.BytesIO(out.getvalue()))
    assert (checked.content_type, checked.extension) == (content_type, extension)


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 500,  # a Windows executable
        b"\x7fELF\x02\x01\x01" + b"\x00" * 500,  # a Linux executable
        b"#!/bin/sh\nrm -rf /\n",
        "هذا ملف نصي وليس مستنداً.\n".encode(),
        b"<html><script>alert(1)</script></html>",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    ],
    ids=["exe", "elf", "script", "text", "html", "gif"],
)
def test_files_that_are_neither_pdf_nor_image_are_refused_whatever_their_name(data):
    message = _refused(check_document, data, code="bad_type")
    assert "Only PDF files and images" in message


@pytest.mark.parametrize(
    "make",
    [
        _pdf_with_open_action_script,
        _pdf_with_script_in_a_link,
        lambda: _escaped(_pdf_with_open_action_script()),
        lambda: _escaped(_pdf_with_script_in_a_link()),
        _pdf_with_attachment,
        lambda: PDF_BYTES.replace(
            b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/Launch/F(cmd.exe)>>"
        ),
        lambda: PDF_BYTES.replace(
            b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/L#61unch/F(cmd.exe)>>"
        ),
        lambda: PDF_BYTES.replace(b"/Type/Catalog", b"/Type/Catalog/OpenAction<</S/JavaScript>>"),
    ],
    ids=[
        "open-action-script",
        "script-in-link",
        "escaped-open-action-script",
        "escaped-script-in-link",
        "attachment",
        "launch",
        "escaped-launch",
        "inline-script",
    ],
)
def test_pdfs_that_act_are_refused(make):
    message = _refused(check_document, make(), code="active_pdf")
    assert "scripts, actions or attached files" in message


@pytest.mark.parametrize(
    ("user_password", "owner_password"),
    [("secret", None), ("secret", "owner-secret"), ("", "owner-secret")],
    ids=["user-password", "both-passwords", "owner-password-only"],
)
def test_encrypted_pdfs_are_refused_as_password_protected(user_password, owner_password):
    data = _encrypted(user_password, owner_password)
    message = _refused(check_document, data, code="encrypted")
    assert message == "Password-protected PDF files cannot be accepted."


@pytest.mark.parametrize(
    "data",
    [
        PDF_BYTES[:40],
        PDF_BYTES[: len(PDF_BYTES) // 2],
        b"%PDF-1.7\n" + bytes(range(256)) * 8,
        b"%PDF-",
        PDF_BYTES.replace(b"/Root 1 0 R", b"/Root 9 0 R"),
    ],
    ids=["header-only", "half", "garbage", "magic-only", "broken-root"],
)
def test_truncated_or_garbled_pdfs_are_refused(data):
    message = _refused(check_document, data, code="bad_pdf")
    assert "PDF" in message


def test_a_pdf_without_pages_is_refused():
    data = PDF_BYTES.replace(b"/Kids[3 0 R]/Count 1", b"/Kids[]/Count 0")
    _refused(check_document, data, code="bad_pdf")


def test_a_file_over_10_mb_is_refused_and_one_at_the_limit_is_judged_by_content():
    over = b"%PDF-1.4\n" + b"0" * (uploads.MAX_DOCUMENT_BYTES - 8)
    assert len(over) == uploads.MAX_DOCUMENT_BYTES + 1
    message = _refused(check_document, over, code="too_large")
    assert message == "The file is larger than 10 MB."
    at_limit = b"\x00" * uploads.MAX_DOCUMENT_BYTES
    _refused(check_document, at_limit, code="bad_type")


def test_an_empty_file_is_refused():
    assert _refused(check_document, b"", code="empty") == "The file is empty."
    assert _refused(check_logo, b"", code="empty") == "The file is empty."


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"MZ" + b"\x00" * 100, "bad_type"),
        (b"%PDF-1.4 broken", "bad_pdf"),
        (_encrypted("secret"), "encrypted"),
        (_pdf_with_open_action_script(), "active_pdf"),
        (b"%PDF-" + b"0" * uploads.MAX_DOCUMENT_BYTES, "too_large"),
    ],
)
def test_every_document_message_renders_in_arabic_and_english(data, code):
    english = _refused(check_document, data, code=code, language="en")
    arabic = _refused(check_document, data, code=code, language="ar")
    assert english.isascii()
    assert arabic.strip()
    if code == "too_large":
        assert "MB" in english and "10" in english


# --- logos ----------------------------------------------------------------------------------


def _png_with_metadata(size: tuple[int, int]) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "GPS 33.51,36.29 — taken at home")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "PhoneModel"
    out = io.BytesIO()
    Image.new("RGB", size, "navy").save(out, format="PNG", pnginfo=info, exif=exif)
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as image:
        assert "Comment" in image.info and "exif" in image.info
    return data


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_logo_is_re_encoded_without_metadata_and_made_small():
    data = _png_with_metadata((1200, 900))
    checked = check_logo(io.BytesIO(data))
    assert checked.content_type == "image/png"
    assert checked.extension == ".png"
    assert checked.data != data
    assert checked.sha256 == hashlib.sha256(checked.data).hexdigest()
    image = _opened(checked.data)
    assert image.format == "PNG"
    assert max(image.size) <= uploads.LOGO_SIZE
    assert image.size == (512, 384)
    assert "Comment" not in image.info and "exif" not in image.info


def test_a_jpeg_logo_with_exif_becomes_a_png():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    Image.new("RGB", (300, 200), "red").save(out, format="JPEG", exif=exif)
    checked = check_logo(io.BytesIO(out.getvalue()))
    image = _opened(checked.data)
    assert image.format == "PNG" and image.size == (300, 200)
    assert "exif" not in image.info


def test_anything_after_the_image_data_is_dropped():
    data = png_bytes((40, 40)) + b"<?php system($_GET['c']); ?>"
    checked = check_logo(io.BytesIO(data))
    assert b"<?php" not in checked.data


def test_a_logo_with_too_many_pixels_is_refused():
    out = io.BytesIO()
    Image.new("1", (3000, 3000)).save(out, format="PNG")
    assert len(out.getvalue()) < uploads.MAX_LOGO_BYTES
    message = _refused(check_logo, out.getvalue(), code="too_many_pixels")
    assert "2048" in message


def test_a_decompression_bomb_is_refused():
    """A tiny file that would decode to 400 million pixels."""
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, format="PNG")
    assert len(out.getvalue()) < uploads.MAX_LOGO_BYTES
    with pytest.raises(ValidationError):
        check_logo(io.BytesIO(out.getvalue()))


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused_as_logos(image_format):
    out = io.BytesIO()
    Image.new("RGB", (64, 64), "blue").save(out, format=image_format)
    message = _refused(check_logo, out.getvalue(), code="bad_type")
    assert message == "The logo must be a JPEG, PNG or WebP image."


def test_a_pdf_is_not_a_logo():
    _refused(check_logo, PDF_BYTES, code="bad_type")


def test_a_logo_over_1_mb_is_refused():
    message = _refused(check_logo, b"\x89PNG" + b"\x00" * uploads.MAX_LOGO_BYTES, code="too_large")
    assert message == "The file is larger than 1 MB."


@pytest.mark.django_db
def test_setting_a_logo_stores_the_re_encoded_png_and_audits(org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    with pytest.raises(PermissionDenied):
        organization_set_logo(
            actor=viewer, organization=organization, upload=io.BytesIO(png_bytes((64, 64)))
        )
    data = _png_with_metadata((700, 700))
    updated = organization_set_logo(
        actor=org_owner, organization=organization, upload=io.BytesIO(data)
    )
    assert updated.logo.name.startswith("logos/") and updated.logo.name.endswith(".png")
    with updated.logo.open("rb") as stored:
        image = _opened(stored.read())
    assert image.size == (512, 512)
    event = AuditEvent.objects.get(verb="organizations.logo_changed")
    assert event.actor == org_owner


# --- documents of an organization -----------------------------------------------------------


@pytest.fixture
def organization(org_owner):
    return OrganizationFactory(created_by=org_owner)


@pytest.mark.django_db
def test_upload_stores_a_checked_document_under_a_safe_name(org_owner, organization):
    upload = SimpleUploadedFile("النظام الأساسي.pdf", PDF_BYTES)
    document = document_upload(
        actor=org_owner,
        organization=organization,
        kind=DocumentKind.STATUTES,
        upload=upload,
        filename="../../etc/النظام الأساسي.pdf",
    )
    assert document.content_type == "application/pdf"
    assert document.size == len(PDF_BYTES)
    assert document.sha256 == hashlib.sha256(PDF_BYTES).hexdigest()
    assert document.file.name.startswith(f"documents/{organization.pk}/")
    assert document.file.name.endswith(".pdf") and ".." not in document.file.name
    assert document.original_name == "../../etc/النظام الأساسي.pdf"
    with document.file.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    event = AuditEvent.objects.get(verb="organizations.document_uploaded")
    assert event.changes == {"document": document.pk, "kind": "statutes", "sha256": document.sha256}


@pytest.mark.django_db
def test_the_type_comes_from_the_content_not_the_name(org_owner, organization):
    document = document_upload(
        actor=org_owner,
        organization=organization,
        kind=DocumentKind.OTHER,
        upload=io.BytesIO(png_bytes()),
        filename="scan.pdf",
    )
    assert document.content_type == "image/png"
    assert document.file.name.endswith(".png")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data", [b"MZ\x90\x00" + b"\x00" * 200, b"\x7fELF" + b"\x00" * 200, b"just text"]
)
def test_upload_refuses_a_renamed_executable_and_stores_nothing(org_owner, organization, data):
    with pytest.raises(ValidationError):
        document_upload(
            actor=org_owner,
            organization=organization,
            kind=DocumentKind.LICENSE,
            upload=io.BytesIO(data),
            filename="report.pdf",
        )
    assert not OrganizationDocument.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_upload_needs_an_editor_and_a_known_kind(org_owner, organization, citizen):
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, citizen):
        with pytest.raises(PermissionDenied):
            document_upload(
                actor=someone,
                organization=organization,
                kind=DocumentKind.STATUTES,
                upload=io.BytesIO(PDF_BYTES),
                filename="a.pdf",
            )
    with pytest.raises(ValidationError):
        document_upload(
            actor=org_owner,
            organization=organization,
            kind="passport",
            upload=io.BytesIO(PDF_BYTES),
            filename="a.pdf",
        )
    assert not OrganizationDocument.objects.exists()


def _upload(actor: Any, organization: Any, kind: str) -> OrganizationDocument:
    return document_upload(
        actor=actor,
        organization=organization,
        kind=kind,
        upload=io.BytesIO(PDF_BYTES),
        filename=f"{kind}.pdf",
    )


def _force_status(application: JoiningApplication, status: str) -> None:
    JoiningApplication.objects.filter(pk=application.pk).update(status=status)


@pytest.mark.django_db
def test_a_document_under_review_cannot_be_deleted(
    org_owner, moct_officer, django_capture_on_commit_callbacks
):
    criteria_in_force(moct_officer)
    organization = OrganizationFactory(created_by=org_owner)
    statutes = _upload(org_owner, organization, DocumentKind.STATUTES)
    _upload(org_owner, organization, DocumentKind.BOARD_LIST)
    application = JoiningApplication.objects.create(organization=organization, created_by=org_owner)
    application = application_submit(actor=org_owner, application=application)
    assert str(statutes.pk) in application.documents_snapshot
    for status in ("submitted", "under_review"):
        _force_status(application, status)
        with translation.override("en"), pytest.raises(ValidationError) as refused:
            document_delete(actor=org_owner, document=statutes)
        with translation.override("en"):
            assert "under review" in " ".join(refused.value.messages)
        assert OrganizationDocument.objects.filter(pk=statutes.pk).exists()
    # A document uploaded after submission is not part of it and may go.
    extra = _upload(org_owner, organization, DocumentKind.OTHER)
    document_delete(actor=org_owner, document=extra)
    # Once changes are asked for (or after a decision) the document may be replaced.
    _force_status(application, "changes_requested")
    path = statutes.file.path
    with django_capture_on_commit_callbacks(execute=True):
        document_delete(actor=org_owner, document=statutes)
    assert not OrganizationDocument.objects.filter(pk=statutes.pk).exists()
    assert AuditEvent.objects.filter(verb="organizations.document_deleted").count() == 2
    import os

    assert not os.path.exists(path)


@pytest.mark.django_db
def test_only_editors_delete_documents(org_owner, organization, citizen):
    document = _upload(org_owner, organization, DocumentKind.OTHER)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, citizen):
        with pytest.raises(PermissionDenied):
            document_delete(actor=someone, document=document)
    assert OrganizationDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_a_stranger_cannot_open_a_document(
    org_owner, organization, citizen, program_manager, analyst
):
    document = _upload(org_owner, organization, DocumentKind.STATUTES)
    other_owner = UserFactory()
    OrganizationFactory(created_by=other_owner)
    for someone in (citizen, other_owner, program_manager, analyst, None):
        with translation.override("en"), pytest.raises(PermissionDenied) as denied:
            document_open(user=someone, document=document)
        assert "Only the organization's people" in str(denied.value)
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()


@pytest.mark.django_db
def test_staff_without_their_second_factor_cannot_open_a_document(
    org_owner, organization, staff_without_second_factor
):
    document = _upload(org_owner, organization, DocumentKind.STATUTES)
    with pytest.raises(PermissionDenied):
        document_open(user=staff_without_second_factor, document=document)


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", ["mosal_officer", "moct_officer", "platform_admin"])
def test_a_ministry_read_is_recorded(persona, org_owner, organization, persona_name):
    document = _upload(org_owner, organization, DocumentKind.STATUTES)
    officer = persona(persona_name)
    with document_open(user=officer, document=document) as opened:
        assert opened.read() == PDF_BYTES
    event = AuditEvent.objects.get(verb="organizations.document_read")
    assert event.actor == officer
    assert event.object_id == str(organization.pk)
    assert event.changes == {"document": document.pk, "kind": "statutes"}


@pytest.mark.django_db
def test_a_reviewer_opens_only_what_is_assigned_to_them(org_owner, organization, reviewer):
    document = _upload(org_owner, organization, DocumentKind.STATUTES)
    with pytest.raises(PermissionDenied):
        document_open(user=reviewer, document=document)
    JoiningApplication.objects.create(
        organization=organization, created_by=org_owner, assigned_to=reviewer
    )
    with document_open(user=reviewer, document=document) as opened:
        assert opened.read() == PDF_BYTES
    assert (
        AuditEvent.objects.filter(verb="organizations.document_read", actor=reviewer).count() == 1
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["owner", "editor", "viewer"])
def test_the_organizations_own_people_open_documents_without_a_record(
    org_owner, organization, role
):
    document = _upload(org_owner, organization, DocumentKind.STATUTES)
    person = org_owner if role == "owner" else add_member(organization, UserFactory(), role)
    with document_open(user=person, document=document) as opened:
        assert opened.read() == PDF_BYTES
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()


@pytest.mark.django_db
def test_a_ministry_officer_who_is_also_a_member_reads_without_a_record(
    mosal_officer, organization
):
    add_member(organization, mosal_officer, MemberRole.VIEWER)
    document = ready_to_apply(organization).documents.first()
    with document_open(user=mosal_officer, document=document):
        pass
    assert not AuditEvent.objects.filter(verb="organizations.document_read").exists()
