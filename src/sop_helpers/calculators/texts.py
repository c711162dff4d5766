"""Every Thai text the calculators show: field messages, warnings, worked lines and results.

The one home of these words (issue 11). The Python calculators fill them with
:meth:`str.format`; the website's ``calculator.js`` gets the keys its page needs with the page
(:func:`script_texts`, a ``<script class="sop-calc-texts">`` the form carries) and fills the same
``{name}`` fields, so ``tests/vectors/calculators.json`` compares one wording in both.
Numbers go in with Arabic digits and separators ("1,234.50"); views change the digits.
"""

from __future__ import annotations

from typing import Any

from ..thai import baht_words

MESSAGES: dict[str, str] = {
    "empty": "กรุณากรอกตัวเลข",
    "not_number": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)",
    "negative": "ตัวเลขต้องไม่ติดลบ",
    "whole": "กรอกเป็นจำนวนเต็ม ไม่มีทศนิยม",
    "places": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
    "too_big": "ตัวเลขมากเกินไป (ไม่เกิน {max})",
    "zero": "ต้องมากกว่าศูนย์",
    "no_rows": "กรอกน้ำหนักอย่างน้อยหนึ่งรายการ",
    "zero_weights": "ผลรวมน้ำหนักต้องมากกว่าศูนย์",
    "quarter": "เลือกไตรมาส 1 ถึง 4",
    "no_target": "ยังไม่มีเป้าหมายของไตรมาสนี้ในข้อมูล",
    "no_rate": "ยังไม่มีอัตราของระดับนี้ในข้อมูล",
}
"""Every message a calculator shows next to a field."""

WARNINGS: dict[str, str] = {
    "disbursement.over": (
        "เบิกจ่ายเกินงบประมาณที่ได้รับจัดสรร {excess} บาท (ร้อยละ {rate} ของงบที่ได้รับ)"
        " เบิกจ่ายได้ไม่เกินงบที่ได้รับจัดสรร โปรดตรวจตัวเลขทั้งสองช่อง"
    ),
    "allocation.over": (
        "วงเงินมากกว่าที่ขอรวมกัน {excess} บาท ทุกรายการจึงได้เกินที่ขอ ถ้าไม่ตั้งใจ ให้จัดสรรเท่าที่ขอแล้วเก็บส่วนที่เหลือไว้"
    ),
}
"""Every warning a calculator shows above a result it still computed (by calculator)."""

