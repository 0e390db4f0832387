"""Derive the typo checker's data files from the third-party corpus (run once, output committed).

    python scripts/build_typo_data.py ../shared/corpus

Writes `zwgk/text/data/confusion.tsv` (characters that sound or look alike, and pairs the .train
files correct more than once; the alternatives are limited to the 3,500 common characters; pypinyin
fills in rare characters of idioms) and `zwgk/text/data/ngrams.tsv.gz` (counts of 2–4 character strings
in official-document text). Only MIT or Apache-2.0 sources are used; see `data/SOURCES.md`.
The `.test` files are never read: they are the evaluation set.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "zwgk" / "text" / "data"
HAN = re.compile(r"[\u4e00-\u9fff]+")
TRAIN = ["csc/ecspell/odw.train", "csc/ecspell/law.train", "csc/ecspell/med.train",
         "csc/sighan/train2015.simplified.txt"]
TITLES = "lexicons/ecspell/政策法规标题.txt"
MIN_COUNT = 3
OBSERVED_MIN = 2  # a character pair corrected this often in the .train files is a confusion pair
SLIP_MAX_COUNT = 10  # a wrong form jieba counts more often than this is a word somewhere (水份, 授与)
SLIP_MIN_RIGHT = 20
FRAGMENT_SHARE = 0.8


def corrected_sentences(corpus: Path):
    for name in TRAIN:
        for line in (corpus / name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3:
                yield parts[2]
    yield from (corpus / TITLES).read_text("utf-8").splitlines()


def ngram_counts(corpus: Path) -> dict[str, int]:
    counts: collections.Counter = collections.Counter()
    for sentence in corrected_sentences(corpus):
        for run in HAN.findall(sentence):
            for n in (2, 3, 4, 5):  # 5-grams only tell which 4-grams are fragments
                counts.update(run[i:i + n] for i in range(len(run) - n + 1))
    # a string that nearly always continues the same way (环境保 → 环境保护) is a fragment, not a word:
    # as a "word" it would make 环境局 look like a slip for 环境保
    longest_extension: collections.Counter = collections.Counter()
    for gram, count in counts.items():
        if len(gram) > 2:
            for part in (gram[:-1], gram[1:]):
                if count > longest_extension[part]:
                    longest_extension[part] = count
    return {gram: count for gram, count in counts.items()
            if len(gram) <= 4 and count >= MIN_COUNT and longest_extension[gram] < FRAGMENT_SHARE * count}


def confusion(corpus: Path) -> dict[str, tuple[set, set]]:
    lexicons = corpus / "lexicons"
    common = set((lexicons / "pycorrector/common_char_set.txt").read_text("utf-8").split())
    sound: dict[str, set] = collections.defaultdict(set)
    shape: dict[str, set] = collections.defaultdict(set)
    for line in (lexicons / "pycorrector/same_pinyin.txt").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2:
            continue
        for group in parts[1:]:
            sound[parts[0]].update(group)
    for line in (lexicons / "pycorrector/same_stroke.txt").read_text("utf-8").splitlines():
        chars = line.split()
        for char in chars:
            shape[char].update(chars)
    for char, similar in json.loads((lexicons / "ecspell/shapeConfusion.json").read_text("utf-8")).items():
        shape[char].update(similar)
    for char, similar in list(shape.items()):  # look-alike goes both ways: 各 for 吝 as well as 吝 for 各
        for other in similar:
            shape[other].add(char)
    _idiom_sounds(sound, common)
    for (wrong, right), count in observed_slips(corpus).items():  # 体 written 休: seen in the .train files
        if count >= OBSERVED_MIN and wrong not in sound[right]:
            shape[right].add(wrong)
    table = {}
    for char in sorted(common | set(sound)):  # a rare character (砭) may be miswritten as a common one
        heard = {c for c in sound.get(char, ()) if c in common and c != char}
        seen = {c for c in shape.get(char, ()) if c in common and c != char} - heard
        if heard or seen:
            table[char] = (heard, seen)
    return table


def observed_slips(corpus: Path) -> collections.Counter:
    """(wrong, right) character pairs of the .train files' corrections (never the .test files)."""
    pairs: collections.Counter = collections.Counter()
    for name in TRAIN:
        for line in (corpus / name).read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and len(parts[1]) == len(parts[2]):
                pairs.update((a, b) for a, b in zip(parts[1], parts[2]) if a != b and HAN.match(a) and HAN.match(b))
    return pairs


