"""Proofread a text: wording errors, outdated names, personal data and ordinary typos, by line.

This is the one entry point for `zwgk proof` (drafts) and for the content checks on crawled
pages and attachments. Offsets are per line so that evidence can quote the sentence.
"""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import ahocorasick

from .privacy import find_leaks
from .typos import COMMON_WORD, PAGE_THRESHOLD, Typo, is_han, model
from .wording import Problem, wording

SEVERITY = {"wording_error": "veto", "privacy_leak": "veto", "outdated_term": "deduct", "typo": "deduct"}
KIND_NAMES = {"id_card": "身份证号", "mobile": "手机号码", "bank_card": "银行卡号"}
PARALLEL_CHARS = 300_000  # texts longer than this are checked on every core
WORKERS = min(os.cpu_count() or 1, 8)
QUOTE = 30
RECURS_IN = 3  # texts (or lines of a draft) an odd string must be in to be a name or a term
# the 120 commonest surnames (公安部户籍人口统计, 2020) and the compound ones still in use
SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢"
               "姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔"
               "向常汤康易乔赖文施洪辛柯庄樊葛甘")
COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙"}  # characters of context either side in a quote


@dataclass(frozen=True, slots=True)
class Issue:
    code: str
    line: int  # from 1
    start: int  # offsets inside the line
    end: int
    text: str
    suggestion: str
    rule: str = ""  # the lexicon rule, or the kind of personal data
    quote: str = ""  # the sentence around it (masked for personal data)
    unknown: tuple[str, ...] = ()  # typo: the strings around it no dictionary knows (see `drop_recurring`)

    @property
    def severity(self) -> str:
        return SEVERITY[self.code]


