#!/usr/bin/env python3
"""Generate the second blind new-media held-out set (as_of 2026-11-20, Asia/Shanghai).

Run from anywhere: `python3 -B build_fixtures.py`. It rewrites every host folder below this
file, accounts.toml and _build_facts.json (ids, URLs and dates, read by build_expected.py, which
writes expected.json; build_check.py validates). README.md is written by hand. Deterministic:
no clock, fixed seed.

Host folders (each served on its own 127.0.0.1 port by zwgk.fixtures.FixtureServer):
  gov         澄阳县人民政府 website, with the 政务新媒体 page (table of accounts)
  rmt         澄阳县融媒体中心 site: a plain page listing 澄阳发布 WeChat articles
  mp          stands for mp.weixin.qq.com: article pages, a deleted one, a verification wall
  rsshub      an RSSHub instance: /weibo/user/<uid>
  wechat2rss  a wechat2rss instance: /feed/<sha1>.xml
  xxgk        the county 政府信息公开 platform: RSS 2.0 with dc:date only
  qxj         县气象局 site: RSS 1.0 (RDF)
  jtj         县教育体育局 site: Atom served as application/octet-stream with a UTF-8 BOM
  lib         县图书馆 site: RSS 2.0 whose items carry no dates at all
  weibo       stands for weibo.com + m.weibo.cn (status pages of the RSSHub user, candidate account)
  weibo-1..4  weibo.com + m.weibo.cn as seen for one configured account each
  douyin      stands for www.douyin.com (three user pages, video pages)
  toutiao     stands for www.toutiao.com (one user page, article pages, feed API)
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import random
import re
import shutil
import struct
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent
CST = timezone(timedelta(hours=8))
AS_OF = datetime(2026, 11, 20, 12, 0, tzinfo=CST)  # the moment the fixture stands for
HOSTS = ["gov", "rmt", "mp", "rsshub", "wechat2rss", "xxgk", "qxj", "jtj", "lib",
         "weibo", "weibo-1", "weibo-2", "weibo-3", "weibo-4", "douyin", "toutiao"]

rng = random.Random(20261120)


# ---------------------------------------------------------------- helpers
def t(month, day, hour=10, minute=0, second=0, year=2026) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=CST)


def unix(dt: datetime) -> int:
    return int(dt.timestamp())


def rfc822_gmt(dt: datetime) -> str:  # RSSHub: Date.toUTCString()
    return format_datetime(dt.astimezone(timezone.utc), usegmt=True)


def rfc822_local(dt: datetime) -> str:  # "Mon, 09 Nov 2026 18:02:11 +0800"
    return format_datetime(dt)


def weibo_full(dt: datetime) -> str:  # "Fri Nov 20 11:58:12 +0800 2026"
    return dt.strftime("%a %b %d %H:%M:%S +0800 %Y")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def safe_digits(n: int, first: str) -> str:
    """A numeric id that looks like nothing personal: no 1[3-9] anywhere (no mobile-number
    look-alike even for a sloppy regex), not Luhn-valid (no bank-card look-alike)."""
    while True:
        s = first + "".join(rng.choice("0123456789") for _ in range(n - len(first)))
        if re.search(r"1[3-9]", s) or luhn_ok(s):
            continue
        return s


def id_checksum_ok(s: str) -> bool:
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s[17] == "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], w)) % 11]


def time_id(ts: int, *, weibo: bool = False) -> str:
    """A platform id that encodes its own time, as the real ones do: Douyin aweme_id and Toutiao
    group_id carry the unix time in their high 32 bits; a Weibo mid is ((t - 515483463) << 22) | seq.
    Low bits are drawn until the number is no bank-card (Luhn) or ID-number look-alike."""
    while True:
        if weibo:
            n = ((ts - 515483463) << 22) | rng.getrandbits(22)
        else:
            n = (ts << 32) | rng.getrandbits(32)
        s = str(n)
        if luhn_ok(s) or any(id_checksum_ok(s[i:i + 18]) for i in range(len(s) - 17)):
            continue
        return s


def hexid(n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


B62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def bid() -> str:
    return "P" + "".join(rng.choice(B62[10:]) for _ in range(8))


def sec_uid() -> str:
    alphabet = B62 + "-_"
    return "MS4wLjABAAAA" + "".join(rng.choice(alphabet) for _ in range(43))


def png(r: int, g: int, b: int, size: int = 8) -> bytes:
    raw = b"".join(b"\x00" + bytes([r, g, b]) * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write(host: str, rel: str, content: str | bytes) -> Path:
    path = ROOT / host / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def encode_uri_component(text: str) -> str:
    return quote(text, safe="-_.!~*'()")


def esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


class Routes:
    """Writes a _routes.toml: one table per path (route keys may carry a query string)."""

    def __init__(self):
        self.tables: dict[str, dict] = {}

    def add(self, key: str, **behaviour):
        self.tables[key] = behaviour

    def text(self) -> str:
        out = []
        for key, behaviour in self.tables.items():
            out.append(f"[{json.dumps(key, ensure_ascii=False)}]")
            for name, value in behaviour.items():
                if isinstance(value, dict):
                    inner = ", ".join(f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
                    out.append(f"{name} = {{ {inner} }}")
                else:
                    out.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
            out.append("")
        return "\n".join(out)


ROUTES: dict[str, Routes] = {h: Routes() for h in HOSTS}


def page(title: str, body: str, head: str = "", lang: str = "zh-CN") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{esc(title)}</title>\n'
            f"{head}</head>\n<body>\n{body}\n</body>\n</html>\n")


# ---------------------------------------------------------------- identities
def weibo_uid(seed: str) -> str:
    """A uid whose container ids (107603<uid>, 100505<uid>, ...) are no bank-card look-alikes."""
    n = int(seed)
    while True:
        uid = str(n)
        composites = [p + uid for p in ("107603", "100505", "230283", "107803", "230413", "231051")]
        if not re.search(r"1[3-9]", uid) and not any(luhn_ok(c) for c in composites + [uid]):
            return uid
        n += 1


UID = {k: weibo_uid(v) for k, v in {
    "fabu": "5832104467",      # weibo-1, configured as weibo.com/<uid>
    "wj": "6120937785",        # weibo-2, configured as /profile/<uid>
    "sj": "7390452216",        # weibo-3, empty account
    "gaj": "2807702583",       # weibo-4, answers 418
    "zj": "6471285590",        # the RSSHub-fed user (on the general weibo host)
    "wm": "7523390018",        # candidate: not configured
}.items()}
SEC = {"rmt": sec_uid(), "wl": sec_uid(), "rs": sec_uid()}
TOUTIAO_TOKEN = sec_uid()
DOUYIN_UID = {"rmt": safe_digits(11, "5"), "wl": safe_digits(11, "6"), "rs": safe_digits(11, "9")}
BIZ_FABU = base64.b64encode(b"3917386452").decode()   # MzkxNzM4NjQ1Mg==
BIZ_WJ = base64.b64encode(b"3546179486").decode()     # MzU0NjE3OTQ4Ng==
WECHAT2RSS_FEED = hashlib.sha1(b"chengyang-weijian").hexdigest()

# the planted citizen ID (valid GB 11643 checksum) and masked controls
PLANTED_ID = "360722198705230418"
assert PLANTED_ID[-1] == "10X98765432"[sum(int(a) * b for a, b in zip(PLANTED_ID[:17], [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2])) % 11]

EXPECT: dict = {"accounts": {}, "content": [], "notes": []}  # facts passed to build_check / expected.json


# ================================================================ gov website
def build_gov():
    h = "gov"
    nav = ('<div class="nav"><ul>'
           '<li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li>'
           '<li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>'
           '<li><a href="/hdjl/">互动交流</a></li><li><a href="/zwxmt/">政务新媒体</a></li></ul></div>')
    footer = ('<div class="footer"><p>主办单位：澄阳县人民政府办公室　承办单位：澄阳县大数据中心</p>'
              '<p>网站标识码：3607290001　<a href="/beian.html">赣ICP备05004713号-1</a>　'
              '<a href="/beian.html">赣公网安备 36072902000120号</a></p>'
              '<p><a href="/dzjg.html"><img src="/images/dzjg.png" alt="党政机关"></a>　'
              '联系电话：0797-3412020（工作日）</p></div>')
    meta = ('<meta name="SiteName" content="澄阳县人民政府">\n<meta name="SiteDomain" content="www.chengyang.gov.cn">\n'
            '<meta name="SiteIDCode" content="3607290001">\n')
    news = [
        ("t20261119_8842.html", t(11, 19, 16, 30), "县委常委会召开会议 研究部署冬季安全生产工作"),
        ("t20261118_8836.html", t(11, 18, 10, 5), "我县召开2026年秋冬季森林防火工作会议"),
        ("t20261116_8821.html", t(11, 16, 9, 0), "澄阳县开展“宪法宣传周”系列活动预热"),
        ("t20261112_8797.html", t(11, 12, 15, 20), "全县农村人居环境整治现场推进会召开"),
        ("t20261106_8760.html", t(11, 6, 11, 0), "县政府召开第58次常务会议"),
    ]
    items = []
    for fname, dt, title in news:
        url = f"/xwzx/zwyw/202611/{fname}"
        items.append(f'<li><a href="{url}">{title}</a><span>{dt:%Y-%m-%d}</span></li>')
        write(h, url.lstrip("/"), page(title + "_澄阳县人民政府", nav + (
            f'<div class="article"><h1>{title}</h1><div class="info">发布时间：{dt:%Y-%m-%d %H:%M}　来源：澄阳县人民政府办公室</div>'
            f'<div class="content"><p>{title}。会议强调，要坚持以人民为中心的发展思想，压实各方责任，确保各项工作落到实处。</p></div></div>') + footer,
            head=meta + f'<meta name="ArticleTitle" content="{title}">\n<meta name="PubDate" content="{dt:%Y-%m-%d %H:%M}">\n<meta name="ColumnName" content="政务要闻">\n'))
    home = (nav + '<div class="banner"><h1>澄阳县人民政府</h1></div>'
            '<div class="col"><h2><a href="/xwzx/">政务要闻</a></h2><ul>' + "".join(items) + "</ul></div>"
            '<div class="col"><h2>政务新媒体</h2><p><a href="/zwxmt/">澄阳县政务新媒体矩阵</a></p></div>'
            '<div class="col"><h2>政府信息公开</h2><ul><li><a href="/zwgk/ndbg/202601/t20260120_7001.html">澄阳县人民政府2025年政府信息公开工作年度报告</a><span>2026-01-20</span></li></ul></div>'
            + footer)
    write(h, "index.html", page("澄阳县人民政府", home, head=meta))
    write(h, "xwzx/index.html", page("新闻中心_澄阳县人民政府", nav + '<h2>政务要闻</h2><ul>' + "".join(items) + "</ul>" + footer, head=meta))
    write(h, "zwgk/index.html", page("政务公开_澄阳县人民政府", nav + '<h2>政府信息公开年度报告</h2><ul><li><a href="/zwgk/ndbg/202601/t20260120_7001.html">澄阳县人民政府2025年政府信息公开工作年度报告</a><span>2026-01-20</span></li></ul>' + footer, head=meta))
    write(h, "zwgk/ndbg/202601/t20260120_7001.html", page("澄阳县人民政府2025年政府信息公开工作年度报告", nav + (
        '<div class="article"><h1>澄阳县人民政府2025年政府信息公开工作年度报告</h1><div class="info">发布时间：2026-01-20 09:00</div>'
        '<div class="content"><p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>'
        '<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p></div></div>') + footer, head=meta))
    write(h, "zwfw/index.html", page("政务服务_澄阳县人民政府", nav + (
        '<h2>办事指南</h2><ul><li><a href="/zwfw/bszn/001.html">个体工商户设立登记办事指南</a></li></ul>') + footer, head=meta))
    write(h, "zwfw/bszn/001.html", page("个体工商户设立登记办事指南", nav + (
        '<div class="article"><h1>个体工商户设立登记办事指南</h1><table>'
        '<tr><th>事项名称</th><td>个体工商户设立登记</td></tr><tr><th>设定依据</th><td>《促进个体工商户发展条例》</td></tr>'
        '<tr><th>申请条件</th><td>有经营能力的公民</td></tr><tr><th>办理材料</th><td>登记申请书；经营者身份证明</td></tr>'
        '<tr><th>办理地点</th><td>澄阳县政务服务中心一楼市场监管窗口</td></tr><tr><th>办理时间</th><td>工作日 9:00-12:00，13:30-17:00</td></tr>'
        '<tr><th>联系电话</th><td>0797-3412315</td></tr><tr><th>办理流程</th><td>申请—受理—审核—发照</td></tr></table></div>') + footer, head=meta))
    write(h, "hdjl/index.html", page("互动交流_澄阳县人民政府", nav + (
        '<h2>县长信箱</h2><form action="/hdjl/submit" method="post"><p>标题：<input name="title"></p>'
        '<p>内容：<textarea name="content"></textarea></p><p><button type="submit">提交</button></p></form>'
        '<p>来信将在5个工作日内答复。</p>') + footer, head=meta))
    write(h, "beian.html", page("备案信息", "<p>赣ICP备05004713号-1　赣公网安备 36072902000120号</p>"))
    write(h, "dzjg.html", page("党政机关网站标识", "<p>澄阳县人民政府 党政机关网站标识 网站标识码 3607290001</p>"))
    write(h, "images/dzjg.png", png(200, 30, 30))

    # the 政务新媒体 page: a table 账号名称 / 平台 / 二维码 / 链接
    rows = [
        ("澄阳发布", "新浪微博", "qr_wb_fabu.png", f"{{{{site:weibo-1}}}}/u/{UID['fabu']}"),
        ("澄阳发布", "微信公众号", "qr_wx_fabu.png", "{{site:rmt}}/wxgzh/index.html"),
        ("澄阳发布", "微信视频号", "qr_sph_fabu.png", None),
        ("澄阳卫健", "新浪微博", "qr_wb_wj.png", f"{{{{site:weibo-2}}}}/u/{UID['wj']}"),
        ("澄阳市场监管", "新浪微博", "qr_wb_sj.png", f"{{{{site:weibo-3}}}}/u/{UID['sj']}"),
        ("澄阳公安", "新浪微博", "qr_wb_gaj.png", f"{{{{site:weibo-4}}}}/{UID['gaj']}"),
        ("澄阳融媒", "抖音", "qr_dy_rmt.png", f"{{{{site:douyin}}}}/user/{SEC['rmt']}?from_tab_name=main"),
        ("澄阳文旅", "抖音", "qr_dy_wl.png", f"{{{{site:douyin}}}}/user/{SEC['wl']}?vid={time_id(unix(t(11, 18, 17, 5, 0)))}"),
        ("澄阳人社", "抖音", "qr_dy_rs.png", f"{{{{site:douyin}}}}/user/{SEC['rs']}"),
        ("澄阳应急", "今日头条", "qr_tt_yj.png", f"{{{{site:toutiao}}}}/c/user/token/{TOUTIAO_TOKEN}/?source=profile"),
        ("文明澄阳", "新浪微博", "qr_wb_wm.png", f"{{{{site:weibo}}}}/u/{UID['wm']}"),
    ]
    trs = []
    for i, (name, platform, qr, link) in enumerate(rows, 1):
        write(h, f"images/qr/{qr}", png(20 * i % 255, 90, 140))
        cell = f'<a href="{link}" target="_blank">进入账号</a>' if link else "扫码关注"
        trs.append(f"<tr><td>{i}</td><td>{name}</td><td>{platform}</td>"
                   f'<td><img src="/images/qr/{qr}" alt="{name}{platform}二维码" width="100"></td><td>{cell}</td></tr>')
    body = (nav + '<div class="article"><h1>澄阳县政务新媒体矩阵</h1>'
            '<p>以下为澄阳县人民政府及县直部门开设的政务新媒体账号（更新至2026年11月）。</p>'
            '<table class="xmt" border="1"><thead><tr><th>序号</th><th>账号名称</th><th>平台</th><th>二维码</th><th>链接</th></tr></thead>'
            "<tbody>" + "".join(trs) + "</tbody></table></div>" + footer)
    write(h, "zwxmt/index.html", page("政务新媒体_澄阳县人民政府", body, head=meta + '<meta name="ColumnName" content="政务新媒体">\n'))
    EXPECT["gov_rows"] = rows


# ================================================================ WeChat (mp host)
WX_STYLE = ("<style>.rich_media_title{font-size:22px}.rich_media_meta_list{color:#999}"
            ".weui-msg{text-align:center;padding-top:36px}</style>\n")


def wx_query(biz, mid, idx, sn, chksm=None, scene=None) -> str:
    q = f"__biz={biz}&mid={mid}&idx={idx}&sn={sn}"
    if chksm:
        q += f"&chksm={chksm}"
    if scene:
        q += f"&scene={scene}"
    return q


def wx_article(*, title, nickname, author, biz, mid, idx, sn, user_name, body_html, ct=None, create_time=None,
               em_text=None, obj_publish_time=None, desc="") -> str:
    link = "{{site:mp}}/s?" + wx_query(biz, mid, idx, sn)
    head = (f'<meta property="og:title" content="{esc(title)}">\n<meta property="og:url" content="{esc(link)}">\n'
            f'<meta property="og:description" content="{esc(desc)}">\n<meta property="og:site_name" content="微信公众平台">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:article:author" content="{esc(author)}">\n'
            f'<meta name="description" content="{esc(desc)}">\n' + WX_STYLE)
    em = esc(em_text) if em_text else ""
    body = f"""<div id="js_article" class="rich_media">
  <div class="rich_media_inner">
    <div id="page-content" class="rich_media_area_primary">
      <div class="rich_media_area_primary_inner">
        <div id="img-content" class="rich_media_wrp">
          <h1 class="rich_media_title " id="activity-name">
            {esc(title)}
          </h1>
          <div id="meta_content" class="rich_media_meta_list">
            <span class="rich_media_meta rich_media_meta_text">{esc(author)}</span>
            <span class="rich_media_meta rich_media_meta_nickname" id="profileBt">
              <a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight weui-wa-hotarea" id="js_name">{esc(nickname)}</a>
            </span>
            <em id="publish_time" class="rich_media_meta rich_media_meta_text">{em}</em>
          </div>
          <div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
{body_html}
          </div>
        </div>
      </div>
    </div>
  </div>
