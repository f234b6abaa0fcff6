"""What a feedback text is about, in the same words whatever the language.

Citizens write about the same problem in Modern Standard Arabic, in dialect, in
English and in Arabic typed in Latin letters. A lexical comparison cannot see that
"رمز التحقق لا يصل", "الكود ما عم يوصل", "the OTP never arrives" and "el kod ma 3am
yousal" say the same thing; this table maps the common words of feedback on digital
services, in all four, to one concept each. Patterns are matched as substrings of the
folded text (``prepare``), so Arabic prefixes (ال، ب، و، ل) and suffixes do not hide
them. The table is about the domain (feedback on government digital services), not
about any one service."""

from __future__ import annotations

from mujtama.feedback.text import prepare

CONCEPTS: dict[str, tuple[str, ...]] = {
    "code": ("رمز", "كود", "otp", "code", "verification", "activation", "تفعيل", "ramz", "kod"),
    "arrive": ("يصل", "يوصل", "بيوصل", "بيجي", "وصلت", "تصل", "وصل", "arrive", "yousal", "ejet"),
    "message": ("رساله", "رسائل", "رسايل", "sms", "risale", "message"),
    "appointment": ("موعد", "مواعيد", "دور", "appointment", "dates", "slot", "maw3ed", "mawa3id"),
    "booked_full": ("محجوز", "مقفله", "شاغر", "فاضي", "متاح", "available", "full", "ma7jouz"),
    "pay": ("دفع", "دفعت", "سدد", "ادفع", "paid", "pay", "daf3", "da3et", "edfa3"),
    "deducted": ("خصم", "انخصم", "انسحب", "اقتطع", "نقص", "deducted", "charged", "masari", "مصاري"),
    "fee": ("رسم", "رسوم", "fee", "rasm"),
    "unpaid": ("غير مسدد", "غير مدفوع", "بانتظار الدفع", "unpaid", "pending payment", "mosadad"),
    "pending": ("معلق", "قيد المعالج", "لم يتاكد", "ما تاكد", "ما انثبت", "pending", "et2akad"),
    "refund": ("رجعوا", "يعاد", "لم يعد", "استرجاع", "refund", "returned"),
    "commission": ("عموله", "زياده", "اضافي", "commission", "extra"),
    "crash": ("يسكر", "يغلق", "يطفي", "بيطفي", "بيضرب", "يتوقف", "crash", "closes", "ysakker"),
    "update": ("تحديث", "حدثت", "update"),
    "down": (
        "واقف",
        "واقع",
        "بيوقع",
        "انهار",
        "متوقف",
        "لا يعمل",
        "ما بيفتح",
        "ما عم يفتح",
        "لا يمكن الدخول",
        "down",
        "timeout",
        "503",
        "500",
        "yeftah",
        "معلقه",
    ),
    "not_found": (
        "غير موجود",
        "مو موجود",
        "not found",
        "mawjood",
        "لا توجد نتيجه",
        "ما في نتيجه",
        "no result",
        "no record",
    ),
    "refused": (
        "رفض",
        "رفضوه",
        "ما قبل",
        "ما بيمشي",
        "يقبل",
        "معترف",
        "refuse",
        "reject",
        "accept",
    ),
    "paper": ("ورقي", "ورقه", "مختوم", "paper", "stamped"),
    "absent": ("غائب", "غايب", "absent", "3'ayeb", "ghayeb"),
    "objection": ("اعتراض", "objection", "appeal", "e3tirad"),
    "save": ("حفظ", "انحفظ", "تنحفظ", "بخزن", "saved", "save"),
    "empty": ("فارغ", "فاضيه", "فاضي", "empty", "blank"),
    "cancel": ("الغاء", "الغي", "cancel"),
    "upload": ("رفع", "ارفع", "ينرفع", "upload"),
    "size": ("حجم", "كبير", "size", "large", "كيلو", "kb"),
    "session": ("الجلسه", "بيطلعني", "session", "logged out", "log out", "timed out"),
    "name": ("باسم", "اسم", "name", "asami"),
    "letters": ("حروف", "الاحرف", "مقطع", "مقلوب", "معكوس", "letters", "reversed", "7rouf"),
    "married": ("زواج", "تزوج", "زوجتي", "مرتي", "عازب", "married", "single", "wife"),
    "international": ("دولي", "الخارج", "برا", "international", "dowali"),
    "calls": ("مكالم", "اتصالات", "calls", "mokalamat"),
    "unsupported": ("غير مدعوم", "not supported", "mad3ome"),
    "decimal": ("عشري", "فاصله", "decimal"),
    "estimated": ("تقديري", "تقدير", "العداد", "estimated", "meter"),
    "cycle": ("الدوره", "cycle", "ما نزلت", "لم تصدر", "published"),
    "expired": ("تنتهي", "منتهي", "صلاحي", "بتخلص", "expire", "valid"),
    "violation": ("مخالف", "violation", "fine", "mokhalafat"),
    "previous_owner": ("المالك السابق", "صاحبها القديم", "previous owner", "el 2adim"),
    "receipt": ("ايصال", "وصل", "receipt"),
    "debt": ("ديون", "ذمم", "مستحق", "debt", "dyoun"),
    "activity": ("نشاط", "activity", "nashat"),
    "reserved_name": (
        "محجوز مسبقا",
        "طالعين محجوزين",
        "بيطلع محجوز",
        "بطلع محجوز",
        "already taken",
        "reserved",
    ),
    "restart": ("البدايه", "الخطوه الاولى", "من الاول", "refresh", "resets", "step one"),
    "list": ("قائمه", "القائمه", "list"),
    "fuel": ("بنزين", "مخصصات", "ليتر", "عبات", "عبيت", "fuel", "benzin", "fill"),
    "record": ("سجل", "record", "يظهر في"),
}

_FOLDED = {
    concept: tuple(prepare(pattern) for pattern in patterns)
    for concept, patterns in CONCEPTS.items()
}


def concepts_of(text: str) -> list[str]:
    """The concepts a text mentions, as tokens ("§pay")."""
    folded = prepare(text)
    return [
        f"§{concept}" for concept, patterns in _FOLDED.items() if any(p in folded for p in patterns)
    ]
