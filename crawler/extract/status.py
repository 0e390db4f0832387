"""What an answer means: an error page served with 200, an anti-bot challenge."""

from __future__ import annotations

import re

ERROR_TITLE = re.compile(r"\b404\b|\b500\b|页面不存在|页面未找到|找不到|not\s*found|出错了|错误页|无法找到|页面已删除|error", re.I)
ERROR_TEXT = re.compile(
    r"页面不存在|页面未找到|您访问的页面不存在|您所访问的页面不存在|找不到(该|您要的|您所访问的|此)?页面|"
    r"(文章|信息|内容|页面)(已被?删除|不存在)|404\s*not\s*found|页面无法访问|访问的页面已失效|页面走丢|"
    r"(内容|文章)已被(发布者|作者)删除|(此|该)内容因(违规|涉嫌)[^。]{0,24}无法查看|此内容被投诉",
    re.I,
)
CHALLENGE = re.compile(
    rb"__jsl_clearance|jsl_clearance_s|_waf_|document\.cookie\s*=.{0,200}location|\bchallenge-platform\b|"
    rb"cf-browser-verification|\xe5\xae\x89\xe5\x85\xa8\xe9\xaa\x8c\xe8\xaf\x81",  # 安全验证 (UTF-8)
    re.I | re.S,
)
BLOCKED_STATUSES = {429, 521, 522, 525, 412}
# 外链变异: gambling, illegal lottery (not the state 福利彩票/体育彩票) and adult content on an outside page.
# Sales words count anywhere; words a government news item also uses (打击赌博, 地下六合彩) only in the
# title, keywords or description, where a page says what it is.
SPAM = re.compile(
    r"娱乐城|百家乐|真人(视讯|娱乐|荷官)|葡京|太阳城(集团|娱乐)|皇冠(体育|足球|网址|娱乐)|威尼斯人(娱乐|官网)|"
    r"金沙(娱乐|赌场|国际|官网)|棋牌(游戏平台|平台|娱乐)|体育投注|滚球|bet365|(?<!福利)(?<!体育)彩票(平台|投注|app)|"
    r"注册(即)?送彩金|裸聊|成人(视频|影院|网站|电影)|激情(视频|电影)",
    re.I,
)
SPAM_IN_TITLE = re.compile(r"博彩|赌博|赌场|时时彩|六合彩|赌球|老虎机|色情|约炮|一夜情")


def spam_words(head: str, text: str) -> list[str]:
    """The spam words an outside page shows: `head` is its title, keywords and description."""
    words = {m.group(0) for m in SPAM.finditer(head)} | {m.group(0) for m in SPAM.finditer(text)}
    return sorted(words | {m.group(0) for m in SPAM_IN_TITLE.finditer(head)})


def is_error_page(title: str, text: str) -> bool:
    """A “page not found” served with status 200."""
    if title and ERROR_TITLE.search(title) and len(text) < 3000:
        return True
    return len(text) < 1500 and bool(ERROR_TEXT.search(text))


def is_challenge(status: int, body: bytes) -> bool:
    """An anti-bot answer (加速乐 521, WAF pages): the site is alive but will not talk to us."""
    if status in BLOCKED_STATUSES:
        return True
    if status in (200, 202, 403, 503) and len(body) < 20000:
        return bool(CHALLENGE.search(body))
    return False