</div>
"""
    lines = [
        f'    var biz = "{biz}" || "";',
        f'    var sn = "{sn}" || ""|| "";',
        f'    var mid = "{mid}" || ""|| "";',
        f'    var idx = "{idx}" || "" || "";',
        '    var appmsg_type = "9";',
    ]
    if ct is not None:
        lines.append(f'    var ct = "{ct}";')
    if create_time is not None:
        lines.append(f'    var create_time = "{create_time}" * 1;')
    lines += [
        f'    var user_name = "{user_name}";',
        f'    var nickname = "{esc(nickname)}";',
        f"    var msg_title = '{title}'.html(false);",
        f'    var msg_desc = "{esc(desc)}";',
        f'    var msg_link = "{link}";',
        '    var comment_enabled = "1" * 1;',
    ]
    script = ("<script type=\"text/javascript\">\n"
              "    String.prototype.html = function(encode) { return this; };\n"
              + "\n".join(lines) + "\n</script>\n")
    if obj_publish_time is not None:
        data = {"title": title, "author": author, "nickname": nickname, "user_name": user_name,
                "publish_time": obj_publish_time, "desc": desc, "biz": biz, "mid": mid, "idx": idx}
        script += ("<script type=\"text/javascript\">\n    window.__QMTPL_SSR_DATA__ = "
                   + json.dumps(data, ensure_ascii=False) + ";\n</script>\n")
    return page(title, body + script, head=head)


WX_DELETED = page("", """<div class="weui-msg">
  <div class="weui-msg__icon-area"><i class="weui-icon-warn weui-icon_msg"></i></div>
  <div class="weui-msg__text-area">
    <h2 class="weui-msg__title">
      该内容已被发布者删除
    </h2>
    <p class="weui-msg__desc"></p>
  </div>
