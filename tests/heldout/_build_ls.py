"""Build the ls-gov held-out fixture (TRS WCM style 区县 portal, GBK)."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "ls-gov"
SITE = "临水县人民政府"
routes = {}          # path -> dict
pages = []           # paths written (html)


def write(path, text, charset_header=False, enc="gbk"):
    """path like '/xwzx/zwdt/index.html'. charset_header: send charset in HTTP header only."""
    f = ROOT / path.lstrip("/")
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_bytes(text.encode(enc))
    pages.append(path)
    if charset_header:
        keys = [path]
        if path.endswith("/index.html"):
            keys.append(path[: -len("index.html")])
        for k in keys:
            routes.setdefault(k, {})["charset"] = "gbk"


def rel(path):
    """relative prefix from a page to the site root (TRS writes relative links)."""
    depth = path.strip("/").count("/")
    return "../" * depth if depth else "./"


META = {
    "header": "",
    "gb2312": '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
    "gbk": '<meta charset="gbk">',
    "gb18030": '<meta http-equiv="Content-Type" content="text/html; charset=GB18030">',
}

COLUMNS = [  # (name, dir)
    ("政务动态", "xwzx/zwdt/"),
    ("部门动态", "xwzx/bmdt/"),
    ("通知公告", "zwgk/tzgg/"),
    ("政策文件", "zwgk/zcwj/"),
    ("重大项目", "zwgk/zdxm/"),
    ("机构职能", "zwgk/jgzn/"),
]


def top_menu(r):
    return f"""<div class="nav_bg"><ul id="mainMenu">
  <li class="on"><a href="{r}">首&nbsp;&nbsp;页</a></li>
  <li><a href="{r}xwzx/zwdt/">新闻中心</a></li>
  <li><a href="{r}zwgk/">政务公开</a></li>
  <li><a href="{r}wsbs/bszn.html">网上办事</a></li>
  <li><a href="{r}hdjl/xzxx/">互动交流</a></li>
</ul></div>"""


def left_tree(r, current):
    items = []
    for name, d in COLUMNS:
        cls = "lm cur" if d == current else "lm"
        items.append(f'    <li class="{cls}"><a href="{r}{d}" title="{name}">{name}</a></li>')
    return '<div class="left"><div class="lm_tit">政务公开</div>\n  <ul class="zwgk_nav">\n' + "\n".join(items) + "\n  </ul></div>"


def head(title, meta, r, extra=""):
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
{META[meta]}
<title>{title}</title>
{extra}<link href="{r}images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="{r}js/page.js"></script>
</head>
<body>
<div class="top"><a href="{r}"><img src="{r}images/logo.png" alt="{SITE}" /></a></div>
{top_menu(r)}
"""


def foot(r):
    return f"""<div class="footer">
<p>主办：{SITE}办公室 &nbsp; 承办：临水县大数据发展中心 &nbsp; 地址：临水县城关镇人民路1号</p>
<p>网站标识码：3311270001 &nbsp; 浙ICP备05023817号 &nbsp; <img src="{r}images/ga.png" alt="" />浙公网安备 33112702000015号</p>
</div>
</body>
</html>
"""


def trs_meta(col, title, pubdate):
    return f"""<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="www.linshui.gov.cn">
<meta name="SiteIDCode" content="3311270001">
<meta name="ColumnName" content="{col}">
<meta name="ColumnType" content="{col}">
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="{pubdate}">
<meta name="ContentSource" content="{SITE}办公室">
<meta name="Keywords" content="{title}">
<meta name="Description" content="{title}">
"""


def article(path, col, coldir, title, pubdate, body, meta="gb2312", header=False, show_date=True,
            source="县政府办公室", extra_after=""):
    r = rel(path)
    date_line = f'发布日期：{pubdate[:10]}' if show_date else ""
    html = head(f"{title}_{col}_{SITE}", meta, r, trs_meta(col, title, pubdate)) + f"""<div class="main">
<div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}{coldir}" class="CurrChnlCls">{col}</a></div>
<div class="article">
  <h1 class="art_tit">{title}</h1>
  <div class="art_info"><span>{date_line}</span><span>来源：{source}</span><span>字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</span></div>
  <div class="TRS_Editor"><div class="TRS_PreAppend">
{body}
  </div></div>
{extra_after}
  <div class="art_btn"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>
</div>
""" + foot(r)
    write(path, html, charset_header=header, enc="gbk")


