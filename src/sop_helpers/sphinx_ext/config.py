"""The handbook's own Sphinx options, declared once: name, default, type and help text.

The README's table of values the office must set is checked against this list by a test.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    types: tuple[type, ...]
    help: str
    office_must_set: bool = False


PLACEHOLDER = "รอสำนักงานกำหนด"
"""Text shown on the site where the office has not yet set a value."""

OPTIONS: tuple[Option, ...] = (
    Option(
        "sop_site_url",
        "",
        (str,),
        "ที่อยู่เว็บไซต์ที่เผยแพร่คู่มือ (ใช้ในลิงก์ถาวร ปฏิทิน และฉบับพิมพ์)",
        office_must_set=True,
    ),
    Option(
        "sop_report_problem_url",
        "",
        (str,),
        "ที่อยู่สำหรับแจ้งปัญหาของหน้า (mailto: หรือแบบฟอร์ม) ต่อท้ายด้วยชื่อหน้าอัตโนมัติ",
        office_must_set=True,
    ),
    Option(
        "sop_contact",
        "",
        (str,),
        "ผู้ติดต่อเมื่อพบปัญหา (ชื่อ ตำแหน่ง โทรศัพท์ หรืออีเมล)",
        office_must_set=True,
    ),
    Option(
        "sop_licence",
        "",
        (str,),
        "สัญญาอนุญาตของเนื้อหาคู่มือ เช่น CC BY 4.0 หรือ 'สงวนลิขสิทธิ์'",
        office_must_set=True,
    ),
    Option(
        "sop_director_name",
        "",
        (str,),
        "ชื่อผู้อำนวยการกลุ่มนโยบายและแผน แสดงเฉพาะเมื่อกำหนด (ว่าง = แสดงตำแหน่งเท่านั้น)",
        office_must_set=True,
    ),
    Option(
        "sop_calendar_years",
        [],
        (list,),
        "ปีงบประมาณ (พ.ศ.) ที่เว็บไซต์มีไฟล์ปฏิทิน .ics ให้ดาวน์โหลด",
    ),
    Option(
        "sop_review_months",
        12,
        (int,),
        "จำนวนเดือนหลังวันที่ทบทวนล่าสุดที่หน้าต้องทบทวนอีกครั้ง",
    ),
)


def register(app: Sphinx) -> None:
    """Declare every option with Sphinx."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, "html", option.types)


def office_value_html(app: Sphinx, name: str) -> str:
    """The configured text (escaped), or a visible placeholder naming the setting to fill."""
    value = getattr(app.config, name)
    if value:
        return html.escape(str(value))
    return (
        f'<span class="sop-placeholder" data-setting="{name}" '
        f'title="ตั้งค่า {name} ใน _config.yml">{PLACEHOLDER}</span>'
    )