</div>
""", head=WX_STYLE)

WX_WALL = page("环境异常", """<div class="weui-msg">
  <div class="weui-msg__icon-area"><i class="weui-icon-info weui-icon_msg"></i></div>
  <div class="weui-msg__text-area">
    <h2 class="weui-msg__title">环境异常</h2>
    <p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p>
  </div>
  <div class="weui-msg__opr-area">
    <p class="weui-btn-area"><a href="javascript:;" class="weui-btn weui-btn_primary" id="js_verify">去验证</a></p>
  </div>
</div>
<script type="text/javascript">
  var cgiData = {"ret": -3, "poc_token": "HF%s", "appmsg_captcha": 1};
</script>
""" % hexid(24), head=WX_STYLE)


def register_wx(host_routes: Routes, q_full: str, q_variants: list[str], **behaviour):
    for q in [q_full] + q_variants:
        host_routes.add(f"/s?{q}", **behaviour)


def body_paragraphs(*paras: str) -> str:
    return "\n".join(f'<p style="text-indent:2em;">{p}</p>' for p in paras)


def build_wechat_list():
    """澄阳发布 (WeChat) — config url is the rmt page listing the account's articles."""
    r = ROUTES["mp"]
    arts = [  # list order on the page (newest first by the unit's own ordering)
        dict(key="a2", mode="create_time", dt=t(11, 17, 16, 40), title="澄阳县2026年冬季征兵工作全面启动",
             paras=["11月17日，澄阳县2026年冬季征兵工作动员部署会召开，标志着全县冬季征兵工作全面启动。",
                    "会议要求，各乡镇要严格落实征兵政策，确保兵员质量。"]),
        dict(key="a6", mode="wall", dt=None, title="一图读懂｜澄阳县2027年城乡居民医保参保缴费指南"),
        dict(key="a1", mode="ct", dt=t(11, 11, 9, 15), title="澄阳县举办2026年秋季就业招聘会 提供岗位1200余个",
             paras=["11月10日，澄阳县2026年秋季就业招聘会在县人力资源市场举办。", "共有46家企业进场招聘，提供岗位1200余个。"]),
        dict(key="a4", mode="obj", dt=t(11, 9, 18, 30), title="澄阳脐橙开园采摘 果农喜迎丰收",
             paras=["11月9日，澄阳县2026年脐橙开园采摘活动在龙溪镇举行。", "今年全县脐橙种植面积达8.6万亩，预计产量12万吨。"]),
        dict(key="a5", mode="deleted", dt=None, title="关于澄阳县城区部分路段临时交通管制的通告"),
        dict(key="a3", mode="em", dt=t(11, 3, 10, 21), title="澄阳县召开2026年第三季度经济运行分析会",
             paras=["11月3日，澄阳县召开2026年第三季度经济运行分析会。", "会议指出，前三季度全县经济运行总体平稳、稳中有进。"]),
    ]
    links = []
    posts = {}
    for n, a in enumerate(arts):
        mid = str(2247486400 + 37 * (len(arts) - n))
        sn, chksm = hexid(32), "ea" + hexid(22)
        q_full = wx_query(BIZ_FABU, mid, 1, sn, chksm, 21)
        variants = [wx_query(BIZ_FABU, mid, 1, sn), wx_query(BIZ_FABU, mid, 1, sn, chksm)]
        href = "{{site:mp}}/s?" + q_full + "#wechat_redirect"
        canonical = "{{site:mp}}/s?" + variants[0]
        fname = f"_articles/fabu_{a['key']}.html"
        if a["mode"] == "deleted":
            write("mp", fname, WX_DELETED)
            register_wx(r, q_full, variants, file=fname)
        elif a["mode"] == "wall":
            target = quote("{{site:mp}}/s?" + variants[0], safe="")
            target = target.replace(quote("{{site:mp}}", safe=""), "{{site:mp}}")
            register_wx(r, q_full, variants, status=302,
                        redirect=f"{{{{site:mp}}}}/mp/wappoc_appmsgcaptcha?poc_token=HF{hexid(20)}&target_url={target}")
        else:
            kw = {}
            if a["mode"] == "ct":
                kw["ct"] = unix(a["dt"])
            elif a["mode"] == "create_time":
                kw["create_time"] = unix(a["dt"])
            elif a["mode"] == "em":
                kw["em_text"] = a["dt"].strftime("%Y-%m-%d %H:%M")
            elif a["mode"] == "obj":
                kw["obj_publish_time"] = a["dt"].strftime("%Y-%m-%d %H:%M")
            html = wx_article(title=a["title"], nickname="澄阳发布", author="澄阳县融媒体中心", biz=BIZ_FABU, mid=mid, idx=1,
                              sn=sn, user_name="gh_3c5d17a9e2b4", body_html=body_paragraphs(*a["paras"]),
                              desc=a["paras"][0], **kw)
            write("mp", fname, html)
            register_wx(r, q_full, variants, file=fname)
        links.append(f'<li><a href="{esc(href)}" target="_blank">{a["title"]}</a></li>')
        posts[a["key"]] = dict(mode=a["mode"], title=a["title"], href=href, canonical=canonical,
                               date=a["dt"].strftime("%Y-%m-%d %H:%M") if a["dt"] else None)
    r.add("/mp/wappoc_appmsgcaptcha", file="_articles/wall.html")
    write("mp", "_articles/wall.html", WX_WALL)
    write("rmt", "wxgzh/index.html", page("“澄阳发布”微信公众号_澄阳县融媒体中心", (
        '<div class="header"><a href="/">澄阳县融媒体中心</a></div>'
        '<div class="list"><h2>“澄阳发布”微信公众号</h2>'
        '<p class="tip">扫描二维码关注“澄阳发布”微信公众号，以下为公众号近期推送文章。</p>'
        '<img src="/images/qr_fabu.png" alt="澄阳发布二维码" width="120">'
        '<ul class="wx-list">\n' + "\n".join(links) + "\n</ul></div>"
        '<div class="footer">澄阳县融媒体中心 版权所有</div>')))
    write("rmt", "images/qr_fabu.png", png(30, 160, 60))
    write("rmt", "index.html", page("澄阳县融媒体中心", '<h1>澄阳县融媒体中心</h1><p><a href="/wxgzh/">“澄阳发布”微信公众号</a></p>'))
    EXPECT["accounts"]["cy-fabu-wechat"] = posts


def build_wechat2rss():
    """澄阳卫健 (WeChat) read through a wechat2rss feed; stale 11 days; lastBuildDate is fetch time."""
    r = ROUTES["mp"]
    items_src = [
        (t(11, 9, 18, 2, 11), "流感高发季，这份防护指南请收好", ["近期我县进入流感高发季节，县疾控中心提醒广大群众做好个人防护。",
                                                      "出现发热、咳嗽等症状，请及时到正规医疗机构就诊。"]),
        (t(11, 6, 17, 30, 40), "澄阳县开展“健康促进县”建设督导", ["11月5日，县卫生健康委员会组织开展健康促进县建设工作督导。",
                                                        "督导组深入各乡镇卫生院和村卫生室实地查看。"]),
        (t(11, 2, 9, 45, 2), "县人民医院新增夜间门诊服务", ["自11月3日起，县人民医院开设夜间门诊，服务时间为18:00-21:00。"]),
        (t(10, 28, 16, 12, 9), "2026年澄阳县家庭医生签约服务宣传周活动启动", ["10月28日，全县家庭医生签约服务宣传周活动启动。"]),
    ]
    items = []
    posts = []
    for n, (dt, title, paras) in enumerate(items_src):
        mid = str(2247491203 - 11 * n)
        sn, chksm = hexid(32), "fb" + hexid(22)
        q_full = wx_query(BIZ_WJ, mid, 1, sn, chksm)
        variants = [wx_query(BIZ_WJ, mid, 1, sn)]
        fname = f"_articles/wj_{n}.html"
        write("mp", fname, wx_article(title=title, nickname="澄阳卫健", author="澄阳县卫生健康委员会", biz=BIZ_WJ, mid=mid,
                                      idx=1, sn=sn, user_name="gh_8a1f0c6d2e73", body_html=body_paragraphs(*paras),
                                      ct=unix(dt), desc=paras[0]))
        register_wx(r, q_full, variants, file=fname)
        link = "{{site:mp}}/s?" + q_full + "#rd"
        content = body_paragraphs(*paras)
        items.append(f"""    <item>
      <title><![CDATA[{title}]]></title>
      <link>{esc(link)}</link>
      <guid isPermaLink="false">{BIZ_WJ}_{mid}_1</guid>
      <pubDate>{rfc822_local(dt)}</pubDate>
      <author><![CDATA[澄阳县卫生健康委员会]]></author>
      <description><![CDATA[{content}]]></description>
    </item>""")
        posts.append(dict(title=title, link=link, date=dt.strftime("%Y-%m-%d %H:%M")))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>澄阳卫健</title>
    <link>{{{{site:wechat2rss}}}}/feed/{WECHAT2RSS_FEED}.xml</link>
    <atom:link href="{{{{site:wechat2rss}}}}/feed/{WECHAT2RSS_FEED}.xml" rel="self" type="application/rss+xml"/>
    <description>澄阳县卫生健康委员会官方公众号，发布卫生健康政策、健康科普和便民服务信息。</description>
    <generator>Wechat2RSS</generator>
    <language>zh-cn</language>
    <lastBuildDate>{rfc822_local(AS_OF)}</lastBuildDate>
    <image>
      <url>{{{{site:wechat2rss}}}}/img/wj_avatar.png</url>
      <title>澄阳卫健</title>
      <link>{{{{site:wechat2rss}}}}/feed/{WECHAT2RSS_FEED}.xml</link>
    </image>
{chr(10).join(items)}
  </channel>
