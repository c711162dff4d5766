"""Directive ``{calculator} <kind>``: a "คำนวณด้วยตัวเลขของท่าน" form that works on the static site.

The directive reads the calculator's rates and rules from ``book/data/rates`` (the same files
the notebooks read, through :func:`sop_helpers.calculators.calculator_data`), notes them as
dependencies, and emits a neutral node. The HTML visitor writes the form, the data as escaped
JSON, and a place for the worked lines; ``calculator.js`` computes in the browser. Other
builders show a one-line note. ``calculator.js``/``.css`` are added only to pages with a form.
The words the script shows come with the form too (:func:`sop_helpers.calculators.script_texts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._errors import DataError
from sop_helpers.calculators import CALCULATORS, MAX_ROWS, calculator_data, script_texts
from sop_helpers.calculators.texts import line
from sop_helpers.rates import load_rates
from sop_helpers.render import render
from sop_helpers.thai import format_number, thai_digits

from .assets import declare
from .config import setting
from .handbook_data import data_dir, depend
from .html_nodes import add_html_node

logger = logging.getLogger(__name__)

ILLUSTRATIVE = "ตัวเลขสมมุติ"
UNVERIFIED = "ยังไม่ยืนยัน"
NO_SCRIPT = (
    "เครื่องคำนวณนี้ทำงานในเบราว์เซอร์ ต้องเปิด JavaScript"
    " (ถ้าเปิดไม่ได้ ให้ใช้สูตรและตัวอย่างบรรทัดคำนวณด้านบน หรือเปิดหน้านี้ใน Jupyter)"
)

# Which rates file each calculator reads (a change to it rebuilds the page).
_RATES_FILES: dict[str, tuple[str, ...]] = {
    "subsidy": ("per_student",),
    "disbursement": ("disbursement_targets",),
    "school-size": ("school_size", "lunch"),
}


@dataclass(frozen=True)
class Field:
    """One input of a form: name, Thai label, unit, default text, keyboard."""

    name: str
    label: str
    unit: str
    default: str
    mode: str = "numeric"  # inputmode: numeric (whole numbers) or decimal
    hint: str = ""
    illustrative: bool = False


def _fields(kind: str, data: dict[str, Any]) -> list[Field]:
    if kind == "subsidy":
        defaults = {"preprimary": "12", "primary": "85", "lower_secondary": "40"}
        return [
            Field(
                level["key"],
                f"จำนวนนักเรียน{level['label']}",
                "คน",
                defaults.get(level["key"], "0"),
                hint=(
                    f"อัตรา {format_number(Decimal(level['rate']))} บาท/คน/ปี"
                    f" (ปีงบประมาณ {level['from_fy']})"
                    if level["rate"] is not None
                    else "ยังไม่มีอัตราในข้อมูล"
                ),
                illustrative=bool(level["illustrative"]),
            )
            for level in data["levels"]
        ]
    if kind == "disbursement":
        return [
            Field("allocated", "งบประมาณที่ได้รับจัดสรร", "บาท", "1,000,000", "decimal"),
            Field("disbursed", "เบิกจ่ายสะสมถึงสิ้นไตรมาส", "บาท", "450,000", "decimal"),
        ]
    if kind == "indicator":
        return [
            Field("baseline", "ค่าฐาน", "", "70", "decimal"),
            Field("target", "เป้าหมาย", "", "80", "decimal"),
            Field("actual", "ผลการดำเนินงาน", "", "76", "decimal"),
        ]
    if kind == "school-size":
        return [Field("pupils", "จำนวนนักเรียนทั้งโรงเรียน", "คน", "85")]
    if kind == "spending":
        return [
            Field("amount", "รายจ่ายของหมวดงบ ปีนี้", "บาท", "2,500,000", "decimal"),
            Field("previous", "รายจ่ายของหมวดงบเดียวกัน ปีก่อน", "บาท", "2,300,000", "decimal"),
            Field("pupils", "จำนวนนักเรียนปีนี้", "คน", "1,250"),
        ]
    if kind == "allocation":
        return [Field("total", "วงเงินที่จัดสรร", "บาทเต็ม", "100,000")]
    raise ValueError(kind)


ALLOCATION_DEFAULTS = ("350000", "250000", "150000")


class calculator_node(nodes.General, nodes.Element):  # type: ignore[misc]
    """A calculator; ``node["kind"]`` names it, ``node["data"]`` holds its rates and rules."""


class CalculatorDirective(SphinxDirective):
    """``{calculator} subsidy`` with an optional ``:year:`` (fiscal year of the rates)."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"year": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0].strip()
        if kind not in CALCULATORS:
            logger.warning(
                line("unknown", kind=kind, kinds=", ".join(CALCULATORS)),
                location=self.get_location(),
                type="sop",
                subtype="calculator",
            )
            return []
        # the project's own rates (<source>/data/rates), each a dependency of the page
        paths = {
            n: data_dir(self.env.app) / "rates" / f"{n}.yml" for n in _RATES_FILES.get(kind, ())
        }
        depend(self.env.app, paths.values())
        try:
            rates = {name: load_rates(path) for name, path in paths.items()}
            data = calculator_data(kind, self.options.get("year"), rates=rates)
        except (DataError, KeyError) as error:
            logger.warning(
                str(error), location=self.get_location(), type="sop", subtype="calculator"
            )
            return []
        node = calculator_node(kind=kind, data=data, serial=self.env.new_serialno("sop-calc"))
        node += nodes.paragraph(text=NO_SCRIPT)
        return [node]


