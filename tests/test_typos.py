"""The typo check on government prose: finds and must-not-finds of each rule, through `zwgk proof`, and its
precision on the 350 correct sentences of the two blind sets in `tests/data/typos/`.

`--strict` is the published-page standard the crawl applies: the word trigram model of Debian's
`sunpinyin-data` weighs each suspect, and only near-certain typos are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_content import codes_and_texts, proof
from zwgk.text.proofread import Issue, drop_recurring
from zwgk.text.wordlm import word_lm

SETS = Path(__file__).resolve().parent / "data" / "typos"


def typos(text: str, *args: str) -> set[tuple[str, str]]:
    return {(f["text"], f["suggestion"]) for f in proof(text, *args) if f["check_code"] == "typo"}


def test_the_trigram_model_is_installed():
    """`make setup` installs sunpinyin-data and sunpinyin-utils; without them the page check is weaker."""
    lm = word_lm()
    assert lm is not None and len(lm.ids) > 70_000
    assert lm.score("交通拥堵问题") > lm.score("交通拥赌问题")
    assert lm.score("代表候选人提名") > lm.score("代表侯选人提名")
    assert lm.score("复盘今年防汛抗旱工作") > lm.score("复盘今年防讯抗旱工作")


def test_a_slip_the_context_gives_away_is_found_on_a_page():
    # 侯选人 is in jieba's dictionary (2 against 3,708): only the words around it tell
    assert ("侯", "候") in typos("在代表侯选人提名环节，各代表团充分酝酿。", "--strict")
    assert ("侯", "候") in typos("受持续少雨的气侯条件影响，全县秋粮生产面临考验。", "--strict")


def test_a_leaders_name_is_not_a_typo():
    assert typos("会议传达了国务院副总理张国清的讲话精神。") == set()  # not 张国庆


def test_one_slip_is_one_finding_with_the_listed_fix():
    # 布署 is a listed wrong form of 部署; 布置 is a reading of it too, but the listed one wins, once
    assert typos("各单位要认真抓好布署落实，确保责任到人。") == {("布", "部")}


def test_idiom_variants_by_shape():
    assert ("谬", "缪") in typos("要坚持未雨绸谬，利用冬春时节抓好水利设施检修。", "--strict")


def test_place_names_before_a_place_word_but_not_common_words():
    assert typos("经街道核实，红墅湾小区交房后部分业主违规搭建。", "--strict") == set()
    assert ("辉", "挥") in typos("将进一步充分发辉社区网格员“前哨”作用。", "--strict")


def test_a_string_used_twice_in_a_sentence_is_a_term():
    assert typos("开展“责任彩票”宣传活动，引导购彩者理性购彩，坚决抵制私彩。") == set()


def test_a_name_or_term_recurring_over_texts_is_dropped_a_single_slip_kept():
    def issue(pair: str) -> Issue:
        return Issue("typo", 1, 0, 1, pair[0], "x", "gain 12", "", (pair,))

    texts = ["红墅湾小区一", "红墅湾小区二", "红墅湾小区三", "今年防汛工作高粟推进"]
    found = [[issue("红墅")], [issue("红墅")], [issue("红墅")], [issue("高粟")]]
    kept = drop_recurring(texts, found)
    assert kept == [[], [], [], [issue("高粟")]]
    assert drop_recurring(texts[:2], found[:2]) == found[:2]  # two texts: not yet a name


def test_the_wording_check_knows_plenums_by_their_dates_and_more_fixed_terms():
    found = codes_and_texts(proof("2025年10月召开的党的二十届三中全会审议通过了建议。\n"
                                  "2024年7月召开的二十届三中全会作出了部署。\n"
                                  "要筑牢中华民族共同体意识。\n", "--date", "2026-11-01", "--no-typos"))
    assert found == {("wording_error", "二十届三中全会"), ("wording_error", "筑牢中华民族共同体意识")}


@pytest.mark.parametrize("name", ["set1", "set2"])
def test_correct_government_sentences_give_nothing_on_a_page(name):
    """Precision first: of the blind sets' correct sentences, none is flagged at the page standard, and
    the page check still finds a third of the slips (figures of both modes: benchmarks/typo_gov_eval.py)."""
    rows = [line.split("\t") for line in (SETS / f"{name}.tsv").read_text("utf-8").splitlines()]
    text = "\n".join(source for _, source, _ in rows) + "\n"
    flagged = {f["line"] for f in proof(text, "--strict") if f["check_code"] in ("typo", "wording_error")}
    correct = {number for number, (_, source, target) in enumerate(rows, 1) if source == target}
    assert flagged & correct == set()
    assert len(flagged - correct) >= 0.33 * (len(rows) - len(correct))