LINES: dict[str, str] = {
    # any calculator
    "money": "{amount} บาท",
    "percent": "ร้อยละ {value}",
    "not_ready": "ยังคำนวณไม่ได้: แก้ช่องที่มีข้อความสีแดงก่อน",
    "unknown": "ไม่มีเครื่องคำนวณ '{kind}' (มี {kinds})",
    # per-pupil subsidy
    "subsidy.level": "{level} {pupils} คน × {rate} บาท = {amount} บาท",
    "subsidy.total": "รวมทั้งปี {total} บาท ภาคเรียนละ {term} บาท",
    # allocation by weights (largest remainder)
    "allocation.row": "รายการที่ {number}: {total} × {weight} ÷ {sum} = {share} → {part} บาท",
    "allocation.none": "ไม่มีเงินให้จัดสรร",
    "allocation.done": "จัดสรรครบ {total} บาท ไม่มีเงินเหลือ",
    "allocation.over": " (เกินที่ขอรวม {excess} บาท)",
    "allocation.zero": "วงเงินเป็นศูนย์ ทุกรายการได้ 0 บาท",
    "allocation.exact": (
        "ทุกรายการได้เป็นบาทเต็มพอดี รวม {floors} บาท เท่ากับวงเงิน จัดสรรครบแล้ว ไม่มีเงินเหลือ"
    ),
    "allocation.rest": (
        "ปัดลงเป็นบาทเต็มรวม {floors} บาท ยังเหลือ {left} บาท"
        " จึงให้รายการที่มีเศษมากที่สุด {left} รายการ รายการละ 1 บาท"
        " จัดสรรครบ {total} บาท ไม่มีเงินเหลือ"
    ),
    "allocation.asked.over": "ขอรวม {asked} บาท วงเงิน {total} บาท เกินที่ขอ {excess} บาท",
    "allocation.asked.equal": "ขอรวม {asked} บาท เท่ากับวงเงิน ทุกรายการได้เท่าที่ขอ",
    "allocation.asked.under": "ขอรวม {asked} บาท วงเงิน {total} บาท ได้{percent} ของที่ขอ",
    # disbursement against the quarter's target
    "disbursement.rate": "อัตราการเบิกจ่าย = {paid} ÷ {allocated} × 100 = {rate}",
    "disbursement.target": "เป้าหมายสะสมสิ้นไตรมาส {quarter} {target}",
    "disbursement.met": "ถึงเป้าหมายแล้ว",
    "disbursement.gap": "ยังขาด = {target} × {allocated} − {paid} = {shortfall} บาท",
    "disbursement.excess": "เกินงบที่ได้รับจัดสรร = {paid} − {allocated} = {excess} บาท",
    "disbursement.result.met": "ถึงเป้าหมาย",
    "disbursement.result.short": "ต่ำกว่าเป้าหมาย ขาด {shortfall} บาท",
    "disbursement.result.over": " แต่เบิกจ่ายเกินงบที่ได้รับจัดสรร",
    # an indicator's progress
    "indicator.up": "ต้องเพิ่ม",
    "indicator.down": "ต้องลด",
    "indicator.line": (
        "ตัวชี้วัด{direction}: ความก้าวหน้า = ({actual} − {baseline}) ÷ ({target} − {baseline})"
        " × 100 = {progress}"
    ),
    "indicator.flat": (
        "เป้าหมายเท่ากับค่าฐาน: ถึงเป้าหมายเมื่อผลไม่ต่ำกว่าค่าฐาน ความก้าวหน้าจึงเป็นร้อยละ 100 หรือ 0"
    ),
    "indicator.met": "ถึงเป้าหมาย",
    "indicator.short": "ยังไม่ถึงเป้าหมาย",
    "indicator.result": "{state} (ความก้าวหน้า{progress})",
    # a school's size and lunch money
    "school-size.size": "นักเรียน {pupils} คน → {size}",
    "school-size.small": " (โรงเรียนขนาดเล็ก)",
    # a size label that already says "small" gets no "(โรงเรียนขนาดเล็ก)"
    "school-size.small.word": "เล็ก",
    "school-size.lunch": "ค่าอาหารกลางวัน {pupils} คน × {rate} บาท = {day} บาทต่อวัน",
    "school-size.year": "ทั้งปี {day} × {days} วัน = {year} บาท",
    "school-size.result": "{size} ค่าอาหารกลางวันปีละ {year} บาท",
    # spending per pupil and its change
    "spending.per": "ต่อนักเรียน = {amount} ÷ {pupils} คน = {per} บาท",
    "spending.change": "เปลี่ยนแปลง = {amount} − {previous} = {change} บาท",
    "spending.percent": "เปลี่ยนแปลงร้อยละ = {change} ÷ {previous} × 100 = {percent}",
    "spending.no_percent": "ปีก่อนเป็นศูนย์: คิดร้อยละการเปลี่ยนแปลงไม่ได้",
    "spending.result": "นักเรียนละ {per} บาท",
}
"""The worked lines and results; a key ``<calculator>.…`` belongs to one calculator, a key
without a calculator's name to every one."""


def line(key: str, **values: object) -> str:
    """The text ``key`` of :data:`LINES` with its fields filled."""
    return LINES[key].format(**values)


def _mine(key: str, kind: str, kinds: tuple[str, ...]) -> bool:
    owner = next((k for k in kinds if key.startswith(f"{k}.")), None)
    return owner is None or owner == kind


def script_texts(kind: str) -> dict[str, Any]:
    """What ``calculator.js`` needs to show calculator ``kind``: the messages, that calculator's
    warnings and lines, and the words of an amount (:func:`sop_helpers.thai.baht_words`)."""
    from .rules import CALCULATORS

    kinds = tuple(CALCULATORS)
    return {
        "messages": dict(MESSAGES),
        "warnings": {k: v for k, v in WARNINGS.items() if _mine(k, kind, kinds)},
        "lines": {k: v for k, v in LINES.items() if _mine(k, kind, kinds)},
        "baht": baht_words(),
    }