</rss>
"""
    write("wechat2rss", f"feed/{WECHAT2RSS_FEED}.xml", xml)
    write("wechat2rss", "img/wj_avatar.png", png(20, 120, 200))
    write("wechat2rss", "index.html", page("Wechat2RSS", "<h1>Wechat2RSS</h1><p>微信公众号 RSS 订阅</p>"))
    EXPECT["accounts"]["cy-wj-wechat-rss"] = posts


# ================================================================ RSSHub weibo user feed
def build_rsshub():
    uid = UID["zj"]
    user = "澄阳住建"
    items_src = [
        (t(11, 17, 1, 30, 0), "【安全提示】入冬以来，燃气使用量增加，请广大居民做好燃气安全检查……",
         "【安全提示】入冬以来，燃气使用量增加，请广大居民做好燃气安全检查：使用前开窗通风，用后关闭阀门，发现泄漏立即撤离并拨打燃气抢修电话。<a href=\"{{site:weibo}}/search?containerid=231522type%3D1%26q%3D%23%E7%87%83%E6%B0%94%E5%AE%89%E5%85%A8%23\">#燃气安全#</a>"),
        (t(11, 13, 9, 20, 0), "【工作动态】11月12日，县住建局会同县国土资源局、县应急管理局……",
         "【工作动态】11月12日，县住建局会同县国土资源局、县应急管理局，对城区老旧小区开展汛后房屋安全隐患联合排查，共排查房屋136栋，督促整改隐患9处。"),
        (t(11, 9, 16, 0, 0), "【政策解读】《澄阳县城镇老旧小区改造实施方案》解读……",
         "【政策解读】《澄阳县城镇老旧小区改造实施方案》解读：2026年全县计划改造老旧小区21个，惠及居民3200余户。<br><br>2018年机构改革前，原县国土资源局承担的地质灾害防治职责现由县自然资源局履行，改造中涉及的边坡治理由其负责指导。"),
        (t(11, 3, 14, 45, 0), "【便民】住房公积金业务办理时间调整……",
         "【便民】自11月4日起，县住房公积金管理部工作日办理时间调整为8:30-17:30，周六上午提供延时服务。"),
    ]
    items = []
    posts = []
    for dt, title, html in items_src:
        b = bid()
        link = f"{{{{site:weibo}}}}/{uid}/{b}"
        items.append(f"""<item>
<title><![CDATA[{title}]]></title>
<description><![CDATA[{html}<br><br><img style="" src="{{{{site:weibo}}}}/img/pic_{b}.png" referrerpolicy="no-referrer"><br clear="both"><div style="clear: both"></div>]]></description>
<pubDate>{rfc822_gmt(dt)}</pubDate>
<guid isPermaLink="false">{link}</guid>
<link>{link}</link>
<author><![CDATA[{user}]]></author>
</item>""")
        write("weibo", f"img/pic_{b}.png", png(120, 120, 120))
        mid = time_id(unix(dt), weibo=True)
        status = weibo_mblog(uid, user, mid, b, weibo_full(dt), re.sub(r"<[^>]+>", "", html.replace("<br>", "\n")), "weibo")
        write("weibo", f"{uid}/{b}/index.html", weibo_status_page(status))
        write("weibo", f"status/{b}/index.html", weibo_status_page(status))
        posts.append(dict(title=title, link=link, date=dt.strftime("%Y-%m-%d %H:%M"), text=html, pubDate=rfc822_gmt(dt)))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?><rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
<channel>
<title><![CDATA[{user}的微博]]></title>
<link>{{{{site:weibo}}}}/{uid}/</link>
<atom:link href="{{{{site:rsshub}}}}/weibo/user/{uid}" rel="self" type="application/rss+xml" />
<description><![CDATA[澄阳县住房和城乡建设局官方微博 - Powered by RSSHub]]></description>
<generator>RSSHub</generator>
<webMaster>contact@rsshub.app (RSSHub)</webMaster>
<image>
<url>{{{{site:weibo}}}}/img/avatar_zj.png</url>
<title><![CDATA[{user}的微博]]></title>
<link>{{{{site:weibo}}}}/{uid}/</link>
</image>
<language>en</language>
<lastBuildDate>{rfc822_gmt(AS_OF)}</lastBuildDate>
<ttl>5</ttl>
{chr(10).join(items)}
</channel>
</rss>"""
    ROUTES["rsshub"].add(f"/weibo/user/{uid}", file="_feeds/weibo_user.xml", content_type="application/xml", charset="utf-8")
    write("rsshub", "_feeds/weibo_user.xml", xml)
    write("rsshub", "index.html", page("RSSHub", "<h1>RSSHub</h1><p>Everything is RSSible</p>"))
    write("weibo", "img/avatar_zj.png", png(40, 40, 160))
    write("weibo", f"{uid}/index.html", weibo_shell(uid))
    EXPECT["accounts"]["cy-zj-weibo-rss"] = posts


# ================================================================ Weibo
def weibo_user(uid, name, host, statuses_count, verified_reason, description, followers):
    return {"id": int(uid), "screen_name": name,
            "profile_image_url": f"{{{{site:{host}}}}}/img/avatar.png",
            "profile_url": f"{{{{site:{host}}}}}/u/{uid}?uid={uid}&luicode=10000011&lfid=100103",
            "statuses_count": statuses_count, "verified": True, "verified_type": 1,
            "verified_type_ext": 0, "verified_reason": verified_reason, "close_blue_v": False,
            "description": description, "gender": "m", "mbtype": 12, "svip": 0, "urank": 36, "mbrank": 0,
            "follow_me": False, "following": False, "follow_count": 213, "followers_count": followers,
            "followers_count_str": followers, "cover_image_phone": f"{{{{site:{host}}}}}/img/cover.png",
            "avatar_hd": f"{{{{site:{host}}}}}/img/avatar.png", "like": False, "like_me": False,
            "badge": {"gov_2021": 1, "user_name_certificate": 1}}


def weibo_mblog(uid, name, mid, b, created_at, text, host, *, top=False, user=None, reposts=0, likes=0):
    m = {"visible": {"type": 0, "list_id": 0}, "created_at": created_at, "id": mid, "mid": mid,
         "can_edit": False, "show_additional_indication": 0, "text": text, "textLength": len(text.encode("gbk", "ignore")),
         "source": "微博网页版", "favorited": False, "pic_ids": [], "is_paid": False, "mblog_vip_type": 0,
         "user": user or {"id": int(uid), "screen_name": name},
         "reposts_count": reposts, "comments_count": 0, "reprint_cmt_count": 0, "attitudes_count": likes,
         "pending_approval_count": 0, "isLongText": False, "show_mlevel": 0, "darwin_tags": [],
         "mblogtype": 2 if top else 0, "bid": b, "rid": f"0_0_50_{hexid(18)}", "mlevel": 0}
    if top:
        m["isTop"] = 1
        m["title"] = {"text": "置顶", "base_color": 1}
    return m


def weibo_status_page(status: dict) -> str:
    data = json.dumps([{"status": status, "call": "1"}], ensure_ascii=False, indent=4)
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,minimum-scale=1,user-scalable=no">\n'
            "<title>微博</title>\n</head>\n<body>\n<div id=\"app\" class=\"m-container-max\"></div>\n<script>\n"
            f"    var $render_data = {data}[0] || {{}};\n"
            '    var __wb_performance_data={v:"v8",m:"mainsite",pwa:1,sw:0};\n</script>\n'
            '<script src="/static/app.js"></script>\n</body>\n</html>\n')


def weibo_shell(uid: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,minimum-scale=1,user-scalable=no">\n'
            "<title>微博</title>\n</head>\n<body>\n<div id=\"app\"></div>\n"
            f"<script>window.$CONFIG = {{\"oid\": \"{uid}\", \"page_id\": \"100505{uid}\", \"lang\": \"zh-cn\"}};</script>\n"
            '<script src="/static/app.js"></script>\n</body>\n</html>\n')


EMPTY_CARDS = {"ok": 0, "msg": "这里还没有内容", "data": {"cards": []}}
LOGIN_NEEDED = {"ok": -100, "url": "/login.php?url=%2F"}


def weibo_api_routes(host: str, uid: str, *, profile_file: str, cards_file: str, empty_file: str):
    """m.weibo.cn container API. Path-level fallback = the weibo list (one account per host),
    profile forms (no containerid, or containerid 100505/230283) answer userInfo + tabsInfo,
    page >= 2 answers the end-of-list message."""
    r = ROUTES[host]
    json_route = dict(content_type="application/json", charset="utf-8")
    r.add("/api/container/getIndex", file=cards_file, **json_route)
    profile_forms = [f"type=uid&value={uid}", f"containerid=100505{uid}", f"type=uid&value={uid}&containerid=100505{uid}",
                     f"uid={uid}&type=uid&value={uid}", f"uid={uid}&type=uid&value={uid}&containerid=100505{uid}",
                     f"containerid=100505{uid}&type=uid&value={uid}", f"value={uid}&type=uid",
                     f"containerid=230283{uid}", f"type=uid&value={uid}&containerid=230283{uid}",
                     f"containerid=230283{uid}_-_INFO"]
    for q in profile_forms:
        r.add(f"/api/container/getIndex?{q}", file=profile_file, **json_route)
    bases = [f"type=uid&value={uid}&containerid=107603{uid}", f"containerid=107603{uid}",
             f"uid={uid}&type=uid&value={uid}&containerid=107603{uid}", f"containerid=107603{uid}&type=uid&value={uid}",
             f"type=uid&value={uid}&containerid=107603{uid}&uid={uid}", f"uid={uid}&containerid=107603{uid}",
             f"containerid=107603{uid}&uid={uid}", f"containerid=230413{uid}_-_WEIBO_SECOND_PROFILE_WEIBO",
             f"type=uid&value={uid}&containerid=230413{uid}_-_WEIBO_SECOND_PROFILE_WEIBO"]
    for base in bases:
        r.add(f"/api/container/getIndex?{base}", file=cards_file, **json_route)
        for extra in ("page=1", "page=0", "page_type=03&page=1", "since_id=", "count=20", "count=20&page=1"):
            r.add(f"/api/container/getIndex?{base}&{extra}", file=cards_file, **json_route)
        for n in (2, 3, 4, 5):
            for extra in (f"page={n}", f"page_type=03&page={n}", f"count=20&page={n}"):
                r.add(f"/api/container/getIndex?{base}&{extra}", file=empty_file, **json_route)
    r.add("/ajax/statuses/mymblog", file="_api/login_needed.json", **json_route)
    r.add("/ajax/profile/info", file="_api/login_needed.json", **json_route)
    r.add("/ajax/statuses/show", file="_api/login_needed.json", **json_route)
    write(host, "_api/login_needed.json", dumps(LOGIN_NEEDED))
    write(host, "_api/empty.json", dumps(EMPTY_CARDS))
    write(host, "static/app.js", "/* weibo lite app bundle (stub: the fixture does not render client-side) */\n")
    write(host, "img/avatar.png", png(200, 80, 20))
    write(host, "img/cover.png", png(90, 90, 200))
    write(host, "search/index.html", page("微博搜索", '<div id="app"></div><script src="/static/app.js"></script>'))


