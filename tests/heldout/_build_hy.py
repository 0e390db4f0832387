"""Build the hy-gov held-out fixture (大汉 Hanweb JCMS style 市直部门 site, UTF-8)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "hy-gov"
SITE = "海源市住房和城乡建设局"
PARENT = "海源市人民政府"
routes = {}
pages = []


def write(path, text):
    f = ROOT / path.lstrip("/")
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(text, "utf-8")
    if path.endswith(".html"):
        pages.append(path)


NAV = [("首页", "/index.html"), ("工作动态", "/col/col3405/index.html"), ("部门动态", "/col/col3406/index.html"),
       ("通知公告", "/col/col3407/index.html"), ("政策文件", "/col/col3410/index.html"),
       ("规划计划", "/col/col3408/index.html"), ("人事信息", "/col/col3409/index.html"),
       ("机构概况", "/col/col3411/index.html")]


def header(title, extra_meta=""):
    nav = "\n".join(f'        <li><a href="{u}" target="_self">{n}</a></li>' for n, u in NAV)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{title}</title>
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="zjj.haiyuan.gov.cn">
<meta name="SiteIdCode" content="3302000045">
{extra_meta}<link rel="stylesheet" type="text/css" href="/images/hanweb.css">
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div class="bt-head">
  <div class="bt-logo"><a href="/index.html"><img src="/images/logo.png" alt="{SITE}"></a></div>
  <div class="bt-nav">
    <ul class="clearfix">
{nav}
    </ul>
  </div>
</div>
"""


FOOTER = f"""<div class="bt-foot">
  <div class="bt-foot-con">
    <p>主办单位：{SITE} &nbsp;&nbsp; 地址：海源市江北区人民路288号 &nbsp;&nbsp; 邮编：315000</p>
    <p>网站标识码：3302000045 &nbsp;&nbsp; <span>浙ICP备12034567号-1</span> &nbsp;&nbsp; <img src="/images/beian.png" alt="">浙公网安备 33020302000178号</p>
    <p>技术支持：南京大汉网络有限公司 &nbsp; 建议使用1366*768分辨率 IE9以上版本浏览器</p>
  </div>
</div>
</body>
</html>
"""

