"""A word trigram language model for the typo check: the Open-Gram model of the SunPinyin input method.

Debian's `sunpinyin-data` ships it (`lm_sc.t3g`: 71,759 words, 2.5 M bigrams, 1 M trigrams,
CC-BY-SA 3.0, trained by the SunPinyin project on a large general corpus) with its lexicon
(`pydict_sc.bin`). `tslminfo` of `sunpinyin-utils` prints the model as text once; it is kept
in `~/.cache/zwgk` as sorted arrays (about 60 MB in memory) and binary-searched.

Where the unigram model of `typos.py` sees 侯选人 as a rare word of its own (jieba counts it twice),
this model knows that 代表候选人提名 is far likelier than 代表侯选人提名, as 防汛抗旱 is than 防讯抗旱:
it is asked only about the places the unigram model already suspects. Without the Debian
packages the typo check runs on the unigram model alone.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import os
import pickle
import struct
import subprocess
from functools import lru_cache
from pathlib import Path

DATA_DIRS = ("/usr/lib/x86_64-linux-gnu/sunpinyin/data", "/usr/lib/aarch64-linux-gnu/sunpinyin/data",
             "/usr/lib/sunpinyin/data", "/usr/share/sunpinyin")
UNKNOWN = 16.0  # -log P of a character the model does not know (its rarest words are about 20)
CACHE_VERSION = 1
ID_BITS = 17  # word ids are below 2^17


class WordLM:
    def __init__(self, unigrams: dict, backoffs: dict, bigram_keys, bigram_logp, bigram_backoff,
                 trigram_keys, trigram_logp, ids: dict[str, int]):
        self.unigrams, self.backoffs, self.ids = unigrams, backoffs, ids
        self.bigram_keys, self.bigram_logp, self.bigram_backoff = bigram_keys, bigram_logp, bigram_backoff
        self.trigram_keys, self.trigram_logp = trigram_keys, trigram_logp
        self.longest = max(map(len, ids))
        self._scores: dict[str, float] = {}

    @classmethod
    def from_files(cls, model: Path, lexicon: Path) -> WordLM:
        raw = lexicon.read_bytes()
        words = raw[struct.unpack("<3I", raw[:12])[2]:].decode("utf-32-le").split("\x00")  # id -> word
        unigrams: dict[int, float] = {}
        backoffs: dict[int, float] = {}
        bigram_keys, bigram_logp, bigram_backoff = array.array("q"), array.array("f"), array.array("f")
        trigram_keys, trigram_logp = array.array("q"), array.array("f")
        printed = subprocess.run(["tslminfo", "-v", str(model)], capture_output=True, text=True, check=True).stdout
        level = 0
        for line in printed.splitlines():  # natural -log P and -log backoff, ids sorted within each level
            if line.startswith("\\"):
                level = int(line[1])
                continue
            fields = line.split()
            if level == 1:
                unigrams[int(fields[0])] = -float(fields[1])
                backoffs[int(fields[0])] = -float(fields[2])
            elif level == 2:
                bigram_keys.append(int(fields[0]) << ID_BITS | int(fields[1]))
                bigram_logp.append(-float(fields[2]))
                bigram_backoff.append(-float(fields[3]))
            elif level == 3:
                trigram_keys.append((int(fields[0]) << ID_BITS | int(fields[1])) << ID_BITS | int(fields[2]))
                trigram_logp.append(-float(fields[3]))
        ids = {word: index for index, word in enumerate(words) if word and index in unigrams}
        return cls(unigrams, backoffs, bigram_keys, bigram_logp, bigram_backoff, trigram_keys, trigram_logp, ids)

    # -- probabilities (Katz back-off) ----------------------------------------------------------
    @staticmethod
    def _at(keys, key: int) -> int:
        index = bisect.bisect_left(keys, key)
        return index if index < len(keys) and keys[index] == key else -1

    def bigram(self, first: int, word: int) -> float:
        index = self._at(self.bigram_keys, first << ID_BITS | word)
        if index >= 0:
            return self.bigram_logp[index]
        return self.backoffs.get(first, 0.0) + self.unigrams[word]

    def trigram(self, first: int, second: int, word: int) -> float:
        index = self._at(self.trigram_keys, (first << ID_BITS | second) << ID_BITS | word)
        if index >= 0:
            return self.trigram_logp[index]
        pair = self._at(self.bigram_keys, first << ID_BITS | second)
        return (self.bigram_backoff[pair] if pair >= 0 else 0.0) + self.bigram(second, word)

    # -- the best segmentation ---------------------------------------------------------------
    def score(self, text: str) -> float:
        """Log probability of the likeliest segmentation of `text` (a window cut out of a sentence).
        Memoised: the same windows recur on a site's pages."""
        value = self._scores.get(text)
        if value is None:
            if len(self._scores) > 200_000:
                self._scores.clear()
            value = self._scores[text] = self._score(text)
        return value

    def _score(self, text: str) -> float:
        # Viterbi over (previous word, last word) states, the four best kept at each position
        best: list[dict[tuple[int, int], float]] = [{} for _ in range(len(text) + 1)]
        best[0][(-1, -1)] = 0.0
        for begin in range(len(text)):
            states = sorted(best[begin].items(), key=lambda item: -item[1])[:4]
            if not states:
                continue
            for end in range(begin + 1, min(len(text), begin + self.longest) + 1):
                word = self.ids.get(text[begin:end], -1)
                if word < 0 and end > begin + 1:
                    continue
                following = best[end]
                for (previous, last), value in states:
                    if word < 0:
                        step = -UNKNOWN
                    elif last < 0:
                        step = self.unigrams[word]
                    elif previous < 0:
                        step = self.bigram(last, word)
                    else:
                        step = self.trigram(previous, last, word)
                    state = (last, word)
                    if value + step > following.get(state, -1e18):
                        following[state] = value + step
        return max(best[-1].values())


def data_dir() -> Path | None:
    for folder in DATA_DIRS:
        if (Path(folder) / "lm_sc.t3g").is_file() and (Path(folder) / "pydict_sc.bin").is_file():
            return Path(folder)
    return None


@lru_cache(maxsize=1)
def word_lm() -> WordLM | None:
    """The model, from the cache or built from the Debian files; None when they are not installed."""
    folder = data_dir()
    if folder is None:
        return None
    model, lexicon = folder / "lm_sc.t3g", folder / "pydict_sc.bin"
    stamp = f"{CACHE_VERSION}:{model.stat().st_size}:{model.stat().st_mtime}:{lexicon.stat().st_size}"
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "zwgk" / \
        f"wordlm-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.pkl"
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError):
        pass
    try:
        lm = WordLM.from_files(model, lexicon)
    except (OSError, subprocess.CalledProcessError, ValueError, struct.error):
        return None  # sunpinyin-utils missing or a file we cannot read: the unigram model alone
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(pickle.dumps(lm, protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(cache)
        for old in cache.parent.glob("wordlm-*.pkl"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return lm
