"""办事指南 (service guides): is this page one, and which of the eight key elements does it give?

Source of the elements: 国办秘函〔2019〕19号, 服务实用 indicator — a guide must state 事项名称, 设定依据,
申请条件, 办理材料, 办理地点, 办理时间, 联系电话 and 办理流程. Real guides name them in many ways
and lay them out as two-column tables, labelled blocks, definition lists, 【…】 paragraphs or tabs.
An element counts only with content: an empty heading or “无” is missing; an image (a 办理流程 chart)
is content.
"""

from __future__ import annotations

import re

from .html import clean, element_text

# element -> usual wordings (the first is the name used in findings); extendable from the config.
ELEMENTS: dict[str, tuple[str, ...]] = {
    "事项名称": ("事项名称", "服务事项名称", "办理事项", "事项", "服务名称"),
    "设定依据": ("设定依据", "法律依据", "办理依据", "实施依据", "政策依据", "法定依据", "依据"),
    "申请条件": ("申请条件", "受理条件", "办理条件", "申办条件", "准予条件", "受理标准"),
    "办理材料": ("办理材料", "申请材料", "所需材料", "提交材料", "申报材料", "材料目录", "申请材料目录"),
    "办理地点": ("办理地点", "受理地点", "办理地址", "受理地址", "办公地点", "窗口地址"),
    "办理时间": ("办理时间", "受理时间", "办公时间", "工作时间", "服务时间"),
    "联系电话": ("联系电话", "咨询电话", "咨询方式", "联系方式", "咨询投诉", "监督电话", "咨询途径"),
    "办理流程": ("办理流程", "办理程序", "办事流程", "办理步骤", "审批流程", "服务流程", "流程"),
}
EMPTY_VALUES = {"", "无", "暂无", "-", "—", "--", "/", "／", "空", "未填写", "待补充"}
GUIDE_TITLE = re.compile(r"办事指南|服务指南|办理指南")
LABEL_TRIM = re.compile(r"^[\s【\[（(]*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．)]|[（(][一二三四五六七八九十\d]+[)）])?\s*|"
                        r"[\s】\]）):：]*$")
INLINE = re.compile(r"^\s*[【\[]?\s*(?:[一二三四五六七八九十]+、|\d+[、.．])?\s*([\u4e00-\u9fa5]{2,8})\s*[】\]]?\s*[:：]?\s*(.*)$", re.S)
BLOCKS = ("p", "div", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span",
          "label", "a", "section", "em", "font")
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "th", "label", "em"}


def extend_elements(words: dict[str, list[str]]) -> None:
    """Add wordings (or whole elements) from the config's [services] words."""
    for element, extra in words.items():
        ELEMENTS[element] = tuple(dict.fromkeys((*ELEMENTS.get(element, (element,)), *extra)))


def _element_of(label: str) -> str | None:
    label = LABEL_TRIM.sub("", label)
    if not 2 <= len(label) <= 10:
        return None
    for element, words in ELEMENTS.items():
        if label in words:
            return element
    return None


def looks_like_guide(title: str, text: str) -> bool:
    """Cheap test before parsing: a guide title, or several element names in the text."""
    if GUIDE_TITLE.search(title):
        return True
    named = sum(1 for words in ELEMENTS.values() if any(word in text for word in words[:3]))
    return named >= 4


