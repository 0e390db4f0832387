"""Serious expression errors and superseded names, from the lexicons in `data/`.

- `wording_error`: a one-character sound-alike or look-alike variant of a leader's name or of
  a fixed official term; a leader given another leader's title; a party congress or plenum
  that had not happened (or never happened) at the page's date.
- `outdated_term`: a body abolished by the 2018 or 2023 reforms named as if current, unless the
  text is history: 原…, a year before the reform in the same sentence, or a page published
  before it.

All names and variants are found in one Aho-Corasick pass.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .typos import DATA, TypoModel, is_han

NUMERAL = "一二三四五六七八九十"
CONGRESS = re.compile(rf"(?:第)?([{NUMERAL}]{{1,3}})(?:大(?![学院厦街道桥队楼会])|次全国代表大会)")
PLENUM = re.compile(rf"([{NUMERAL}]{{1,3}})届([{NUMERAL}]{{1,3}})中全会")
PROSPECTIVE = re.compile(r"(迎接|喜迎|筹备|召开|即将|前夕|准备)[^，。；]{0,4}$")
HISTORY_PREFIX = re.compile(r"(原|前身为|前身是|曾用名|更名前的?|改革前的?)[\u4e00-\u9fff]{0,8}$")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
REFORM_STORY = re.compile(r"转制|更名为|改名为|改称|撤销|撤并|划入|并入|整合组建|职责划转|机构改革前|改革后")
SENTENCE_END = "。！？；\n"


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    start: int
    end: int
    text: str
    suggestion: str
    rule: str = ""


def _numeral(text: str) -> int:
    """十九 → 19, 二十一 → 21 (the ordinals of congresses and plenums)."""
    if text == "十":
        return 10
    tens, mark, ones = text.partition("十")
    digits = NUMERAL[:9]
    if mark and len(tens) <= 1 and len(ones) <= 1 and all(part in digits for part in tens + ones):
        return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)
    return digits.index(text) + 1 if len(text) == 1 and text in digits else -1  # 二二十: not a numeral


def _ordinal(number: int) -> str:
    if number <= 10:
        return NUMERAL[number - 1]
    tens, ones = divmod(number, 10)
    return (NUMERAL[tens - 1] if tens > 1 else "") + "十" + (NUMERAL[ones - 1] if ones else "")


class Wording:
    def __init__(self, typo_model: TypoModel, folder: Path = DATA):
        lexicon = tomllib.loads((folder / "wording.toml").read_text("utf-8"))
        self.leaders = {leader["name"]: leader["titles"] for leader in lexicon["leader"]}
        self.exclusive = sorted(lexicon["titles"]["exclusive"], key=len, reverse=True)
        self.congresses = {_numeral(k): v for k, v in lexicon["congresses"].items()}
        self.outdated = [term for term in tomllib.loads((folder / "outdated.toml").read_text("utf-8"))["term"]
                         if not term.get("skip")]
        self.automaton = ahocorasick.Automaton()
        known = typo_model.logp
        sound, shape = typo_model.sound, typo_model.shape
        # fixed terms also get the readings a regional accent merges (乡村振新): any variant of them is wrong
        accented = {char: heard + typo_model.near.get(char, "") for char, heard in sound.items()}
        for term in lexicon["terms"]["list"]:
            self._variants(term, "term", known, accented, shape)
        for wrong, right in lexicon.get("errors", {}).items():
            self.automaton.add_word(wrong, ("term", right, wrong))
        for name in self.leaders:
            self._variants(name, "leader", known, sound, shape)
            self._add(name, ("name", name, name))
        for number, term in enumerate(self.outdated):
            for old in term["names"]:
                self._add(old, ("outdated", number, old))
        self.automaton.make_automaton()

    def _add(self, key: str, value: tuple) -> None:
        if key not in self.automaton or value[0] in ("outdated", "name"):
            self.automaton.add_word(key, value)

    def _variants(self, right: str, kind: str, known: dict, sound: dict, shape: dict) -> None:
        for index, char in enumerate(right):
            if not is_han(char):
                continue
            for other in sound.get(char, "") + shape.get(char, ""):
                variant = right[:index] + other + right[index + 1:]
                # a variant that is an ordinary word or phrase itself (主题教学) is not an error
                if len(variant) <= 6 and variant in known and known[variant] > -16:
                    continue
                self._add(variant, (kind, right, variant))

    def find(self, text: str, published: date | None = None, today: date | None = None) -> list[Problem]:
        moment = published or today or date.today()
        found: list[Problem] = []
        for end, (kind, right, written) in self.automaton.iter(text):
            start = end - len(written) + 1
            if kind == "term":
                found.append(Problem("wording_error", start, end + 1, written, right, "固定表述"))
            elif kind == "leader":
                if len(right) >= 3 or self._title_beside(text, start, end + 1):
                    found.append(Problem("wording_error", start, end + 1, written, right, "领导人姓名"))
            elif kind == "name":
                found.extend(self._wrong_title(text, start, end + 1, right))
            elif kind == "outdated":
                problem = self._outdated(text, start, end + 1, self.outdated[right], written, published)
                if problem:
                    found.append(problem)
        found.extend(self._congresses(text, moment))
        return _longest(found)

    def names_in(self, text: str) -> list[tuple[int, int]]:
        """Where leaders' names are written correctly: no typo is suggested inside them (张国清 is no 张国庆)."""
        return [(match.start(), match.end()) for name in self.leaders for match in re.finditer(name, text)]

    def _title_beside(self, text: str, start: int, end: int) -> str:
        before, after = text[max(0, start - 8):start], text[end:end + 8]
        for title in self.exclusive:
            if before.endswith(title) or after.startswith(title) or after.startswith("同志"):
                return title
        return ""

    def _wrong_title(self, text: str, start: int, end: int, name: str) -> list[Problem]:
        if (start and is_han(text[start - 1]) and not text[:start].endswith(tuple(self.exclusive))
                and not text[:start].endswith(("同志", "、"))) or (end < len(text) and text[end] in "庄村镇乡路街"):
            return []  # part of another name or a place (李强村)
        title = self._title_beside(text, start, end)
        own = self.leaders[name]
        if not title or title == "同志" or any(title == mine or mine.endswith(title) for mine in own):
            return []
        before = text[max(0, start - len(title)):start]
        if before == title:
            span = (start - len(title), end)
        else:
            span = (start, end + len(title))
        return [Problem("wording_error", span[0], span[1], text[span[0]:span[1]], f"{name}（{own[0]}）", "领导人职务")]

    def _outdated(self, text: str, start: int, end: int, term: dict, written: str,
                  published: date | None) -> Problem | None:
        if end < len(text) and text[end] == "门":
            return None  # 环境保护部门: a generic noun
        since = date.fromisoformat(term["since"])
        if published and published < since:
            return None
        if HISTORY_PREFIX.search(text[max(0, start - 12):start]):
            return None
        sentence = _sentence(text, start)
        years = [int(year) for year in YEAR.findall(sentence)]
        if (years and min(years) <= since.year) or REFORM_STORY.search(sentence):
            return None  # a dated past event, or the story of the reform itself
        return Problem("outdated_term", start, end, written, term["current"], f"{term['since'][:4]} 年机构改革")

    def _congresses(self, text: str, moment: date) -> list[Problem]:
        found = []
        current = max(self.congresses)
        for match in CONGRESS.finditer(text):
            number = _numeral(match.group(1))
            if number < 15 or "党" not in text[max(0, match.start() - 6):match.start()] + match.group(0):
                continue
            known = self.congresses.get(number)
            happened = known and date.fromisoformat(known["opened"]) <= moment
            if happened or (number == current + 1 and PROSPECTIVE.search(text[max(0, match.start() - 12):match.start()])):
                continue
            if not known and number <= current:
                continue
            found.append(Problem("wording_error", match.start(), match.end(), match.group(0),
                                 f"党的{_ordinal(current)}大", "党代会届次"))
        for match in PLENUM.finditer(text):
            congress, plenum = _numeral(match.group(1)), _numeral(match.group(2))
            known = self.congresses.get(congress)
            if not known or plenum < 1:
                continue
            dated = _held_in(text[max(0, match.start() - 24):match.start()])
            if dated and plenum <= len(known["plenums"]) and not known["plenums"][plenum - 1].startswith(dated):
                actual = [number for number, day in enumerate(known["plenums"], 1) if day.startswith(dated)]
                suggestion = f"{match.group(1)}届{_ordinal(actual[0])}中全会" if actual else "（届次与召开时间不符）"
                found.append(Problem("wording_error", match.start(), match.end(), match.group(0), suggestion,
                                     "全会届次与召开时间不符"))
                continue
            held = [d for d in known["plenums"] if date.fromisoformat(d) <= moment]
            limit = len(held) + (1 if known.get("open") and len(held) == len(known["plenums"]) else 0)
            if plenum <= limit or (plenum == limit + 1 and PROSPECTIVE.search(text[max(0, match.start() - 12):match.start()])):
                continue
            last = len(held)
            suggestion = f"{match.group(1)}届{_ordinal(last)}中全会" if last else "（届次有误）"
            found.append(Problem("wording_error", match.start(), match.end(), match.group(0), suggestion, "全会届次"))
        return found


HELD_IN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\d{1,2}\s*日)?[^。！？；，,]{0,6}?(?:召开|举行|胜利召开|闭幕)的?"
                     r"(?:中国共产党|中共|党的)?(?:第)?$")


def _held_in(before: str) -> str:
    """'2025-10' from 2025年10月召开的党的 just before a plenum's name, or ''."""
    match = HELD_IN.search(before)
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else ""


def _longest(problems: list[Problem]) -> list[Problem]:
    """Of overlapping problems keep the longest (全面从严治档, not also 从严治档)."""
    kept: list[Problem] = []
    for problem in sorted(problems, key=lambda p: (-(p.end - p.start), p.start)):
        if not any(p.start < problem.end and problem.start < p.end for p in kept):
            kept.append(problem)
    return sorted(kept, key=lambda p: p.start)


def _sentence(text: str, index: int) -> str:
    begin = max((text.rfind(mark, 0, index) for mark in SENTENCE_END), default=-1) + 1
    ends = [position for mark in SENTENCE_END if (position := text.find(mark, index)) >= 0]
    return text[begin:min(ends) if ends else len(text)]


@lru_cache(maxsize=1)
def wording() -> Wording:
    from .typos import model
    return Wording(model())
