"""Ordinary wrong characters (错别字): a noisy-channel check with word statistics.

A character is suspect when swapping it for one that sounds or looks alike turns the
words around it into far likelier ones. "Likelier" is the best segmentation's log
probability under a word unigram model: jieba's dictionary (about 60 M tokens of general
text) plus 2–4 character strings counted in official-document text (`data/ngrams.tsv.gz`,
built by `scripts/build_typo_data.py`). The swap must gain more than `THRESHOLD` nats, a
bar set on the ECSpell and SIGHAN `.train` files for precision: a wrongly flagged character
costs an inspector's trust.

Speed comes from multi-pattern matching: every one-character variant of a frequent word is
a pattern in one Aho-Corasick automaton, so a text is scanned once and only the places where
such a variant occurs are scored. The automaton is built on first use and cached on disk.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick
import jieba

DATA = Path(__file__).resolve().parent / "data"
THRESHOLD = 7.0  # nats the best swap must gain (drafts: the writer reviews each suggestion)
PAGE_THRESHOLD = 10.0  # on a published page a typo goes into a circular: only near-certain ones
PRUNE = 5.0  # a variant within this many nats of its word is no pattern
SHAPE_PENALTY = 1.5  # a look-alike swap is less likely than a sound-alike one (pinyin input)
NGRAM_WEIGHT = 20  # one occurrence in official text counts as this many in jieba's dictionary
PATTERN_MIN_FREQ = 100  # words rarer than this do not get variant patterns
IDIOM_MIN_FREQ = 10
RARE_SHARE = 0.1
SLIP_SHARE = 0.05  # a listed wrong form that jieba counts at 5 % of the right one or more is a word (标识)
DIRECT_THRESHOLD = 2.0  # an idiom's variant: the swap must still win, by a little
FUNCTION_CHARACTERS = set("的地得了着过和与及或是在")  # 的/地/得 usage is style, not a typo an inspector cites
WINDOW = 3  # characters either side that are re-segmented
MAX_WORD = 6
PATTERN_VERSION = 8  # bump when _build changes: the cached automaton is rebuilt


@dataclass(frozen=True, slots=True)
class Typo:
    start: int
    end: int
    text: str
    suggestion: str
    gain: float
    direct: bool = False  # a variant of an idiom or a listed wrong form: wrong on sight


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


class TypoModel:
    def __init__(self, ngrams: Path = DATA / "ngrams.tsv.gz", confusion: Path = DATA / "confusion.tsv"):
        counts: dict[str, float] = {}
        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
            for line in lines:
                word, count = line.split(" ", 2)[:2]
                if len(word) <= MAX_WORD:
                    counts[word] = float(count)
        self.words = dict(counts)  # jieba's dictionary: real words, not strings counted in text
        with gzip.open(ngrams, "rt", encoding="utf-8") as lines:
            for line in lines:
                gram, count = line.rstrip("\n").split("\t")
                counts[gram] = counts.get(gram, 0.0) + NGRAM_WEIGHT * int(count)
        total = sum(counts.values())
        self.logp = {word: math.log(count / total) for word, count in counts.items() if count > 0}
        self.unknown = math.log(0.5 / total)
        self.sound: dict[str, str] = {}
        self.shape: dict[str, str] = {}
        self.near: dict[str, str] = {}  # accent-near readings: for fixed terms only, never for ordinary typos
        for line in confusion.read_text("utf-8").splitlines():
            if line.startswith("#"):
                continue
            char, heard, seen, close = (line.split("\t") + [""])[:4]
            self.sound[char], self.shape[char], self.near[char] = heard, seen, close
        self.pattern_min = math.log(PATTERN_MIN_FREQ / total)
        self._automaton = None
        self._scores: dict[str, float] = {}
        self._key = hashlib.sha1(ngrams.read_bytes() + confusion.read_bytes()
                                 + f"{PATTERN_VERSION}{PATTERN_MIN_FREQ}{NGRAM_WEIGHT}{PRUNE}{SLIP_SHARE}{IDIOM_MIN_FREQ}{len(counts)}".encode()).hexdigest()[:16]

    # -- the language model --------------------------------------------------------------
    def score(self, text: str) -> float:
        """Log probability of the best segmentation of `text` into known words (memoised: windows recur)."""
        value = self._scores.get(text)
        if value is None:
            if len(self._scores) > 200_000:  # bounded: a night's crawl must not grow it without end
                self._scores.clear()
            value = self._scores[text] = self._score(text)
        return value

    def _score(self, text: str) -> float:
        best = [0.0] + [-1e18] * len(text)
        logp, unknown = self.logp, self.unknown
        for end in range(1, len(text) + 1):
            top = best[end - 1] + logp.get(text[end - 1], unknown)
            for begin in range(max(0, end - MAX_WORD), end - 1):
                value = logp.get(text[begin:end])
                if value is not None and best[begin] + value > top:
                    top = best[begin] + value
            best[end] = top
        return best[-1]

    def gains(self, text: str, index: int, replacements) -> list[tuple[float, str]]:
        begin, end = max(0, index - WINDOW), min(len(text), index + WINDOW + 1)
        window, at = text[begin:end], index - begin
        base = self.score(window)
        heard = self.sound.get(text[index], "")
        return [(self.score(window[:at] + char + window[at + 1:]) - base - (0 if char in heard else SHAPE_PENALTY),
                 char) for char in replacements]

    # -- candidate places -------------------------------------------------------------------
    @property
    def automaton(self) -> tuple[ahocorasick.Automaton, list]:
        if self._automaton is None:
            self._automaton = self._load_or_build()
        return self._automaton

    def _load_or_build(self) -> tuple[ahocorasick.Automaton, list]:
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zwgk" / f"typos-{self._key}.pkl"
        try:
            return pickle.loads(cache.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            pass
        automaton = self._build()
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(automaton))
            temporary.replace(cache)
            for old in cache.parent.glob("typos-*.pkl"):
                if old != cache:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only home: build again next time
        return automaton

    def _build(self) -> tuple[ahocorasick.Automaton, list]:
        """Patterns are one-character variants of frequent words. The value packs (correct
        character, whether the variant is wrong on sight, its index, the variant's length) in one
        int; rare many-fix variants point into a side list.

        Wrong on sight ("direct"): a one-character variant of an established idiom (成语, jieba's
        tag `i`: 再接再励, 按步就班) and the non-standard forms of `data/common_errors.txt`; these
        need only a small gain, since an idiom's neighbours say little about it."""
        variants: dict[str, set[tuple[int, str]]] = {}
        direct: set[str] = set()
        for variant, index, char in self._idiom_variants():
            variants.setdefault(variant, set()).add((index, char))
            direct.add(variant)
        for word, value in self.logp.items():
            if value < self.pattern_min or len(word) < 2 or len(word) > 4 or not all(map(is_han, word)):
                continue
            for index, char in enumerate(word):
                for other in self.sound.get(char, "") + self.shape.get(char, ""):
                    variant = word[:index] + other + word[index + 1:]
                    # a variant that is itself common can never gain enough: no pattern
                    if self.logp.get(variant, self.unknown) < value - PRUNE:
                        variants.setdefault(variant, set()).add((index, char))
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        several: list[tuple[int, tuple, bool]] = []
        for variant, fixes in variants.items():
            sure = variant in direct
            if len(fixes) == 1:
                index, char = next(iter(fixes))
                automaton.add_word(variant, ord(char) << 6 | sure << 5 | index << 3 | len(variant))
            else:
                several.append((len(variant), tuple(fixes), sure))
                automaton.add_word(variant, -len(several))
        automaton.make_automaton()
        return automaton, several

    def _idiom_variants(self):
        with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
            for line in lines:
                word, count, tag = line.split(" ")[:3]
                if tag.strip() != "i" or len(word) != 4 or int(count) < IDIOM_MIN_FREQ:
                    continue
                for index, char in enumerate(word):
                    for other in self.sound.get(char, ""):
                        variant = word[:index] + other + word[index + 1:]
                        # jieba lists some slips too (再接再励, 3 against 115): rare beside the idiom is wrong
                        if self.words.get(variant, 0) < RARE_SHARE * int(count):
                            yield variant, index, char
        listed = (DATA / "common_errors.txt").read_text("utf-8") + "\n" + (DATA / "common_errors_gov.txt").read_text("utf-8")
        for line in listed.splitlines():
            if line.startswith("#"):
                continue
            right, _, wrong = line.strip().partition("-")
            if len(right) == len(wrong) <= 4 and self.words.get(wrong, 0) < SLIP_SHARE * self.words.get(right, 0):
                differ = [i for i, (a, b) in enumerate(zip(right, wrong)) if a != b]
                if len(differ) == 1:
                    yield wrong, differ[0], right[differ[0]]

    # -- the check ------------------------------------------------------------------------------
    def find(self, text: str, threshold: float = THRESHOLD) -> list[Typo]:
        automaton, several = self.automaton
        candidates: dict[int, set[str]] = {}
        sure: set[int] = set()
        for end, value in automaton.iter(text):
            if value >= 0:
                length, fixes, direct = value & 7, ((value >> 3 & 3, chr(value >> 6)),), value >> 5 & 1
            else:
                length, fixes, direct = several[-value - 1]
            start = end - length + 1
            for index, char in fixes:
                candidates.setdefault(start + index, set()).add(char)
                if direct:
                    sure.add(start + index)
        found = []
        for index in sorted(candidates):
            if text[index] in FUNCTION_CHARACTERS:
                continue
            best, fix = max(self.gains(text, index, candidates[index]))
            if best > (DIRECT_THRESHOLD if index in sure else threshold):
                found.append(Typo(index, index + 1, text[index], fix, round(best, 2), index in sure))
        return found


@lru_cache(maxsize=1)
def model() -> TypoModel:
    return TypoModel()


if __name__ == "__main__":  # `make setup` builds the cached automaton once
    model().automaton
