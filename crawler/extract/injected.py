"""Content injected into a hacked page (暗链, 挂马跳转): what `injected_link` is made of.

- a link to another host hidden by inline CSS or a `<style>` rule (display:none,
  visibility:hidden, off-screen, zero font size or size), unless it is a hidden menu of the
  site's own links, a dropdown under a menu item, or a link to a government site or platform;
- a link, or a passage of text, selling gambling, private lottery or adult content;
- a `<meta http-equiv="refresh">` or script redirect to a foreign, non-government host.

Cloaking (another page for search engines) needs a second fetch; the spider compares the two
with `spam_signature`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .html import clean
from .links import same_site
from .status import SPAM, SPAM_IN_TITLE

HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|"
    r"(?:left|top|right|margin-left|margin-top|text-indent)\s*:\s*-\s*\d{3,}(?:\.\d+)?\s*(?:px|pt|em|rem)?|"
    r"font-size\s*:\s*0(?:\.0+)?\s*(?:px|pt|em|rem|%)?\s*(?:[;!}\"']|$)|"
    r"(?:^|[;\s])(?:width|height)\s*:\s*[01](?:px)?\s*(?:[;!}\"']|$)",
    re.I,
)
CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
GOVERNMENT_HOST = re.compile(r"(\.gov\.cn|\.gov|\.政务|\.org\.cn|\.mil\.cn|\.edu\.cn)(:\d+)?$", re.I)
# the platforms and state media a government site links from hover menus and pop-ups (官方微博, 政务抖音 …)
MEDIA_HOST = re.compile(r"(^|\.)(weibo\.com|weibo\.cn|weixin\.qq\.com|qq\.com|douyin\.com|toutiao\.com|kuaishou\.com|"
                        r"ixigua\.com|bilibili\.com|people\.com\.cn|xinhuanet\.com|news\.cn|cctv\.com|cctv\.cn|"
                        r"chinadaily\.com\.cn|cnr\.cn|gmw\.cn|12345\.[a-z.]+|amap\.com|map\.baidu\.com)(:\d+)?$", re.I)
MEDIA_TEXT = re.compile(r"微博|微信|抖音|头条|快手|视频号|公众号|客户端|APP|小程序|二维码", re.I)
ORGANISATION = re.compile(r"(人民政府|政府|局|委员会|委|办公室|办|厅|院|部|中心|馆|所|站|门户|政务服务网|政府网)$")
CRACKDOWN = re.compile(r"打击|整治|严厉|专项|查处|取缔|防范|警惕|远离|拒绝|抵制|严禁|禁止|违法犯罪|诈骗|宣传|提醒")
PRIVATE_LOTTERY = re.compile(r"私彩|时时彩|六合彩|北京赛车|pk10|快三|彩票(?:平台|投注|app|网)|赌球|博彩|赌博|色情|约炮|裸聊|一夜情|代孕|办证|发票代开", re.I)
SCRIPT_REDIRECT = re.compile(
    r"(?:location(?:\.href)?\s*=\s*|location\.(?:replace|assign)\s*\(\s*|window\.open\s*\(\s*)[\"'](https?://[^\"']+)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Injection:
    target: str
    why: str
    text: str = ""


def hidden_by_style_rules(root) -> set:
    """Elements a `<style>` block hides (simple selectors only: what injected CSS uses)."""
    from lxml.cssselect import CSSSelector
    from cssselect import SelectorError

    hidden = set()
    for style in root.iter("style"):
        for selectors, declarations in CSS_RULE.findall(style.text or ""):
            if not HIDING.search(declarations):
                continue
            for selector in selectors.split(","):
                selector = selector.strip()
                if not selector or "@" in selector or ":" in selector:
                    continue  # :hover menus are meant to open
                try:
                    hidden.update(CSSSelector(selector)(root))
                except (SelectorError, etree.XPathError, ValueError):
                    continue
    return hidden


def _hidden(element, by_rules: set) -> tuple[str, object]:
    """How an element is hidden (the style that does it) and the element that hides it, or ('', None)."""
    while element is not None:
        style = element.get("style") or ""
        match = HIDING.search(style)
        if match:
            return clean(match.group(0)), element
        if element in by_rules or element.get("hidden") is not None:
            return ("样式表隐藏" if element in by_rules else "hidden 属性"), element
        element = element.getparent()
    return "", None


def _dropdown(hider) -> bool:
    """A submenu under a menu item that shows its own label (li > a 政府网站 + ul[display:none]): it opens on
    hover. Injected blocks stand alone."""
    parent = hider.getparent()
    return parent is not None and parent.tag == "li" and any(
        child is not hider and child.tag in ("a", "span") and clean(child.text_content()) for child in parent)


def find_injections(root, url: str, key: str) -> list[Injection]:
    found: list[Injection] = []
    by_rules = hidden_by_style_rules(root)
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href.lower().startswith(("http://", "https://", "//")):
            continue
        target = urljoin(url, href)
        if same_site(target, key):
            continue
        text = clean(anchor.text_content()) or clean(anchor.get("title"))
        host = urlsplit(target).hostname or ""
        if SPAM.search(text) or (PRIVATE_LOTTERY.search(text) and not CRACKDOWN.search(text)):
            found.append(Injection(target, "链接文字为赌博、私彩或色情推广", text))
            continue
        how, hider = _hidden(anchor, by_rules)
        if how and not GOVERNMENT_HOST.search(host) and not MEDIA_HOST.search(host) and not ORGANISATION.search(text) \
                and not MEDIA_TEXT.search(text) and not _dropdown(hider):
            found.append(Injection(target, f"隐藏的外部链接（{how}）", text))
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\";\s]+)", meta.get("content") or "", re.I)
            if match:
                found.extend(_redirect(urljoin(url, match.group(1)), key, "meta refresh 跳转到外部网站"))
    for script in root.iter("script"):
        for target in SCRIPT_REDIRECT.findall(script.text or ""):
            found.extend(_redirect(target, key, "脚本跳转到外部网站"))
    body = root.find("body")
    text = clean(" ".join(t for t in (body if body is not None else root).itertext()))
    words = sorted({m.group(0) for m in SPAM.finditer(text)
                    if not CRACKDOWN.search(text[max(0, m.start() - 40):m.end() + 40])})  # news of a crackdown
    if words and not any(i.why.startswith("链接文字") for i in found):
        found.append(Injection("", "页面含赌博、色情推广文字", "、".join(words)))
    return found


def _redirect(target: str, key: str, why: str) -> list[Injection]:
    host = urlsplit(target).hostname or ""
    if same_site(target, key) or GOVERNMENT_HOST.search(host):
        return []
    return [Injection(target, why)]


def spam_signature(root, url: str, key: str) -> tuple[set[str], set[str]]:
    """(spam words, foreign link hosts) of a page: what cloaking changes."""
    words = {m.group(0) for m in SPAM.finditer(" ".join(root.itertext()))}
    words |= {m.group(0) for m in SPAM_IN_TITLE.finditer(clean(root.findtext(".//title") or ""))}
    hosts = set()
    for anchor in root.iter("a"):
        target = urljoin(url, (anchor.get("href") or "").strip())
        if target.startswith("http") and not same_site(target, key):
            hosts.add(urlsplit(target).netloc)
    return words, hosts
