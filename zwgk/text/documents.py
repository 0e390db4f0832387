"""The text of a document: a page, a draft or an attachment (txt, html, docx, doc, pdf, xlsx, xls).

Each reader returns lines of text. A file that cannot be read gives no lines and a reason in
Chinese; nothing here raises on bad input. Sizes are capped: `MAX_CHARS` of text per file,
`MAX_PDF_PAGES` pages, `MAX_ROWS` spreadsheet rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import parse_qsl

from lxml import etree, html as lxml_html

from crawler.extract.encoding import decode_html

MAX_CHARS = 2_000_000
MAX_PDF_PAGES = 300
MAX_ROWS = 20_000
MAX_UNZIPPED = 200 * 1024 * 1024  # a docx/xlsx that inflates beyond this is a zip bomb
MAX_RATIO = 200  # XML compresses about 10:1; a thousandfold member is a bomb
READABLE = {"txt", "html", "htm", "shtml", "docx", "doc", "wps", "pdf", "xlsx", "xlsm", "xls", "csv"}
ATTACHMENT_KINDS = {"docx", "doc", "wps", "pdf", "xlsx", "xlsm", "xls", "txt", "csv"}  # read when a site links them
BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "dd", "dt", "ul", "ol"}
CELLS = {"td", "th"}  # a table row is one line, its cells apart: a list's name, ID and card stay together
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)  # not shown: not proofread
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class DocumentText:
    lines: list[str] = field(default_factory=list)
    problem: str = ""  # why it could not be read (Chinese), empty when read

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def kind_of(name: str, content_type: str = "") -> str:
    """The file's kind from its name (or a download servlet's query: downfile.jsp?filename=名单.xlsx), else
    from its content type."""
    path, _, query = name.partition("?")
    for candidate in [path] + [value for _, value in parse_qsl(query)]:
        suffix = PurePosixPath(candidate).suffix.lower().lstrip(".")
        if suffix in READABLE:
            return suffix
    content_type = content_type.lower()
    for marker, kind in (("pdf", "pdf"), ("wordprocessingml", "docx"), ("msword", "doc"),
                         ("spreadsheetml", "xlsx"), ("ms-excel", "xls"), ("html", "html"), ("text/plain", "txt")):
        if marker in content_type:
            return kind
    return ""


def read_document(name: str, data: bytes, content_type: str = "") -> DocumentText:
    kind = kind_of(name, content_type)
    reader = {"txt": _text, "csv": _text, "html": _html, "htm": _html, "shtml": _html, "docx": _docx,
              "pdf": _pdf, "xlsx": _xlsx, "xlsm": _xlsx, "xls": _xls, "doc": _doc, "wps": _doc}.get(kind)
    if reader is None:
        return DocumentText(problem="不支持的文件类型")
    try:
        lines = reader(data)
    except ZipBomb:
        return DocumentText(problem=f"{kind.upper()}文件解压后过大（疑似压缩炸弹），未读取")
    except Exception as error:  # a broken or hostile file: say so, never crash the run
        return DocumentText(problem=f"无法读取{kind.upper()}文件：文件已损坏或格式不符（{type(error).__name__}）")
    total, kept = 0, []
    for line in lines:
        total += len(line)
        if total > MAX_CHARS:
            return DocumentText(kept, f"文本超过 {MAX_CHARS} 字，只检查了前面部分")
        kept.append(line)
    if not any(line.strip() for line in kept):
        return DocumentText([], "文件中没有可提取的文字（可能是扫描件）")
    return DocumentText(kept)


def _text(data: bytes) -> list[str]:
    text, _ = decode_html(data, "text/plain")
    return text.splitlines()


def html_lines(root, skip: set | frozenset = frozenset()) -> list[str]:
    """Visible text of an element, a line per block element; elements in `skip` (menus, footers) left out."""
    parts: list[str] = []

    def walk(element) -> None:
        if (not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript", "template")
                or element in skip or HIDDEN_STYLE.search(element.get("style") or "")):
            if element.tail:
                parts.append(element.tail)
            return
        block = element.tag in BLOCKS
        if block:
            parts.append("\n")
        elif element.tag in CELLS:
            parts.append("  ")
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
        if block:
            parts.append("\n")
        if element.tail:
            parts.append(element.tail)

    walk(root)
    return [re.sub(r"[ \t\r\f\v\u3000\xa0]+", " ", line).strip() for line in "".join(parts).split("\n")
            if line.strip()]


def _html(data: bytes) -> list[str]:
    text, _ = decode_html(data, "text/html")
    root = lxml_html.fromstring(text) if text.strip() else None
    if root is None:
        return []
    body = root.find("body")
    return html_lines(body if body is not None else root)


def _safe_zip(data: bytes) -> zipfile.ZipFile:
    """A docx/xlsx is a zip: refuse one that inflates beyond MAX_UNZIPPED or by more than MAX_RATIO."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    infos = archive.infolist()
    if sum(info.file_size for info in infos) > MAX_UNZIPPED or any(
            info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(info.compress_size, 1) for info in infos):
        raise ZipBomb
    return archive


class ZipBomb(ValueError):
    """A compressed file that would inflate far beyond its size."""


def _docx(data: bytes) -> list[str]:
    archive = _safe_zip(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    lines = []
    for name in ["word/document.xml"] + sorted(n for n in archive.namelist()
                                               if re.match(r"word/(header|footer|footnotes)\d*\.xml", n)):
        if name not in archive.namelist():
            continue
        root = etree.fromstring(archive.read(name), parser)
        for paragraph in root.iter(f"{W}p"):
            lines.append("".join(node.text or "" for node in paragraph.iter(f"{W}t")).strip())
    return lines


def _pdf(data: bytes) -> list[str]:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(io.BytesIO(data))
    lines: list[str] = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        lines.extend((page.extract_text() or "").splitlines())
    return lines


def _xlsx(data: bytes) -> list[str]:
    from openpyxl import load_workbook

    _safe_zip(data)
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lines = []
    for sheet in book.worksheets:
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            if number >= MAX_ROWS:
                break
            cells = [_cell(value) for value in row if value is not None]
            if cells:
                lines.append(" ".join(cells))
    return lines


def _cell(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an ID typed as a number: 1.10101199003077e17 would hide it
    return str(value)


def _xls(data: bytes) -> list[str]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    lines = []
    for sheet in book.sheets():
        for number in range(min(sheet.nrows, MAX_ROWS)):
            cells = [_cell(value) for value in sheet.row_values(number) if value not in ("", None)]
            if cells:
                lines.append(" ".join(cells))
    return lines


def _doc(data: bytes) -> list[str]:
    """Word 97–2003: the text lives in the WordDocument stream, as UTF-16 or as 8-bit runs."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    stream = ole.openstream("WordDocument").read()
    text = stream.decode("utf-16-le", errors="ignore")
    runs = re.findall(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef0-9A-Za-z，。、；：？！“”‘’（）《》\s\-/.]{4,}", text)
    return [line.strip() for run in runs for line in run.split("\r") if line.strip()]