def build_weibo_account(host, uid, name, verified_reason, description, followers, statuses_count, posts, *,
                        tabs=True):
    """posts: list of (relative created_at shown by m.weibo.cn, absolute datetime, text, top)."""
    user = weibo_user(uid, name, host, statuses_count, verified_reason, description, followers)
    cards = []
    statuses = []
    out = []
    for rel, dt, text, top in posts:
        mid = time_id(unix(dt), weibo=True)
        b = bid()
        mblog = weibo_mblog(uid, name, mid, b, rel, text, host, top=top, user=user, reposts=rng.randint(0, 9),
                            likes=rng.randint(3, 60))
        cards.append({"card_type": 9, "itemid": f"107603{uid}_-_{mid}",
                      "scheme": f"{{{{site:{host}}}}}/status/{b}?mblogid={b}&luicode=10000011&lfid=107603{uid}",
                      "mblog": mblog})
        statuses.append(mblog)
        full = dict(mblog, created_at=weibo_full(dt))
        write(host, f"status/{b}/index.html", weibo_status_page(full))
        write(host, f"detail/{mid}/index.html", weibo_status_page(full))
        write(host, f"{uid}/{b}/index.html", weibo_status_page(full))
        out.append(dict(created_at=rel, date=dt.strftime("%Y-%m-%d %H:%M"), top=top,
                        url=f"{{{{site:{host}}}}}/status/{b}", text=text))
    profile = {"ok": 1, "data": {"avatar_guide": [], "isStarStyle": 0, "userInfo": user,
                                 "fans_scheme": f"{{{{site:{host}}}}}/p/index?containerid=231051_-_fansrecomm_-_{uid}",
                                 "follow_scheme": f"{{{{site:{host}}}}}/p/index?containerid=231051_-_followersrecomm_-_{uid}",
                                 "tabsInfo": {"selectedTab": 1, "tabs": [
                                     {"id": 1, "tabKey": "profile", "must_show": 1, "hidden": 0, "title": "主页",
                                      "tab_type": "profile", "containerid": f"230283{uid}"},
                                     {"id": 2, "tabKey": "weibo", "must_show": 1, "hidden": 0, "title": "微博",
                                      "tab_type": "weibo", "containerid": f"107603{uid}", "apipath": "/profile/statuses",
                                      "url": "/index/my"},
                                     {"id": 10, "tabKey": "album", "must_show": 0, "hidden": 0, "title": "相册",
                                      "tab_type": "album", "containerid": f"107803{uid}"}]},
                                 "scheme": f"{{{{site:{host}}}}}/u/{uid}", "showAppTips": 0}}
    if posts:
        cards_doc = {"ok": 1, "data": {"cardlistInfo": {"containerid": f"107603{uid}", "v_p": 42, "show_style": 1,
                                                        "total": statuses_count, "autoLoadMoreIndex": len(cards)},
                                       "cards": cards, "scheme": f"{{{{site:{host}}}}}/u/{uid}", "showAppTips": 0}}
    else:
        cards_doc = EMPTY_CARDS
    write(host, "_api/profile.json", dumps(profile))
    write(host, "_api/cards.json", dumps(cards_doc))
    write(host, "_api/profile_info.json", dumps({"ok": 1, "data": {"user": user, "statuses": statuses,
                                                                   "more": f"/p/second?containerid=107803{uid}"}}))
    weibo_api_routes(host, uid, profile_file="_api/profile.json", cards_file="_api/cards.json", empty_file="_api/empty.json")
    ROUTES[host].add("/profile/info", file="_api/profile_info.json", content_type="application/json", charset="utf-8")
    for path in (f"{uid}/index.html", f"u/{uid}/index.html", f"profile/{uid}/index.html"):
        write(host, path, weibo_shell(uid))
    return out


def build_weibo():
    # weibo-1: 澄阳发布, weibo.com/<uid> form, relative dates, fresh; a pinned old post first
    p1 = [
        ("2025-12-31", t(12, 31, 9, 0, year=2025), "【置顶】澄阳县12345政务服务便民热线24小时受理群众诉求，欢迎广大市民来电反映问题、提出建议。", True),
        ("刚刚", t(11, 20, 11, 58, 12), "【天气】今天白天澄阳县多云转晴，气温6～17℃，早晚温差较大，请注意添衣保暖。", False),
        ("5分钟前", t(11, 20, 11, 55, 3), "【便民】县政务服务中心“周末不打烊”服务延续至12月底，周六上午可办理社保、医保、不动产登记等高频事项。", False),
        ("3小时前", t(11, 20, 9, 2, 41), "【要闻】11月19日下午，县委常委会召开会议，研究部署冬季安全生产和森林防火工作。", False),
        ("昨天 09:30", t(11, 19, 9, 30, 0), "【关注】澄阳县2026年冬季征兵报名工作进行中，符合条件的适龄青年可登录全国征兵网报名。", False),
        ("11-09", t(11, 9, 15, 10, 0), "【民生】龙溪镇脐橙开园采摘，今年全县脐橙预计产量12万吨。", False),
        ("11-05", t(11, 5, 10, 40, 0), "【文旅】澄阳县第三届乡村文化旅游节将于11月8日开幕。", False),
    ]
    EXPECT["accounts"]["cy-fabu-weibo"] = build_weibo_account(
        "weibo-1", UID["fabu"], "澄阳发布", "澄阳县人民政府新闻办公室官方微博", "澄阳县人民政府新闻办公室官方微博",
        "3.2万", 6215, p1)
    # weibo-2: 澄阳卫健, /profile/<uid> form, newest "11-10" → 10 days → deduct
    p2 = [
        ("11-10", t(11, 10, 17, 20, 0), "【健康科普】秋冬季是呼吸道疾病高发季节，请注意勤洗手、常通风、科学佩戴口罩。", False),
        ("11-06", t(11, 6, 11, 5, 0), "【通知】县妇幼保健院11月8日（周六）开展免费“两癌”筛查，请符合条件的适龄妇女携带身份证前往。", False),
        ("10-28", t(10, 28, 9, 40, 0), "【工作动态】县卫生健康委员会召开全县医疗质量安全管理工作会议。", False),
        ("10-15", t(10, 15, 16, 0, 0), "【义诊】县人民医院专家团队走进大坪乡开展义诊活动。", False),
        ("2025-12-30", t(12, 30, 10, 0, 0, year=2025), "【提醒】元旦假期全县各医疗机构急诊正常开放。", False),
    ]
    EXPECT["accounts"]["cy-wj-weibo"] = build_weibo_account(
        "weibo-2", UID["wj"], "澄阳卫健", "澄阳县卫生健康委员会官方微博", "澄阳县卫生健康委员会",
        "8561", 2390, p2)
    # weibo-3: 澄阳市场监管, a real empty account: profile answers, list says 这里还没有内容
    build_weibo_account("weibo-3", UID["sj"], "澄阳市场监管", "澄阳县市场监督管理局官方微博", "澄阳县市场监督管理局",
                        "126", 0, [])
    EXPECT["accounts"]["cy-sj-weibo"] = []
    # weibo-4: 澄阳公安, every API answers HTTP 418 (anti-crawling)
    r = ROUTES["weibo-4"]
    for path in ("/api/container/getIndex", "/profile/info", "/ajax/statuses/mymblog", "/ajax/profile/info",
                 "/api/container/getSecond", "/comments/hotflow"):
        r.add(path, status=418, file="_api/418.html", content_type="text/html", charset="utf-8")
    write("weibo-4", "_api/418.html", "<html><head><title>418</title></head><body></body></html>\n")
    for path in (f"{UID['gaj']}/index.html", f"u/{UID['gaj']}/index.html", f"profile/{UID['gaj']}/index.html"):
        write("weibo-4", path, weibo_shell(UID["gaj"]))
    write("weibo-4", "static/app.js", "/* weibo lite app bundle (stub) */\n")
    EXPECT["accounts"]["cy-gaj-weibo"] = []
    # the general weibo host: the candidate 文明澄阳 (not configured)
    p_wm = [
        ("昨天 16:05", t(11, 19, 16, 5, 0), "【文明实践】澄阳县新时代文明实践志愿服务队走进社区开展“冬日暖阳”志愿服务活动。", False),
        ("11-14", t(11, 14, 10, 0, 0), "【榜样】11月澄阳好人榜发布，5人入选。", False),
    ]
    EXPECT["candidate_wm"] = build_weibo_account("weibo", UID["wm"], "文明澄阳", "澄阳县文明办官方微博", "中共澄阳县委宣传部（县文明办）",
                                                 "2176", 1820, p_wm)


