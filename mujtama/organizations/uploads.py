"""Checking uploaded files by what they contain, never by their name.

Documents must be a PDF (parsed, and refused if it carries scripts, launch actions or
embedded files) or a JPEG/PNG/WebP image (decoded by Pillow). Logos are decoded and
re-encoded as PNG, which drops metadata and anything hidden after the image data.
"""

import hashlib
import io
import re
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
MAX_LOGO_BYTES = 1024 * 1024
MAX_LOGO_PIXELS = 2048 * 2048
LOGO_SIZE = 512

_IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
# PDF features that make a document act rather than be read. (/OpenAction alone is
# common and harmless: office software uses it to set the first page's zoom.)
_ACTIVE_PDF = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia)\b")
_ACTIVE_PDF_NAMES = frozenset(
    {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia"}
)
# What a damaged file makes the parser raise, besides its own PdfReadError.
_UNREADABLE_PDF = (KeyError, ValueError, TypeError, AttributeError, OSError, RecursionError)
# Objects walked at most when looking for active content (a 10 MB file has far fewer).
MAX_PDF_OBJECTS = 200_000


@dataclass(frozen=True)
class CheckedFile:
    data: bytes
    content_type: str
    extension: str
    sha256: str


def _read(upload: IO[bytes], limit: int) -> bytes:
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": limit // (1024 * 1024)},
            code="too_large",
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    return data


def _image_format(data: bytes) -> str | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            image.verify()
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            _("The image has too many pixels; use one of at most 2048×2048 pixels."),
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return image_format if image_format in _IMAGE_TYPES else None


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    from pypdf.generic import DictionaryObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # Before anything else: the pages of a file with a user password cannot be
        # read, and the person should be told why.
        if reader.is_encrypted:
            raise ValidationError(
                _("Password-protected PDF files cannot be accepted."), code="encrypted"
            )
        pages = len(reader.pages)
        catalog = reader.trailer["/Root"]
        if not isinstance(catalog, DictionaryObject):
            raise ValueError("the document catalog is missing")
        active = _ACTIVE_PDF.search(data) is not None or _has_active_objects(reader)
    except (PdfReadError, *_UNREADABLE_PDF) as exc:
        raise ValidationError(_("The PDF file cannot be read."), code="bad_pdf") from exc
    if pages == 0:
        raise ValidationError(_("The PDF file has no pages."), code="bad_pdf")
    if active:
        raise ValidationError(
            _("PDF files with scripts, actions or attached files cannot be accepted."),
            code="active_pdf",
        )


def _has_active_objects(reader: Any) -> bool:
    """Walk every object reachable from the trailer and compare names once parsed:
    the raw bytes miss names written with #xx escapes (/J#61vaScript) and objects
    inside compressed object streams, and the printed catalog shows only references."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [reader.trailer]
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(obj, DictionaryObject):  # streams too: their dictionaries
            for name, value in dict.items(obj):
                if name in _ACTIVE_PDF_NAMES:
                    return True
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(list.__iter__(obj))
        elif isinstance(obj, NameObject) and obj in _ACTIVE_PDF_NAMES:
            return True
    return False


def check_document(upload: IO[bytes]) -> CheckedFile:
    """A PDF or image document, checked by content. Raises ValidationError."""
    data = _read(upload, MAX_DOCUMENT_BYTES)
    if data.startswith(b"%PDF-"):
        _check_pdf(data)
        content_type, extension = "application/pdf", ".pdf"
    else:
        image_format = _image_format(data)
        if image_format is None:
            raise ValidationError(
                _(
                    "Only PDF files and images (JPEG, PNG, WebP) are accepted; this file is neither."
                ),
                code="bad_type",
            )
        content_type = _IMAGE_TYPES[image_format]
        extension = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}[image_format]
    return CheckedFile(data, content_type, extension, hashlib.sha256(data).hexdigest())


def check_logo(upload: IO[bytes]) -> CheckedFile:
    """An image, decoded and re-encoded as a PNG of at most 512×512."""
    from PIL import Image, UnidentifiedImageError

    data = _read(upload, MAX_LOGO_BYTES)
    if _image_format(data) is None:
        raise ValidationError(_("The logo must be a JPEG, PNG or WebP image."), code="bad_type")
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_LOGO_PIXELS:
                raise ValidationError(
                    _("The logo is too large; use an image of at most 2048×2048 pixels."),
                    code="too_many_pixels",
                )
            converted = image.convert("RGBA")
            converted.thumbnail((LOGO_SIZE, LOGO_SIZE))
            out = io.BytesIO()
            converted.save(out, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(_("The logo image cannot be read."), code="bad_image") from exc
    png = out.getvalue()
    return CheckedFile(png, "image/png", ".png", hashlib.sha256(png).hexdigest())
