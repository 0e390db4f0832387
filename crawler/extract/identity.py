"""Identity marks a home page must show (《政府网站发展指引》): 网站标识码, ICP 备案号,
公安机关备案号 and the 党政机关网站标识."""

from __future__ import annotations

import re

IDENTIFIER = re.compile(r"(?:网站标识码|网站标志码|网站识别码|标识码)\s*[:：]?\s*([0-9A-Za-z]{10})(?![0-9A-Za-z])")
ICP = re.compile(r"([\u4e00-\u9fa5]?\s*ICP\s*[备证]\s*[\d\s]+号(?:\s*-\s*\d+)?)", re.I)
POLICE = re.compile(r"([\u4e00-\u9fa5]?\s*公网安备\s*(?:\d\s*){10,}号?)")
CONAC_HINT = re.compile(r"conac|dzjg|党政机关|jgbs|党政机关网站标识", re.I)

MARKS = ("网站标识码", "ICP备案号", "公安备案号", "党政机关标识")


def identity_marks(root, text: str, meta: dict[str, str]) -> dict[str, str | None]:
    """Each mark's value as shown (or "present"), None when missing."""
    marks: dict[str, str | None] = dict.fromkeys(MARKS)
    match = IDENTIFIER.search(text)
    if match:
        marks["网站标识码"] = match.group(1)
    elif re.fullmatch(r"[0-9A-Za-z]{10}", meta.get("siteidcode", "")):
        marks["网站标识码"] = meta["siteidcode"]
    match = ICP.search(text)
    if match:
        marks["ICP备案号"] = re.sub(r"\s+", "", match.group(1))
    match = POLICE.search(text)
    if match:
        marks["公安备案号"] = re.sub(r"\s+", "", match.group(1))
    if _conac_mark(root):
        marks["党政机关标识"] = "present"
    return marks


def _conac_mark(root) -> bool:
    for element in root.iter("a", "img", "script", "span", "div"):
        for attribute in ("href", "src", "alt", "title", "id", "class"):
            value = element.get(attribute)
            if value and CONAC_HINT.search(value):
                return True
    for image in root.iter("img"):
        if (image.get("src") or "").lower().endswith("/red.png"):
            return True  # the conac certificate image is conventionally red.png
    return False