# ================================================================ RSS: 信息公开 (dc:date only), RSS 1.0, BOM+octet, no dates
def build_xxgk():
    masked = [("刘某华", "龙溪镇", "3607**********1226", 3), ("钟某英", "大坪乡", "360722********0048", 2),
              ("黄某生", "城关镇", "3607**********5917", 1)]
    rows = "".join(f"<tr><td>{i}</td><td>{n}</td><td>{town}</td><td>{idno}</td><td>{k}</td></tr>"
                   for i, (n, town, idno, k) in enumerate(masked, 1))
    rows += f"<tr><td>4</td><td>廖某平</td><td>横江镇</td><td>{PLANTED_ID}</td><td>2</td></tr>"
    gongshi = ("<p>根据《江西省最低生活保障办法》规定，经本人申请、乡镇（街道）审核，拟将以下4户纳入城乡最低生活保障范围，现予以公示。</p>"
               "<table border=\"1\"><tr><th>序号</th><th>户主姓名</th><th>所在乡镇</th><th>身份证号码</th><th>保障人口</th></tr>"
               + rows + "</table><p>公示期：2026年11月18日至2026年11月24日。公示期间如有异议，请向县民政局反映。监督电话：0797-3412610。</p>")
    items_src = [
        ("gsgg", "202611/t20261118_4567", t(11, 18, 10, 5, 31), "澄阳县2026年11月城乡最低生活保障新增对象公示", "县民政局", gongshi),
        ("tzgg", "202611/t20261116_4552", t(11, 16, 15, 40, 2), "关于做好2027年度城乡居民基本医疗保险集中参保缴费工作的通知", "县医疗保障局",
         "<p>各乡镇人民政府，县直有关单位：2027年度城乡居民基本医疗保险集中参保缴费期为2026年9月1日至2026年12月31日，请各地认真组织实施。</p>"),
        ("zcwj", "202611/t20261110_4519", t(11, 10, 9, 0, 0), "澄阳县人民政府办公室关于印发澄阳县冬春季森林防火工作方案的通知", "县政府办公室",
         "<p>澄府办字〔2026〕41号</p><p>各乡镇人民政府，县政府各部门：现将《澄阳县冬春季森林防火工作方案》印发给你们，请认真贯彻执行。</p>"),
        ("gsgg", "202610/t20261029_4470", t(10, 29, 16, 20, 0), "2026年澄阳县第二批高素质农民培育对象名单公示", "县农业农村局",
         "<p>经个人申报、乡镇推荐、县级审核，确定王某等60人为2026年第二批高素质农民培育对象，现予公示。</p>"),
    ]
    items = []
    posts = []
    for col, path, dt, title, creator, html in items_src:
        url = f"{{{{site:xxgk}}}}/xxgk/{col}/{path}.html"
        items.append(f"""  <item>
    <title>{esc(title)}</title>
    <link>{url}</link>
    <description><![CDATA[{html}]]></description>
    <dc:creator>{creator}</dc:creator>
    <dc:date>{dt.isoformat()}</dc:date>
    <dc:subject>{ {'gsgg': '公示公告', 'tzgg': '通知公告', 'zcwj': '政策文件'}[col] }</dc:subject>
    <guid isPermaLink="true">{url}</guid>
  </item>""")
        write("xxgk", f"xxgk/{col}/{path}.html", page(title, (
            f'<div class="xxgk-article"><table class="xxgk-meta"><tr><th>发布机构</th><td>{creator}</td><th>发布日期</th><td>{dt:%Y-%m-%d}</td></tr></table>'
            f"<h1>{title}</h1><div class=\"content\">{html}</div></div>"),
            head=f'<meta name="ArticleTitle" content="{esc(title)}">\n<meta name="PubDate" content="{dt:%Y-%m-%d %H:%M}">\n'))
        posts.append(dict(title=title, link=url, date=dt.strftime("%Y-%m-%d %H:%M")))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>澄阳县人民政府信息公开</title>
  <link>{{{{site:xxgk}}}}/xxgk/</link>
  <description>澄阳县政府信息公开平台 最新信息</description>
  <language>zh-cn</language>
  <dc:publisher>澄阳县人民政府办公室</dc:publisher>
{chr(10).join(items)}
</channel>
</rss>
"""
    write("xxgk", "_rss/xxgk_latest.xml", xml)
    ROUTES["xxgk"].add("/rss/xxgk.xml", file="_rss/xxgk_latest.xml", content_type="text/xml", charset="UTF-8")
    write("xxgk", "xxgk/index.html", page("澄阳县人民政府信息公开", "<h1>澄阳县人民政府信息公开</h1><p>RSS订阅：/rss/xxgk.xml</p>"))
    EXPECT["accounts"]["cy-xxgk-rss"] = posts
    EXPECT["privacy_post"] = posts[0]


def build_qxj():
    items_src = [
        ("qxfw/202610/t20261030_901.html", t(10, 30, 16, 20), "澄阳县11月上旬天气趋势预测", "预计11月上旬我县以晴到多云天气为主，气温前高后低，11月5日前后有一次冷空气过程。"),
        ("qxfw/202610/t20261022_896.html", t(10, 22, 9, 10), "霜降节气农业气象服务专报", "霜降过后，请注意做好脐橙等果树防寒防冻工作。"),
        ("qxfw/202610/t20261015_890.html", t(10, 15, 17, 0), "澄阳县2026年秋季森林火险气象等级预报", "近期我县降水偏少，森林火险气象等级较高，请加强野外用火管理。"),
    ]
    seq = []
    items = []
    posts = []
    for path, dt, title, text in items_src:
        url = f"{{{{site:qxj}}}}/{path}"
        seq.append(f'        <rdf:li rdf:resource="{url}"/>')
        items.append(f"""  <item rdf:about="{url}">
    <title>{esc(title)}</title>
    <link>{url}</link>
    <description>{esc(text)}</description>
    <dc:creator>澄阳县气象局</dc:creator>
    <dc:date>{dt.isoformat()}</dc:date>
  </item>""")
        write("qxj", path, page(title, f"<h1>{title}</h1><p class=\"info\">发布时间：{dt:%Y年%m月%d日}</p><p>{text}</p>"))
        posts.append(dict(title=title, link=url, date=dt.strftime("%Y-%m-%d %H:%M")))
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF
  xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
  xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="{{{{site:qxj}}}}/rss/qxfw.rdf">
    <title>澄阳县气象局 - 气象服务</title>
    <link>{{{{site:qxj}}}}/qxfw/</link>
    <description>澄阳县气象局气象服务信息</description>
    <dc:language>zh-cn</dc:language>
    <dc:date>{t(11, 19, 6, 0).isoformat()}</dc:date>
    <sy:updatePeriod>daily</sy:updatePeriod>
    <sy:updateFrequency>1</sy:updateFrequency>
    <items>
      <rdf:Seq>
{chr(10).join(seq)}
      </rdf:Seq>
    </items>
  </channel>
{chr(10).join(items)}
</rdf:RDF>
"""
    write("qxj", "rss/qxfw.rdf", xml)
    ROUTES["qxj"].add("/rss/qxfw.rdf", content_type="application/rdf+xml", charset="utf-8")
    write("qxj", "qxfw/index.html", page("气象服务_澄阳县气象局", "<h1>气象服务</h1>" + "".join(
        f'<p><a href="/{p}">{ti}</a> {dt:%Y-%m-%d}</p>' for p, dt, ti, _ in items_src)))
    EXPECT["accounts"]["cy-qxj-rss"] = posts


def build_jtj():
    items_src = [
        ("1021/2026/11/16/art_1021_5520.html", t(11, 16, 9, 20), "澄阳县中小学冬季作息时间调整的通知", "自11月17日起，全县中小学执行冬季作息时间，上午8:00上课。"),
        ("1021/2026/11/12/art_1021_5498.html", t(11, 12, 15, 0), "县教体局开展校园食品安全专项检查", "11月11日至12日，县教体局联合县市场监督管理局对全县中小学食堂开展专项检查。"),
        ("1021/2026/11/05/art_1021_5461.html", t(11, 5, 10, 30), "澄阳县第十二届中小学生运动会圆满落幕", "本届运动会共有32所学校的1600余名运动员参赛。"),
    ]
    entries = []
    posts = []
    for path, dt, title, text in items_src:
        url = f"{{{{site:jtj}}}}/{path}"
        entries.append(f"""  <entry>
    <title>{esc(title)}</title>
    <link rel="alternate" type="text/html" href="{url}"/>
    <id>{url}</id>
    <published>{dt.isoformat()}</published>
    <updated>{dt.isoformat()}</updated>
    <author><name>澄阳县教育体育局</name></author>
    <summary type="html">{esc('<p>' + text + '</p>')}</summary>
  </entry>""")
        write("jtj", path, page(title, f"<h1>{title}</h1><p class=\"info\">{dt:%Y-%m-%d %H:%M} 来源：县教育体育局</p><p>{text}</p>"))
        posts.append(dict(title=title, link=url, date=dt.strftime("%Y-%m-%d %H:%M")))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>澄阳县教育体育局 - 教育动态</title>
  <id>{{{{site:jtj}}}}/rss/feed.do?channelId=1021</id>
  <link rel="self" href="{{{{site:jtj}}}}/rss/feed.do?channelId=1021"/>
  <link rel="alternate" type="text/html" href="{{{{site:jtj}}}}/col/col1021/index.html"/>
  <updated>{items_src[0][1].isoformat()}</updated>
  <generator>jcms</generator>
{chr(10).join(entries)}
</feed>
"""
    write("jtj", "_rss/feed_1021.xml", b"\xef\xbb\xbf" + xml.encode("utf-8"))
    behaviour = dict(file="_rss/feed_1021.xml", content_type="application/octet-stream",
                     headers={"Content-Disposition": "attachment;filename=feed.xml"})
    ROUTES["jtj"].add("/rss/feed.do?channelId=1021", **behaviour)
    ROUTES["jtj"].add("/rss/feed.do", **behaviour)
    write("jtj", "col/col1021/index.html", page("教育动态_澄阳县教育体育局", "<h1>教育动态</h1>" + "".join(
        f'<p><a href="/{p}">{ti}</a> {dt:%Y-%m-%d}</p>' for p, dt, ti, _ in items_src)))
    EXPECT["accounts"]["cy-jtj-rss"] = posts


def build_lib():
    items_src = [
        ("hdyg/1187.html", "“书香澄阳”全民阅读系列活动：绘本故事会", "每周六上午在少儿阅览室举行，适合4至8岁儿童及家长参加，无需报名。"),
        ("hdyg/1186.html", "公益讲座：家庭教育中的亲子沟通", "本期讲座邀请县心理健康教育指导中心老师主讲，地点在图书馆三楼报告厅。"),
        ("hdyg/1185.html", "古籍保护知识展", "展览在一楼展厅举办，介绍古籍修复、保存的基本知识。"),
        ("hdyg/1184.html", "数字资源使用培训", "读者可携带读者证参加培训，学习电子图书、期刊数据库的使用方法。"),
    ]
    items = []
    posts = []
    for path, title, text in items_src:
        url = f"{{{{site:lib}}}}/{path}"
        items.append(f"""    <item>
      <title>{esc(title)}</title>
      <link>{url}</link>
      <description>{esc(text)}</description>
      <guid>{url}</guid>
    </item>""")
        write("lib", path, page(title + " - 澄阳县图书馆", f"<h1>{title}</h1><div class=\"content\"><p>{text}</p></div><p>澄阳县图书馆</p>"))
        posts.append(dict(title=title, link=url, date=None))
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>澄阳县图书馆 - 活动预告</title>
    <link>{{{{site:lib}}}}/hdyg/</link>
    <description>澄阳县图书馆读者活动预告</description>
    <language>zh-cn</language>
{chr(10).join(items)}
  </channel>
</rss>
"""
    write("lib", "rss.xml", xml)
    write("lib", "hdyg/index.html", page("活动预告 - 澄阳县图书馆", "<h1>活动预告</h1>" + "".join(
        f'<p><a href="/{p}">{ti}</a></p>' for p, ti, _ in items_src)))
    write("lib", "index.html", page("澄阳县图书馆", '<h1>澄阳县图书馆</h1><p><a href="/hdyg/">活动预告</a> <a href="/rss.xml">RSS</a></p>'))
    EXPECT["accounts"]["cy-lib-rss"] = posts


