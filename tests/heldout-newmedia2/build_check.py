#!/usr/bin/env python3
"""Validate the set: parse every route table, feed, JSON document and embedded state, scan for
accidental personal-data look-alikes, then serve the folders with zwgk.fixtures.FixtureServer
and fetch every URL the expectations name (only 127.0.0.1 is contacted).

Run with the project's venv:  /work/main/.venv/bin/python -B build_check.py [--render]
`--render` also renders the script-built Douyin page in headless Chromium (Playwright), with
every host name other than 127.0.0.1 made unresolvable.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, "/work/main")
from zwgk.fixtures import FixtureServer  # noqa: E402
from zwgk.config import parse_config  # noqa: E402

PLANTED_ID = "360722198705230418"
problems: list[str] = []


def fail(msg: str) -> None:
    problems.append(msg)
    print("PROBLEM:", msg)


def hosts():
    return sorted(p for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n * 2 > 9 else n * 2
        total += n
    return total % 10 == 0


def id_ok(s: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    y, m, d = int(s[6:10]), int(s[10:12]), int(s[12:14])
    if not (1900 <= y <= 2026 and 1 <= m <= 12 and 1 <= d <= 31):
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s[17] == "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11]


def static_checks():
    for host in hosts():
        routes = host / "_routes.toml"
        if routes.exists():
            table = tomllib.loads(routes.read_text("utf-8"))
            for key, beh in table.items():
                if "file" in beh and not (host / beh["file"]).is_file():
                    fail(f"{host.name}{key}: missing file {beh['file']}")
        for f in host.rglob("*"):
            if not f.is_file():
                continue
            raw = f.read_bytes()
            if f.suffix in {".xml", ".rdf"}:
                try:
                    ET.fromstring(raw)
                except ET.ParseError as exc:
                    fail(f"XML {f}: {exc}")
            if f.suffix == ".json":
                try:
                    json.loads(raw)
                except ValueError as exc:
                    fail(f"JSON {f}: {exc}")
            if f.suffix in {".html", ".xml", ".rdf", ".json", ".js"}:
                text = raw.decode("utf-8-sig")
                if re.search(r"https?://(?!127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}", text) and "{{site:" not in text[:0]:
                    for m in re.finditer(r"(?:src|href)=\"(https?://[^\"]+)\"", text):
                        if not m.group(1).startswith("{{"):
                            fail(f"external resource link in {f}: {m.group(1)}")
                scan_digits(f, text)
                for m in re.finditer(r'<script id="RENDER_DATA" type="application/json">(.*?)</script>', text, re.S):
                    json.loads(unquote(m.group(1)))
                m = re.search(r"window\.__INITIAL_STATE__=(.*)", text)
                if m:
                    json.JSONDecoder().raw_decode(m.group(1))
                m = re.search(r"var \$render_data = (.*?)\[0\] \|\| \{\};", text, re.S)
                if m:
                    json.loads(m.group(1))
                m = re.search(r"window\.__QMTPL_SSR_DATA__ = (.*?);\n", text)
                if m:
                    json.loads(m.group(1))


def scan_digits(f: Path, text: str) -> None:
    for m in re.finditer(r"\d{11,}X?", text):
        run = m.group(0)
        # a mobile-number look-alike even for a sloppy regex
        for mm in re.finditer(r"(?=(1[3-9]\d{9}))", run):
            if PLANTED_ID not in run and len(run) < 16:  # long platform ids (time-coded) may hold any digits
                fail(f"mobile-like digits {run} in {f}")
                break
        if 15 <= len(run) <= 19 and run.isdigit() and luhn_ok(run):
            fail(f"Luhn-valid run {run} in {f}")
        for i in range(0, len(run) - 17):
            sub = run[i:i + 18]
            if id_ok(sub) and sub != PLANTED_ID:
                fail(f"ID-checksum-valid digits {sub} in {f}")
    if PLANTED_ID in text and "xxgk" not in str(f):
        fail(f"planted ID outside xxgk: {f}")


def get(url: str, *, follow=True):
    assert urlsplit(url).hostname == "127.0.0.1", url

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    opener.addheaders = [("User-Agent", "Mozilla/5.0 (zwgk held-out check)")]
    try:
        with opener.open(url, timeout=10) as resp:
            return resp.status, resp.headers, resp.read(), resp.geturl()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read(), url


def served_checks(render: bool):
    facts = json.loads((ROOT / "_build_facts.json").read_text("utf-8"))
    expected = json.loads((ROOT / "expected.json").read_text("utf-8")) if (ROOT / "expected.json").exists() else None
    with FixtureServer(root=ROOT) as fx:
        sub = lambda s: fx.substitute(s.encode()).decode()  # noqa: E731
        config = parse_config(sub((ROOT / "accounts.toml").read_text("utf-8")), "accounts.toml")
        print("config:", len(config.sites), "site,", len(config.accounts), "accounts")
        for acc in config.accounts:
            status, headers, body, final = get(acc.url)
            print(f"  {acc.id:18} {acc.platform:8} {status} {headers.get('Content-Type')} {len(body)}B")
            if status != 200:
                fail(f"account url {acc.id} -> {status}")
        # gov page links
        status, _, body, _ = get(sub("{{site:gov}}/zwxmt/"))
        for href in re.findall(r'href="([^"]+)"', body.decode()):
            url = href if href.startswith("http") else sub("{{site:gov}}") + href
            st, *_ = get(url)
            if st != 200:
                fail(f"gov link {url} -> {st}")
        for src in re.findall(r'src="([^"]+)"', body.decode()):
            st, *_ = get(sub("{{site:gov}}") + src)
            if st != 200:
                fail(f"gov img {src} -> {st}")
        # posts
        for aid, posts in facts["accounts"].items():
            items = posts.values() if isinstance(posts, dict) else posts
            for p in items:
                for key in ("href", "canonical", "link", "url"):
                    if key in p and p[key]:
                        url = sub(p[key]).split("#")[0]
                        st, h, b, final = get(url)
                        text = b.decode("utf-8", "replace")
                        mode = p.get("mode")
                        if st != 200:
                            fail(f"post {aid} {url} -> {st}")
                        if mode == "deleted" and "该内容已被发布者删除" not in text:
                            fail("deleted page text")
                        if mode == "wall":
                            st2, h2, *_ = get(url, follow=False)
                            if st2 != 302 or "wappoc_appmsgcaptcha" not in h2.get("Location", ""):
                                fail(f"wall redirect {st2} {h2.get('Location')}")
                            if "完成验证后即可继续访问" not in text:
                                fail("wall text")
        # weibo API forms
        U = facts["uid"]
        for host, uid, want in (("weibo-1", U["fabu"], "cards"), ("weibo-2", U["wj"], "cards"),
                                ("weibo-3", U["sj"], "empty"), ("weibo-4", U["gaj"], 418),
                                ("weibo", U["wm"], "cards")):
            for q in (f"type=uid&value={uid}&containerid=107603{uid}", f"containerid=107603{uid}&page=1",
                      f"containerid=107603{uid}&some=unregistered&order=1", f"type=uid&value={uid}",
                      f"type=uid&value={uid}&containerid=107603{uid}&page=2"):
                st, h, b, _ = get(sub("{{site:%s}}" % host) + "/api/container/getIndex?" + q)
                if want == 418:
                    if st != 418:
                        fail(f"{host} {q} -> {st}")
                    continue
                doc = json.loads(b)
                kind = "profile" if "userInfo" in doc.get("data", {}) else ("cards" if doc.get("ok") == 1 else "empty")
                exp = "profile" if q == f"type=uid&value={uid}" else ("empty" if q.endswith("page=2") else want)
                if kind != exp:
                    fail(f"{host} {q}: got {kind}, want {exp}")
            st, h, b, _ = get(sub("{{site:%s}}" % host) + f"/profile/info?uid={uid}")
            print(f"  {host} /profile/info -> {st}")
        # wechat link variants, encoded query
        for p in facts["accounts"]["cy-fabu-wechat"].values():
            if p["mode"] in ("deleted", "wall"):
                continue
            q = sub(p["canonical"]).split("?", 1)[1].replace("==", "%3D%3D")
            st, *_ = get(sub("{{site:mp}}") + "/s?" + q)
            if st != 200:
                fail(f"percent-encoded wechat link -> {st}")
        # feeds: content types, BOM
        st, h, b, _ = get(sub("{{site:jtj}}/rss/feed.do?channelId=1021"))
        assert h["Content-Type"] == "application/octet-stream" and b.startswith(b"\xef\xbb\xbf"), h
        st, h, b, _ = get(sub("{{site:jtj}}/rss/feed.do"))
        assert st == 200 and b.startswith(b"\xef\xbb\xbf")
        for acc in config.accounts:
            if acc.platform == "rss":
                st, h, b, _ = get(acc.url)
                root = ET.fromstring(b)
                n = len(root.findall(".//item")) + len(root.findall(".//{http://purl.org/rss/1.0/}item")) + len(
                    root.findall(".//{http://www.w3.org/2005/Atom}entry"))
                print(f"  feed {acc.id}: {n} items, root {root.tag}")
                for link in re.findall(rb"<link>([^<]+)</link>|href=\"([^\"]+)\"", b):
                    url = (link[0] or link[1]).decode().replace("&amp;", "&").split("#")[0]
                    if url.startswith("http"):
                        st2, *_ = get(url)
                        if st2 != 200:
                            fail(f"feed link {url} -> {st2}")
        if render:
            render_douyin(sub(facts_url(facts, "cy-wl-douyin", sub)), facts)
        if expected:
            check_expected_urls(expected, sub)


def facts_url(facts, aid, sub):
    return "{{site:douyin}}/user/" + [u for u in [facts["config"][aid]["url"]]][0].rsplit("/", 1)[1]


def check_expected_urls(expected, sub):
    for aid, acc in expected["accounts"].items():
        for url in acc.get("dead_post_links", []) + acc.get("must_not_be_dead", []):
            st, *_ = get(sub(url).split("#")[0])
            print(f"  expected-url {aid} {st} {url[:80]}")
    for c in expected["candidates"]["expected"]:
        st, *_ = get(sub(c["url"]))
        if st != 200:
            fail(f"candidate {c['url']} -> {st}")


def render_douyin(url, facts):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server",
            "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        page.wait_for_selector("[data-e2e=video-publish-time]")
        times = page.locator("[data-e2e=video-publish-time]").all_inner_texts()
        print("  rendered douyin times:", times, "title:", page.title())
        want = [p["date"] for p in facts["accounts"]["cy-wl-douyin"]]
        if [t.replace("发布时间：", "") for t in times] != want:
            fail(f"rendered {times} != {want}")
        if any(urlsplit(u).hostname != "127.0.0.1" for u in requests):
            fail(f"browser requested {requests}")
        browser.close()


if __name__ == "__main__":
    static_checks()
    served_checks("--render" in sys.argv)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    sys.exit(1 if problems else 0)