def _idiom_sounds(sound: dict, common: set) -> None:
    """Characters of idioms that the same-pinyin table lacks (砭 in 针砭时弊) get the common characters that
    read the same, toneless (pypinyin; needed only to rebuild the data)."""
    import jieba
    from pypinyin import Style, lazy_pinyin

    by_reading: dict[str, set] = collections.defaultdict(set)
    for char in common:
        by_reading[lazy_pinyin(char, style=Style.NORMAL)[0]].add(char)
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, count, tag = line.split()[:3]
            if tag != "i" or int(count) < 10:
                continue
            for char in word:
                if char not in sound:
                    sound[char] = by_reading.get(lazy_pinyin(char, style=Style.NORMAL)[0], set()) - {char}


def _common(corpus: Path) -> set:
    return set((corpus / "lexicons/pycorrector/common_char_set.txt").read_text("utf-8").split())


def near_sounds(chars: set, common: set) -> dict[str, set]:
    """Readings a regional accent merges (乡村振新 for 振兴): -n/-ng, z/zh, c/ch, s/sh, l/n. Used only for
    the fixed terms and leaders' names, where any variant is an error."""
    from pypinyin import Style, lazy_pinyin

    def merged(reading: str) -> str:
        reading = reading.replace("ng", "n")
        for retroflex, flat in (("zh", "z"), ("ch", "c"), ("sh", "s")):
            if reading.startswith(retroflex):
                reading = flat + reading[2:]
        return "n" + reading[1:] if reading.startswith("l") else reading

    by_reading: dict[str, set] = collections.defaultdict(set)
    for char in common:
        by_reading[merged(lazy_pinyin(char, style=Style.NORMAL)[0])].add(char)
    return {char: by_reading.get(merged(lazy_pinyin(char, style=Style.NORMAL)[0]), set()) for char in chars}


def listed_slips(corpus: Path) -> list[tuple[str, str]]:
    """(right, wrong) pairs of pycorrector's word-level confusion list that are one wrong character in a
    phrase or idiom of 3–4 characters that jieba does not know as a word of its own. Two-character pairs are
    left out: their wrong forms are often two words side by side (一前一后, 下起雨来, 规划已定)."""
    import jieba

    words: dict[str, int] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as lines:
        for line in lines:
            word, count = line.split()[:2]
            words[word] = int(count)
    pairs = []
    for line in (corpus / "lexicons/pycorrector/custom_confusion.txt").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2:
            continue
        wrong, right = parts[0].strip(), parts[1].strip()
        differ = [i for i, (a, b) in enumerate(zip(wrong, right)) if a != b]
        if (len(wrong) == len(right) and 3 <= len(wrong) <= 4 and len(differ) == 1 and HAN.fullmatch(wrong + right)
                and words.get(wrong, 0) <= SLIP_MAX_COUNT and words.get(right, 0) >= SLIP_MIN_RIGHT):
            pairs.append((right, wrong))
    return sorted(set(pairs))


def main(corpus: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    table = confusion(corpus)
    near = near_sounds(set(table), _common(corpus))
    with open(OUT / "confusion.tsv", "w", encoding="utf-8") as out:
        out.write("# char\tsame or near sound\tsimilar shape\taccent-near sound (n/ng, z/zh, c/ch, s/sh, l/n)"
                  " — alternatives are common characters only\n")
        for char, (heard, seen) in sorted(table.items()):
            close = near.get(char, set()) - heard - seen - {char}
            out.write(f"{char}\t{''.join(sorted(heard))}\t{''.join(sorted(seen))}\t{''.join(sorted(close))}\n")
    with open(OUT / "common_errors_pycorrector.txt", "w", encoding="utf-8") as out:
        out.write("# right-wrong pairs from pycorrector custom_confusion.txt (Apache-2.0), filtered by"
                  " scripts/build_typo_data.py: listed_slips\n")
        out.writelines(f"{right}-{wrong}\n" for right, wrong in listed_slips(corpus))
    counts = ngram_counts(corpus)
    with gzip.open(OUT / "ngrams.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        for gram, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            out.write(f"{gram}\t{count}\n")
    print(f"{len(counts)} n-grams, confusion sets written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"))
