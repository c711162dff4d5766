"""One wording for each result: the string table every view reads (decision 3).

The checklist page, the printed form, the CSV export, the team view (web and notebook) and the
widgets all say a result through :func:`say`; the website gets the same :data:`TEXTS` through
the page's data (``data-sop-wording``), so no view words a result its own way.

Templates hold ``{name}`` fields; numbers are written with the site's digits (Thai by default,
decision 1) through :func:`digits`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

Digits = Literal["thai", "arabic"]

TEXTS: Mapping[str, str] = {
    # standards written as one statement (met / not met)
    "met.true": "ได้ตามมาตรฐาน",
    "met.false": "ยังไม่ได้ตามมาตรฐาน",
    "met.none": "ยังไม่ได้ประเมิน",
    # level statements of a cumulative standard
    "statement.true": "เป็นจริง",
    "statement.false": "ยังไม่เป็นจริง",
    "statement.none": "ยังไม่ได้ตอบ",
    # a step of a steps checklist, an item of the first-week list
    "step.true": "ทำแล้ว",
    "step.none": "ยังไม่ได้ทำ",
    # results
    "level": "ระดับ {level} จาก {max}",
    "level.standard": "มาตรฐานข้อ {number}: ระดับ {level} จาก {max}",
    "met.count": "ได้ตามมาตรฐาน {met} จาก {total} ข้อ",
    "steps": "ทำแล้ว {done} จาก {total} ขั้นตอน",
    "tasks": "ทำแล้ว {done} จาก {total} รายการ",
    "answered": "ตอบแล้ว {done} จาก {total} ข้อ",
    "rows": "กรอกครบ {done} จาก {total} แถว",
    "indicators": "บรรลุเป้าหมาย {reached} จาก {total} ตัวชี้วัด",
    "quiz": "ถูก {correct} จาก {total} ข้อ",
    "quiz.unsubmitted": "ยังไม่ได้ส่งคำตอบ",
    "quiz.attempts": "ส่งคำตอบแล้ว {attempts} ครั้ง",
    "question.right": "ถูกต้อง",
    "question.wrong": "ยังไม่ถูกต้อง",
    "progress": "{done} จาก {total}",
    "support": "ควรได้รับการสนับสนุน",
    "support.none": "-",
    "not.sent": "ยังไม่ได้ส่งไฟล์",
}
"""Every result wording, keyed; ``{field}`` parts are filled by :func:`say`."""


def digits(value: int | str, style: Digits = "thai") -> str:
    """A number as the site writes it: Thai digits (๑๒) or Arabic (12)."""
    from .thai import thai_digits

    text = str(value)
    return thai_digits(text) if style == "thai" else text


def say(key: str, style: Digits = "thai", **values: int | str) -> str:
    """The wording ``key`` with its fields filled; integers in the site's digits.

    >>> say("level", level=3, max=5)
    'ระดับ ๓ จาก ๕'
    """
    template = TEXTS[key]
    return template.format(
        **{k: digits(v, style) if isinstance(v, int) else v for k, v in values.items()}
    )


def answer(words: str, value: bool | None) -> str:
    """An answer in the words of its kind (``words``: the prefix of its keys, ``met``,
    ``statement``, ``step``): ``.true``, ``.false``, or ``.none`` when unanswered. A tick has no
    ``.false`` of its own: not ticked is its ``.none`` (ยังไม่ได้ทำ)."""
    if value is True:
        return TEXTS[f"{words}.true"]
    if value is False and f"{words}.false" in TEXTS:
        return TEXTS[f"{words}.false"]
    return TEXTS[f"{words}.none"]


def met(value: bool | None) -> str:
    """A single standard's state: ได้ตามมาตรฐาน / ยังไม่ได้ตามมาตรฐาน / ยังไม่ได้ประเมิน."""
    return answer("met", value)


def statement(value: bool | None) -> str:
    """A level statement's answer: เป็นจริง / ยังไม่เป็นจริง / ยังไม่ได้ตอบ."""
    return answer("statement", value)


def step(value: bool | None) -> str:
    """A step's answer: ทำแล้ว / ยังไม่ได้ทำ."""
    return answer("step", value)


def thai_list(items: Sequence[str]) -> str:
    """Items as a Thai run-on list, as the procedure pages write them: "ก ข และค"."""
    parts = list(items)
    if len(parts) < 2:
        return "".join(parts)
    return " ".join(parts[:-1]) + " และ" + parts[-1]


def wording_script() -> str:
    """The table as the page's data for its scripts: ``<script class="sop-wording">`` JSON."""

    from .output import script_json

    text = script_json(dict(TEXTS))
    return f'<script type="application/json" class="sop-wording">{text}</script>'
