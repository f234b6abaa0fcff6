"""Checking uploaded files by what they contain, never by their name.

Documents must be a PDF (parsed, and refused if it carries scripts, launch actions or
embedded files) or a JPEG/PNG/WebP image (decoded by Pillow). Logos and feedback
screenshots are decoded and re-encoded (PNG and JPEG), which drops metadata and
anything hidden after the image data.
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
MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024
MAX_SCREENSHOT_PIXELS = 6000 * 6000
SCREENSHOT_SIZE = 1600

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


def _reencoded(
    data: bytes,
    *,
    max_pixels: int,
    size: int,
    image_format: str,
    too_many_pixels: Any,
    unreadable: Any,
) -> bytes:
    """The decoded image, shrunk to fit ``size`` and saved anew: what was in the file
    besides the picture (metadata such as GPS position, anything hidden after the
    image data) is left behind."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > max_pixels:
                raise ValidationError(too_many_pixels, code="too_many_pixels")
            upright = ImageOps.exif_transpose(image) or image
            converted = upright.convert("RGBA" if image_format == "PNG" else "RGB")
            converted.thumbnail((size, size))
            out = io.BytesIO()
            if image_format == "PNG":
                converted.save(out, format="PNG", optimize=True)
            else:
                converted.save(out, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(unreadable, code="bad_image") from exc
    return out.getvalue()


def check_logo(upload: IO[bytes]) -> CheckedFile:
    """An image, decoded and re-encoded as a PNG of at most 512×512."""
    data = _read(upload, MAX_LOGO_BYTES)
    if _image_format(data) is None:
        raise ValidationError(_("The logo must be a JPEG, PNG or WebP image."), code="bad_type")
    png = _reencoded(
        data,
        max_pixels=MAX_LOGO_PIXELS,
        size=LOGO_SIZE,
        image_format="PNG",
        too_many_pixels=_("The logo is too large; use an image of at most 2048×2048 pixels."),
        unreadable=_("The logo image cannot be read."),
    )
    return CheckedFile(png, "image/png", ".png", hashlib.sha256(png).hexdigest())


def check_screenshot(upload: IO[bytes]) -> CheckedFile:
    """A screenshot or photo sent with feedback: a JPEG, PNG or WebP image of at
    most 5 MB, re-encoded as a JPEG of at most 1600 pixels a side."""
    data = _read(upload, MAX_SCREENSHOT_BYTES)
    if _image_format(data) is None:
        raise ValidationError(
            _("The screenshot must be a JPEG, PNG or WebP image; this file is not an image."),
            code="bad_type",
        )
    jpeg = _reencoded(
        data,
        max_pixels=MAX_SCREENSHOT_PIXELS,
        size=SCREENSHOT_SIZE,
        image_format="JPEG",
        too_many_pixels=_("The image has too many pixels; use a screenshot or a smaller photo."),
        unreadable=_("The image cannot be read."),
    )
    return CheckedFile(jpeg, "image/jpeg", ".jpg", hashlib.sha256(jpeg).hexdigest())
