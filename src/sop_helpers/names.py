"""Thai text normalisation and the one rule for "the same person" (``person_key``).

Pure and small on purpose: ``sop-core.js`` implements the same rule, and
``tests/vectors/person_key.json`` drives both (Python and Chromium) so they cannot drift.

- :func:`normalize_text`: Unicode NFC, a decomposed SARA AM (U+0E4D U+0E32, with or without a
  tone mark between) composed to ``ำ`` (U+0E33), every run of white space (any Unicode space,
  zero-width characters dropped) folded to one space, ends trimmed.
- :func:`person_key`: :func:`normalize_text`, leading honorifics and ranks of :data:`HONORIFICS`
  removed (longest first, repeatedly, with or without a space after them), Latin letters folded
  to lower case. Used for matching and sorting only; a name is always shown as typed.
- :func:`file_name`: the one naming rule of every file the handbook offers for download or saves
  (decision 5: the shown name with unsafe characters replaced), ``<part>_<part>_<B.E. date>.<ext>``
  as the checklist exports are named, e.g.
  ``แผนปฏิบัติการประจำปีงบประมาณ-มาตรฐาน_สมหญิง-ใจดี_2569-12-01.json``.
  ``checklist.js`` (``fileName``, also used by ``team.js``) follows the same rule;
  ``tests/test_file_names.py`` checks both on the same inputs.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

HONORIFICS: tuple[str, ...] = (
    "ว่าที่ร้อยตรีหญิง",
    "ว่าที่ร้อยตรี",
    "ว่าที่ ร.ต.หญิง",
    "ว่าที่ ร.ต.",
    "ว่าที่ร.ต.",
    "ร้อยตรี",
    "ร.ต.",
    "นางสาว",
    "น.ส.",
    "นาง",
    "นาย",
    "ดร.",
    "ผศ.",
    "รศ.",
    "ศ.",
    "คุณ",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
)
"""Titles ignored when matching names (an office may add to this list; keep sop-core.js in step,
the shared vectors check it)."""

_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_BY_LENGTH = sorted(HONORIFICS, key=len, reverse=True)


def thai_nfc(text: str) -> str:
    """NFC with a decomposed SARA AM composed (what identical-looking Thai text is compared as;
    the content hash of checklist items uses it)."""
    return _SARA_AM.sub(lambda m: m.group(1) + "\u0e33", unicodedata.normalize("NFC", text))


def normalize_text(text: str) -> str:
    """:func:`thai_nfc`, zero-width characters dropped, white space folded and trimmed."""
    text = _ZERO_WIDTH.sub("", thai_nfc(text))
    return _SPACES.sub(" ", text).strip()


def person_key(name: str) -> str:
    """The key under which two spellings of one person's name are the same person."""
    text = normalize_text(name).lower()
    changed = True
    while changed:
        changed = False
        for title in _BY_LENGTH:
            rest = text[len(title) :].lstrip() if text.startswith(title) else ""
            if rest:
                text, changed = rest, True
                break
    return text


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_part(text: str) -> str:
    """A part of a file name: the text as typed (Thai kept, :func:`normalize_text`), characters
    no system allows in a name dropped, spaces as ``-``."""
    return _UNSAFE.sub("", normalize_text(text)).replace(" ", "-")


def file_name(*parts: str, ext: str, day: dt.date | None = None) -> str:
    """``<part>_<part>[_<B.E. date>].<ext>``: each part through :func:`file_part` (empty ones
    left out), then ``day`` as a B.E. date with Arabic digits (file names keep theirs, decision 1).

    >>> file_name("การวิเคราะห์งบประมาณรายจ่าย เงินอุดหนุนรายหัว", ext="xlsx")
    'การวิเคราะห์งบประมาณรายจ่าย-เงินอุดหนุนรายหัว.xlsx'
    >>> file_name("ภาพรวมทีม", "", ext="csv", day=dt.date(2026, 12, 1))
    'ภาพรวมทีม_2569-12-01.csv'
    """
    from .thai import be_year  # the one home of the B.E. year (PyThaiNLP: loaded only here)

    pieces = [piece for piece in map(file_part, parts) if piece]
    if day is not None:
        pieces.append(f"{be_year(day.year)}-{day.month:02d}-{day.day:02d}")
    return "_".join(pieces) + "." + ext