# (col, colname, unitid, articles[(artid, date, title, body)])
COLS = {
    3405: ("工作动态", 8411, [
        (102, "2026-11-18 09:12", "市住建局召开全市建筑施工安全生产工作会议", "11月18日上午，市住建局召开全市建筑施工安全生产工作会议，分析当前建筑施工安全形势，部署冬季建筑施工安全生产工作。"),
        (101, "2026-11-17 15:40", "我市老旧小区改造项目年度任务全面完成", "截至11月中旬，我市2026年度计划改造的86个老旧小区已全部完工，惠及居民2.3万户。"),
        (99, "2026-11-12 10:05", "市住建局开展建设工程质量“双随机”检查", "近日，市住建局组织开展建设工程质量“双随机、一公开”检查，共抽查在建项目24个。"),
        (95, "2026-11-05 16:30", "全市城镇燃气安全专项整治推进会召开", "11月5日，全市城镇燃气安全专项整治推进会召开，通报了燃气安全隐患排查整治进展情况。"),
    ]),
    3407: ("通知公告", 8413, [
        (91, "2026-10-30 17:00", "关于2026年度建筑业企业资质核查结果的公示", "根据《建筑业企业资质管理规定》，现将2026年度建筑业企业资质动态核查结果予以公示，公示期为5个工作日。"),
        (88, "2026-09-03 09:00", "关于开展2026年度物业服务企业信用评价工作的通知", "各区（县、市）住建局，各物业服务企业：为推进物业服务行业信用体系建设，现就开展2026年度信用评价工作通知如下。"),
        (80, "2026-07-14 11:20", "海源市住房和城乡建设局关于公布行政执法人员名单的公告", "根据行政执法公示制度有关要求，现将我局行政执法人员名单予以公布。"),
    ]),
    3410: ("政策文件", 8416, [
        (76, "2026-07-22 10:00", "海源市住房和城乡建设局关于印发《海源市住宅小区物业管理办法实施细则》的通知", "各区（县、市）住建局，局属各单位：现将《海源市住宅小区物业管理办法实施细则》印发给你们，请遵照执行。"),
        (61, "2026-04-08 15:00", "关于进一步加强房屋建筑和市政基础设施工程质量管理的若干意见", "为进一步提升全市工程质量水平，现提出如下意见。"),
    ]),
    3408: ("规划计划", 8414, [
        (48, "2026-01-15 10:00", "海源市住房和城乡建设局2026年工作计划", "2026年，我局将围绕城市更新、住房保障、建筑业高质量发展等重点工作，全力推进各项任务落实。"),
        (41, "2025-12-20 09:30", "海源市住房发展“十五五”规划（征求意见稿）", "为科学编制我市住房发展“十五五”规划，现将规划征求意见稿全文公布，欢迎社会各界提出意见建议。"),
        (12, "2025-03-10 14:00", "海源市住房和城乡建设局2025年工作计划", "2025年，我局将以城市体检为抓手，统筹推进城市更新和住房保障工作。"),
    ]),
    3409: ("人事信息", 8415, [
        (33, "2025-09-10 16:00", "海源市住房和城乡建设局2025年公开招聘编外工作人员拟录用人员公示", "经笔试、面试、体检和考察，现将拟录用人员名单予以公示。"),
        (27, "2025-06-22 10:30", "海源市住房和城乡建设局干部任前公示", "根据干部选拔任用有关规定，现将拟任职干部情况予以公示。"),
        (19, "2025-03-18 09:00", "海源市住房和城乡建设局2025年公开招聘编外工作人员公告", "因工作需要，我局面向社会公开招聘编外工作人员3名。"),
    ]),
}
BMDT = (3406, "部门动态", [
    (214, "2026-11-16 14:22", "市房屋安全鉴定中心开展危旧房屋排查", "近日，市房屋安全鉴定中心组织技术人员对老城区危旧房屋开展拉网式排查。"),
    (211, "2026-11-10 09:48", "市建筑业管理处举办建筑工人技能竞赛", "11月10日，市建筑业管理处在市建筑工人培训基地举办2026年建筑工人职业技能竞赛。"),
    (205, "2026-10-29 16:05", "市住房保障中心完成年度公租房资格复核", "市住房保障中心日前完成2026年度公租房保障对象资格复核工作。"),
])

BROKEN_IMG = "/picture/0/2611181012345.jpg"
GOOD_IMG = "/picture/0/2611121530221.jpg"


def art_url(col, artid, date):
    y, m, d = date[:10].split("-")
    return f"/art/{int(y)}/{int(m)}/{int(d)}/art_{col}_{artid}.html"


def article(col, colname, artid, date, title, body):
    url = art_url(col, artid, date)
    img = ""
    if (col, artid) == (3405, 102):
        img = f'<p style="text-align:center;"><img src="{BROKEN_IMG}" alt="会议现场" border="0"></p>\n'
    if (col, artid) == (3405, 99):
        img = f'<p style="text-align:center;"><img src="{GOOD_IMG}" alt="检查现场" border="0"></p>\n'
    meta = f"""<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{date}">
<meta name="ContentSource" content="{SITE}">
<meta name="ColumnName" content="{colname}">
<meta name="ColumnType" content="{colname}">
"""
    html = header(f"{title}", meta) + f"""<div class="bt-main">
  <div class="bt-position">您当前的位置：<a href="/index.html">首页</a> &gt; <a href="/col/col{col}/index.html">{colname}</a></div>
  <div class="bt-article">
    <h1 class="bt-article-title">{title}</h1>
    <div class="bt-article-info">
      <span>发布日期：{date[:10]}</span><span>信息来源：{SITE}</span><span>浏览次数：<span id="hits">--</span></span>
      <span>字体：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a> ]</span>
    </div>
    <div class="bt-content" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{img}<p style="text-indent:2em;">{body}</p>
<p style="text-indent:2em;">下一步，我局将持续抓好各项工作落实，不断提升服务水平。</p>
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
    </div>
    <div class="bt-article-btn"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
  </div>
</div>
"""
    write(url, html + FOOTER)
    return url


def record(col, artid, date, title):
    return f"""<record><![CDATA[
<li><a href="{art_url(col, artid, date)}" title="{title}" target="_blank">{title}</a><span class="bt-data-time">{date[:10]}</span></li>
]]></record>"""