# ================================================================ Douyin
def aweme(aid, desc, dt, sec, nickname, *, top=False):
    return {"aweme_id": aid, "desc": desc, "create_time": unix(dt), "is_top": 1 if top else 0,
            "aweme_type": 0, "media_type": 4, "group_id": aid,
            "author": {"nickname": nickname, "sec_uid": sec},
            "statistics": {"aweme_id": aid, "comment_count": 0, "digg_count": rng.randint(20, 900),
                           "collect_count": rng.randint(0, 40), "share_count": rng.randint(0, 60)},
            "video": {"duration": rng.randint(15000, 90000), "ratio": "720p", "width": 720, "height": 1280,
                      "cover": {"uri": "tos-cn-i-0813/" + hexid(32), "url_list": ["/img/cover.png"]}},
            "status": {"is_delete": False, "allow_share": True, "private_status": 0, "in_reviewing": False},
            "text_extra": [], "preview_title": desc[:30]}


def douyin_video_page(a: dict) -> str:
    dt = datetime.fromtimestamp(a["create_time"], CST)
    data = encode_uri_component(dumps({"app": {"env": "prod"}, "45": {"aweme": {"statusCode": 0, "detail": a}}}))
    return page(f"{a['desc'][:30]} - 抖音", (
        f'<div id="douyin-right-container"><div class="video-info"><h1>{esc(a["desc"])}</h1>'
        f'<span data-e2e="detail-video-publish-time">发布时间：{dt:%Y-%m-%d %H:%M}</span></div></div>'
        f'<script id="RENDER_DATA" type="application/json">{data}</script>'))


def douyin_render_page(key, nickname, signature, verify, posts_spec) -> list[dict]:
    sec = SEC[key]
    lst = []
    for desc, dt, top in posts_spec:
        aid = time_id(unix(dt))
        a = aweme(aid, desc, dt, sec, nickname, top=top)
        lst.append(a)
        write("douyin", f"video/{aid}/index.html", douyin_video_page(a))
    user = {"uid": DOUYIN_UID[key], "secUid": sec, "nickname": nickname, "desc": signature,
            "avatarUrl": "/img/avatar.png", "followerCount": rng.randint(5000, 90000), "followingCount": 12,
            "totalFavorited": rng.randint(100000, 900000), "awemeCount": len(lst), "uniqueId": f"cy{key}2026",
            "customVerify": verify, "enterpriseVerifyReason": "", "isGovMediaVip": True, "ipLocation": "IP属地：江西"}
    render = {"app": {"env": "prod", "isSpider": False, "odin": {"user_id": "", "user_type": 0, "user_is_auth": 0},
                      "abTestData": {}},
              "_location": f"/user/{sec}",
              "41": {"uid": sec, "isHostPage": False,
                     "user": {"statusCode": 0, "user": user},
                     "post": {"statusCode": 0, "has_more": 0, "aweme_list": lst}}}
    cards = "".join(
        f'<li><a href="/video/{a["aweme_id"]}" class="video-card">'
        + ('<span class="top-tag">置顶</span>' if a["is_top"] else "")
        + f'<img src="/img/cover.png" alt=""><p class="video-desc">{esc(a["desc"])}</p>'
        f'<span class="like-count">{a["statistics"]["digg_count"]}</span></a></li>' for a in lst)
    body = (f'<div id="douyin-right-container"><div class="user-info"><h1 data-e2e="user-info-nickname">{nickname}</h1>'
            f'<p class="verify">{verify}</p><p class="signature">{esc(signature)}</p>'
            f'<span data-e2e="user-info-works">作品 {len(lst)}</span></div>'
            f'<ul data-e2e="scroll-list">{cards}</ul></div>'
            f'<script id="RENDER_DATA" type="application/json">{encode_uri_component(dumps(render))}</script>')
    write("douyin", f"user/{sec}/index.html", page(f"{nickname}的抖音 - 抖音", body))
    return [dict(aweme_id=a["aweme_id"], date=datetime.fromtimestamp(a["create_time"], CST).strftime("%Y-%m-%d %H:%M"),
                 is_top=a["is_top"], url=f"{{{{site:douyin}}}}/video/{a['aweme_id']}") for a in lst]


def build_douyin():
    write("douyin", "img/cover.png", png(10, 10, 10))
    write("douyin", "img/avatar.png", png(250, 40, 80))
    EXPECT["accounts"]["cy-rmt-douyin"] = douyin_render_page("rmt", "澄阳融媒", "澄阳县融媒体中心官方抖音号，讲好澄阳故事。",
                                                             "澄阳县融媒体中心官方账号", [
        ("带你云游澄阳｜这里的山水美如画 #澄阳 #家乡美", t(3, 5, 10, 0), True),
        ("龙溪镇脐橙开园啦！果农笑开颜 #脐橙 #丰收", t(11, 10, 18, 12, 30), False),
        ("澄阳县第三届乡村文化旅游节开幕 #乡村旅游", t(11, 4, 20, 5, 0), False),
        ("秋日澄阳 层林尽染 #秋天", t(10, 27, 17, 40, 0), False),
        ("2026年澄阳县重点项目集中开工 #项目建设", t(10, 16, 11, 15, 0), False),
    ])
    EXPECT["candidate_rs"] = douyin_render_page("rs", "澄阳人社", "澄阳县人力资源和社会保障局官方抖音号", "澄阳县人力资源和社会保障局官方账号", [
        ("秋季招聘会岗位速递 #就业 #招聘", t(11, 18, 17, 0, 0), False),
        ("社保卡业务办理指南 #社保", t(11, 8, 10, 0, 0), False),
    ])
    # a page that needs script to put anything in the DOM: the data is XOR + base64 inside an inline script
    sec = SEC["wl"]
    nickname = "澄阳文旅"
    lst = []
    for desc, dt in [("初冬的澄阳，银杏金黄 #赏秋 #澄阳文旅", t(11, 18, 17, 5, 0)),
                     ("非遗｜澄阳客家擂茶制作技艺 #非遗", t(11, 12, 10, 30, 0)),
                     ("乡村文化旅游节精彩瞬间 #乡村旅游", t(11, 2, 19, 40, 0)),
                     ("国庆假期澄阳接待游客23.6万人次 #国庆", t(10, 8, 9, 0, 0))]:
        aid = time_id(unix(dt))
        a = aweme(aid, desc, dt, sec, nickname)
        lst.append({"id": aid, "d": desc, "t": a["create_time"], "c": a["statistics"]["digg_count"]})
        write("douyin", f"video/{aid}/index.html", douyin_video_page(a))
    payload = dumps({"n": nickname, "v": "澄阳县文化广电新闻出版旅游局官方账号", "s": "游澄阳山水，品客家风情。", "l": lst}).encode("utf-8")
    key = b"dyWeb#26"
    blob = base64.b64encode(bytes(ch ^ key[i % len(key)] for i, ch in enumerate(payload))).decode()
    script = """<script>
(function () {
  var k = "dyWeb#26", b = "%s";
  var raw = atob(b), bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i) ^ k.charCodeAt(i %% k.length);
  var d = JSON.parse(new TextDecoder("utf-8").decode(bytes));
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fmt(t) { var x = new Date((t + 8 * 3600) * 1000);
    return x.getUTCFullYear() + "-" + pad(x.getUTCMonth() + 1) + "-" + pad(x.getUTCDate()) + " " + pad(x.getUTCHours()) + ":" + pad(x.getUTCMinutes()); }
  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  var root = document.getElementById("douyin-right-container");
  root.innerHTML = "";
  var info = el("div", "user-info");
  var h1 = el("h1", "", d.n); h1.setAttribute("data-e2e", "user-info-nickname"); info.appendChild(h1);
  info.appendChild(el("p", "verify", d.v)); info.appendChild(el("p", "signature", d.s));
  root.appendChild(info);
  var ul = el("ul"); ul.setAttribute("data-e2e", "scroll-list");
  d.l.forEach(function (v) {
    var li = el("li"), a = el("a", "video-card"); a.href = "/video/" + v.id;
    a.appendChild(el("p", "video-desc", v.d));
    var time = el("span", "video-time", "发布时间：" + fmt(v.t)); time.setAttribute("data-e2e", "video-publish-time");
    a.appendChild(time); a.appendChild(el("span", "like-count", String(v.c)));
    li.appendChild(a); ul.appendChild(li);
  });
  root.appendChild(ul);
  document.title = d.n + "的抖音 - 抖音";
})();
</script>""" % blob
    write("douyin", f"user/{sec}/index.html", page("抖音", '<div id="douyin-right-container"><div class="loading">加载中…</div></div>' + script))
    EXPECT["accounts"]["cy-wl-douyin"] = [dict(aweme_id=v["id"], date=datetime.fromtimestamp(v["t"], CST).strftime("%Y-%m-%d %H:%M"),
                                               url=f"{{{{site:douyin}}}}/video/{v['id']}") for v in lst]
    write("douyin", "index.html", page("抖音", '<div id="douyin-right-container"></div>'))


