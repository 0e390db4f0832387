"""Generate the held-out new-media fixture set (run once; the output is committed as files).

python3 build_set.py   # rewrites every host folder, accounts.toml and expected.json

Kept beside the set so the scorer can see how each file was made. Not served:
FixtureServer serves folders only, and this is a file at the top level.
"""

from __future__ import annotations

import html
import json
import random
import re
import shutil
import struct
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent
CST = timezone(timedelta(hours=8))
AS_OF = "2026-11-20"
SVR_TIME = datetime(2026, 11, 20, 8, 36, 12, tzinfo=CST)  # "now" as a platform would stamp it
RNG = random.Random(20261120)

HOSTS = ["jianglin-gov", "rss-cms", "wewe-rss", "mp-weixin", "m-weibo", "douyin", "toutiao",
         "outside-passport-weibo", "outside-static"]


def S(name: str) -> str:
    return "{{site:%s}}" % name


STATIC = S("outside-static")


def T(y, m, d, H=0, M=0, s=0) -> datetime:
    return datetime(y, m, d, H, M, s, tzinfo=CST)


def unix(dt: datetime) -> int:
    return int(dt.timestamp())


def iso(dt: datetime) -> str:
    return dt.astimezone(CST).isoformat()


def rfc822(dt: datetime, gmt=False, weekday=None) -> str:
    if gmt:
        dt = dt.astimezone(timezone.utc)
        s = dt.strftime("%a, %d %b %Y %H:%M:%S GMT")
    else:
        s = dt.strftime("%a, %d %b %Y %H:%M:%S +0800")
    if weekday:
        s = weekday + s[3:]
    return s


def weibo_time(dt: datetime) -> str:
    return dt.astimezone(CST).strftime("%a %b %d %H:%M:%S +0800 %Y")


def rid(n: int, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def hexid(n: int) -> str:
    return "".join(RNG.choice("0123456789abcdef") for _ in range(n))


def digits(n: int, first="123456789") -> str:
    return RNG.choice(first) + "".join(RNG.choice("0123456789") for _ in range(n - 1))


FILES: dict[Path, bytes] = {}
ROUTES: dict[str, dict[str, dict]] = {h: {} for h in HOSTS}


def put(host: str, rel: str, text: str | bytes, encoding="utf-8") -> None:
    data = text if isinstance(text, bytes) else text.encode(encoding)
    FILES[ROOT / host / rel] = data


def route(host: str, key: str, **kw) -> None:
    ROUTES[host][key] = kw


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{toml_str(k)} = {toml_value(x)}" for k, x in v.items()) + " }"
    return toml_str(v)


def write_routes() -> None:
    for host, routes in ROUTES.items():
        if not routes:
            continue
        lines = ["# Behaviour of paths on this host (see zwgk/fixtures.py).", ""]
        for key, kw in routes.items():
            lines.append(f"[{toml_str(key)}]")
            for k, v in kw.items():
                lines.append(f"{k} = {toml_value(v)}")
            lines.append("")
        put(host, "_routes.toml", "\n".join(lines))