def datastore(col, unit, arts):
    recs = "\n".join(record(col, a, d, t) for a, d, t, _ in arts)
    return f"""<div id="{unit}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=87&path=/&columnid={col}&unitid={unit}&webname=%E6%B5%B7%E6%BA%90%E5%B8%82%E4%BD%8F%E5%BB%BA%E5%B1%80&permissiontype=0"></a>]]></nextgroup>
<recordset>
{recs}
</recordset>
</datastore></script></div>
<script language="javascript" src="/module/web/jpage/jpage.js"></script>
<script type="text/javascript">$('#{unit}').jpage({{dataStore: dataStore, perPage: 15, totalRecord: {len(arts)}, proxyUrl: '/module/web/jpage/dataproxy.jsp', groupSize: 3, barPosition: 'bottom', ajaxParam: {{col: 1, webid: 87, path: '/', columnid: {col}, sourceContentType: 1, unitid: '{unit}', webname: '{SITE}', permissiontype: 0}}}});</script>"""


ON = ' class="on"'


def col_page(col, colname, body):
    html = header(f"{colname} {SITE}", f'<meta name="ColumnName" content="{colname}">\n') + f"""<div class="bt-main clearfix">
  <div class="bt-left">
    <div class="bt-left-tit">信息公开</div>
    <ul class="bt-left-nav">
""" + "\n".join(f'      <li{ON if u == f"/col/col{col}/index.html" else ""}><a href="{u}">{n}</a></li>' for n, u in NAV[1:]) + f"""
    </ul>
  </div>
  <div class="bt-right">
    <div class="bt-position">您当前的位置：<a href="/index.html">首页</a> &gt; <span>{colname}</span></div>
    <div class="bt-list-box">
{body}
    </div>
  </div>
</div>
"""
    write(f"/col/col{col}/index.html", html + FOOTER)


for col, (name, unit, arts) in COLS.items():
    for a, d, t, b in arts:
        article(col, name, a, d, t, b)
    col_page(col, name, datastore(col, unit, arts))

# 部门动态: list built at load time from an inline JS array (only a browser sees items)
col, name, arts = BMDT
for a, d, t, b in arts:
    article(col, name, a, d, t, b)
arr = ",\n".join(f'    {{title: "{t}", url: "{art_url(col, a, d)}", time: "{d[:10]}"}}' for a, d, t, _ in arts)
col_page(col, name, f"""<ul class="bt-list" id="bmdtList"></ul>
<div class="bt-page" id="bmdtPage"></div>
<script type="text/javascript">
  var bmdtData = [
{arr}
  ];
  (function () {{
    var box = document.getElementById("bmdtList"), html = "";
    for (var i = 0; i < bmdtData.length; i++) {{
      var it = bmdtData[i];
      html += '<li><a href="' + it.url + '" title="' + it.title + '" target="_blank">' + it.title +
              '</a><span class="bt-data-time">' + it.time + '</span></li>';
    }}
    box.innerHTML = html;
    document.getElementById("bmdtPage").innerHTML = "共" + bmdtData.length + "条 1/1页";
  }})();
</script>""")

# 机构概况: text page
col_page(3411, "机构概况", """<div class="bt-content">
  <h3>主要职责</h3>
  <p>（一）贯彻落实国家、省有关住房和城乡建设的法律法规和方针政策，起草相关地方性法规、规章草案并组织实施。</p>
  <p>（二）承担保障城镇低收入家庭住房的责任，拟订住房保障政策并指导实施。</p>
  <p>（三）承担规范房地产市场秩序、监督管理房地产市场的责任。</p>
  <h3>联系方式</h3>
  <p>办公地址：海源市江北区人民路288号 &nbsp; 联系电话：0574-87651234 &nbsp; 办公时间：工作日 9:00-12:00，13:30-17:30</p>
</div>""")

# --------------------------------------------------------------------------- home page
def home_li(col, a, d, t, fmt):
    return f'          <li><a href="{art_url(col, a, d)}" target="_blank" title="{t}">{t}</a><span>{fmt(d)}</span></li>'

