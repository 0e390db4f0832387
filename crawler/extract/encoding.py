"""Decode government pages: GBK/GB2312/GB18030, declared or not, or declared wrongly."""

from __future__ import annotations

import re

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.I)
# GB2312 and GBK are subsets of GB18030; decoding with the superset never loses a character.
ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
           "utf8": "utf-8", "iso-8859-1": "cp1252", "latin1": "cp1252", "ascii": "utf-8"}


def declared_charset(body: bytes, header: str = "") -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w-]+)", header or "", re.I)
    if match:
        return match.group(1).lower()
    match = META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else None


def decode_html(body: bytes, content_type: str = "") -> tuple[str, str]:
    """Return (text, encoding used). Bytes that are valid UTF-8 are UTF-8 whatever is declared."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", "replace"), "utf-8"
    declared = declared_charset(body, content_type)
    candidates = [ALIASES.get(declared, declared)] if declared else []
    for encoding in ("utf-8", "gb18030"):
        if encoding not in candidates:
            candidates.append(encoding)
    if candidates[0] not in ("utf-8",) and _is_utf8(body):
        candidates.insert(0, "utf-8")  # a page declared GBK but saved as UTF-8
    for encoding in candidates:
        try:
            return body.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return body.decode("gb18030", "replace"), "gb18030"


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(byte > 0x7F for byte in body[:65536])
