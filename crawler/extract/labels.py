"""Labelled fields: “留言时间：2026-11-03”, a th/td pair, a dt/dd pair, spans side by side.

Government pages print their facts as label and value, in whatever markup their CMS has.
Reading the text as segments (one per text node, in document order) makes all of these
the same problem: a label at the start of a segment, then its value, up to the next label.
"""

from __future__ import annotations

import re
from datetime import datetime

from .html import clean

DATETIME = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
SKIPPED = ("script", "style", "noscript", "template")


def segments(container, skip: set | None = None) -> list[str]:
    """The non-empty text nodes under `container`, cleaned, in document order."""
    found = []
    for element in container.iter():
        if not isinstance(element.tag, str) or element.tag in SKIPPED or (skip and element in skip):
            text = None
        else:
            text = clean(element.text)
        if text:
            found.append(text)
        if element is not container:
            tail = clean(element.tail)
            parent = element.getparent()
            if tail and not (skip and parent in skip):
                found.append(tail)
    return found


def label_pattern(fields: dict[str, tuple[str, ...]]) -> re.Pattern:
    """One regex for every label: at a segment start or after a space, then a colon or the segment end."""
    labels = sorted({label for names in fields.values() for label in names}, key=len, reverse=True)
    return re.compile(r"(?:^|(?<=[\s|｜]))[【\[]?(" + "|".join(map(re.escape, labels)) + r")[】\]]?\s*(?:[:：]|$)",
                      re.M)


def labelled(lines: list[str], fields: dict[str, tuple[str, ...]], pattern: re.Pattern) -> dict[str, str]:
    """field → value text for the first occurrence of each field's labels."""
    text = "\n".join(lines)
    owner = {label: name for name, labels in fields.items() for label in labels}
    matches = list(pattern.finditer(text))
    values: dict[str, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        name = owner[match.group(1)]
        value = text[match.end():end].strip(" \n:：|")
        if name not in values or (not values[name] and value):
            values[name] = value
    return values


def first_line(value: str | None) -> str:
    return value.split("\n", 1)[0].strip() if value else ""


def parse_datetime(text: str | None) -> str | None:
    """The first date(-time) in `text` as ISO: “2026-11-03T09:12:00”, or “2026-11-03” when no time is given."""
    if not text:
        return None
    match = DATETIME.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = match.groups()
    try:
        if hour is None:
            return datetime(int(year), int(month), int(day)).date().isoformat()
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0)).isoformat()
    except ValueError:
        return None