def render_calculator(kind: str, data: dict[str, Any], serial: int, digits: str) -> str:
    """The form's HTML: the template ``templates/calculator.html`` (autoescape) with the fields,
    the quarters and the weight rows worked out here; the data goes in as JSON the script reads.
    """
    shown = thai_digits if digits == "thai" else str
    prefix = f"sop-calc-{serial}"
    fields = [
        {
            "ident": f"{prefix}-{field.name}",
            "name": field.name,
            "label": field.label,
            "unit": field.unit,
            "mode": field.mode,
            "default": shown(field.default),
            "hint": shown(field.hint),
            "illustrative": field.illustrative,
        }
        for field in _fields(kind, data)
    ]
    quarters = None
    if kind == "disbursement":
        options = []
        for target in data["targets"]:
            percent = target["percent"]
            text = (
                f"สิ้นไตรมาส {target['quarter']}: เป้าหมายสะสมร้อยละ {percent}"
                if percent is not None
                else f"สิ้นไตรมาส {target['quarter']}: ยังไม่มีเป้าหมาย"
            )
            if target["illustrative"]:
                text += f" ({ILLUSTRATIVE})"
            options.append((target["quarter"], shown(text), target["quarter"] == 2))
        quarters = {
            "ident": f"{prefix}-quarter",
            "options": options,
            "illustrative": any(t["illustrative"] for t in data["targets"]),
        }
    weights = []
    if kind == "allocation":
        for i in range(int(data.get("rows", MAX_ROWS))):
            default = ALLOCATION_DEFAULTS[i] if i < len(ALLOCATION_DEFAULTS) else ""
            weights.append(
                {
                    "index": i,
                    "ident": f"{prefix}-weight-{i}",
                    "number": shown(str(i + 1)),
                    "default": shown(default),
                }
            )
    days = shown(data["days"]) if kind == "school-size" and data.get("days_illustrative") else ""
    return render(
        "calculator.html",
        kind=kind,
        digits=digits,
        data=data,
        words=script_texts(kind),
        fields=fields,
        quarters=quarters,
        weights=weights,
        requests={"ident": f"{prefix}-requests"},
        days=days,
        texts={"illustrative": ILLUSTRATIVE, "unverified": UNVERIFIED, "no_script": NO_SCRIPT},
    )


def visit_calculator_html(translator: Any, node: calculator_node) -> None:
    digits = str(setting(translator.builder.config, "sop_digits"))
    translator.body.append(render_calculator(node["kind"], node["data"], node["serial"], digits))
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    """Register the directive, its node and the per-page assets."""
    add_html_node(app, calculator_node, visit_calculator_html)  # other builders: its note
    app.add_directive("calculator", CalculatorDirective)
    declare(
        app,
        "calculator",
        scripts=("calculator.js",),
        styles=("calculator.css",),
        nodes=(calculator_node,),
    )
