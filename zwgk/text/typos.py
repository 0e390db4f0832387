"""Ordinary wrong characters (错别字): a noisy-channel check with word statistics.

A character is suspect when swapping it for one that sounds or looks alike turns the
words around it into far likelier ones. "Likelier" is the best segmentation's log
probability under a word unigram model: jieba's dictionary (about 60 M tokens of general
text) plus 2–4 character strings counted in official-document text (`data/ngrams.tsv.gz`,
built by `scripts/build_typo_data.py`). The swap must gain more than `THRESHOLD` nats, a
bar set on the ECSpell and SIGHAN `.train` files for precision: a wrongly flagged character
costs an inspector's trust. On published pages a word trigram model (`wordlm.py`) may raise a
suspect whose fix makes the sentence around it far likelier (`context_gains`).

Speed comes from multi-pattern matching: every one-character variant of a frequent word is
a pattern in one Aho-Corasick automaton, so a text is scanned once and only the places where
such a variant occurs, outside common words, are scored. The automaton is built on first use
and cached on disk.
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

from .wordlm import word_lm

DATA = Path(__file__).resolve().parent / "data"
THRESHOLD = 7.0  # nats the best swap must gain (drafts: the writer reviews each suggestion)
PAGE_THRESHOLD = 10.0  # on a published page a typo goes into a circular: only near-certain ones
PRUNE = 3.0  # a variant within this many nats of its word is no pattern
COMMON_WORD = -11.0  # log probability of a common word (about 1,000 in jieba's counts)
SHAPE_PENALTY = 1.5  # a look-alike swap is less likely than a sound-alike one (pinyin input)
NGRAM_WEIGHT = 20  # one occurrence in official text counts as this many in jieba's dictionary
PATTERN_MIN_FREQ = 100  # words rarer than this do not get variant patterns
IDIOM_MIN_FREQ = 10
RARE_SHARE = 0.1
SLIP_SHARE = 0.05  # a listed wrong form that jieba counts at 5 % of the right one or more is a word (标识)
DIRECT_THRESHOLD = 2.0  # an idiom's variant: the swap must still win, by a little
FUNCTION_CHARACTERS = set("的地得了着过和与及或是在")  # 的/地/得 usage is style, not a typo an inspector cites
WINDOW = 3  # characters either side that are re-segmented
LM_WINDOW = 4  # characters either side the word trigram model reads
LM_FLOOR = 7.0  # the trigram model raises only places the unigram model finds plausible on its own (the draft bar)
UNIGRAM_SHARE = 0.3  # weight of the unigram gain beside the trigram model's (tuned on the .train files)
MAX_WORD = 6
PATTERN_VERSION = 10  # bump when _build changes: the cached automaton is rebuilt


@dataclass(frozen=True, slots=True)
class Typo:
    start: int
    end: int
    text: str
    suggestion: str
    gain: float
    direct: bool = False  # a variant of an idiom or a listed wrong form: wrong on sight


LISTED = ("common_errors.txt", "common_errors_gov.txt", "common_errors_pycorrector.txt")


def listed_forms() -> str:
    """Right-wrong pairs of known non-standard forms, one per line (see `data/SOURCES.md`)."""
    return "\n".join((DATA / name).read_text("utf-8") for name in LISTED)


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
        self.common = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for word in self.words:
            if 2 <= len(word) <= 4 and self.logp[word] > COMMON_WORD:
                self.common.add_word(word, len(word))
        self.common.make_automaton()
        self.pattern_min = math.log(PATTERN_MIN_FREQ / total)
        self._automaton = None
        self._segments: dict[tuple[str, bool], list[float]] = {}
        self._key = hashlib.sha1(ngrams.read_bytes() + confusion.read_bytes() + listed_forms().encode()
                                 + f"{PATTERN_VERSION}{PATTERN_MIN_FREQ}{NGRAM_WEIGHT}{PRUNE}{SLIP_SHARE}{IDIOM_MIN_FREQ}{len(counts)}".encode()).hexdigest()[:16]

    # -- the language model --------------------------------------------------------------
    def gains(self, text: str, index: int, replacements) -> list[tuple[float, str]]:
        """How much likelier the window around `index` gets with each replacement. The best
        segmentations of the text before and after the place are shared by every replacement; only
        the words through the place are looked up again."""
        begin, end = max(0, index - WINDOW), min(len(text), index + WINDOW + 1)
        before, after = text[begin:index], text[index + 1:end]
        ahead, behind = self._segmented(before, True), self._segmented(after, False)
        # (score before the word, the word's start in `before`, [(after[:stop], score after it)])
        spans = [(ahead[start], before[start:], [(after[:stop], behind[stop])
                                                 for stop in range(min(len(after), MAX_WORD - len(before) + start - 1) + 1)])
                 for start in range(max(0, len(before) - MAX_WORD + 1), len(before) + 1)]
        base = self._through(text[index], spans)
        heard = self.sound.get(text[index], "")
        return [(self._through(char, spans) - base - (0 if char in heard else SHAPE_PENALTY), char)
                for char in replacements]

    def _through(self, char: str, spans: list) -> float:
        """Best score of the window with `char` at the place, among segmentations with a word through it."""
        get, best = self.logp.get, -1e18
        for score_before, head, tails in spans:
            word = head + char
            for tail, score_after in tails:
                value = get(word + tail) if (head or tail) else get(char, self.unknown)
                if value is not None and score_before + value + score_after > best:
                    best = score_before + value + score_after
        return best

    def _segmented(self, text: str, prefixes: bool) -> list[float]:
        """Prefix or suffix scores of a few characters, memoised: the same short strings recur everywhere."""
        key = (text, prefixes)
        value = self._segments.get(key)
        if value is None:
            if len(self._segments) > 500_000:  # bounded: a night's crawl must not grow it without end
                self._segments.clear()
            value = self._segments[key] = self._prefix_scores(text) if prefixes else self._suffix_scores(text)
        return value

    def _prefix_scores(self, text: str) -> list[float]:
        """[best score of text[:k] for k in 0..len(text)]."""
        best = [0.0] + [-1e18] * len(text)
        logp, unknown = self.logp, self.unknown
        for end in range(1, len(text) + 1):
            top = best[end - 1] + logp.get(text[end - 1], unknown)
            for begin in range(max(0, end - MAX_WORD), end - 1):
                value = logp.get(text[begin:end])
                if value is not None and best[begin] + value > top:
                    top = best[begin] + value
            best[end] = top
        return best

    def _suffix_scores(self, text: str) -> list[float]:
        """[best score of text[k:] for k in 0..len(text)]."""
        best = [-1e18] * len(text) + [0.0]
        logp, unknown = self.logp, self.unknown
        for begin in range(len(text) - 1, -1, -1):
            top = best[begin + 1] + logp.get(text[begin], unknown)
            for end in range(begin + 2, min(len(text), begin + MAX_WORD) + 1):
                value = logp.get(text[begin:end])
                if value is not None and value + best[end] > top:
                    top = value + best[end]
            best[begin] = top
        return best

    def context_gains(self, text: str, index: int, replacements, sure: set) -> list[tuple[float, str]]:
        """The unigram gains, raised where the word trigram model (`wordlm.py`, when installed) finds the
        fix makes the words around it much likelier (代表侯选人提名: jieba knows 侯选人 as a word of its own,
        the trigram model knows 代表候选人). It only raises: its verdict on words it does not know (面签,
        冬种) is no better than the unigram model's. Wrong-on-sight fixes keep their unigram gain."""
        gains = self.gains(text, index, replacements)
        lm = word_lm()
        if lm is None:
            return gains
        begin, end = max(0, index - LM_WINDOW), min(len(text), index + LM_WINDOW + 1)
        window, at = text[begin:end], index - begin
        weighed = []
        for gain, char in gains:
            if gain >= LM_FLOOR and (index, char) not in sure:
                fixed = lm.score(window[:at] + char + window[at + 1:]) - lm.score(window)
                gain = max(gain, UNIGRAM_SHARE * gain + (1 - UNIGRAM_SHARE) * fixed)
            weighed.append((gain, char))
        return weighed

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
        tag `i`: 再接再励, 按步就班) and the non-standard forms of `data/common_errors*.txt`; these
        need only a small gain, since an idiom's neighbours say little about it."""
        variants: dict[str, set[tuple[int, str]]] = {}
        direct: set[tuple[str, int, str]] = set()  # wrong on sight with this fix only (布署 is 部署, not 布置)
        for variant, index, char in self._idiom_variants():
            variants.setdefault(variant, set()).add((index, char))
            direct.add((variant, index, char))
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
        several: list[tuple[int, tuple]] = []
        for variant, fixes in variants.items():
            if len(fixes) == 1:
                index, char = next(iter(fixes))
                sure = (variant, index, char) in direct
                automaton.add_word(variant, ord(char) << 6 | sure << 5 | index << 3 | len(variant))
            else:
                several.append((len(variant), tuple((index, char, (variant, index, char) in direct)
                                                    for index, char in sorted(fixes))))
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
                    for other in self.sound.get(char, "") + self.shape.get(char, ""):  # 未雨绸谬, 如屡薄冰
                        variant = word[:index] + other + word[index + 1:]
                        # jieba lists some slips too (再接再励, 3 against 115): rare beside the idiom is wrong
                        if self.words.get(variant, 0) < RARE_SHARE * int(count):
                            yield variant, index, char
        for line in listed_forms().splitlines():
            if line.startswith("#"):
                continue
            right, _, wrong = line.strip().partition("-")
            if len(right) == len(wrong) <= 4 and self.words.get(wrong, 0) < SLIP_SHARE * self.words.get(right, 0):
                differ = [i for i, (a, b) in enumerate(zip(right, wrong)) if a != b]
                if len(differ) == 1:
                    yield wrong, differ[0], right[differ[0]]

    def _inside_common_words(self, text: str) -> bytearray:
        """1 for each character inside a common word (坚 of 要坚持): no slip, since swapping it breaks a word
        far likelier than any variant. This skips half the places the patterns find; one slip in a
        thousand of the .train files is lost."""
        inside = bytearray(len(text))
        for end, size in self.common.iter(text):
            inside[end - size + 1:end + 1] = b"\x01" * size
        return inside

    # -- the check ------------------------------------------------------------------------------
    def find(self, text: str, threshold: float = THRESHOLD, context: bool = False) -> list[Typo]:
        """`context`: weigh suspects with the word trigram model too (published pages; see `context_gains`)."""
        automaton, several = self.automaton
        inside_common = self._inside_common_words(text)
        candidates: dict[int, set[str]] = {}
        sure: set[tuple[int, str]] = set()
        for end, value in automaton.iter(text):
            if value >= 0:
                length, fixes = value & 7, ((value >> 3 & 3, chr(value >> 6), value >> 5 & 1),)
            else:
                length, fixes = several[-value - 1]
            start = end - length + 1
            for index, char, direct in fixes:
                index += start
                if text[index] in FUNCTION_CHARACTERS or (inside_common[index] and not direct):
                    continue
                candidates.setdefault(index, set()).add(char)
                if direct:
                    sure.add((index, char))
        found: list[Typo] = []
        for index in sorted(candidates):
            gains = self.context_gains(text, index, candidates[index], sure) if context \
                else self.gains(text, index, candidates[index])
            passing = [(gain, char) for gain, char in gains
                       if gain > (DIRECT_THRESHOLD if (index, char) in sure else threshold)]
            if not passing:
                continue
            best, fix = max(passing)
            typo = Typo(index, index + 1, text[index], fix, round(best, 2), (index, fix) in sure)
            if found and found[-1].start == index - 1:  # 布署: one slip, two readings; the surer one stays
                if (typo.direct, typo.gain) <= (found[-1].direct, found[-1].gain):
                    continue
                found.pop()
            found.append(typo)
        return found


@lru_cache(maxsize=1)
def model() -> TypoModel:
    return TypoModel()


if __name__ == "__main__":  # `make setup` builds the cached automaton and reads the trigram model once
    model().automaton
    word_lm()