gzdt = "\n".join(home_li(3405, a, d, t, lambda d: d[5:10]) for a, d, t, _ in COLS[3405][2])
bm = "\n".join(home_li(3406, a, d, t, lambda d: "[" + d[:10] + "]") for a, d, t, _ in BMDT[2])
tz = "\n".join(home_li(3407, a, d, t, lambda d: d[:10]) for a, d, t, _ in COLS[3407][2])
home = header(SITE, '<meta name="keywords" content="海源市住建局,住房,城乡建设">\n') + f"""<div class="bt-banner"><img src="/images/banner.png" alt=""></div>
<div class="bt-main">
  <div class="bt-row clearfix">
    <div class="bt-box bt-box-gzdt">
      <div class="bt-box-tit"><span>工作动态</span><a href="/col/col3405/index.html" class="more">更多&gt;</a></div>
      <div class="bt-box-con">
        <ul>
{gzdt}
        </ul>
      </div>
    </div>
    <div class="bt-box bt-box-bmdt">
      <div class="bt-box-tit"><span>部门动态</span><a href="/col/col3406/index.html" class="more">更多&gt;</a></div>
      <div class="bt-box-con">
        <ul>
{bm}
        </ul>
      </div>
    </div>
  </div>
  <div class="bt-row clearfix">
    <div class="bt-box bt-box-tzgg">
      <div class="bt-box-tit"><span>通知公告</span><a href="/col/col3407/index.html" class="more">更多&gt;</a></div>
      <div class="bt-box-con">
        <ul>
{tz}
        </ul>
      </div>
    </div>
    <div class="bt-box bt-box-xxgk">
      <div class="bt-box-tit"><span>信息公开</span></div>
      <div class="bt-box-con bt-xxgk-links">
        <a href="/col/col3410/index.html">政策文件</a>
        <a href="/col/col3408/index.html">规划计划</a>
        <a href="/col/col3409/index.html">人事信息</a>
        <a href="/col/col3411/index.html">机构概况</a>
      </div>
    </div>
  </div>
  <div class="bt-links">
    <span>相关链接：</span>
    <a href="{{{{site:qx-town}}}}/index.htm" target="_blank">青溪镇人民政府</a>
    <a href="{{{{dead}}}}/old/" target="_blank">访问旧版网站</a>
  </div>
</div>
"""
write("/index.html", home + FOOTER)

# --------------------------------------------------------------------------- assets
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082")
JPG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9")
for n in ("logo.png", "banner.png", "beian.png"):
    (ROOT / "images").mkdir(parents=True, exist_ok=True)
    (ROOT / "images" / n).write_bytes(PNG)
(ROOT / "picture/0").mkdir(parents=True, exist_ok=True)
(ROOT / GOOD_IMG.lstrip("/")).write_bytes(JPG)
write("/images/hanweb.css", ".bt-head{height:120px}.bt-list li{line-height:36px}.bt-data-time{float:right}\n")
write("/module/jslib/jquery/jquery.js", """/* minimal stand-in for jQuery used by the fixture: $(sel).jpage(opts) is a no-op; jpage.js renders the records */
(function (w) {
  function Q(sel) { this.sel = sel; }
  Q.prototype.jpage = function () { return this; };
  w.$ = w.jQuery = function (sel) { if (typeof sel === "function") { document.addEventListener("DOMContentLoaded", sel); return; } return new Q(sel); };
  w.dataStore = null;
})(window);
""")
write("/module/web/jpage/jpage.js", """/* fixture stand-in for Hanweb jpage: copy <record> CDATA out of <script type="text/xml"> into a visible list */
(function () {
  function render() {
    var s = document.querySelectorAll('script[type="text/xml"]');
    for (var i = 0; i < s.length; i++) {
      if (s[i].getAttribute("data-done")) continue;
      s[i].setAttribute("data-done", "1");
      var t = s[i].text || s[i].innerHTML, re = /<record><!\\[CDATA\\[([\\s\\S]*?)\\]\\]><\\/record>/g, m, h = [];
      while ((m = re.exec(t))) h.push(m[1]);
      var ul = document.createElement("ul");
      ul.className = "bt-list";
      ul.innerHTML = h.join("");
      s[i].parentNode.appendChild(ul);
    }
  }
  if (document.readyState !== "loading") render(); else document.addEventListener("DOMContentLoaded", render);
})();
""")
recs = "\n".join(record(3405, a, d, t) for a, d, t, _ in COLS[3405][2])
write("/module/web/jpage/dataproxy.jsp", f'<?xml version="1.0" encoding="UTF-8"?>\n<datastore>\n<totalrecord>{len(COLS[3405][2])}</totalrecord>\n<totalpage>1</totalpage>\n<recordset>\n{recs}\n</recordset>\n</datastore>\n')
routes["/module/web/jpage/dataproxy.jsp"] = {"content_type": "text/xml", "charset": "UTF-8"}

