"""Set-up helpers of the feedback tests: ministries, services, officers with desks,
and feedback received through the real intake service."""

import io
from typing import Any

from PIL import Image

from mujtama.accounts.tests.factories import staff_user
from mujtama.feedback.models import DigitalService, Feedback, FeedbackDesk, Ministry
from mujtama.feedback.services.intake import feedback_submit
from mujtama.geo.models import Governorate

REASON = "سبب واضح للقرار"
PASSPORT_OTP = "رمز التحقق ما عم يوصل لما احجز دور للجواز"


def ministry(code: str = "interior", **fields: Any) -> Ministry:
    defaults = {"name_ar": f"وزارة {code}", "name_en": f"Ministry {code}"}
    return Ministry.objects.get_or_create(code=code, defaults={**defaults, **fields})[0]


def service(of: Ministry | None = None, code: int = 12, **fields: Any) -> DigitalService:
    of = of or ministry()
    defaults = {
        "ministry": of,
        "name_ar": f"خدمة {code}",
        "name_en": f"Service {code}",
        "channel": "website",
    }
    return DigitalService.objects.get_or_create(short_code=code, defaults={**defaults, **fields})[0]


def officer(*ministries: Ministry, role: str = "feedback_officer", **kwargs: Any) -> Any:
    user = staff_user(role, **kwargs)
    for each in ministries:
        FeedbackDesk.objects.create(user=user, ministry=each)
    return user


def item(of: DigitalService | None = None, text: str = PASSPORT_OTP, **fields: Any) -> Feedback:
    fields.setdefault("channel", "web")
    fields.setdefault("governorate", Governorate.objects.get(pcode="SY01"))
    return feedback_submit(service=of or service(), text=text, **fields)


def png_bytes(size: tuple[int, int] = (40, 30), exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "PhoneMaker"  # camera make
        image.save(out, format="JPEG", exif=data)
    else:
        image.save(out, format="PNG")
    return out.getvalue()