# ================================================================ Toutiao
def build_toutiao():
    name = "澄阳应急"
    tok = TOUTIAO_TOKEN
    user_id = safe_digits(11, "5")
    src = [  # (publish_time, behot_time, title, abstract) — behot_time is a ranking cursor, always newer
        (t(11, 2, 10, 30), t(11, 19, 21, 4, 11), "澄阳县开展2026年度危险化学品企业安全生产专项检查", "11月1日至2日，县应急管理局组织专家对全县危险化学品企业开展安全生产专项检查。"),
        (t(10, 29, 15, 12), t(11, 19, 21, 4, 11), "冬季森林防火“十不准”，请牢记", "进入森林防火期，县森林防灭火指挥部办公室发布冬季森林防火“十不准”。"),
        (t(10, 21, 9, 5), t(11, 19, 20, 58, 47), "县应急管理局召开第四季度安全生产形势分析会", "会议通报了前三季度全县安全生产形势，部署第四季度重点工作。"),
        (t(10, 12, 16, 40), t(11, 18, 8, 12, 5), "应急科普｜家庭应急物资储备清单", "家庭应急物资储备建议清单，包括饮用水、食品、急救药品、手电筒等。"),
    ]
    items = []
    posts = []
    for pub, hot, title, abstract in src:
        gid = time_id(unix(pub))
        url = f"{{{{site:toutiao}}}}/article/{gid}/"
        items.append({"cell_type": 0, "group_id": gid, "item_id": gid, "group_source": 2, "title": title, "abstract": abstract,
                      "publish_time": unix(pub), "behot_time": unix(hot), "source": name, "user_info": {"user_id": user_id, "name": name},
                      "article_url": url, "display_url": url, "url": url, "share_url": url,
                      "comment_count": 0, "read_count": rng.randint(200, 3000), "digg_count": rng.randint(0, 40),
                      "has_video": False, "image_list": [], "article_type": 0, "tag": "news_society"})
        write("toutiao", f"article/{gid}/index.html", page(f"{title} - 今日头条", (
            f'<div class="article-content"><h1>{title}</h1><div class="article-meta"><span>{pub:%Y-%m-%d %H:%M}</span>'
            f'<span class="name"><a href="/c/user/token/{tok}/">{name}</a></span></div>'
            f'<article class="syl-article-base"><p>{abstract}</p></article></div>')))
        posts.append(dict(title=title, url=url, publish_time=pub.strftime("%Y-%m-%d %H:%M"),
                          behot_time=hot.strftime("%Y-%m-%d %H:%M")))
    state = {"profileUserInfo": {"userId": user_id, "token": tok, "name": name, "avatarUrl": "/img/avatar.png",
                                 "description": "澄阳县应急管理局官方头条号", "verifiedContent": "澄阳县应急管理局官方账号",
                                 "fansCount": 3120, "followingsCount": 9, "publishCount": len(items)},
             "feed": {"category": "profile_all", "profile_all": {"data": items, "hasMore": False,
                                                                 "next": {"max_behot_time": min(i["behot_time"] for i in items)}}},
             "userInfo": {"isLogin": False}}
    cards = "".join(f'<div class="profile-article-card"><a href="/article/{i["group_id"]}/" class="title">{i["title"]}</a>'
                    f'<p class="abstract">{i["abstract"]}</p><span class="read">{i["read_count"]}阅读</span></div>' for i in items)
    body = (f'<div id="root"><div class="profile-container"><div class="user-info"><h1 class="name">{name}</h1>'
            f'<p class="verify">澄阳县应急管理局官方账号</p></div><div class="profile-tab-feed">{cards}</div></div></div>'
            "<script>window.__INITIAL_STATE__=" + dumps(state) +
            ";(function(){var s;(s=document.currentScript||document.scripts[document.scripts.length-1]).parentNode.removeChild(s);}());</script>")
    write("toutiao", f"c/user/token/{tok}/index.html", page(f"{name}的头条主页 - 今日头条(www.toutiao.com)", body))
    write("toutiao", f"c/user/{user_id}/index.html", page(f"{name}的头条主页 - 今日头条(www.toutiao.com)", body))
    write("toutiao", "_api/feed.json", dumps({"data": items, "has_more": False, "message": "success",
                                              "next": {"max_behot_time": min(i["behot_time"] for i in items)}}))
    ROUTES["toutiao"].add("/api/pc/list/user/feed", file="_api/feed.json", content_type="application/json", charset="utf-8")
    ROUTES["toutiao"].add("/api/pc/feed/", file="_api/feed.json", content_type="application/json", charset="utf-8")
    write("toutiao", "img/avatar.png", png(230, 60, 40))
    write("toutiao", "index.html", page("今日头条", '<div id="root"></div>'))
    EXPECT["accounts"]["cy-yj-toutiao"] = posts
    EXPECT["toutiao_user_id"] = user_id


# ================================================================ config
def build_config():
    acc = [
        ("cy-zj-weibo-rss", "rss", "澄阳住建（微博，经RSSHub）", f"{{{{site:rsshub}}}}/weibo/user/{UID['zj']}"),
        ("cy-wj-wechat-rss", "rss", "澄阳卫健（微信公众号，经wechat2rss）", f"{{{{site:wechat2rss}}}}/feed/{WECHAT2RSS_FEED}.xml"),
        ("cy-xxgk-rss", "rss", "澄阳县人民政府信息公开", "{{site:xxgk}}/rss/xxgk.xml"),
        ("cy-qxj-rss", "rss", "澄阳气象", "{{site:qxj}}/rss/qxfw.rdf"),
        ("cy-jtj-rss", "rss", "澄阳教体", "{{site:jtj}}/rss/feed.do?channelId=1021"),
        ("cy-lib-rss", "rss", "澄阳县图书馆", "{{site:lib}}/rss.xml"),
        ("cy-fabu-wechat", "wechat", "澄阳发布", "{{site:rmt}}/wxgzh/"),
        ("cy-fabu-weibo", "weibo", "澄阳发布", f"{{{{site:weibo-1}}}}/{UID['fabu']}"),
        ("cy-wj-weibo", "weibo", "澄阳卫健", f"{{{{site:weibo-2}}}}/profile/{UID['wj']}"),
        ("cy-sj-weibo", "weibo", "澄阳市场监管", f"{{{{site:weibo-3}}}}/u/{UID['sj']}"),
        ("cy-gaj-weibo", "weibo", "澄阳公安", f"{{{{site:weibo-4}}}}/{UID['gaj']}"),
        ("cy-rmt-douyin", "douyin", "澄阳融媒", f"{{{{site:douyin}}}}/user/{SEC['rmt']}"),
        ("cy-wl-douyin", "douyin", "澄阳文旅", f"{{{{site:douyin}}}}/user/{SEC['wl']}"),
        ("cy-yj-toutiao", "toutiao", "澄阳应急", f"{{{{site:toutiao}}}}/c/user/token/{TOUTIAO_TOKEN}/"),
    ]
    out = ["# zwgk config for the second blind new-media held-out set (as_of 2026-11-20, Asia/Shanghai).",
           "# {{site:FOLDER}} stands for that folder's origin under zwgk.fixtures.FixtureServer",
           "# (substitute with FixtureServer.substitute before use).", "",
           "[[site]]", 'id = "cy-gov"', 'name = "澄阳县人民政府"', 'home = "{{site:gov}}/"', 'identifier = "3607290001"',
           'organizer = "澄阳县人民政府办公室"', ""]
    for aid, platform, name, url in acc:
        out += ["[[account]]", f'id = "{aid}"', 'site = "cy-gov"', f'platform = "{platform}"', f'name = "{name}"', f'url = "{url}"', ""]
    (ROOT / "accounts.toml").write_text("\n".join(out), "utf-8")
    EXPECT["uid"] = UID
    EXPECT["sec"] = SEC
    EXPECT["config"] = {a[0]: dict(platform=a[1], name=a[2], url=a[3]) for a in acc}


def main():
    for host in HOSTS:
        shutil.rmtree(ROOT / host, ignore_errors=True)
    build_gov()
    build_wechat_list()
    build_wechat2rss()
    build_weibo()          # before rsshub: defines helpers used there too
    build_rsshub()
    build_xxgk()
    build_qxj()
    build_jtj()
    build_lib()
    build_douyin()
    build_toutiao()
    build_config()
    for host, routes in ROUTES.items():
        if routes.tables:
            (ROOT / host / "_routes.toml").write_text(routes.text(), "utf-8")
    # Last-Modified = file mtime: pin every file to the moment the set stands for
    stamp = AS_OF.timestamp()
    for host in HOSTS:
        for path in (ROOT / host).rglob("*"):
            os.utime(path, (stamp, stamp))
    (ROOT / "_build_facts.json").write_text(json.dumps(EXPECT, ensure_ascii=False, indent=1), "utf-8")
    print("built", len(HOSTS), "hosts")


if __name__ == "__main__":
    main()