def para(*lines):
    return "\n".join(f'<p style="text-indent:2em;">{l}</p>' for l in lines)


# --------------------------------------------------------------------------- 政务动态 (fresh, 2 pages)
ZWDT = [
    ("202611/t20261116_4421005.html", "2026-11-16 17:20", "县委常委会召开会议 专题研究冬季安全生产工作"),
    ("202611/t20261113_4420762.html", "2026-11-13 09:45", "县政府与省农发集团签订乡村振兴战略合作协议"),
    ("202611/t20261109_4420311.html", "2026-11-09 16:02", "我县召开2026年第四季度重点项目现场推进会"),
    ("202611/t20261102_4419580.html", "2026-11-02 11:30", "临水县“千万工程”示范村建设通过省级验收"),
    ("202610/t20261023_4418107.html", "2026-10-23 15:10", "县领导带队赴长三角开展招商引资活动"),
    ("202610/t20261012_4416920.html", "2026-10-12 10:05", "全县秋冬季森林防灭火工作部署会召开"),
]


def zwdt_row(href, date, title):
    d = date[:10].replace("-", ".")
    return f'<tr><td class="tit"><span class="dot">·</span><a href="./{href}" target="_blank" title="{title}">{title}</a></td><td class="date" width="90">{d}</td></tr>'


for page, chunk in ((0, ZWDT[:4]), (1, ZWDT[4:])):
    path = "/xwzx/zwdt/index.html" if page == 0 else "/xwzx/zwdt/index_1.html"
    r = rel(path)
    rows = "\n".join(zwdt_row(*x) for x in chunk)
    html = head(f"政务动态_{SITE}", "header", r) + f"""<div class="main clearfix">
{left_tree(r, "xwzx/zwdt/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}xwzx/zwdt/">新闻中心</a> &gt; 政务动态</div>
  <table class="tb_list" width="100%" cellpadding="0" cellspacing="0">
{rows}
  </table>
  <div class="page"><script language="javascript">createPageHTML(2, {page}, "index", "html");</script></div>
</div>
</div>
""" + foot(r)
    write(path, html, charset_header=True)

ZWDT_BODIES = {
    0: para("11月16日下午，县委书记王建平主持召开县委常委会会议，传达学习全省安全生产电视电话会议精神，研究部署我县冬季安全生产工作。",
            "会议强调，要坚持人民至上、生命至上，扎实开展重点行业领域安全隐患排查整治，坚决防范遏制重特大事故发生。"),
    1: para("11月13日，县政府与省农业发展投资集团在县行政中心签订乡村振兴战略合作协议。",
            "根据协议，双方将在高标准农田建设、农产品冷链物流、乡村产业平台等领域开展全方位合作。"),
    2: para("11月9日，我县召开2026年第四季度重点项目现场推进会，实地察看了城东产业园、临江大道提升改造等12个重点项目。",
            "会议要求，各项目责任单位要倒排工期、挂图作战，确保全年目标任务圆满完成。"),
    3: para("近日，省农业农村厅专家组对我县“千万工程”示范村建设情况进行了实地验收，城关镇溪口村等5个村顺利通过验收。"),
    4: para("10月20日至22日，县领导带队赴上海、苏州等地开展招商引资活动，走访企业14家，达成意向合作项目6个。"),
    5: para("10月12日，全县秋冬季森林防灭火工作部署会召开。会议通报了今年以来森林防灭火工作情况，部署了下一阶段重点工作。"),
}
for i, (href, date, title) in enumerate(ZWDT):
    # half of the 政务动态 articles: charset in header only; the rest meta gbk
    article("/xwzx/zwdt/" + href, "政务动态", "xwzx/zwdt/", title, date, ZWDT_BODIES[i],
            meta="header" if i % 2 == 0 else "gbk", header=(i % 2 == 0), source="县融媒体中心")

