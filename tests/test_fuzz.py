"""Property-based tests: the extractors, the document readers, the proofreader and the config loader take
random and mutated real input and may return nothing, but never raise.

Every input that once broke one of them is kept in `tests/fuzz_corpus/<target>/` and replayed first.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract.dates import date_in_text, date_in_url, page_date
from crawler.extract.encoding import decode_html
from crawler.extract.labels import parse_datetime
from crawler.extract.links import absolute, normalise
from crawler.extract.page import parse_page
from crawler.extract.traps import trap, without_session
from zwgk.config import parse_config
from zwgk.errors import ConfigError
from zwgk.text.documents import read_document
from zwgk.text.privacy import find_leaks

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "fuzz_corpus"
PAGES = sorted(HERE.glob("sites/*/**/*.html"))[:40] + sorted(HERE.glob("heldout4/*/**/*.html"))[:20]
REAL = [path.read_bytes() for path in PAGES]
DEPTH = int(os.environ.get("ZWGK_FUZZ_EXAMPLES", "150"))  # a longer hunt: ZWGK_FUZZ_EXAMPLES=5000 pytest …
HUNT = "ZWGK_FUZZ_EXAMPLES" in os.environ  # a hunt explores; the suite replays the same examples every run
FAST = settings(max_examples=DEPTH, derandomize=not HUNT, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=max(10, DEPTH // 4), derandomize=not HUNT, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])
CHINESE = st.text(alphabet=st.sampled_from(list("年月日号第〔〕【】（）：:-/.0123456789一二三四五六七八九十零〇"
                                                "留言时间答复回复政府网站关于通知公告党中央国务院 \n\t<>&\"'")),
                  max_size=200)


def corpus(target: str) -> list[bytes]:
    folder = CORPUS / target
    return [path.read_bytes() for path in sorted(folder.glob("*"))] if folder.exists() else []


@st.composite
def mutated_page(draw) -> bytes:
    """A real fixture page with bytes flipped, cut, duplicated or spliced with junk."""
    body = bytearray(draw(st.sampled_from(REAL)))
    for _ in range(draw(st.integers(0, 6))):
        if not body:
            break
        at = draw(st.integers(0, len(body) - 1))
        action = draw(st.sampled_from(["flip", "cut", "junk", "dup", "tag"]))
        if action == "flip":
            body[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del body[at:at + draw(st.integers(1, 2000))]
        elif action == "junk":
            body[at:at] = draw(st.binary(max_size=300))
        elif action == "dup":
            body[at:at] = body[at:at + draw(st.integers(1, 500))] * draw(st.integers(1, 20))
        else:
            body[at:at] = draw(st.sampled_from([b"<table>", b"</div>", b"<li>", b"\x00", b"<script>", b"<!--",
                                                b"<meta charset=\"gbk\">", b"\xff\xfe", b"&#0;", b"<a href=\"::\">"]))
    return bytes(body)


def _parse(body: bytes) -> None:
    text, _ = decode_html(body, "text/html")
    facts = parse_page(text, "http://127.0.0.1:8000/a/b/index.html", "127.0.0.1:8000", date(2026, 11, 20),
                       home=True, board=True)
    assert isinstance(facts.links, list)


@pytest.mark.parametrize("body", corpus("page"))
def test_page_corpus(body):
    _parse(body)


@FAST
@given(mutated_page())
def test_mutated_pages_parse(body):
    _parse(body)


@FAST
@given(st.binary(max_size=3000))
def test_binary_garbage_parses(body):
    _parse(body)


@FAST
@given(CHINESE, st.text(max_size=80))
def test_dates_and_labels(text, url):
    date_in_text(text, date(2026, 11, 20))
    date_in_url("http://x.gov.cn/" + url)
    page_date({"pubdate": text[:40]}, text, "http://x.gov.cn/" + url)
    parse_datetime(text)


@FAST
@given(st.text(max_size=200), st.text(max_size=200))
def test_links_and_traps(base, href):
    url = absolute("http://127.0.0.1:8000/" + base, href)
    if url:
        normalise(url)
        trap(url, date(2026, 11, 20))
        without_session(url)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf", "doc", "xls", "html", "txt"])
@SLOW
@given(data=st.binary(max_size=4000))
def test_documents_never_raise(kind, data):
    prefix = {"docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "pdf": b"%PDF-1.4\n", "doc": b"\xd0\xcf\x11\xe0",
              "xls": b"\xd0\xcf\x11\xe0"}.get(kind, b"")
    document = read_document(f"f.{kind}", prefix + data)
    assert document.lines or document.problem


@pytest.mark.parametrize("text", [t.decode("utf-8", "replace") for t in corpus("proof")])
def test_proof_corpus(text):
    from zwgk.text.proofread import proofread

    proofread(text)


@SLOW
@given(CHINESE)
def test_proofreading_and_privacy_never_raise(text):
    from zwgk.text.proofread import proofread

    proofread(text, date(2026, 11, 20))
    find_leaks(text)


CONFIG = b'[[site]]\nid = "a"\nname = "\xe6\xb5\x8b\xe8\xaf\x95"\nhome = "http://127.0.0.1:1/"\n\n[crawl]\ntimeout = 8\n'


@pytest.mark.parametrize("text", [t.decode("utf-8", "replace") for t in corpus("config")])
def test_config_corpus(text):
    try:
        parse_config(text)
    except ConfigError:
        pass


@FAST
@given(st.lists(st.tuples(st.integers(0, len(CONFIG)), st.binary(max_size=20)), max_size=5))
def test_mutated_config_is_loaded_or_refused_cleanly(edits):
    body = bytearray(CONFIG)
    for at, junk in edits:
        body[at:at] = junk
    try:
        parse_config(body.decode("utf-8", "replace"))
    except ConfigError as error:
        assert str(error)  # one Chinese line, never a traceback
