"""The handbook's own Sphinx options, declared once: name, default, validator, help, rebuild.

Each option is registered with the rebuild kind it needs: ``"env"`` for a value read while pages
are read (a directive, a ``source-read`` handler), so that changing it re-reads the pages;
``"html"`` for a value used only while pages are written (the footer). Values are checked on
``config-inited``; a wrong one stops the build with a Thai message naming the setting.
The README's settings table is generated from :data:`OPTIONS` (:func:`readme_table`) and a test
keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

Rebuild = Literal["env", "html"]
Validator = Callable[[Any], str]
"""Returns "" for a good value, else what is wrong (Thai)."""


def _text(value: Any) -> str:
    return "" if isinstance(value, str) else "ต้องเป็นข้อความ"


def _url(value: Any) -> str:
    if not isinstance(value, str):
        return "ต้องเป็นข้อความ"
    if value and not value.startswith(("https://", "http://", "mailto:")):
        return "ต้องขึ้นต้นด้วย https://, http:// หรือ mailto:"
    return ""


def _be_years(value: Any) -> str:
    if not isinstance(value, list | tuple):
        return "ต้องเป็นรายการปี พ.ศ. เช่น [2569, 2570]"
    wrong = [y for y in value if isinstance(y, bool) or not isinstance(y, int) or y < 2400]
    return f"มีค่าที่ไม่ใช่ปี พ.ศ.: {wrong}" if wrong else ""


def _digits(value: Any) -> str:
    return "" if value in ("thai", "arabic") else "ต้องเป็น thai หรือ arabic"


def _months(value: Any) -> str:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 120
    return "" if ok else "ต้องเป็นจำนวนเดือน 1 ถึง 120"


@dataclass(frozen=True)
class Option:
    """One setting of ``_config.yml`` (``sphinx: config:``)."""

    name: str
    default: Any
    validate: Validator
    help: str
    """Thai: shown in error messages."""
    doc: str
    """English: the README's settings table."""
    rebuild: Rebuild
    """``"env"`` when read while pages are read; ``"html"`` when read only while writing."""
    office_must_set: bool = False
    placeholder: str = ""
    """Thai: what a reader sees while the office has not set the value (never the setting's
    name: that is for maintainers, on the worklist page and in the README)."""


PLACEHOLDER = "รอสำนักงานกำหนด"
"""Text shown on the site where the office has not yet set a value (when an option has no
placeholder of its own)."""
PLACEHOLDER_TITLE = "สำนักงานยังไม่ได้กำหนด ดูหน้ารายการที่รอสำนักงานยืนยัน"