# --------------------------------------------------------------------------- 部门动态 (STALE news: newest 2026-10-26)
BMDT = [
    ("202610/t20261026_4418395.html", "2026-10-26 10:12", "县市场监管局开展冬季食品安全专项检查", True),
    ("202610/t20261020_4417736.html", "2026-10-20 09:30", "县交通运输局召开农村公路养护工作会议", False),  # deleted -> 200 error page
    ("202610/t20261015_4417288.html", "2026-10-15 14:48", "县卫健委组织开展秋季爱国卫生运动", True),
    ("202609/t20260928_4415503.html", "2026-09-28 16:20", "县教育局举行新任教师岗前培训班开班仪式", True),
]
r = rel("/xwzx/bmdt/index.html")
items = "\n".join(
    f'    <div class="item"><a href="./{h}" target="_blank" title="{t}">{t}</a><em>[{d[:10]}]</em></div>'
    for h, d, t, _ in BMDT)
html = head(f"部门动态_{SITE}", "gb2312", r) + f"""<div class="main clearfix">
{left_tree(r, "xwzx/bmdt/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}xwzx/zwdt/">新闻中心</a> &gt; 部门动态</div>
  <div class="list_box">
{items}
  </div>
  <div class="page"><script language="javascript">createPageHTML(1, 0, "index", "html");</script></div>
</div>
</div>
""" + foot(r)
write("/xwzx/bmdt/index.html", html)

BMDT_BODIES = [
    para("为保障冬季群众饮食安全，县市场监管局于10月下旬组织执法人员对全县农贸市场、大型超市及学校食堂开展专项检查。",
         "此次检查共出动执法人员86人次，检查经营主体213家，责令整改问题14个。检查组组长李堃表示，将持续加大监管力度。"),
    None,
    para("10月15日，县卫健委组织机关干部职工深入城区背街小巷开展秋季爱国卫生运动，清理卫生死角30余处。"),
    para("9月28日，县教育局举行2026年新任教师岗前培训班开班仪式，全县127名新任教师参加培训。"),
]
for (h, d, t, ok), body in zip(BMDT, BMDT_BODIES):
    if ok:
        article("/xwzx/bmdt/" + h, "部门动态", "xwzx/bmdt/", t, d, body, meta="gb2312")