def proofread(text: str, published: date | None = None, typos: bool = True, strict: bool = False) -> list[Issue]:
    """`strict`: for published pages (a finding goes into a circular), ordinary typos need the page
    threshold unless they are wrong on sight (an idiom's variant, a listed wrong form)."""
    lines = text.splitlines()
    if len(text) < PARALLEL_CHARS:
        found = _lines(lines, 1, published, typos, strict)
    else:
        size = -(-len(lines) // WORKERS)  # a big draft: its lines shared out over the cores
        parts = on_every_core(_lines, [(lines[i:i + size], i + 1, published, typos, strict)
                                       for i in range(0, len(lines), size)])
        found = [issue for part in parts for issue in part]
    if not any(issue.unknown for issue in found):
        return found
    by_line: list[list[Issue]] = [[] for _ in lines]
    for issue in found:
        by_line[issue.line - 1].append(issue)
    return [issue for kept in drop_recurring(lines, by_line) for issue in kept]


def on_every_core(function, calls: list[tuple]) -> list:
    """`function(*call)` for each call, in forked workers that share this process's loaded lexicons (the
    typo automaton is 600 MB: forking shares it, spawning would load it again). Inline on one core, or
    inside a worker already."""
    if WORKERS < 2 or len(calls) < 2 or multiprocessing.parent_process() is not None:
        return [function(*call) for call in calls]
    model().automaton, wording()
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
        return [future.result() for future in [pool.submit(function, *call) for call in calls]]


def _lines(lines: list[str], first: int, published: date | None, typos: bool, strict: bool = False) -> list[Issue]:
    issues: list[Issue] = []
    for number, line in enumerate(lines, first):
        if line.strip():
            issues.extend(_line(line, number, published, typos, strict))
    return issues


def _line(line: str, number: int, published: date | None, typos: bool, strict: bool = False) -> list[Issue]:
    found: list[Issue] = []
    spans: list[tuple[int, int]] = []
    for problem in wording().find(line, published):
        found.append(_issue(problem, line, number))
        spans.append((problem.start, problem.end))
    for leak in find_leaks(line):
        quote = _quote(line, leak.start, leak.end).replace(line[leak.start:leak.end], leak.masked)
        found.append(Issue("privacy_leak", number, leak.start, leak.end, leak.masked, "遮盖或删除",
                           leak.kind, quote))
        spans.append((leak.start, leak.end))
    if typos:
        spans.extend(wording().names_in(line))
        for typo in _typos(line, strict):
            if any(start < typo.end and typo.start < end for start, end in spans) or _proper_name(line, typo.start) \
                    or _in_document_number(line, typo.start) or _place_name(line, typo.start, typo.suggestion):
                continue
            if strict and not typo.direct and typo.gain < PAGE_THRESHOLD:
                continue
            unknown = () if typo.direct else _unknown_around(line, typo.start)
            if any(line.count(pair) > 1 for pair in unknown):
                continue  # 引导购彩者理性购彩: a slip is not made twice in one sentence, a term is used twice
            found.append(Issue("typo", number, typo.start, typo.end, typo.text, typo.suggestion,
                               f"gain {typo.gain}", _quote(line, typo.start, typo.end), unknown))
    return sorted(found, key=lambda issue: (issue.start, issue.code))


def _proper_name(line: str, index: int) -> bool:
    """A person's name standing alone (a 公示 list's cell: 李秀兰) or a short name in quotes (“甘快办”):
    names are written as their owners choose, whatever the dictionary prefers."""
    begin = index
    while begin > 0 and is_han(line[begin - 1]):
        begin -= 1
    end = index
    while end < len(line) and is_han(line[end]):
        end += 1
    if 2 <= end - begin <= 4 and (line[begin] in SURNAMES or line[begin:begin + 2] in COMPOUND_SURNAMES):
        return True
    for first in range(max(0, index - 2), index + 1):  # 关于徐丽华等同志任职前公示: a name before 同志
        if line[first] in SURNAMES and any(line.startswith(after, first + size)
                                           for size in (2, 3) if first + size > index for after in NAME_AFTER):
            return True
    opening = line.rfind("“", 0, index)
    closing = line.find("”", index)
    return opening >= 0 and closing >= 0 and closing - opening <= 9 and "”" not in line[opening:index]


def _place_name(line: str, index: int, fix: str) -> bool:
    """红墅湾小区, 黄材镇, 桐仁桥片区: the one or two characters before a place word are a name, unless the
    fix makes them a common word (充分发辉社区网格员作用 is 发挥, not a 社区 called 发辉)."""
    logp = model().logp
    for after in (index + 1, index + 2):
        if all(is_han(char) for char in line[index:after]) and line.startswith(PLACE_SUFFIXES, after):
            begin = max(0, after - 2)
            fixed = line[begin:index] + fix + line[index + 1:after]
            return logp.get(fixed, -99.0) <= COMMON_WORD
    return False


# what follows a place's or an estate's own name; 局/委/办 are not here: they follow ordinary words
PLACE_SUFFIXES = ("镇", "乡", "村", "街道", "社区", "小区", "片区", "景区", "园区", "花园", "公园", "广场", "大道",
                  "路", "街", "巷", "湾", "桥", "苑", "庄", "寨", "屯", "坪", "垸", "洲", "港", "塘", "峰", "岭",
                  "山", "湖", "溪", "水库", "村委会", "居委会", "组")


def _unknown_around(line: str, index: int) -> tuple[str, ...]:
    """The two-character strings through the suspect character that are not words: a name or a term the
    dictionary lacks shows itself by recurring (`drop_recurring`)."""
    words = model().logp
    return tuple(pair for pair in (line[index - 1:index + 1] if index else "", line[index:index + 2])
                 if len(pair) == 2 and all(map(is_han, pair)) and pair not in words)


def drop_recurring(texts: list[str], issues: list[list[Issue]], occurs_in: int = RECURS_IN) -> list[list[Issue]]:
    """`issues[i]` were found in `texts[i]` (pages of a site, or lines of a draft). A typo whose odd string
    is in `occurs_in` texts or more is dropped: a slip is made once, while a name (红墅湾) or a term the
    dictionary lacks (摇号, 面签) is written again and again. Listed wrong forms and idiom variants have no
    odd string and always stay."""
    pairs = {pair for found in issues for issue in found for pair in issue.unknown}
    if not pairs:
        return issues
    automaton = ahocorasick.Automaton()
    for pair in pairs:
        automaton.add_word(pair, pair)
    automaton.make_automaton()
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    seen_in: dict[str, set[int]] = {}
    for end, pair in automaton.iter("\n".join(texts)):
        seen_in.setdefault(pair, set()).add(bisect.bisect_right(starts, end) - 1)
    recurring = {pair for pair, where in seen_in.items() if len(where) >= occurs_in}
    return [[issue for issue in found if not recurring.intersection(issue.unknown)] for found in issues]


NAME_AFTER = ("等同志", "同志", "等人", "（男", "（女", "，男", "，女", "(男", "(女")
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔［\[【(（]\d{4}[〕］\]】)）]\d{1,4}号")


def _in_document_number(line: str, index: int) -> bool:
    """凤建发〔2026〕24号: a document number is a code, not words."""
    return any(match.start() <= index < match.end() for match in DOCUMENT_NUMBER.finditer(line))


@lru_cache(maxsize=65536)
def _typos(line: str, published: bool) -> tuple[Typo, ...]:
    """Pages repeat the same sentences (notices reposted, lists of rules): each is scored once. On a
    published page the word trigram model weighs each suspect too; a draft's writer reviews the
    suggestions and gets them faster."""
    return tuple(model().find(line, context=published))


def _issue(problem: Problem, line: str, number: int) -> Issue:
    return Issue(problem.code, number, problem.start, problem.end, problem.text, problem.suggestion,
                 problem.rule, _quote(line, problem.start, problem.end))


def _quote(line: str, start: int, end: int) -> str:
    begin = max(0, start - QUOTE)
    finish = min(len(line), end + QUOTE)
    return ("…" if begin else "") + line[begin:finish].strip() + ("…" if finish < len(line) else "")
