#!/usr/bin/env python3
"""Write expected.json from the facts build_fixtures.py recorded (_build_facts.json).

Run after build_fixtures.py:  python3 -B build_expected.py
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent
F = json.loads((ROOT / "_build_facts.json").read_text("utf-8"))
AS_OF = date(2026, 11, 20)
CFG = F["config"]


def age(d: str) -> int:
    return (AS_OF - date.fromisoformat(d[:10])).days


def wx_key(url: str) -> dict:
    q = dict(parse_qsl(url.split("?", 1)[1].split("#")[0]))
    return {k: q[k] for k in ("__biz", "mid", "idx", "sn")}


def acc(aid, *, stale, newest, accept=None, notice="not_expected", imitates, traps=(), dead=(), not_dead=(),
        alternatives=(), posts=None, note=""):
    a = {"platform": CFG[aid]["platform"], "name": CFG[aid]["name"], "url": CFG[aid]["url"], "imitates": imitates,
         "newmedia_stale": stale, "newest_post": newest,
         "newest_post_accept": accept or ([newest, newest] if newest else None),
         "age_days": age(newest) if newest else None,
         "cannot_read_notice": notice,
         "stale_finding_forbidden": stale is None,
         "dead_post_links": list(dead), "must_not_be_dead": list(not_dead), "unanswered_post_urls": [],
         "acceptable_alternatives": list(alternatives), "traps": list(traps)}
    if note:
        a["note"] = note
    if posts is not None:
        a["posts"] = posts
    return a


A = F["accounts"]
wx = A["cy-fabu-wechat"]
wx_posts = [{"url": p["href"], "canonical": p["canonical"], "title": p["title"], "kind": p["mode"], "published": p["date"]}
            for p in wx.values()]

accounts = {
    "cy-zj-weibo-rss": acc(
        "cy-zj-weibo-rss", stale=None, newest="2026-11-17", accept=["2026-11-16", "2026-11-17"],
        imitates="RSSHub /weibo/user/:uid output (RSS 2.0, Weibo HTML in CDATA descriptions, RFC 822 pubDate in GMT)",
        traps=["newest pubDate is 'Mon, 16 Nov 2026 17:30:00 GMT' = 2026-11-17 01:30 Asia/Shanghai (either day accepted)",
               "lastBuildDate is the fetch moment, not a post",
               "a control post mentions 原县国土资源局 as history: must not be flagged"],
        posts=[{"url": p["link"], "published": p["date"], "pubDate": p["pubDate"]} for p in A["cy-zj-weibo-rss"]]),
    "cy-wj-wechat-rss": acc(
        "cy-wj-wechat-rss", stale="deduct", newest="2026-11-09",
        imitates="wechat2rss feed of a WeChat account (RSS 2.0, pubDate with +0800, item links to mp article pages)",
        traps=["channel lastBuildDate = 2026-11-20 (build time): using it would wrongly make the account fresh"],
        posts=[{"url": p["link"], "published": p["date"]} for p in A["cy-wj-wechat-rss"]]),
    "cy-xxgk-rss": acc(
        "cy-xxgk-rss", stale=None, newest="2026-11-18",
        imitates="a county 政府信息公开 platform's RSS 2.0 with Dublin Core: items carry dc:date (W3CDTF) and no pubDate",
        traps=["no pubDate anywhere: the date is only in dc:date",
               "the 公示 holds one unmasked citizen ID (planted) and three masked ones (controls)"],
        posts=[{"url": p["link"], "published": p["date"]} for p in A["cy-xxgk-rss"]]),
    "cy-qxj-rss": acc(
        "cy-qxj-rss", stale="veto", newest="2026-10-30",
        imitates="RSS 1.0 (RDF) from a 气象局 site: rdf:RDF root, rss/1.0 namespace, items outside channel, dc:date",
        traps=["channel-level dc:date is 2026-11-19 (the feed is regenerated daily): it is not a post date"],
        posts=[{"url": p["link"], "published": p["date"]} for p in A["cy-qxj-rss"]]),
    "cy-jtj-rss": acc(
        "cy-jtj-rss", stale=None, newest="2026-11-16",
        imitates="Atom 1.0 from a Java CMS servlet (/rss/feed.do?channelId=…) served as application/octet-stream "
                 "with Content-Disposition: attachment and a UTF-8 BOM before the XML declaration",
        traps=["Content-Type is application/octet-stream, body starts with EF BB BF: sniff it as XML"],
        alternatives=["none: failing to read it (notice) is a miss"],
        posts=[{"url": p["link"], "published": p["date"]} for p in A["cy-jtj-rss"]]),
    "cy-lib-rss": acc(
        "cy-lib-rss", stale=None, newest=None, notice="allowed",
        imitates="a library site's RSS 2.0 whose items and channel carry no dates at all; item pages carry none either",
        traps=["nothing can be dated: a stale finding (deduct or veto) is wrong; a crawl_notice (cannot judge) or no finding is right"],
        alternatives=["crawl_notice about the account (cannot read/judge dates)", "no finding at all"],
        posts=[{"url": p["link"], "published": None} for p in A["cy-lib-rss"]]),
    "cy-fabu-wechat": acc(
        "cy-fabu-wechat", stale=None, newest="2026-11-17",
        imitates="a unit's plain HTML page listing its 微信公众号 articles (no dates) with mp.weixin.qq.com-style "
                 "/s?__biz=…&mid=…&idx=…&sn=…&chksm=…&scene=21#wechat_redirect links; the article pages give the time "
                 "in four ways",
        notice="allowed",
        dead=[p["href"] for p in wx.values() if p["mode"] == "deleted"],
        not_dead=[p["href"] for p in wx.values() if p["mode"] == "wall"],
        traps=["newest date comes only from `var create_time = \"<unix>\" * 1` (2026-11-17 16:40); missing it gives 2026-11-11 (ct) → deduct, wrong",
               "`var ct = \"<unix>\"` 2026-11-11 09:15; `\"publish_time\":\"2026-11-09 18:30\"` inside window.__QMTPL_SSR_DATA__; "
               "`<em id=\"publish_time\">2026-11-03 10:21</em>`; the em is empty on the other pages",
               "one article answers 200 with 该内容已被发布者删除 → dead post link",
               "one article answers 302 → /mp/wappoc_appmsgcaptcha (200, 环境异常 / 完成验证后即可继续访问): the platform refused us, "
               "NOT a dead link; a crawl_notice for that URL is welcome"],
        posts=wx_posts),
    "cy-fabu-weibo": acc(
        "cy-fabu-weibo", stale=None, newest="2026-11-20", accept=["2026-11-19", "CRAWL_DATE"],
        imitates="weibo.com/<uid>-shaped URL; the host also answers m.weibo.cn's /api/container/getIndex and /profile/info "
                 "(weibo.com /ajax/* answer ok:-100 login needed, as without a visitor cookie)",
        traps=["created_at is relative as m.weibo.cn shows it: 刚刚, 5分钟前, 3小时前, 昨天 09:30, then MM-DD (11-09, 11-05)",
               "first card is a pinned (isTop, 置顶) post dated 2025-12-31",
               "a parser that reads only MM-DD / YYYY-MM-DD gets 2026-11-09 → deduct: wrong",
               "relative times are read against the crawl moment; the fixture stands for 2026-11-20 12:00 +08:00, but a crawl "
               "run later resolves them to its own clock: any newest date from 2026-11-19 to the crawl date is accepted"],
        posts=A["cy-fabu-weibo"]),
    "cy-wj-weibo": acc(
        "cy-wj-weibo", stale="deduct", newest="2026-11-10",
        imitates="m.weibo.cn/profile/<uid>-shaped URL; same API surface as above",
        traps=["newest created_at is '11-10' (MM-DD, current year implied); older one '2025-12-30'"],
        posts=A["cy-wj-weibo"]),
    "cy-sj-weibo": acc(
        "cy-sj-weibo", stale="veto", newest=None,
        imitates="a real empty Weibo account: getIndex profile forms answer ok:1 with statuses_count 0, the list answers "
                 "{\"ok\":0,\"msg\":\"这里还没有内容\",\"data\":{\"cards\":[]}}; /profile/info has statuses []",
        traps=["ok:0 here is the platform's answer for 'no posts', not an error: veto (no post at all). A crawl_notice "
               "alone (and no veto) is a miss"],
        posts=[]),
    "cy-gaj-weibo": acc(
        "cy-gaj-weibo", stale=None, newest=None, notice="required",
        imitates="Weibo anti-crawling: every API path answers HTTP 418 (the profile page itself is a 200 shell)",
        traps=["418 is a refusal, not 'no posts': expect a crawl_notice (cannot read), and no newmedia_stale at all"],
        posts=[]),
    "cy-rmt-douyin": acc(
        "cy-rmt-douyin", stale="deduct", newest="2026-11-10",
        imitates="www.douyin.com/user/<sec_uid> with <script id=\"RENDER_DATA\" type=\"application/json\"> holding "
                 "encodeURIComponent(JSON); the SSR DOM lists the videos without dates",
        traps=["first aweme is pinned (is_top=1) and dated 2026-03-05: taking the first item gives veto, wrong",
               "dates only in create_time (unix seconds) inside the URL-encoded JSON (and on each /video/<id> page)"],
        posts=A["cy-rmt-douyin"]),
    "cy-wl-douyin": acc(
        "cy-wl-douyin", stale=None, newest="2026-11-18", notice="allowed_as_degraded",
        imitates="a Douyin user page whose DOM is empty ('加载中…') until an inline script decodes (base64 + XOR) and "
                 "builds the list, with 发布时间：YYYY-MM-DD HH:MM per video",
        traps=["needs a browser (Playwright) to read; without one the honest outcome is a crawl_notice, never 'no posts → veto'"],
        alternatives=["crawl_notice (cannot read without a browser) and no stale finding: degraded but acceptable (half credit)"],
        posts=A["cy-wl-douyin"]),
    "cy-yj-toutiao": acc(
        "cy-yj-toutiao", stale="veto", newest="2026-11-02",
        imitates="www.toutiao.com/c/user/token/<token>/ with window.__INITIAL_STATE__={…};(function(){…}()) and the "
                 "/api/pc/list/user/feed JSON; items carry publish_time and behot_time (unix seconds)",
        traps=["behot_time (ranking cursor) is 2026-11-18/19 on every item while publish_time is at most 2026-11-02: "
               "reading behot_time makes the account fresh, wrong"],
        posts=A["cy-yj-toutiao"]),
}

zj = A["cy-zj-weibo-rss"]
planted_post = zj[1]
control_post = zj[2]
uid_zj = F["uid"]["zj"]
privacy = F["privacy_post"]

content = [
    {"check_code": "outdated_term", "account": "cy-zj-weibo-rss", "severity": "any",
     "post_url": planted_post["link"],
     "url_alternatives": [planted_post["link"], planted_post["link"].replace(f"/{uid_zj}/", "/status/"), CFG["cy-zj-weibo-rss"]["url"]],
     "post_published": planted_post["date"],
     "text": "国土资源局", "context": "县住建局会同县国土资源局、县应急管理局，对城区老旧小区开展汛后房屋安全隐患联合排查",
     "suggestion": "自然资源局", "match": "evidence text contains 国土资源局 (县国土资源局 also fine)"},
    {"check_code": "privacy_leak", "account": "cy-xxgk-rss", "severity": "veto",
     "post_url": privacy["link"], "url_alternatives": [privacy["link"], CFG["cy-xxgk-rss"]["url"]],
     "post_published": privacy["date"],
     "text": "360722198705230418", "kind": "citizen ID (身份证号), valid GB 11643 checksum",
     "match": "kind is an ID number and the masked value keeps the first/last digits of 360722198705230418 (e.g. 3607**********0418 "
              "or 360722********0418); the evidence should not repeat the full number"},
]
controls = [
    {"account": "cy-zj-weibo-rss", "post_url": control_post["link"], "text": "原县国土资源局",
     "why": "historical mention marked 原 (2018年机构改革前): not outdated_term"},
    {"account": "cy-xxgk-rss", "post_url": privacy["link"], "text": "3607**********1226 / 360722********0048 / 3607**********5917",
     "why": "masked ID numbers: not privacy_leak"},
    {"account": "cy-xxgk-rss", "post_url": privacy["link"], "text": "0797-3412610",
     "why": "a landline 监督电话, not a personal mobile number"},
]

rows = F["gov_rows"]
sec, uid = F["sec"], F["uid"]
candidates = {
    "found_on": "{{site:gov}}/zwxmt/ (the site's 政务新媒体 page, linked from the home page nav)",
    "expected": [
        {"platform": "douyin", "name": "澄阳人社", "url": "{{site:douyin}}/user/" + sec["rs"], "identifier": sec["rs"]},
        {"platform": "weibo", "name": "文明澄阳", "url": "{{site:weibo}}/u/" + uid["wm"], "identifier": uid["wm"]},
    ],
    "not_candidates": [
        {"platform": "weibo", "linked_as": "{{site:weibo-1}}/u/" + uid["fabu"], "configured_as": "cy-fabu-weibo",
         "why": "same uid; config uses the weibo.com/<uid> form"},
        {"platform": "wechat", "linked_as": "{{site:rmt}}/wxgzh/index.html", "configured_as": "cy-fabu-wechat",
         "why": "same page; config uses the directory URL {{site:rmt}}/wxgzh/"},
        {"platform": "weibo", "linked_as": "{{site:weibo-2}}/u/" + uid["wj"], "configured_as": "cy-wj-weibo",
         "why": "same uid; config uses /profile/<uid>"},
        {"platform": "weibo", "linked_as": "{{site:weibo-3}}/u/" + uid["sj"], "configured_as": "cy-sj-weibo", "why": "same URL"},
        {"platform": "weibo", "linked_as": "{{site:weibo-4}}/" + uid["gaj"], "configured_as": "cy-gaj-weibo", "why": "same URL"},
        {"platform": "douyin", "linked_as": "{{site:douyin}}/user/" + sec["rmt"] + "?from_tab_name=main",
         "configured_as": "cy-rmt-douyin", "why": "same sec_uid; extra query"},
        {"platform": "douyin", "linked_as": [r[3] for r in rows if r[0] == "澄阳文旅"][0], "configured_as": "cy-wl-douyin",
         "why": "same sec_uid; extra ?vid= query"},
        {"platform": "toutiao", "linked_as": "{{site:toutiao}}/c/user/token/" + F["config"]["cy-yj-toutiao"]["url"].split("/token/")[1] + "?source=profile",
         "configured_as": "cy-yj-toutiao", "why": "same token; extra query"},
        {"platform": "微信视频号", "linked_as": None, "configured_as": None,
         "why": "QR code only, no link, platform outside wechat|weibo|rss|douyin|toutiao: not a candidate"},
    ],
}

summary = {aid: (a["newmedia_stale"] if a["cannot_read_notice"] != "required" else "notice") for aid, a in accounts.items()}

scoring = {
    "how_to_run": [
        "Serve with zwgk.fixtures.FixtureServer(root=Path('/work/heldout-newmedia2')); write accounts.toml through "
        "FixtureServer.substitute() to a temp config; run `zwgk crawl CONFIG --db DB --as-of 2026-11-20` "
        "(and/or `zwgk check --db DB --as-of 2026-11-20`); read the findings table.",
        "Nothing outside 127.0.0.1 is referenced by any served file.",
    ],
    "attribution": "a finding belongs to an account when findings.site == the account id; site-level findings for cy-gov "
                   "are out of scope except the candidate list",
    "newmedia_stale": {
        "rule": "per account, the severities of its newmedia_stale findings must be exactly {expected} (one finding), or none when "
                "expected is null. A stale finding on an account whose expected value is null is a false positive; a missing "
                "one is a miss; the wrong severity is a miss.",
        "newest_date": "when a stale finding is expected, its evidence's newest post date must fall in newest_post_accept "
                       "(dates in Asia/Shanghai; 'CRAWL_DATE' = the date the crawl ran). Score it separately from the severity.",
        "thresholds": "age = as_of − newest post date in days; > 14 → veto, > 7 → deduct, none at all → veto. Every dated "
                      "account's newest post is ≥ 2 days away from 7 and 14, so day-boundary and timezone choices cannot flip a verdict.",
    },
    "cannot_read_notice": {
        "required": "at least one crawl_notice with site == account id (url the account URL or one of its API/page URLs), "
                    "and no newmedia_stale finding",
        "allowed": "a crawl_notice is fine but not needed; for cy-lib-rss no finding at all is equally right",
        "allowed_as_degraded": "cy-wl-douyin: the full answer is no stale finding with a newest date 2026-11-18 visible in "
                               "evidence/notes; crawl_notice + no stale finding earns half; any stale finding is wrong",
        "not_expected": "a notice is not penalised by itself; the account is judged on its stale outcome",
    },
    "dead_links": {
        "rule": "dead_link findings about post URLs: the deleted WeChat article must be reported (any site attribution, "
                "preferably cy-fabu-wechat); the verification-wall article must NOT be reported as dead_link (a crawl_notice "
                "is right). Any other dead_link on a URL of this set is a false positive.",
        "url_matching": "WeChat article URLs match on the query parameters __biz, mid, idx, sn (ignore chksm, scene, "
                        "fragment, percent-encoding, &amp;); other URLs match exactly after substitution, ignoring a "
                        "fragment and one trailing slash",
        "deleted_article_key": wx_key([p for p in wx.values() if p["mode"] == "deleted"][0]["canonical"]),
        "wall_article_key": wx_key([p for p in wx.values() if p["mode"] == "wall"][0]["canonical"]),
    },
    "content": {
        "rule": "each planted finding matches on check_code, site == account, url in url_alternatives, and the evidence text rule. "
                "Any other outdated_term / wording_error / typo / privacy_leak finding attributed to an account of this set is "
                "a false positive (the controls list the tempting ones).",
        "exactly": 2,
    },
    "unanswered": "no newmedia_unanswered is expected anywhere (every post shows 0 comments and no comment data is served); any is a false positive",
    "candidates": {
        "rule": "SPEC does not fix where candidates are reported (crawl_notice, a report section or a table): take whatever "
                "the product lists as 'account linked from a site but not configured'. Match a candidate on platform + "
                "identifier (weibo uid, douyin sec_uid) found in its URL. Both expected ones must appear; any entry whose "
                "identifier belongs to a configured account (see not_candidates) is a false positive.",
        "configured_identifiers": {"weibo_uids": [uid["fabu"], uid["wj"], uid["sj"], uid["gaj"]],
                                   "douyin_sec_uids": [sec["rmt"], sec["wl"]],
                                   "toutiao_token": F["config"]["cy-yj-toutiao"]["url"].split("/token/")[1].strip("/"),
                                   "wechat_page": "{{site:rmt}}/wxgzh/"},
    },
    "relative_dates": "m.weibo.cn relative created_at values (刚刚, N分钟前, N小时前, 昨天 HH:MM, MM-DD) are relative to "
                      "the moment the answer was given. The fixture stands for 2026-11-20 12:00 +08:00. A product that "
                      "resolves them against --as-of gets 2026-11-20; one that resolves them against its own clock gets "
                      "the crawl date: both are accepted (verdict fresh either way). MM-DD means the current year (2026) "
                      "in both readings.",
    "http_dates": "Last-Modified headers come from file mtimes (build_fixtures.py pins them to 2026-11-20 12:00 +08:00; a "
                  "copy may change them). They are not post dates and no expectation relies on them.",
    "per_account_outcome": summary,
}

expected = {
    "set": "heldout-newmedia2",
    "as_of": "2026-11-20",
    "timezone": "Asia/Shanghai",
    "reference_moment": "2026-11-20T12:00:00+08:00",
    "config": "accounts.toml",
    "placeholders": "{{site:FOLDER}} is the origin of that folder under zwgk.fixtures.FixtureServer; substitute before comparing",
    "accounts": accounts,
    "content_findings": content,
    "content_controls_must_not_flag": controls,
    "candidates": candidates,
    "scoring": scoring,
}
(ROOT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8")
print(json.dumps(summary, ensure_ascii=False, indent=1))