def guide_elements(root, title: str) -> dict[str, bool] | None:
    """Each key element → present with content. None when the page is not a guide."""
    found: dict[str, bool] = {}
    for node in root.iter(*BLOCKS):
        own = clean("".join(node.itertext()))
        if not own or len(own) > 2000:
            continue
        element = _element_of(own) if len(own) <= 14 else None
        if element:  # a label on its own: its content is beside or after it
            found[element] = found.get(element, False) or _has_content(_content_after(node))
            continue
        if node.tag in ("p", "li", "div", "td", "dd", "span") and len(node) <= 3:
            match = INLINE.match(own)
            if match and (inline := _element_of(match.group(1))) and (match.group(2) or "").strip():
                if re.match(r"\s*[【\[]|.{2,8}[:：]", own):
                    found[inline] = found.get(inline, False) or clean(match.group(2)) not in EMPTY_VALUES
    named = [e for e in found]
    if len(named) < 3 and not (GUIDE_TITLE.search(title) and named):
        return None
    if not found.get("事项名称") and _named_by_heading(root, title):
        found["事项名称"] = True
    return {element: found.get(element, False) for element in ELEMENTS}


def _content_after(node) -> list:
    """What belongs to a label: the next cell (tables), the dd (lists), the tab pane, the following
    siblings up to the next label (headings) — climbing out of a wrapper that holds only the label."""
    if node.tag in ("th", "td"):
        following = node.getnext()
        return [following] if following is not None else []
    if node.tag == "dt":
        following = node.getnext()
        return [following] if following is not None and following.tag == "dd" else []
    pane = _tab_pane(node)
    if pane is not None:
        return [pane]
    current = node
    for _ in range(3):
        siblings = []
        following = current.getnext()
        while following is not None:
            text = clean("".join(following.itertext()))
            if text and len(text) <= 14 and _element_of(text):
                break
            siblings.append(following)
            following = following.getnext()
        tail = (current.tail or "").strip()
        if siblings or tail:
            return siblings + ([tail] if tail else [])
        parent = current.getparent()
        if parent is None or clean("".join(parent.itertext())) != clean("".join(current.itertext())):
            break
        current = parent
    return []


def _tab_pane(node):
    """Tabs whose panes are in the HTML: by href="#id"/data-target, else by position."""
    anchor = node if node.tag == "a" else node.find(".//a")
    target = None
    for candidate in (node, anchor):
        if candidate is None:
            continue
        target = candidate.get("data-target") or candidate.get("data-tab") or candidate.get("aria-controls")
        href = candidate.get("href") or ""
        if not target and href.startswith("#") and len(href) > 1:
            target = href[1:]
        if target:
            break
    if target:
        found = node.getroottree().getroot().xpath("//*[@id=$id]", id=target.lstrip("#"))
        return found[0] if found else None
    item = node
    parent = node.getparent()
    if node.tag in ("a", "span") and parent is not None and parent.tag == "li":
        item = parent
    tabs = item.getparent()
    if tabs is None:
        return None
    labels = [child for child in tabs if isinstance(child.tag, str)]
    texts = [clean("".join(child.itertext())) for child in labels]
    # a tab header holds nothing but short labels, most of them element names
    if len(labels) < 3 or any(len(text) > 12 for text in texts) or \
            sum(1 for text in texts if _element_of(text)) * 2 < len(labels):
        return None
    container = tabs.getnext()
    if container is None and tabs.getparent() is not None:
        container = tabs.getparent().getnext()
    if container is None:
        return None
    panes = [child for child in container if isinstance(child.tag, str)]
    if len(panes) < len(labels):
        panes = [container, *[s for s in container.itersiblings() if isinstance(s.tag, str)]]
    index = labels.index(item)
    return panes[index] if index < len(panes) else None


def _has_content(parts: list) -> bool:
    for part in parts:
        if isinstance(part, str):
            if clean(part).strip("：: ") not in EMPTY_VALUES:
                return True
            continue
        if part.tag == "img" or part.find(".//img") is not None:
            return True
        text = element_text(part).strip("：: ")
        if text not in EMPTY_VALUES:
            return True
    return False


def _named_by_heading(root, title: str) -> bool:
    """The item's name stated as the guide's heading: “个体工商户设立登记办事指南”."""
    for heading in root.iter("h1", "h2", "h3"):
        text = GUIDE_TITLE.sub("", element_text(heading))
        if len(text) >= 4 and not _element_of(text):
            return True
    return False