(ROOT / "_routes.toml").write_text('["/module/web/jpage/dataproxy.jsp"]\ncontent_type = "text/xml"\ncharset = "UTF-8"\n', "utf-8")
(ROOT / "site.toml").write_text(f'''[[site]]
id = "hy-gov"
name = "{SITE}"
home = "{{{{home}}}}index.html"
identifier = "3302000045"
''', "utf-8")

expected = {
    "as_of": "2026-11-20",
    "findings": [
        {"check_code": "column_stale", "url": "/col/col3409/index.html", "note": "人事信息 (personnel, 1 year): newest record 2025-09-10 (~14 months), Hanweb datastore CDATA list"},
        {"check_code": "identity_missing", "url": "/index.html", "which": "党政机关标识", "note": "footer has 网站标识码/ICP/公安备案 but no 党政机关标识 (no conac mark)"},
        {"check_code": "dead_link", "url": BROKEN_IMG, "note": "broken <img> (404) in article /art/2026/11/18/art_3405_102.html"},
        {"check_code": "dead_link", "url": "{{dead}}/old/", "note": "访问旧版网站 on home page: connection refused"},
    ],
    "must_not": [
        {"check_code": "homepage_stale", "url": "/index.html", "note": "工作动态 on home dated 11-18 (MM-DD) and 部门动态 [2026-11-16]"},
        {"check_code": "identity_missing", "url": "/index.html", "which": "网站标识码", "note": "网站标识码：3302000045"},
        {"check_code": "identity_missing", "url": "/index.html", "which": "ICP备案号", "note": "浙ICP备12034567号-1"},
        {"check_code": "identity_missing", "url": "/index.html", "which": "公安备案号", "note": "浙公网安备 33020302000178号"},
        {"check_code": "column_stale", "url": "/col/col3405/index.html", "note": "工作动态 newest 2026-11-18 (in datastore CDATA)"},
        {"check_code": "column_empty", "url": "/col/col3405/index.html", "note": "4 records inside <script type=text/xml> datastore"},
        {"check_code": "column_stale", "url": "/col/col3406/index.html", "note": "部门动态 newest 2026-11-16, list built by inline JS array at load time"},
        {"check_code": "column_empty", "url": "/col/col3406/index.html", "note": "部门动态 has 3 items once JS runs (browser-only)"},
        {"check_code": "column_stale", "url": "/col/col3407/index.html", "note": "通知公告 newest 2026-10-30 (notice, 6 months)"},
        {"check_code": "column_stale", "url": "/col/col3408/index.html", "note": "规划计划 newest 2026-01-15, ~10 months: within plan window of 1 year"},
        {"check_code": "column_empty", "url": "/col/col3408/index.html", "note": "3 records"},
        {"check_code": "column_stale", "url": "/col/col3410/index.html", "note": "政策文件 newest 2026-07-22 (policy, 6 months)"},
        {"check_code": "column_empty", "url": "/col/col3409/index.html", "note": "人事信息 is stale, not empty (3 records)"},
        {"check_code": "column_empty", "url": "/col/col3411/index.html", "note": "机构概况 is a text page, not a list"},
        {"check_code": "column_stale", "url": "/col/col3411/index.html", "note": "机构概况 has no window"},
        {"check_code": "dead_link", "url": GOOD_IMG, "note": "working <img> in article art_3405_99"},
        {"check_code": "dead_link", "url": "/module/web/jpage/dataproxy.jsp?page=1&webid=87&path=/&columnid=3405&unitid=8411&webname=%E6%B5%B7%E6%BA%90%E5%B8%82%E4%BD%8F%E5%BB%BA%E5%B1%80&permissiontype=0", "note": "Hanweb nextgroup proxy URL answers 200 (if extracted at all)"},
        {"check_code": "dead_link", "url": "{{site:qx-town}}/index.htm", "note": "link to another held-out site that works"},
    ],
}
(ROOT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
print(len(pages), "html pages")