# ---------------------------------------------------------------- tiny images
def png(w=4, h=4, rgb=(200, 200, 200)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- expected
EXPECTED: dict = {"accounts": {}, "content_findings": [], "candidates": [], "not_candidates": []}
ACCOUNTS: list[dict] = []


def account(id, platform, name, url, site="jianglin-gov", **exp):
    ACCOUNTS.append({"id": id, "site": site, "platform": platform, "name": name, "url": url})
    if exp.get("newest_post"):
        exp["newest_post_date"] = exp["newest_post"][:10]
    EXPECTED["accounts"][id] = {"platform": platform, "name": name, "url": url, **exp}


def content(code, account_id, post_url, text, suggestion=None, **extra):
    d = {"code": code, "account": account_id, "post_url": post_url, "text": text}
    if suggestion:
        d["suggestion"] = suggestion
    d.update(extra)
    EXPECTED["content_findings"].append(d)


import sys  # noqa: E402

sys.dont_write_bytecode = True  # a __pycache__ folder here would be served as a host
sys.modules.setdefault("build_set", sys.modules[__name__])
from parts_feeds import build_feeds  # noqa: E402
from parts_wechat import build_wechat  # noqa: E402
from parts_weibo import build_weibo  # noqa: E402
from parts_video import build_douyin, build_toutiao  # noqa: E402
from parts_site import build_site  # noqa: E402


def main() -> None:
    for h in HOSTS:
        shutil.rmtree(ROOT / h, ignore_errors=True)
    build_feeds()
    build_wechat()
    build_weibo()
    build_douyin()
    build_toutiao()
    build_site()
    write_routes()
    # static files referenced anywhere: create them so no resource 404s by accident
    refs = set()
    for data in FILES.values():
        for m in re.finditer(rb"\{\{site:outside-static\}\}(/[^\"'\s?#)<>&\\]+)", data):
            refs.add(("outside-static", m.group(1).decode()))
        for m in re.finditer(rb"\{\{site:jianglin-gov\}\}(/images/[^\"'\s?#)<>&\\]+)", data):
            refs.add(("jianglin-gov", m.group(1).decode()))
    for host, ref in sorted(refs):
        path = ROOT / host / ref.lstrip("/")
        if path in FILES:
            continue
        if ref.endswith(".js"):
            FILES[path] = b"/* stub */\n"
        elif ref.endswith(".css"):
            FILES[path] = b"/* stub */\n"
        else:
            FILES[path] = png(8, 8, (RNG.randrange(90, 240), RNG.randrange(90, 240), RNG.randrange(90, 240)))
    for path, data in FILES.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    write_config()
    write_expected()
    print(f"{len(FILES)} files, {len(ACCOUNTS)} accounts")


def write_config() -> None:
    lines = [
        "# zwgk config for the held-out new-media set (SPEC.md format).",
        "# {{site:FOLDER}} placeholders are to be replaced with the served origins",
        "# (FixtureServer.substitute does it) before the file is given to zwgk.",
        "",
        "[[site]]",
        'id = "jianglin-gov"',
        'name = "江临市人民政府"',
        'home = "{{site:jianglin-gov}}/"',
        'identifier = "3607000013"',
        'organizer = "江临市人民政府办公室"',
        "",
    ]
    for a in ACCOUNTS:
        lines += ["[[account]]", f"id = {toml_str(a['id'])}"]
        if a["site"]:
            lines.append(f"site = {toml_str(a['site'])}")
        lines += [f"platform = {toml_str(a['platform'])}", f"name = {toml_str(a['name'])}",
                  f"url = {toml_str(a['url'])}", ""]
    (ROOT / "accounts.toml").write_text("\n".join(lines), "utf-8")


def write_expected() -> None:
    out = {"as_of": AS_OF, "timezone": "Asia/Shanghai",
           "rules": {"deduct": "newest post older than 7 days (and not older than 14)",
                     "veto": "newest post older than 14 days, or no post at all",
                     "margins": "every newest post is at least 1.5 days away from a 7- or 14-day boundary"},
           "scoring": {
               "newmedia_stale": "per account: the finding's severity must equal newmedia_stale (null = no finding); compare newest_post_date (the evidence's newest date) with tolerance 0 days",
               "crawl_notice": "crawl_notice_expected=true: a crawl_notice for the account and NO newmedia_stale; false: no crawl_notice saying the account could not be read",
               "newmedia_unanswered": "post URLs; weibo posts may be named /status/<bid>, /status/<mid> or /detail/<mid>: match by mid/bid",
               "dead_post_links": "deleted/blocked WeChat articles, HTTP 200 pages: expected as dead_link (or a post-level finding) on that article URL",
               "content_findings": "match by code + account + post (URL, or mid for weibo) + text",
               "candidates": "match by platform + id (uid / sec_uid); not_candidates must not be reported",
           },
           **EXPECTED}
    (ROOT / "expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