OPTIONS: tuple[Option, ...] = (
    Option(
        "sop_site_url",
        "",
        _url,
        "ที่อยู่เว็บไซต์ที่เผยแพร่คู่มือ (ใช้ในลิงก์ถาวร ปฏิทิน และฉบับพิมพ์)",
        "The address where the handbook is published.",
        # "env": each event of the .ics downloads links to its step on the site, and the .ics
        # files are written while the calendar page is read.
        "env",
        office_must_set=True,
        placeholder="ยังไม่ได้กำหนดที่อยู่เว็บไซต์",
    ),
    Option(
        "sop_report_problem_url",
        "",
        _url,
        "ที่อยู่สำหรับแจ้งปัญหาของหน้า (mailto: หรือแบบฟอร์ม) ต่อท้ายด้วยชื่อหน้าอัตโนมัติ",
        'Where "แจ้งปัญหาของหน้านี้" (report a problem with this page) leads: a `mailto:` '
        "address or a form URL; the page's name is added.",
        "html",
        office_must_set=True,
        placeholder="ยังไม่ได้กำหนดช่องทางแจ้งปัญหา",
    ),
    Option(
        "sop_contact",
        "",
        _text,
        "ผู้ติดต่อเมื่อพบปัญหา (ชื่อ ตำแหน่ง โทรศัพท์ หรืออีเมล)",
        "Who to contact about problems (name, position, phone or e-mail).",
        "html",
        office_must_set=True,
        placeholder="ยังไม่ได้กำหนดผู้ติดต่อ",
    ),
    Option(
        "sop_licence",
        "",
        _text,
        "สัญญาอนุญาตของเนื้อหาคู่มือ เช่น CC BY 4.0 หรือ 'สงวนลิขสิทธิ์'",
        "The licence of the handbook's content (for example CC BY 4.0, or สงวนลิขสิทธิ์).",
        "html",
        office_must_set=True,
        placeholder="ยังไม่ได้กำหนดสัญญาอนุญาต",
    ),
    Option(
        "sop_director_name",
        "",
        _text,
        "ชื่อผู้อำนวยการกลุ่มนโยบายและแผน แสดงเฉพาะเมื่อกำหนด (ว่าง = แสดงตำแหน่งเท่านั้น)",
        "The group director's name, shown only when set (otherwise the position only).",
        "env",
        office_must_set=True,
        placeholder="ยังไม่ได้ระบุชื่อผู้อำนวยการกลุ่ม",
    ),
    Option(
        "sop_calendar_years",
        [],
        _be_years,
        "ปีงบประมาณ (พ.ศ.) ที่เว็บไซต์มีไฟล์ปฏิทิน .ics ให้ดาวน์โหลด",
        "Fiscal years (B.E.) whose `.ics` calendar the site offers, e.g. `[2569, 2570]`.",
        "env",
    ),
    Option(
        "sop_digits",
        "thai",
        _digits,
        "รูปแบบตัวเลขที่เว็บไซต์และฉบับพิมพ์แสดง: thai (๑ ๒ ๓ ตามหนังสือราชการ) หรือ arabic (1 2 3)",
        "The digits every number on the site and in the PDF is shown in: `thai` (๑๕ ตุลาคม, as "
        "the office's documents write; default) or `arabic` (15 ตุลาคม). Code, URLs and file "
        "names keep theirs.",
        # "env": the .ics files are written while the calendar page is read.
        "env",
    ),
    Option(
        "sop_review_months",
        12,
        _months,
        "จำนวนเดือนหลังวันที่ทบทวนล่าสุดที่หน้าต้องทบทวนอีกครั้ง",
        "Months after a page's `last_reviewed` when it is due for review.",
        "env",
    ),
)


def option(name: str) -> Option:
    """The declaration of one option (KeyError if none)."""
    for declared in OPTIONS:
        if declared.name == name:
            return declared
    raise KeyError(name)


def setting(config: Config, name: str) -> Any:
    """The value of a setting, or its declared default where a project loads only one feature
    module of the extension (which registers no setting): the default is written once, here."""
    return getattr(config, name, option(name).default)


def check(config: Config) -> None:
    """Validate every option's value; raise one :class:`ConfigError` listing what is wrong."""
    problems = []
    for declared in OPTIONS:
        message = declared.validate(getattr(config, declared.name))
        if message:
            problems.append(f"{declared.name}: {message} ({declared.help})")
    if problems:
        raise ConfigError("ค่าตั้งใน _config.yml ไม่ถูกต้อง:\n" + "\n".join(problems))


def _config_inited(app: Sphinx, config: Config) -> None:
    check(config)


def register(app: Sphinx) -> None:
    """Declare every option with Sphinx, with its rebuild kind, and check the values."""
    for declared in OPTIONS:
        types = (type(declared.default),)
        app.add_config_value(declared.name, declared.default, declared.rebuild, types)
    app.connect("config-inited", _config_inited)


def _cell(value: Any) -> str:
    if value == "" or value == []:
        return "(empty)"
    return f"`{value!r}`" if not isinstance(value, str) else f"`{value}`"


def readme_table() -> str:
    """The README's settings table (Markdown), one row an option, office values first."""
    rows = sorted(OPTIONS, key=lambda o: not o.office_must_set)
    lines = [
        "| Setting | What it is | Default | The office must set it |",
        "|---|---|---|---|",
    ]
    for declared in rows:
        must = "yes" if declared.office_must_set else "no"
        lines.append(f"| `{declared.name}` | {declared.doc} | {_cell(declared.default)} | {must} |")
    return "\n".join(lines) + "\n"


def office_value_html(app: Sphinx, name: str) -> str:
    """The configured text (escaped), or a visible placeholder naming the setting to fill."""
    from sop_helpers.render import render

    value = getattr(app.config, name)
    return render(
        "office_value.html",
        value=str(value) if value else "",
        name=name,
        title=PLACEHOLDER_TITLE,
        placeholder=option(name).placeholder or PLACEHOLDER,
    )