# the deleted article: TRS answers 200 with a "deleted" notice
path = "/xwzx/bmdt/202610/t20261020_4417736.html"
r = rel(path)
write(path, f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>提示信息</title>
<style>.tip{{width:500px;margin:120px auto;border:1px solid #ccc;padding:30px;text-align:center;font-size:14px;}}</style>
</head>
<body>
<div class="tip">
  <img src="{r}images/warn.png" alt="" />
  <p>对不起，该信息已删除或不存在！</p>
  <p><a href="{r}">返回首页</a></p>
</div>
</body>
</html>
""")

# --------------------------------------------------------------------------- 通知公告 (STALE notice: newest 2026-03-18)
TZGG = [
    ("202603/t20260318_4390127.html", "2026-03-18 16:40", "关于开展2026年度县级农业产业化龙头企业申报工作的通知"),
    ("202602/t20260227_4388815.html", "2026-02-27 10:00", "临水县2026年春季征兵公告"),
    ("202601/t20260109_4385502.html", "2026-01-09 09:20", "关于2026年元旦春节期间有关工作安排的通知"),
    ("202512/t20251222_4382046.html", "2025-12-22 15:35", "临水县人民政府关于城东片区国有土地上房屋征收的公告"),
]
r = rel("/zwgk/tzgg/index.html")
rows = "\n".join(
    f'<tr><td><a href="./{h}" target="_blank">{t}</a></td><td align="right">{d[:10].replace("-", ".")}</td></tr>'
    for h, d, t in TZGG)
html = head(f"通知公告_{SITE}", "header", r) + f"""<div class="main clearfix">
{left_tree(r, "zwgk/tzgg/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}zwgk/">政务公开</a> &gt; 通知公告</div>
  <table class="tb_list" width="100%">
    <tr class="th"><th>标题</th><th width="100">发布日期</th></tr>
{rows}
  </table>
  <div class="page"><script language="javascript">createPageHTML(1, 0, "index", "html");</script></div>
</div>
</div>
""" + foot(r)
write("/zwgk/tzgg/index.html", html, charset_header=True)

TZGG_BODIES = [
    para("各乡镇人民政府、街道办事处，县级有关部门：",
         "为加快培育农业产业化经营主体，根据省、市有关文件精神，现就开展2026年度县级农业产业化龙头企业申报工作通知如下。",
         "一、申报条件（略）。二、申报材料（略）。三、申报时间：2026年3月20日至4月30日。"),
    para("根据国防部征兵办公室统一部署，临水县2026年春季征兵工作即日起开始。",
         "征集对象以大学毕业生为重点，年龄为18至24周岁。"),
    para("为做好2026年元旦春节期间各项工作，确保全县人民度过欢乐祥和的节日，现将有关事项通知如下。"),
    para("因城东片区旧城改造建设需要，根据《国有土地上房屋征收与补偿条例》，县人民政府决定对城东片区国有土地上房屋实施征收。"),
]
ATTACH_404 = "/zwgk/tzgg/202603/P020260318391245602817.docx"
for i, ((h, d, t), body) in enumerate(zip(TZGG, TZGG_BODIES)):
    extra = ""
    if i == 0:
        extra = '  <div class="fujian">附件：<a href="./P020260318391245602817.docx" target="_blank">2026年度县级农业产业化龙头企业申报表.docx</a></div>'
    article("/zwgk/tzgg/" + h, "通知公告", "zwgk/tzgg/", t, d, body, meta="gb18030", extra_after=extra)

# --------------------------------------------------------------------------- 政策文件 (list undated, PubDate in articles)
ZCWJ = [
    ("202609/t20260912_4413388.html", "2026-09-12 10:30", "临水县人民政府关于印发临水县重点项目管理办法的通知", "临政发〔2026〕18号"),
    ("202608/t20260803_4409274.html", "2026-08-03 15:00", "临水县人民政府办公室关于进一步促进民营经济高质量发展的实施意见", "临政办发〔2026〕31号"),
    ("202606/t20260615_4403120.html", "2026-06-15 09:00", "临水县人民政府关于调整城乡居民基本养老保险基础养老金标准的通知", "临政发〔2026〕11号"),
]
r = rel("/zwgk/zcwj/index.html")
lis = "\n".join(f'    <li><a href="./{h}" target="_blank" title="{t}">{t}</a><span class="wh">{n}</span></li>'
                for h, d, t, n in ZCWJ)
html = head(f"政策文件_{SITE}", "gbk", r) + f"""<div class="main clearfix">
{left_tree(r, "zwgk/zcwj/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}zwgk/">政务公开</a> &gt; 政策文件</div>
  <ul class="list_wj">
{lis}
  </ul>
  <div class="page"><script language="javascript">createPageHTML(1, 0, "index", "html");</script></div>
</div>
</div>
""" + foot(r)
write("/zwgk/zcwj/index.html", html)

ZH_ATTACH = "临水县重点项目申报表.xlsx"
for i, (h, d, t, n) in enumerate(ZCWJ):
    body = para(f"{n}", "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：",
                f"现将《{t.split('关于印发')[-1].replace('的通知', '')}》印发给你们，请认真贯彻执行。" if "印发" in t else "现将有关事项通知如下，请认真贯彻执行。",
                "临水县人民政府", d[:4] + "年" + str(int(d[5:7])) + "月" + str(int(d[8:10])) + "日")
    extra = ""
    if i == 0:
        extra = f'  <div class="fujian">附件：<a href="./{ZH_ATTACH}">{ZH_ATTACH}</a></div>'
    # articles carry the date only in the PubDate meta (no 发布日期 line on one of them)
    article("/zwgk/zcwj/" + h, "政策文件", "zwgk/zcwj/", t, d, body, meta="gb2312", show_date=(i != 0),
            extra_after=extra)
(ROOT / "zwgk/zcwj/202609" / ZH_ATTACH).write_bytes(b"PK\x03\x04" + b"\x00" * 200)

# --------------------------------------------------------------------------- 重大项目 (EMPTY)
r = rel("/zwgk/zdxm/index.html")
html = head(f"重大项目_{SITE}", "gb2312", r) + f"""<div class="main clearfix">
{left_tree(r, "zwgk/zdxm/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}zwgk/">政务公开</a> &gt; 重大项目</div>
  <div class="list_box">
    <p style="text-align:center;padding:40px 0;color:#999;">该栏目暂无信息</p>
  </div>
</div>
</div>
""" + foot(r)
write("/zwgk/zdxm/index.html", html)

# --------------------------------------------------------------------------- 机构职能 (not a list)
r = rel("/zwgk/jgzn/index.html")
html = head(f"机构职能_{SITE}", "gbk", r) + f"""<div class="main clearfix">
{left_tree(r, "zwgk/jgzn/")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; <a href="{r}zwgk/">政务公开</a> &gt; 机构职能</div>
  <div class="TRS_Editor">
    <h3>临水县人民政府办公室</h3>
    <p>主要职责：负责县政府会议的准备工作，协助县政府领导同志组织会议决定事项的实施；负责县政府文电处理和政务信息工作；负责督促检查县政府各部门和各乡镇人民政府对县政府公文、会议决定事项及县政府领导同志指示的执行落实情况。</p>
    <p>办公地址：临水县城关镇人民路1号 &nbsp; 办公时间：工作日 8:30-12:00，14:30-17:30</p>
    <p>联系电话：<a href="tel:0570-6021234">0570-6021234</a> &nbsp; 电子邮箱：<a href="mailto:lszfb@linshui.gov.cn">lszfb@linshui.gov.cn</a></p>
  </div>
</div>
</div>
""" + foot(r)
write("/zwgk/jgzn/index.html", html)

# --------------------------------------------------------------------------- 政务公开 hub (previews of sub columns)
r = rel("/zwgk/index.html")
prev_tz = "\n".join(f'      <li><a href="./tzgg/{h}">{t}</a><span>{d[:10]}</span></li>' for h, d, t in TZGG[:3])
prev_wj = "\n".join(f'      <li><a href="./zcwj/{h}">{t}</a></li>' for h, d, t, n in ZCWJ)
html = head(f"政务公开_{SITE}", "header", r) + f"""<div class="main clearfix">
{left_tree(r, "")}
<div class="right">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; 政务公开</div>
  <div class="zwgk_box">
    <div class="zwgk_tit"><span>通知公告</span><a href="./tzgg/" class="more">更多&gt;&gt;</a></div>
    <ul>
{prev_tz}
    </ul>
  </div>
  <div class="zwgk_box">
    <div class="zwgk_tit"><span>政策文件</span><a href="./zcwj/" class="more">更多&gt;&gt;</a></div>
    <ul>
{prev_wj}
    </ul>
  </div>
</div>
</div>
""" + foot(r)
write("/zwgk/index.html", html, charset_header=True)

# --------------------------------------------------------------------------- 政策解读 article (slow: 3 s)
SLOW = "/zwgk/zcjd/202611/t20261110_4420158.html"
article(SLOW, "政策解读", "zwgk/", "《临水县重点项目管理办法》政策解读", "2026-11-10 10:00",
        para("一、出台背景。为进一步规范重点项目管理，提高项目建设质量和投资效益，县政府制定了《临水县重点项目管理办法》。",
             "二、主要内容。《办法》共六章三十条，明确了重点项目的申报、审核、推进、监督和考核等环节要求。"),
        meta="gb2312", source="县发展改革局")
routes.setdefault(SLOW, {})["delay"] = 3.0

# --------------------------------------------------------------------------- 办事指南 (HEAD 405, GET fine)
r = rel("/wsbs/bszn.html")
html = head(f"办事指南_{SITE}", "gbk", r) + f"""<div class="main">
  <div class="position">当前位置：<a href="{r}">首页</a> &gt; 网上办事</div>
  <div class="TRS_Editor">
    <h3>办事指南</h3>
    <p>个人办事、法人办事请登录浙江政务服务网临水县站点办理。</p>
    <p>县行政服务中心地址：临水县城东大道88号 &nbsp; 咨询电话：<a href="tel:0570-6025678">0570-6025678</a></p>
  </div>
</div>
""" + foot(r)
write("/wsbs/bszn.html", html)
routes.setdefault("/wsbs/bszn.html", {})["head_status"] = 405

# --------------------------------------------------------------------------- routes: dead links + redirect
(ROOT / "_403.html").write_bytes("<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1><p>You don't have permission to access this resource.</p></body></html>".encode())
routes["/hdjl/xzxx/"] = {"status": 403, "file": "_403.html"}
routes["/hdjl/zxft/"] = {"hang": True, "hang_seconds": 40}
routes["/old/zfxxgk.html"] = {"redirect": "/zwgk/", "status": 301}

# --------------------------------------------------------------------------- home page (charset in header only)
HOME_HEAD = [ZWDT[0], ZWDT[1], ZWDT[2], ZWDT[3]]
dl = "\n".join(
    f'      <dl><dt><a href="./xwzx/zwdt/{h}" target="_blank" title="{t}">{t}</a></dt><dd>{d[5:10]}</dd></dl>'
    for h, d, t in HOME_HEAD)
bm = "\n".join(
    f'      <div class="item"><a href="./xwzx/bmdt/{h}" target="_blank" title="{t}">{t}</a><em>[{d[5:10]}]</em></div>'
    for h, d, t, _ in BMDT[:3])
tz = "\n".join(
    f'      <div class="item"><a href="./zwgk/tzgg/{h}" target="_blank" title="{t}">{t}</a><em>[{d[5:10]}]</em></div>'
    for h, d, t in TZGG[:3])
home = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>{SITE}</title>
<meta name="SiteName" content="{SITE}">
<meta name="SiteDomain" content="www.linshui.gov.cn">
<meta name="SiteIDCode" content="3311270001">
<link href="./images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="./js/page.js"></script>
</head>
<body>
<div class="top">
  <a href="./"><img src="./images/logo.png" alt="{SITE}" /></a>
  <div class="top_r"><a href="javascript:void(0)" onclick="SetHome(this)">设为首页</a> | <a href="#">无障碍浏览</a> | <a href="./old/zfxxgk.html">政府信息公开（旧版）</a></div>
</div>
{top_menu("./")}
<div class="main clearfix">
  <div class="ttxw">
    <div class="bt"><span>今日临水</span><a href="./xwzx/zwdt/" class="more">更多</a></div>
    <div class="ttxw_list">
{dl}
    </div>
    <div class="zcjd"><span class="tag">解读</span><a href="./zwgk/zcjd/202611/t20261110_4420158.html" target="_blank">《临水县重点项目管理办法》政策解读</a><em>[11-10]</em></div>
  </div>
  <div class="bmdt">
    <div class="bt"><span>部门动态</span><a href="./xwzx/bmdt/" class="more">更多</a></div>
{bm}
  </div>
  <div class="tzgg">
    <div class="bt"><span>通知公告</span><a href="./zwgk/tzgg/" class="more">更多</a></div>
{tz}
  </div>
  <div class="zwgk_home">
    <div class="bt"><span>政务公开</span></div>
    <ul class="zwgk_nav">
      <li class="lm"><a href="./zwgk/zcwj/">政策文件</a></li>
      <li class="lm"><a href="./zwgk/zdxm/">重大项目</a></li>
      <li class="lm"><a href="./zwgk/jgzn/">机构职能</a></li>
      <li class="lm"><a href="./zwgk/">政务公开</a></li>
    </ul>
  </div>
  <div class="hdjl">
    <div class="bt"><span>互动交流</span></div>
    <ul>
      <li><a href="./hdjl/xzxx/">县长信箱</a></li>
      <li><a href="./hdjl/zxft/">在线访谈</a></li>
      <li><a href="./wsbs/bszn.html">办事指南</a></li>
    </ul>
  </div>
</div>
<div class="yqlj">友情链接：
  <a href="{{{{site:hy-gov}}}}/" target="_blank">海源市住房和城乡建设局</a>
  <a href="http://www.nonexistent-gov-domain.invalid/" target="_blank">临水县档案信息网</a>
</div>
<div class="footer">
<p><a href="javascript:void(0)" onclick="window.open('http://bszs.conac.cn/sitename?method=show&amp;id=5B1A2C3D4E5F6071')"><img src="./images/dzjg.png" alt="党政机关" title="党政机关" /></a></p>
<p>主办：{SITE}办公室 &nbsp; 承办：临水县大数据发展中心 &nbsp; 地址：临水县城关镇人民路1号</p>
<p>网站标识码：3311270001 &nbsp; 浙ICP备05023817号 &nbsp; <img src="./images/ga.png" alt="" />浙公网安备 33112702000015号</p>
</div>
</body>
</html>
"""
write("/index.html", home, charset_header=True)

# --------------------------------------------------------------------------- static assets
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082")
(ROOT / "images").mkdir(exist_ok=True)
(ROOT / "js").mkdir(exist_ok=True)
for name in ("logo.png", "dzjg.png", "ga.png", "warn.png"):
    (ROOT / "images" / name).write_bytes(PNG)
(ROOT / "images/style.css").write_text("body{margin:0;font-size:12px;}.tb_list td{border-bottom:1px dashed #ddd;}\n")
(ROOT / "js/page.js").write_bytes("""function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
  if(_nPageCount == null || _nPageCount <= 1){ return; }
  var nCurrIndex = _nCurrIndex || 0;
  if(nCurrIndex == 0){ document.write("首页&nbsp;上一页&nbsp;"); }
  else {
    document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">首页</a>&nbsp;");
    if(nCurrIndex == 1) document.write("<a href=\\"" + _sPageName + "." + _sPageExt + "\\">上一页</a>&nbsp;");
    else document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex - 1) + "." + _sPageExt + "\\">上一页</a>&nbsp;");
  }
  if(nCurrIndex == (_nPageCount - 1)){ document.write("下一页&nbsp;尾页"); }
  else {
    document.write("<a href=\\"" + _sPageName + "_" + (nCurrIndex + 1) + "." + _sPageExt + "\\">下一页</a>&nbsp;");
    document.write("<a href=\\"" + _sPageName + "_" + (_nPageCount - 1) + "." + _sPageExt + "\\">尾页</a>");
  }
  document.write("&nbsp;共" + _nPageCount + "页");
}
""".encode("gbk"))

# --------------------------------------------------------------------------- routes file, site.toml, expected.json
def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


lines = ["# ls-gov: charset only in HTTP header for some pages (others declare it in <meta> only)"]
for k in sorted(routes):
    lines.append(f'["{k}"]')
    for kk, vv in routes[k].items():
        lines.append(f"{kk} = {toml_value(vv)}")
    lines.append("")
(ROOT / "_routes.toml").write_text("\n".join(lines), "utf-8")

(ROOT / "site.toml").write_text(f'''[[site]]
id = "ls-gov"
name = "{SITE}"
home = "{{{{home}}}}"
identifier = "3311270001"
''', "utf-8")

from urllib.parse import quote
zh_url = "/zwgk/zcwj/202609/" + quote(ZH_ATTACH)
expected = {
    "as_of": "2026-11-20",
    "findings": [
        {"check_code": "column_stale", "url": "/xwzx/bmdt/", "note": "部门动态 (news, 14 d): newest item 2026-10-26, 25 days before as-of; list dates as [2026-10-26] in <em>"},
        {"check_code": "column_stale", "url": "/zwgk/tzgg/", "note": "通知公告 (notice, 6 months): newest item 2026-03-18 (~8 months); table dates 2026.03.18"},
        {"check_code": "column_empty", "url": "/zwgk/zdxm/", "note": "重大项目: only <p>该栏目暂无信息</p>"},
        {"check_code": "dead_link", "url": ATTACH_404, "note": "404 .docx attachment on the 2026-03-18 通知公告 article"},
        {"check_code": "dead_link", "url": "/hdjl/xzxx/", "note": "县长信箱 answers 403 Forbidden (home page)"},
        {"check_code": "dead_link", "url": "http://www.nonexistent-gov-domain.invalid/", "note": "DNS failure, 友情链接 on home page"},
        {"check_code": "dead_link", "url": "/hdjl/zxft/", "note": "在线访谈 hangs 40 s (timeout), home page"},
        {"check_code": "dead_link", "url": "/xwzx/bmdt/202610/t20261020_4417736.html", "note": "200 page saying 该信息已删除或不存在 (linked from 部门动态 list)"},
    ],
    "must_not": [
        {"check_code": "homepage_stale", "url": "/", "note": "home headlines dated 11-16 / 11-13 / 11-09 (MM-DD in <dd>)"},
        {"check_code": "identity_missing", "url": "/", "which": "网站标识码", "note": "footer: 网站标识码：3311270001"},
        {"check_code": "identity_missing", "url": "/", "which": "ICP备案号", "note": "footer: 浙ICP备05023817号"},
        {"check_code": "identity_missing", "url": "/", "which": "公安备案号", "note": "footer: 浙公网安备 33112702000015号"},
        {"check_code": "identity_missing", "url": "/", "which": "党政机关标识", "note": "footer: conac link (javascript window.open) with img alt=党政机关"},
        {"check_code": "column_stale", "url": "/xwzx/zwdt/", "note": "政务动态 newest 2026-11-16 (table dates 2026.11.16); 2 pages via createPageHTML"},
        {"check_code": "column_stale", "url": "/zwgk/zcwj/", "note": "政策文件 list is undated; articles carry PubDate meta, newest 2026-09-12 (within 6 months)"},
        {"check_code": "column_empty", "url": "/zwgk/zcwj/", "note": "政策文件 has 3 undated entries"},
        {"check_code": "column_empty", "url": "/zwgk/jgzn/", "note": "机构职能 is a text page, not a list"},
        {"check_code": "column_stale", "url": "/zwgk/jgzn/", "note": "机构职能 has no window"},
        {"check_code": "column_empty", "url": "/zwgk/", "note": "政务公开 hub with previews of sub columns"},
        {"check_code": "dead_link", "url": SLOW, "note": "slow (3 s delay) but alive"},
        {"check_code": "dead_link", "url": "/old/zfxxgk.html", "note": "301 redirect to /zwgk/ which works"},
        {"check_code": "dead_link", "url": "/zwgk/", "note": "target of the 301 redirect"},
        {"check_code": "dead_link", "url": zh_url, "note": "attachment with Chinese file name (raw GBK href in a gb2312-meta page) that works"},
        {"check_code": "dead_link", "url": "/wsbs/bszn.html", "note": "HEAD answers 405, GET 200"},
        {"check_code": "dead_link", "url": "/xwzx/zwdt/index_1.html", "note": "TRS createPageHTML page 2 exists"},
        {"check_code": "dead_link", "url": "{{site:hy-gov}}/", "note": "link to another held-out site that works"},
        {"check_code": "dead_link", "url": "tel:0570-6021234", "note": "tel: link"},
        {"check_code": "dead_link", "url": "mailto:lszfb@linshui.gov.cn", "note": "mailto: link"},
    ],
}
(ROOT / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", "utf-8")
print(len(pages), "html pages")
