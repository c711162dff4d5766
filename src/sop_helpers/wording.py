"""One wording for each result, and every word the page scripts show: the table all views read.

The checklist page, the printed form, the CSV export, the team view (web and notebook) and the
widgets all say a result through :func:`say` (decision 3). The pages carry the same :data:`TEXTS`
as ``<script class="sop-wording">`` JSON (:func:`wording_script`, all of it or the keys of one
page's script), and the browser scripts (checklist.js, team.js, team-matrix.js, print-form.js,
sop-core.js, search-th.js, calendar-now.js) take every Thai text they show from it through
``SopCore.say``; sop.js (every page) reads its few words from the footer the build writes. A
wording is changed here, in one file (tests/test_script_words.py fails on a Thai literal in a
shipped script).

Templates hold ``{name}`` fields; numbers are written with the site's digits (Thai by default,
decision 1) through :func:`digits`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

Digits = Literal["thai", "arabic"]

STEP = "ขั้นตอนที่"
"""How readers see a step named, before its number: "ขั้นตอนที่ ๓" (``Step.numbered``)."""
STANDARD = "มาตรฐานข้อ"
"""How readers see a standard named, before its number: "มาตรฐานข้อ ๒" (``Standard.numbered``)."""

NOT_ASSESSED = "ยังไม่ได้ประเมิน"
"""A standard nobody answered: not assessed (never "ระดับ ๐", never "needs support")."""
SUPPORT = "ควรได้รับการสนับสนุน"

TEXTS: Mapping[str, str] = {
    # standards written as one statement (met / not met)
    "met.true": "ได้ตามมาตรฐาน",
    "met.false": "ยังไม่ได้ตามมาตรฐาน",
    "met.none": NOT_ASSESSED,
    # level statements of a cumulative standard
    "statement.true": "เป็นจริง",
    "statement.false": "ยังไม่เป็นจริง",
    "statement.none": "ยังไม่ได้ตอบ",
    # a step of a steps checklist, an item of the first-week list
    "step.true": "ทำแล้ว",
    "step.none": "ยังไม่ได้ทำ",
    # results
    "level": "ระดับ {level} จาก {max}",
    "level.standard": f"{STANDARD} {{number}}: ระดับ {{level}} จาก {{max}}",
    "level.standard.none": f"{STANDARD} {{number}}: {NOT_ASSESSED}",
    # a single standard among levels, said in its number's place (team view)
    "met.standard": f"{STANDARD} {{number}}: {{state}}",
    "level.next": "สิ่งที่ขาดสำหรับระดับ {level}: {text}",
    "level.top": "ได้ระดับสูงสุดแล้ว",
    "met.count": "ได้ตามมาตรฐาน {met} จาก {total} ข้อ",
    # the team view: some standards left blank (never counted as not met)
    "met.count.answered": "ตอบแล้ว {done} จาก {total} ข้อ · ได้ตามมาตรฐาน {met} ข้อ",
    # a level the blank statement above it may still raise (never flagged for support)
    "level.partial": "ระดับ {level} จาก {max} (ยังตอบไม่ครบ)",
    "level.standard.partial": f"{STANDARD} {{number}}: ระดับ {{level}} จาก {{max}} (ยังตอบไม่ครบ)",
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
    "question.see": "ดูเฉลยและคำอธิบาย",
    "progress": "{done} จาก {total}",
    "support": SUPPORT,
    "support.standards": f"{SUPPORT}: {STANDARD} {{numbers}}",
    "support.none": "-",
    "not.sent": "ยังไม่ได้ส่งไฟล์",
    # ---- the checklist page (checklist.js): the quiz
    "quiz.submit": "ส่งคำตอบ",
    "quiz.retry": "ทำใหม่",
    "quiz.state": "ส่งคำตอบแล้ว: {score} (ครั้งที่ {attempts})",
    "quiz.unsubmitted.again": "ยังไม่ได้ส่งคำตอบ (ส่งแล้ว {attempts} ครั้ง)",
    "quiz.confirm": "ยังไม่ได้ตอบ {left} ข้อ ข้อที่ไม่ได้ตอบนับว่ายังไม่ถูก ส่งคำตอบเลยหรือไม่",
    "quiz.sent": "ส่งคำตอบแล้ว: {score}{left} ดูเฉลยและคำอธิบายใต้แต่ละข้อ",
    "quiz.sent.left": " (ไม่ได้ตอบ {left} ข้อ นับว่ายังไม่ถูก)",
    "quiz.confirm.retry": (
        "ทำใหม่จะล้างคำตอบและคะแนนครั้งนี้ ({score}) ส่งออกไฟล์ผลเก็บไว้ก่อนได้ เริ่มทำใหม่หรือไม่"
    ),
    "quiz.restarted": 'เริ่มทำใหม่: ตอบทุกข้อแล้วกด "ส่งคำตอบ"',
    # ---- the checklist page: saved answers, import, export, reset
    "checklist.date": "วันที่",
    "import.done": "นำเข้าคำตอบจากไฟล์แล้ว",
    # a .csv given where a results file is read (checklist page, team page, Python); the rule is
    # the file name, as results.read.is_csv_name and checklist.js / team.js say it
    "import.csv": (
        "เป็นไฟล์ CSV ซึ่งมีไว้เปิดดูใน Excel นำเข้าไม่ได้ ใช้ได้เฉพาะไฟล์ผล (.json) ที่แบบตรวจสอบในคู่มือนี้ส่งออก"
    ),
    "import.failed": "นำเข้าไฟล์ '{file}' ไม่ได้: {message} คำตอบที่บันทึกไว้ไม่เปลี่ยนแปลง",
    "import.confirm": "แทนที่คำตอบที่บันทึกไว้ด้วยคำตอบจากไฟล์ {file} หรือไม่",
    # another person's file (by person key, decision 5): it never renames the page's person
    "import.confirm.other": (
        "ไฟล์ {file} เป็นผลของ {theirs} แต่หน้านี้บันทึกในชื่อ {mine} ถ้านำเข้า คำตอบของ"
        "แบบตรวจสอบนี้จะถูกแทนด้วยคำตอบของ {theirs} และชื่อในหน้านี้ยังเป็น {mine} ไม่เปลี่ยน"
        ' (ถ้าจะเปลี่ยนผู้ใช้ กด "{switch}" ในหน้าความคืบหน้าของฉัน) นำเข้าหรือไม่'
    ),
    "import.not_in_bundle": "ในชุดผลนี้ไม่มีผลของแบบตรวจสอบ '{title}'",
    "version.file": "แบบตรวจสอบนี้เป็นฉบับที่ {version} (คำตอบในไฟล์ทำกับฉบับที่ {old})",
    "version.saved": "แบบตรวจสอบนี้เป็นฉบับที่ {version} (คำตอบที่บันทึกไว้ทำกับฉบับที่ {old})",
    "version.dropped": ("คำตอบของรายการต่อไปนี้ถูกล้างเพราะข้อความเปลี่ยนหรือรายการถูกยกเลิก: {items}"),
    "version.kept": "คำตอบทั้งหมดยังใช้ได้",
    # an item named in a message, as the page shows it (results.read.item_names, checklist.js)
    "item.named": "{number}. {text}",
    "item.gone": "รายการที่ยกเลิกแล้ว {count} รายการ",
    "saved.bad": ("คำตอบที่บันทึกไว้บางรายการอ่านไม่ได้จึงไม่ได้ใช้ (เก็บสำเนาไว้แล้ว): {items} คำตอบอื่นยังอยู่ครบ"),
    "saved.unreadable": "คำตอบที่บันทึกไว้อ่านไม่ได้ ({message}) เก็บสำเนาไว้แล้ว จึงเริ่มใหม่",
    "export.person": "กรุณากรอกชื่อ-สกุลและตำแหน่งก่อนส่งออก",
    "reset.confirm": "ล้างคำตอบทั้งหมดของแบบตรวจสอบนี้ที่บันทึกไว้ในเบราว์เซอร์หรือไม่",
    "reset.done": "ล้างคำตอบแล้ว",
    "reset.failed": "ล้างคำตอบในหน้านี้แล้ว แต่ลบที่บันทึกไว้ในเบราว์เซอร์ไม่ได้: {message}",
    "reset.other_tab": "คำตอบของแบบตรวจสอบนี้ถูกล้างในอีกแท็บหนึ่ง",
    # CSV export: the heads and labels (row numbers stay Arabic there, as typed by Excel users)
    "csv.id": "รหัส",
    "csv.item": "รายการ",
    "csv.result": "ผล",
    "csv.person": "ผู้ประเมิน",
    "csv.position": "ตำแหน่ง",
    "csv.row": "แถว {n}",
    "csv.level": "ระดับที่ได้",
    "csv.done": "ความคืบหน้า: ทำแล้ว",
    "csv.total": "ความคืบหน้า: ทั้งหมด",
    # the options' labels ก. ข. ค. ... (checklist page, printed form, CSV)
    "option.letters": "กขคงจฉชซฌญ",
    # ---- browser storage (sop-core.js)
    "storage.blocked": (
        "เบราว์เซอร์นี้ไม่อนุญาตให้บันทึกข้อมูลไว้ในเครื่อง (เช่น โหมดส่วนตัวหรือปิดการเก็บข้อมูลเว็บไซต์)"
        " คำตอบจะหายเมื่อปิดหน้า ส่งออกเป็นไฟล์เพื่อเก็บไว้"
    ),
    "storage.full": (
        "พื้นที่บันทึกของเบราว์เซอร์เต็ม บันทึกคำตอบล่าสุดไม่ได้ ส่งออกเป็นไฟล์เพื่อเก็บไว้ หรือลบข้อมูลเว็บไซต์อื่นที่ไม่ใช้แล้ว"
    ),
    "storage.corrupt": "ข้อมูลที่บันทึกไว้ในเบราว์เซอร์เสียหาย อ่านไม่ได้ (เก็บสำเนาไว้แล้ว ไม่ได้ลบทิ้ง)",
    # where a problem of a results file is (results.messages.field_text, sop-core.js), a value
    "place.file": "ทั้งไฟล์",
    "place.field": "ช่อง {path}",
    "place.named": "ช่อง {label}",
    "place.item": "ช่อง {label} ของรายการ {item}",
    "value.none": "(ไม่ระบุ)",
    "value.other": "(ค่าชนิดอื่น)",
    "list.more": " และอีก {rest} รายการ",
    # ---- "my progress" (checklist.js on the progress page)
    "mine.none": "ยังไม่ได้เริ่ม",
    "mine.unreadable": "ข้อมูลที่บันทึกไว้อ่านไม่ได้ เปิดแบบตรวจสอบเพื่อดูคำตอบและบันทึกใหม่",
    "mine.saved": "บันทึกล่าสุด {date}",
    "mine.saved.old": "บันทึกล่าสุด {date} (ทำกับฉบับเก่า เปิดแบบเพื่อปรับเป็นฉบับใหม่)",
    "mine.export": "ส่งออกผลทั้งหมดของฉัน",
    "mine.switch": "เปลี่ยนผู้ใช้ / ล้างข้อมูลของฉัน",
    "mine.need_name": "กรุณากรอกชื่อ-สกุลในแบบตรวจสอบใดก็ได้ก่อนส่งออก",
    "mine.nothing": "ยังไม่มีผลที่บันทึกไว้ในเบราว์เซอร์นี้",
    "mine.file": "ผลทั้งหมด",
    "mine.exported": "ส่งออกผลทั้งหมด {count} แบบในไฟล์เดียวแล้ว",
    "mine.someone": "ผู้ใช้คนนี้",
    "mine.confirm_export": "ส่งออกผลทั้งหมดของ {who} เป็นไฟล์ก่อนล้างหรือไม่ (แนะนำ)",
    "mine.confirm_clear": (
        "ล้างคำตอบ ชื่อ และตำแหน่งทั้งหมดของ {who} ออกจากเบราว์เซอร์นี้ เพื่อให้คนถัดไปเริ่มใหม่หรือไม่"
    ),
    "mine.cleared": "ล้างข้อมูลของ {who} แล้ว คนถัดไปเริ่มกรอกได้เลย",
    # ---- the team view (team.py, team.js, team-matrix.js)
    "team.name": "ชื่อ",
    "team.sent": "ส่งล่าสุด",
    "team.caption": "ภาพรวมของทีม (หนึ่งแถวต่อหนึ่งคน)",
    "team.box": "ภาพรวมของทีม",
    "team.details": "รายละเอียด ({count} แบบ)",  # forms counted: one bundle file holds many
    "team.detail": "{title}: {progress} (ไฟล์ {file} บันทึก {date})",
    "team.in_bundle": "ผลที่ {n} ในชุด: ",
    "team.older": (
        "ซ้ำกับไฟล์ที่ใหม่กว่า ({file} บันทึก {date}) ของคนเดียวกันและแบบตรวจสอบเดียวกัน จึงใช้ไฟล์ที่ใหม่กว่า"
    ),
    # a bundle some of whose forms a newer file replaced: listed once, naming those forms
    "team.older.form": '"{title}" ซ้ำกับไฟล์ที่ใหม่กว่า ({file} บันทึก {date})',
    "team.older.some": "{forms} จึงใช้ไฟล์ที่ใหม่กว่าสำหรับแบบนั้น ส่วนแบบอื่นในไฟล์นี้ยังใช้อยู่",
    "team.older.all": "{forms} จึงใช้ไฟล์ที่ใหม่กว่า",
    "team.unexpected": "อ่านไฟล์นี้ไม่ได้เพราะข้อผิดพลาดที่ไม่คาดคิด ({error})",
    "team.file": "ไฟล์",
    "team.reason": "เหตุผล",
    "team.rejected": "ไฟล์ที่ใช้ไม่ได้หรือซ้ำ",
    "team.csv": "ดาวน์โหลดตารางภาพรวมเป็น CSV (เปิดใน Excel ได้)",
    "team.csv.file": "ภาพรวมทีม",
    # the file picker (the browser's own "Choose Files / No file chosen" follows its language)
    "team.pick": "เลือกไฟล์…",
    "team.chosen.none": "ยังไม่ได้เลือกไฟล์",
    "team.chosen": "ไฟล์ที่เลือก ({count} ไฟล์): {files}",
    "team.clear": "ล้างรายการไฟล์",
    "team.cleared": "ล้างรายการไฟล์แล้ว",
    "team.status": (
        "อ่าน {files} ไฟล์: ผลที่ใช้ได้ {kept} รายการ ใช้ไม่ได้หรือซ้ำ {rejected} รายการ"
        " บุคลากร {people} คน (เลือกไฟล์เพิ่มได้อีก)"
    ),
    # ---- the search page (search-th.js); quoted words come in as {words}
    "search.title": "ผลการค้นหา",
    "search.without": " (ไม่นับคำว่า {words})",
    "search.empty": "พิมพ์คำที่ต้องการค้นหาเป็นภาษาไทยหรืออังกฤษ",
    "search.none": "ไม่พบหน้าที่มีคำว่า {words} ลองใช้คำที่สั้นลง คำอื่นที่มีความหมายเดียวกัน หรือตรวจตัวสะกด",
    "search.suggest": "ลองดูที่อภิธานศัพท์ หรืองานทั้งสี่ของกลุ่ม:",
    "search.partial": (
        "ไม่พบหน้าที่มีครบทุกคำ จึงแสดง {count} หน้าที่มีคำว่า {words} บางคำ หน้าที่มีมากที่สุดอยู่ก่อน{without}"
    ),
    "search.relaxed": (
        "ไม่พบ {typed} เขียนติดกัน จึงแสดง {count} หน้าที่มีคำว่า {words} หน้าที่มีครบทุกคำอยู่ก่อน{without}"
    ),
    "search.found": "พบ {count} หน้าที่มีคำว่า {words}{without}",
    "search.fix": "{to} แทน {from}",
    "search.fix.join": " และ ",
    "search.instead": "แสดงผลของ {fixes} ",
    "search.as_typed": "ค้นหาคำว่า {words} ตามที่พิมพ์",
    # ---- the start page's month block (calendar-now.js)
    "now.today": "วันนี้ {date} อยู่ในปีงบประมาณ {year} ไตรมาสที่ {quarter}",
    "now.turn": (
        "ปีงบประมาณ {next} เริ่มวันที่ {day} {month} {year} งานต้นปีงบประมาณใหม่อยู่ในรายการใกล้ครบกำหนดด้านล่าง"
    ),
    "now.month": "งานเดือน{month} {year}",
    "now.month.none": "เดือนนี้ไม่มีขั้นตอนที่เอกสารมาตรฐานการปฏิบัติงานกำหนดเวลาไว้",
    "now.step": "ขั้นตอนที่ {number} {text}",
    "now.due": "ใกล้ครบกำหนด (ภายใน {weeks} สัปดาห์)",
    "now.due.none": "ไม่มีกำหนดส่งในช่วงนี้",
    "now.due.today": "(วันนี้)",
    "now.due.in": "(อีก {days} วัน)",
    "now.closes": " งานของปีงบประมาณ {year}",
    "now.other_year": " ปีงบประมาณ {year}",
    "now.calendar": "ปฏิทินปีงบประมาณ",
    "now.more": "งานทุกเดือนและไฟล์ปฏิทิน (.ics) อยู่ที่",
    # ---- every page (sop.js reads them from the footer; the review line is filled by the build)
    "page.review.late": (
        "หน้านี้เลยกำหนดทบทวนแล้ว (ครบกำหนด {date})"
        " เนื้อหาบางส่วนอาจไม่เป็นปัจจุบัน โปรดตรวจสอบกับกลุ่มนโยบายและแผน"
    ),
    "page.scroll": "เนื้อหาที่เลื่อนดูด้านข้างได้",
    "page.copy": "คัดลอก",
    "page.copy.label": "คัดลอกโค้ด",
    "page.copy.done": "คัดลอกแล้ว",
    # the fiscal-year page's "today" line ({fiscal-today}; sop.js fills its fields by the clock)
    "fiscal.today": "วันนี้ {date} อยู่ในปีงบประมาณ {year} ไตรมาสที่ {quarter} ({months})",
    "fiscal.built": " (ณ วันที่สร้างเว็บไซต์)",
}
"""Every result wording, keyed; ``{field}`` parts are filled by :func:`say`."""

OWN_PAGES: tuple[str, ...] = ("search.", "now.", "page.", "fiscal.")
"""Keys that one page's script shows: the pages that show them carry them alone
(``wording_script("search.")``); the checklist and team pages carry every other key."""


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


def wording_subset(*prefixes: str) -> dict[str, str]:
    """The keys starting with one of ``prefixes``; without any, every key but :data:`OWN_PAGES`'
    (what the checklist and team pages show)."""
    if prefixes:
        return {k: v for k, v in TEXTS.items() if k.startswith(prefixes)}
    return {k: v for k, v in TEXTS.items() if not k.startswith(OWN_PAGES)}


def wording_json(*prefixes: str) -> str:
    """:func:`wording_subset` as JSON safe inside ``<script>`` (the body of a sop-wording)."""
    from .output import script_json

    return script_json(wording_subset(*prefixes))


def wording_script(*prefixes: str) -> str:
    """The table (or the keys of ``prefixes``) as the page's data for its scripts:
    ``<script class="sop-wording">`` JSON. A page may carry several; ``SopCore.say`` reads all."""
    return f'<script type="application/json" class="sop-wording">{wording_json(*prefixes)}</script>'
