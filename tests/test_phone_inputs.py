"""Issue 16 part 6: the self-check inputs as a staff member uses them on a phone.

On a 360 px phone the personal-indicator rows stack as labelled fields the width of the form, so
what is typed can be read; on a 1,280 px screen they stay one table row. Every control a finger
must hit (buttons, text fields, the labels of ticks and choices, the file picker's label) is at
least 44 px tall, on every self-check page.
"""

from __future__ import annotations

from typing import Any

import pytest

from .support import checklist_form

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
PAGE = "self-check/director.html"
ROWS = "director-indicators"
ROWS_FORM = f'form[data-checklist-id="{ROWS}"]'
PAGES = [
    "self-check/director.html",
    "self-check/development-plan.html",
    "self-check/action-plan.html",
    "self-check/budget-analysis.html",
]
# What a staff member types: longer than a 30 px box could ever show.
TYPED = {
    "indicator": "ร้อยละของโรงเรียนที่ส่งแผนปฏิบัติการทันกำหนด",
    "target": "ร้อยละ ๘๐",
    "evidence": "บันทึกการรับแผนของกลุ่มนโยบายและแผน",
    "result": "ร้อยละ ๘๕",
}

# The box a finger presses for each control: a tick or a choice is pressed through its label, the
# hidden file input through the label that looks like a button.
TARGETS = """(form) => {
  const boxes = [];
  for (const el of form.querySelectorAll('button, input, select, textarea')) {
    const target = (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file')
      ? (el.closest('label') || el) : el;
    const style = getComputedStyle(target);
    const hidden = style.display === 'none' || style.visibility === 'hidden';
    if (hidden || target.closest('[hidden]')) continue;
    const r = target.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    boxes.push({what: el.tagName + ':' + (el.type || '') + ':' + (el.id || el.dataset.action
      || el.dataset.person || el.dataset.field || el.textContent.trim().slice(0, 20)),
      height: Math.round(r.height * 10) / 10});
  }
  return boxes;
}"""


def _add_row(page: Any) -> Any:
    form = checklist_form(page, ROWS)
    before = form.locator("table.sop-cl-rows tbody tr").count()
    form.get_by_role("button", name="เพิ่มแถว").click()
    row = form.locator("table.sop-cl-rows tbody tr").nth(before)
    row.wait_for(state="visible")
    return row


def _fill(row: Any) -> list[Any]:
    fields = row.locator('input[type="text"], textarea')
    assert fields.count() == len(TYPED)
    boxes = []
    for i, text in enumerate(TYPED.values()):
        fields.nth(i).fill(text)
        boxes.append(fields.nth(i))
    return boxes


def test_indicator_rows_stack_as_labelled_fields_on_a_phone(page: Any, site_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(site_url + PAGE)
    row = _add_row(page)
    fields = _fill(row)
    form_box = page.locator(ROWS_FORM).bounding_box()
    tops = []
    for field, text in zip(fields, TYPED.values(), strict=True):
        box = field.bounding_box()
        tops.append(box["y"])
        # The field is most of the form's width, so typed text can be read …
        assert box["width"] >= 0.75 * form_box["width"], (text, box, form_box)
        # … and the short answers fit whole (no text hidden behind the box's edge).
        if len(text) < 20:
            assert field.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), text
        # Each field says what it is: a visible label on the phone and an accessible name.
        label = field.evaluate(
            "e => { const c = e.closest('td');"
            " return c ? getComputedStyle(c, '::before').content : '' }"
        )
        name = field.evaluate(
            "e => e.getAttribute('aria-label')"
            " || (e.labels && e.labels[0] ? e.labels[0].innerText : '')"
        )
        assert name.strip(), text
        assert label not in ("", "none", "normal") or field.evaluate(
            "e => !!(e.labels && e.labels[0] && e.labels[0].offsetHeight > 0)"
        ), f"no visible label above the field for {text!r}"
    # The table's caption reads as a heading across the form, not one word a line.
    caption = page.locator(ROWS_FORM).locator("table.sop-cl-rows caption").bounding_box()
    assert caption["width"] >= 0.75 * form_box["width"], (caption, form_box)
    assert tops == sorted(tops) and len(set(round(t) for t in tops)) == len(tops), tops
    # Nothing pushes the page sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # The typed text is kept: a reload brings back every field.
    page.reload()
    form = checklist_form(page, ROWS)
    saved = form.locator("table.sop-cl-rows tbody tr").last.locator('input[type="text"], textarea')
    assert [saved.nth(i).input_value() for i in range(saved.count())] == list(TYPED.values())


def test_indicator_rows_stay_one_table_row_on_a_desktop(page: Any, site_url: str) -> None:
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + PAGE)
    row = _add_row(page)
    fields = _fill(row)
    tops = {round(f.bounding_box()["y"]) for f in fields}
    assert len(tops) == 1, tops
    assert page.locator(ROWS_FORM).locator("table.sop-cl-rows thead").is_visible()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["360px", "1280px"])
@pytest.mark.parametrize("path", PAGES)
def test_every_control_is_at_least_44px_tall(
    page: Any, site_url: str, path: str, size: dict
) -> None:
    page.set_viewport_size(size)
    page.goto(site_url + path)
    forms = page.locator("form.sop-checklist")
    forms.first.locator(".sop-cl-tools").wait_for(state="visible")
    if path == PAGE:
        _add_row(page)  # the row's own fields and its remove button count too
    small = []
    seen = 0
    for i in range(forms.count()):
        boxes = forms.nth(i).evaluate(TARGETS)
        seen += len(boxes)
        small += [b for b in boxes if b["height"] < 44]
    assert seen > 10
    assert small == [], small
