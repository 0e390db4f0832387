"""mp-weixin (mp.weixin.qq.com), wewe-rss (a self-hosted WeWe RSS) and the 市场监管局 page of article links."""

import base64
import json
from html import escape

from build_set import (RNG, S, STATIC, SVR_TIME, T, account, content, digits, hexid, iso, put, rid, route,
                       unix)

H = "mp-weixin"
O = S(H)
HTML_CT = dict(content_type="text/html", charset="utf-8")

# ------------------------------------------------------------------ page templates (written for this set)
HEAD = """<!DOCTYPE html>
<html class="">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0,viewport-fit=cover">
<meta name="apple-mobile-web-app-capable" content="yes">
<meta name="apple-mobile-web-app-status-bar-style" content="black">
<meta name="format-detection" content="telephone=no">
<meta name="referrer" content="origin-when-cross-origin">
<script nonce="" type="text/javascript">
  window.logs = { pagetime: {} };
  window.logs.pagetime['html_begin'] = (+new Date());
</script>
<link rel="dns-prefetch" href="//res.wx.qq.com">
<link rel="dns-prefetch" href="//mmbiz.qpic.cn">
<link rel="shortcut icon" type="image/x-icon" href="STATIC/mmbizappmsg/zh_CN/htmledition/images/icon/common/favicon.ico">
""".replace("STATIC", STATIC)

MSG_PAGE = HEAD + """<title></title>
<link rel="stylesheet" href="STATIC/open/libs/weui/2.5.4/weui.min.css">
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div class="weui-msg">
  <div class="weui-msg__icon-area"><i class="ICON weui-icon_msg"></i></div>
  <div class="weui-msg__text-area">
    <h2 class="weui-msg__title">TITLE</h2>
    DESC
  </div>
  OPR
</div>
<script nonce="" type="text/javascript">
  var __DEBUGINFO = { res_list: [] };
  var svr_time = "SVR" * 1;
</script>
</body>
</html>
""".replace("STATIC", STATIC).replace("SVR", str(unix(SVR_TIME)))


def msg_page(title, desc="", icon="weui-icon-warn", opr=""):
    return (MSG_PAGE.replace("ICON", icon).replace("TITLE", title)
            .replace("DESC", f'<p class="weui-msg__desc">{desc}</p>' if desc else "")
            .replace("OPR", opr))


DELETED = msg_page("该内容已被发布者删除")
BLOCKED = msg_page("此内容因违规无法查看",
                   "由用户投诉并经平台审核，涉嫌违反相关法律法规和政策，"
                   '<a href="javascript:;" id="js_rule">查看对应规则</a>')
PARAM_ERROR = msg_page("参数错误")
EXPIRED = msg_page("链接已过期")
OPEN_IN_CLIENT = msg_page("请在微信客户端打开链接", icon="weui-icon-info")


class Acct:
    def __init__(self, name, num, gh, wxid, intro, ip):
        self.name, self.num, self.gh, self.wxid, self.intro, self.ip = name, num, gh, wxid, intro, ip
        self.biz = base64.b64encode(num.encode()).decode()
        self.head = f"{STATIC}/mmhead/{hexid(24)}/0"


YB = Acct("江临医保", "3935186472", "gh_3a7c51e08d24", "jlyb_gov", "江临市医疗保障局官方公众号，发布医保政策，提供医保服务。", "江西")
RS = Acct("江临人社", "3087162451", "gh_5e2f9a1c7b30", "jlrsj12333", "江临市人力资源和社会保障局官方服务号。", "江西")
ZR = Acct("江临自然资源", "3246389705", "gh_91b0d4e6a2f8", "jlzrzy", "江临市自然资源和规划局政务公众号", "江西")
SJ = Acct("江临市场监管", "3570482056", "gh_c08e7d35f1a9", "jlscjg", "江临市市场监督管理局官方公众号，发布市场监管资讯，受理消费维权。", "江西")


def body_html(paras):
    out = []
    for p in paras:
        if p.startswith("<"):
            out.append(p)
        elif p.startswith("#"):
            out.append(f'<section style="margin-top: 16px;margin-bottom: 8px;"><span style="font-size: 17px;color: rgb(0, 112, 192);"><strong>{p[1:]}</strong></span></section>')
        else:
            out.append(f'<p style="text-indent: 2em;margin-bottom: 12px;line-height: 1.75em;"><span style="font-size: 16px;letter-spacing: 1px;">{p}</span></p>')
    return "\n".join(out)


def article_page(acct, a, link):
    """A WeChat article page. a['mode'] says where its date is:
    ct   -> only `var ct = "<unix>"` (the <em id="publish_time"> is empty, filled by script at load)
    pt   -> only `var publish_time = "YYYY-MM-DD"` (older pages)
    em   -> only the server-rendered <em id="publish_time">YYYY-MM-DD HH:MM</em>
    post -> only the 2016-2018 <em id="post-date">YYYY-MM-DD</em>
    Every page also carries svr_time (the moment it was served), which is not a publish time."""
    mode, dt = a["mode"], a["dt"]
    em = ""
    if mode == "em":
        em = dt.strftime("%Y-%m-%d %H:%M")
    date_em = (f'<em id="post-date" class="rich_media_meta rich_media_meta_text">{dt:%Y-%m-%d}</em>' if mode == "post"
               else f'<em id="publish_time" class="rich_media_meta rich_media_meta_text">{em}</em>')
    cover = f"{STATIC}/mmbiz_jpg/{rid(40, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/0?wx_fmt=jpeg"
    author = f'<span class="rich_media_meta rich_media_meta_text">{a["author"]}</span>' if a.get("author") else ""
    orig = '<span id="copyright_logo" class="wx_tap_link js_wx_tap_highlight rich_media_meta icon_appmsg_tag appmsg_title_tag weui-wa-hotarea">原创</span>' if a.get("original") else ""
    vars_ = [f'var nickname = htmlDecode("{acct.name}");',
             f'var user_name = "{acct.gh}";',
             f'var round_head_img = "{acct.head}";',
             f'var msg_title = \'{a["title"]}\'.html(false);',
             f'var msg_desc = htmlDecode("{a["digest"]}");',
             f'var msg_cdn_url = "{cover}";',
             f'var msg_link = "{link.replace("&", "&amp;")}#rd";',
             f'var comment_id = "{a["comment_id"]}" * 1;',
             'var comment_enabled = "1" * 1;',
             'var copyright_stat = "' + ("1" if a.get("original") else "0") + '" * 1;']
    if mode == "ct":
        vars_.insert(1, f'var ct = "{unix(dt)}";')
        vars_.append(f'var create_time = "{unix(dt)}" * 1;')
    if mode == "pt":
        vars_.insert(1, f'var publish_time = "{dt:%Y-%m-%d}" || "";')
    vars_.append(f'var svr_time = "{unix(SVR_TIME)}" * 1;')
    filler = ""
    if mode == "ct":
        filler = """
<script nonce="" type="text/javascript">
  (function () {
    var el = document.getElementById('publish_time');
    if (!el || !window.ct) { return; }
    var d = new Date(window.ct * 1000 + 8 * 3600 * 1000);
    function p(n) { return (n < 10 ? '0' : '') + n; }
    el.innerHTML = d.getUTCFullYear() + '年' + p(d.getUTCMonth() + 1) + '月' + p(d.getUTCDate()) + '日 ' + p(d.getUTCHours()) + ':' + p(d.getUTCMinutes());
  })();
</script>"""
    return HEAD + f"""<meta property="og:title" content="{escape(a['title'])}" />
<meta property="og:url" content="{link.replace('&', '&amp;')}" />
<meta property="og:image" content="{cover}" />
<meta property="og:description" content="{escape(a['digest'])}" />
<meta property="og:site_name" content="微信公众平台" />
<meta property="og:type" content="article" />
<meta property="og:article:author" content="{acct.name}" />
<meta property="twitter:card" content="summary" />
<meta property="twitter:image" content="{cover}" />
<meta property="twitter:title" content="{escape(a['title'])}" />
<meta property="twitter:creator" content="{acct.name}" />
<meta property="twitter:site" content="微信公众平台" />
<meta property="twitter:description" content="{escape(a['digest'])}" />
<title>{escape(a['title'])}</title>
<link rel="stylesheet" href="{STATIC}/mmbizappmsg/zh_CN/htmledition/js/assets/appmsg.css">
</head>
<body id="activity-detail" class="zh_CN wx_wap_page mm_appmsg discuss_tab appmsg_skin_default appmsg_style_default">
<div id="js_article" class="rich_media">
  <div id="js_top_ad_area" class="top_banner"></div>
  <div class="rich_media_inner">
    <div id="page-content" class="rich_media_area_primary">
      <div class="rich_media_area_primary_inner">
        <div id="img-content" class="rich_media_wrp">
          <h1 class="rich_media_title " id="activity-name">
            {escape(a['title'])}
          </h1>
          <div id="meta_content" class="rich_media_meta_list">
            {orig}
            {author}
            <span class="rich_media_meta rich_media_meta_nickname" id="profileBt">
              <a href="javascript:void(0);" class="wx_tap_link js_wx_tap_highlight weui-wa-hotarea" id="js_name">
                {acct.name}
              </a>
              <div id="js_profile_qrcode" class="profile_container" style="display:none;">
                <div class="profile_inner">
                  <strong class="profile_nickname">{acct.name}</strong>
                  <img class="profile_avatar" id="js_profile_qrcode_img" src="" alt="">
                  <p class="profile_meta"><label class="profile_meta_label">微信号</label><span class="profile_meta_value">{acct.wxid}</span></p>
                  <p class="profile_meta"><label class="profile_meta_label">功能介绍</label><span class="profile_meta_value">{acct.intro}</span></p>
                </div>
              </div>
            </span>
            {date_em}
            <em id="js_ip_wording_wrp" class="rich_media_meta rich_media_meta_text" style="display: none;">发表于<span id="js_ip_wording">{acct.ip}</span></em>
          </div>
          <div class="rich_media_content js_underline_content autoTypeSetting24psection" id="js_content" style="visibility: hidden;">
<section style="font-size: 16px;line-height: 1.75em;">
<p style="text-align: center;"><img class="rich_pages wxw-img" data-ratio="0.5625" data-src="{cover}" data-type="jpeg" data-w="1080" style="width: 100%;"></p>
{body_html(a['body'])}
<p style="text-align: right;"><span style="font-size: 14px;color: rgb(136, 136, 136);">来源：{a.get('source', acct.name)}</span></p>
<p style="text-align: right;"><span style="font-size: 14px;color: rgb(136, 136, 136);">编辑：{a.get('editor', '王琳')}　审核：{a.get('reviewer', '刘建华')}</span></p>
</section>
          </div>
          <script type="text/javascript" nonce="">
            document.getElementById('js_content').style.visibility = 'visible';
          </script>
        </div>
      </div>
    </div>
  </div>
  <div class="rich_media_area_extra">
    <div class="rich_media_extra" id="js_toobar3"><span id="js_read_area3" class="media_tool_meta tips_global_primary meta_primary" style="display:none;">阅读 <span id="readNum3"></span></span></div>
    <div class="discuss_container" id="js_cmt_area" style="display:none"></div>
  </div>
</div>
<script type="text/javascript" nonce="">
  var biz = "{acct.biz}" || "";
  var sn = "{a.get('sn', '')}" || "" || "";
  var mid = "{a.get('mid', '')}" || "" || "";
  var idx = "{a.get('idx', '1')}" || "" || "";
  window.__allowLoadResFromMp = true;
</script>
<script nonce="" type="text/javascript">
  String.prototype.html = function (encode) {{
    var replace = ["&#39;", "'", "&quot;", '"', "&nbsp;", " ", "&gt;", ">", "&lt;", "<", "&amp;", "&", "&yen;", "¥"];
    if (encode) {{ replace.reverse(); }}
    for (var i = 0, str = this; i < replace.length; i += 2) {{ str = str.replace(new RegExp(replace[i], 'g'), replace[i + 1]); }}
    return str;
  }};
  function htmlDecode(s) {{ return s.html(false); }}
  var appmsg_type = "9";
  {chr(10).join('  ' + v for v in vars_).strip()}
  var is_limit_user = "0";
  var appmsgid = "{a.get('mid', '')}" || "";
  var ori_head_img_url = "{acct.head}";
  var source_url = "";
</script>{filler}
<script type="text/javascript" src="{STATIC}/mmbizappmsg/zh_CN/htmledition/js/appmsg/index.js"></script>
</body>
</html>
"""


def serve(path_and_query_keys, file, body):
    put(H, file, body)
    for key in path_and_query_keys:
        route(H, key, file=file, **HTML_CT)


def short_article(acct, a):
    sid = a.setdefault("sid", rid(22))
    link = f"{O}/s/{sid}"
    a["url"] = link
    a.setdefault("comment_id", digits(19, "3"))
    serve([f"/s/{sid}"], f"_s/{sid}.html", article_page(acct, a, link))
    return link


def long_article(acct, a):
    a.setdefault("mid", "26" + digits(8, "5"))
    a.setdefault("sn", hexid(32))
    a.setdefault("chksm", hexid(8) + hexid(8) + hexid(8) + hexid(8) + hexid(8) + hexid(8) + hexid(8)[:4])
    a.setdefault("comment_id", digits(19, "3"))
    base = f"__biz={acct.biz}&mid={a['mid']}&idx={a['idx']}&sn={a['sn']}"
    full = f"{base}&chksm={a['chksm']}&scene=27"
    link = f"{O}/s?{full}"
    a["url"] = link
    file = f"_s/{acct.num}_{a['mid']}_{a['idx']}.html"
    serve([f"/s?{full}", f"/s?{base}", f"/s?{base}&chksm={a['chksm']}"], file,
          article_page(acct, a, link))
    return link


# ------------------------------------------------------------------ 江临医保 via WeWe RSS (Atom), veto
YB_POSTS = [
    dict(dt=T(2026, 11, 2, 10, 5), mode="ct", title="医保政策｜2027年度城乡居民医保集中缴费问答",
         digest="缴费时间、缴费渠道、待遇享受期，一文说清。",
         body=["2027年度城乡居民基本医疗保险集中缴费已于11月启动。围绕群众关心的问题，我们整理了以下问答。",
               "#问：集中缴费期是什么时候？",
               "答：2026年11月12日至2027年2月28日。集中缴费期内参保缴费的，待遇享受期为2027年1月1日至12月31日。",
               "#问：可以通过哪些渠道缴费？",
               "答：可通过“赣服通”、微信或支付宝搜索“江西税务”缴费，也可到户籍所在地村（社区）办理。",
               "#问：新生儿怎么参保？",
               "答：新生儿出生后可凭出生医学证明办理参保登记，出生当年缴费的，自出生之日起享受待遇。",
               "咨询电话：12345、0793-8225531。"]),
    dict(dt=T(2026, 10, 29, 0, 30), mode="ct", title="一图读懂｜医保基金违法违规问题举报奖励办法",
         digest="举报查实最高可获奖励20万元。",
         body=["为鼓励社会各方参与医疗保障基金使用监督，我局对医保基金违法违规问题举报奖励有关规定作如下解读。",
               "举报人可通过12345热线、江临市医疗保障局网站“投诉举报”栏目或来信来访等方式举报。",
               "举报线索经查证属实、造成医保基金损失的，按查实金额的一定比例给予奖励，最高不超过20万元。"]),
    dict(dt=T(2026, 10, 23, 9, 0), mode="ct", title="医保电子凭证“一码通办”再扩围，这些药店可扫码购药",
         digest="全市新增128家定点零售药店支持医保电子凭证扫码结算。",
         body=["近日，全市新增128家定点零售药店支持医保电子凭证扫码结算，截至目前，全市支持扫码结算的定点医药机构已达1426家。",
               "参保人可在微信、支付宝或“国家医保服务平台”App激活医保电子凭证，就医购药时出示即可。"]),
    dict(dt=T(2026, 10, 15, 18, 45), mode="ct", title="长期护理保险待遇申请指南",
         digest="失能人员如何申请长期护理保险待遇？看这里。",
         body=["长期护理保险制度试点开展以来，已为全市3100余名重度失能人员提供护理保障。",
               "#申请条件",
               "参加职工基本医疗保险，因年老、疾病、伤残等原因导致重度失能，经医疗机构或康复机构规范诊疗、失能状态持续6个月以上。",
               "#办理渠道",
               "可向参保地医保经办机构提出申请，也可委托定点护理服务机构代为申请。"]),
    dict(dt=T(2026, 10, 9, 12, 0), mode="ct", title="市医保服务大厅10月起实行周末轮值服务",
         digest="每周六上午9:00—12:00，市医保服务大厅提供异地就医备案、参保登记等服务。",
         body=["为方便上班族办事，自10月起，市医保服务大厅每周六上午9:00—12:00实行轮值服务，可办理异地就医备案、参保登记、医保关系转移接续等业务。"]),
    dict(dt=T(2026, 9, 28, 8, 30), mode="ct", title="中秋国庆假期，医保服务不打烊",
         digest="假期期间异地就医备案、医保电子凭证等线上服务正常办理。",
         body=["中秋、国庆假期期间，异地就医备案、医保电子凭证激活等线上服务正常办理，定点医药机构医保结算正常进行。"]),
]


def build_wewe():
    W = "wewe-rss"
    WO = S(W)
    feed_id = "MP_WXS_" + YB.num
    entries = []
    for a in YB_POSTS:
        link = short_article(YB, a)
        utc = a["dt"].astimezone(__import__("datetime").timezone.utc)
        stamp = utc.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        summary = a["digest"]
        content_html = body_html(a["body"]).replace("]]>", "]]&gt;")
        entries.append(f"""    <entry>
        <title type="html"><![CDATA[{a['title']}]]></title>
        <id>{a['sid']}</id>
        <link href="{link}"/>
        <updated>{stamp}</updated>
        <summary type="html"><![CDATA[{summary}]]></summary>
        <content type="html"><![CDATA[<img src="{STATIC}/mmbiz_jpg/{a['sid']}/0?wx_fmt=jpeg" />{content_html}]]></content>
    </entry>""")
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
    <id>{WO}/feeds/{feed_id}.atom</id>
    <title>{YB.name}</title>
    <updated>2026-11-20T00:30:08.000Z</updated>
    <generator>WeWe-RSS</generator>
    <author>
        <name>{YB.name}</name>
    </author>
    <link rel="alternate" href="{WO}/feeds/{feed_id}.atom"/>
    <subtitle>{YB.intro}</subtitle>
    <logo>{YB.head}</logo>
    <icon>{YB.head}</icon>
{chr(10).join(entries)}
</feed>
"""
    put(W, f"_feeds/{feed_id}.xml", feed)
    for key in (f"/feeds/{feed_id}.atom", f"/feeds/{feed_id}.atom?limit=30", f"/feeds/{feed_id}.xml"):
        route(W, key, file=f"_feeds/{feed_id}.xml", content_type="application/atom+xml", charset="utf-8")
    put(W, "index.html", f"""<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="/favicon.ico" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>WeWe RSS</title>
    <script type="module" crossorigin src="/dash/assets/index-3c1a7f0e.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
""")
    account("jl-yb-wechat", "wechat", YB.name, f"{WO}/feeds/{feed_id}.atom",
            newmedia_stale="veto", newest_post=iso(YB_POSTS[0]["dt"]), newest_post_url=YB_POSTS[0]["url"],
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="Atom as written by WeWe RSS (jpmonette/feed): entries newest first, <updated> in UTC with milliseconds, entry links to mp.weixin.qq.com/s/<id> (here the mp-weixin host)",
            traps=["platform is wechat but the URL is an Atom feed of a self-hosted WeChat-to-RSS service",
                   "feed-level <updated> is 2026-11-20T00:30:08Z (last sync), not a post",
                   "entry 2 is 2026-10-28T16:30:00.000Z = 29 Oct 00:30 in Shanghai",
                   "the article pages carry svr_time = 2026-11-20 08:36 (serve time), which is not a publish time"])


# ------------------------------------------------------------------ 江临人社: profile_ext history page, deduct
def P(dt, *arts, text=None):
    return dict(dt=dt, arts=list(arts), text=text)


def A(title, digest, body, mode="ct", **kw):
    return dict(title=title, digest=digest, body=body, mode=mode, **kw)


RS_PUSHES = [
    P(T(2026, 11, 9, 18, 20),
      A("冬季农民工工资支付专项检查启动", "11月10日至2027年春节前，全市开展根治欠薪冬季专项行动。",
        ["11月10日至2027年春节前，市人社局联合住建、交通运输、水利等部门开展根治欠薪冬季专项行动，重点检查工程建设领域和劳动密集型加工制造、餐饮服务等行业。",
         "劳动者遇到欠薪问题，可拨打12345或12333热线，也可通过“全国根治欠薪线索反映平台”小程序反映。"], original=True),
      A("江临市2026年第四批职业技能等级认定计划", "涉及电工、养老护理员、中式烹调师等21个职业（工种）。",
        ["现将我市2026年第四批职业技能等级认定计划公布如下，涉及电工、养老护理员、中式烹调师等21个职业（工种）。",
         "报名时间：11月10日至11月30日。报名方式：登录江西省职业技能等级认定服务平台网上报名。"], mode="pt"),
      A("社保卡“一卡通”：这些场景都能用", "就医购药、乘坐公交、景区游览……一张卡全搞定。",
        ["目前，我市社会保障卡已在就医购药、乘坐公交、图书借阅、景区游览等8大类46个场景实现“一卡通用”。"])),
    P(T(2026, 11, 4, 17, 0),
      A("灵活就业人员参保缴费指南", "灵活就业人员如何参加职工养老保险？",
        ["在本市就业的无雇工个体经营者、未在用人单位参加社会保险的非全日制从业人员及其他灵活就业人员，可以参加企业职工基本养老保险。",
         "#办理渠道", "江西人社App、“赣服通”江临分厅或各县（市、区）社保经办窗口。"], mode="pt")),
    P(T(2026, 10, 30, 20, 10),
      A("第二届江临市职业技能大赛圆满落幕", "来自全市的586名选手在27个赛项中同台竞技。",
        ["10月28日至30日，第二届江临市职业技能大赛举行，来自全市的586名选手在27个赛项中同台竞技。"]),
      A("第二届江临市职业技能大赛获奖名单", "各赛项前三名选手将按规定晋升相应职业技能等级。",
        ["各赛项获得前三名的选手，按规定晋升相应职业技能等级。获奖名单详见大赛组委会公告。"])),
    P(T(2026, 10, 27, 9, 0),
      text="【温馨提示】因系统升级，10月28日（星期三）市社保服务大厅暂停办理业务一天，线上渠道正常使用，请合理安排办事时间。"),
    P(T(2026, 10, 21, 17, 45),
      A("高校毕业生就业见习补贴申领流程", "见习单位按规定可申领就业见习补贴。",
        ["见习单位吸纳离校2年内未就业高校毕业生参加就业见习的，可按规定申领就业见习补贴。"])),
    P(T(2026, 10, 14, 18, 0),
      A("2026年第三季度江临市人力资源市场供求分析", "第三季度全市人力资源市场求人倍率为1.36。",
        ["第三季度，全市人力资源市场共登记用人需求4.2万人次，求职人数3.1万人次，求人倍率为1.36。"], mode="pt")),
    P(T(2026, 10, 9, 18, 30),
      A("退休人员待遇资格认证，不用跑腿了", "通过江西人社App即可刷脸认证。",
        ["退休人员可通过江西人社App、“赣服通”进行刷脸认证，也可由社区工作人员上门协助认证。"])),
]


def build_history_ext():
    lst = []
    msg_id = 1000000298
    for push in RS_PUSHES:
        msg_id -= RNG.randrange(2, 5)
        info = {"id": msg_id, "type": 1 if push["text"] else 49, "datetime": unix(push["dt"]),
                "fakeid": RS.num, "status": 2, "content": push["text"] or ""}
        if push["text"]:
            lst.append({"comm_msg_info": info})
            continue
        mid = "26" + digits(8, "5")
        items = []
        for i, a in enumerate(push["arts"], 1):
            a.update(dt=push["dt"], mid=mid, idx=str(i))
            long_article(RS, a)
            items.append({
                "title": a["title"], "digest": a["digest"], "content": "", "fileid": 0,
                "content_url": a["url"].replace("&", "&amp;") + "#wechat_redirect",
                "source_url": "", "cover": f"{STATIC}/mmbiz_jpg/{hexid(30)}/0?wx_fmt=jpeg",
                "author": "", "copyright_stat": 11 if a.get("original") else 100, "del_flag": 1,
                "item_show_type": 0, "audio_fileid": 0, "duration": 0, "play_url": "",
                "malicious_title_reason_id": 0, "malicious_content_type": 0})
        first, rest = items[0], items[1:]
        ext = dict(first, subtype=9, is_multi=1 if rest else 0, multi_app_msg_item_list=rest)
        lst.append({"comm_msg_info": info, "app_msg_ext_info": ext})
    raw = json.dumps({"list": lst}, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
    escaped = (raw.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
               .replace("'", "&#39;"))
    query = f"action=home&__biz={RS.biz}&scene=124"
    page = HEAD + f"""<title>{RS.name}</title>
<link rel="stylesheet" href="{STATIC}/open/libs/weui/1.1.3/weui.min.css">
<link rel="stylesheet" href="{STATIC}/mmbizwap/zh_CN/htmledition/style/page/profile/profile_ext.css">
</head>
<body id="" class="zh_CN mm_appmsg profile_ext">
<div class="page_profile_info" id="js_profile_info">
  <div class="profile_info_area">
    <div class="profile_info_group">
      <span class="radius_avatar profile_avatar"><img id="icon" src="{RS.head}"></span>
      <div class="profile_info">
        <strong class="profile_nickname" id="nickname">{RS.name}</strong>
        <p class="profile_account">微信号：{RS.wxid}</p>
      </div>
    </div>
    <ul class="profile_desc">
      <li><label class="profile_desc_label">功能介绍</label><div class="profile_desc_value">{RS.intro}</div></li>
      <li><label class="profile_desc_label">帐号主体</label><div class="profile_desc_value"><i class="icon_verify success"></i>江临市人力资源和社会保障局</div></li>
    </ul>
  </div>
  <div class="weui_category_title">消息</div>
  <div class="weui_msg_card_list" id="js_history_list"></div>
  <div class="loadmore" style="display:none;" id="js_loading"><div class="tips_wrp"><i class="icon_loading"></i><span class="tips">正在加载</span></div></div>
  <div class="loadmore with_line" style="display:none;" id="js_nomore"><div class="tips_wrp"><span class="tips">已无更多</span></div></div>
</div>
<script nonce="" type="text/javascript">
  var __biz = "{RS.biz}";
  var username = "{RS.gh}" || "";
  var headimg = "{RS.head}" || "";
  var nickname = "{RS.name}" || "";
  var is_subscribed = "0" * 1;
  var is_ok = "1";
  var can_msg_continue = '0' * 1;
  var appmsg_token = "1092_{rid(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%')}";
  var msgList = '{escaped}';
  seajs.use("history/profile_ext.js");
</script>
<script type="text/javascript" src="{STATIC}/mmbizwap/zh_CN/htmledition/js/biz_wap/moon.js"></script>
</body>
</html>
"""
    put(H, "_profile/ext_rs.html", page)
    for key in (f"/mp/profile_ext?{query}", f"/mp/profile_ext?action=home&__biz={RS.biz}",
                f"/mp/profile_ext?action=home&__biz={RS.biz}&scene=124&is_ok=1"):
        route(H, key, file="_profile/ext_rs.html", **HTML_CT)
    newest = RS_PUSHES[0]
    account("jl-rs-wechat", "wechat", RS.name, f"{O}/mp/profile_ext?{query}#wechat_redirect",
            newmedia_stale="deduct", newest_post=iso(newest["dt"]), newest_post_url=newest["arts"][0]["url"],
            newest_post_url_alternatives=[x["url"] for x in newest["arts"][1:]],
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="mp.weixin.qq.com/mp/profile_ext?action=home history page: msgList is a JS string literal holding HTML-entity-escaped JSON (&quot;), slashes as \\/, content_url doubly escaped (&amp;amp;); dates in comm_msg_info.datetime (unix)",
            traps=["the newest push is a 3-article multi push (is_multi=1, multi_app_msg_item_list)",
                   "one push is a plain text message (type 1, no app_msg_ext_info)",
                   "content_url must be unescaped twice and its #wechat_redirect dropped before fetching",
                   "articles mix `var ct` and `var publish_time` dating"])


# ------------------------------------------------------------------ 江临自然资源: sogou-era profile page (bitsea format), veto
ZR_POSTS = [
    (T(2026, 10, 29, 16, 40), "post", "《江临市国土空间总体规划（2021—2035年）》实施评估公众意见征集",
     "欢迎社会各界通过网站、信函等方式提出意见建议。",
     ["为做好国土空间总体规划实施评估工作，现面向社会公开征集意见建议，征集时间为2026年10月29日至11月27日。",
      "意见建议可通过江临市自然资源和规划局网站“意见征集”栏目在线提交，或邮寄至江临市自然资源和规划局国土空间规划科。"]),
    (T(2026, 10, 22, 17, 20), "post", "秋冬季森林防火，牢记野外用火“十不准”",
     "进入森林防火紧要期，请自觉遵守野外用火规定。",
     ["10月起我市进入森林防火紧要期，严禁在林区野外吸烟、烧荒、燃放烟花爆竹、焚烧秸秆和祭祀用火。"]),
    (T(2026, 10, 15, 9, 30), "ct", "全市耕地保护“田长制”工作推进会召开",
     "会议部署冬春季耕地保护重点工作。", ["10月14日，全市耕地保护“田长制”工作推进会召开，部署冬春季耕地保护和违法占地整治重点工作。"]),
    (T(2026, 10, 8, 18, 0), "ct", "不动产登记“带押过户”服务再升级",
     "二手房交易无需提前还贷，办理时间压缩至1个工作日。",
     ["我市在全市范围推行存量房“带押过户”，买卖双方无需提前偿还原贷款即可办理转移登记，办理时间压缩至1个工作日。"]),
    (T(2026, 9, 26, 16, 0), "post", "2026年汛期地质灾害防治工作情况通报",
     "汛期全市成功避让地质灾害5起。", ["今年汛期，全市共排查地质灾害隐患点1276处，成功避让地质灾害5起，未发生人员伤亡。"]),
    (T(2026, 9, 18, 10, 30), "post", "我们的名字，我们的职责",
     "江临市自然资源和规划局组建以来的主要职责。",
     ["2019年，原江临市国土资源局、原江临市城乡规划局的职责整合，组建江临市自然资源和规划局。",
      "我局主要负责全民所有土地、矿产、森林、湿地、水等自然资源资产所有者职责，负责国土空间规划、用途管制和生态修复等工作。"]),
    (T(2026, 9, 10, 17, 10), "ct", "江临市2026年第二批次城镇建设用地获省政府批准",
     "批准用地面积86.5公顷，主要用于高新区产业项目。", ["近日，江临市2026年第二批次城镇建设用地获省政府批准，批准用地面积86.5公顷。"]),
    (T(2026, 8, 29, 9, 0), "post", "测绘法宣传日：这些“问题地图”不能用",
     "使用地图请认准审图号。", ["8月29日是全国测绘法宣传日。公开使用的地图应当经审核取得审图号，请勿使用来源不明的“问题地图”。"]),
    (T(2026, 8, 25, 16, 30), "ct", "自然资源领域安全生产检查全面开展", "重点检查在建工程和矿山。",
     ["近日，市自然资源和规划局组织开展自然资源领域安全生产检查，重点检查露天矿山和地质灾害治理在建工程。"]),
    (T(2026, 8, 14, 18, 0), "post", "城区部分地块控制性详细规划修改批前公示",
     "公示期30日。", ["根据《中华人民共和国城乡规划法》，现将城区部分地块控制性详细规划修改方案予以批前公示，公示期30日。"]),
]


def build_history_sogou():
    ts = str(unix(SVR_TIME))
    lst = []
    msg_id = 1000000511
    for dt, mode, title, digest, body in ZR_POSTS:
        msg_id -= RNG.randrange(1, 4)
        sig = rid(88, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-") + "="
        q = f"timestamp={ts}&src=3&ver=1&signature={sig}"
        a = dict(dt=dt, mode=mode, title=title, digest=digest, body=body, comment_id=digits(19, "3"),
                 mid="24" + digits(8, "7"), idx="1", sn=hexid(32))
        link = f"{O}/s?{q}"
        a["url"] = link
        file = f"_s/sogou_{a['mid']}.html"
        serve([f"/s?{q}"], file, article_page(ZR, a, link))
        lst.append({"app_msg_ext_info": {
            "author": "", "content": "", "content_url": "/s?" + q.replace("&", "&amp;"), "copyright_stat": 100,
            "cover": f"{STATIC}/mmbiz_jpg/{hexid(30)}/0?wx_fmt=jpeg", "del_flag": 1, "digest": digest,
            "fileid": 0, "is_multi": 0, "multi_app_msg_item_list": [], "source_url": "", "subtype": 9,
            "title": title},
            "comm_msg_info": {"content": "", "datetime": unix(dt), "fakeid": ZR.num, "id": msg_id,
                              "status": 2, "type": 49}})
        ZR_URLS.append(link)
    msg = json.dumps({"list": lst}, ensure_ascii=False, separators=(",", ":"))
    psig = rid(88, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-") + "="
    pq = f"src=3&timestamp={ts}&ver=1&signature={psig}"
    page = HEAD + f"""
<title>{ZR.name} </title>
<link rel="stylesheet" href="{STATIC}/open/libs/weui/0.2.0/weui.css">
<link rel="stylesheet" href="{STATIC}/mmbizwap/zh_CN/htmledition/style/page/profile/sougou_profile.css">
</head>
<body id="" class="zh_CN ">
<div class="page_profile_info">
  <div class="page_profile_info_inner">
    <div class="profile_info_area">
      <div class="profile_info_group">
        <span class="radius_avatar profile_avatar"><img src="{ZR.head}"></span>
        <div class="profile_info">
          <strong class="profile_nickname">
            {ZR.name}
          </strong>
          <p class="profile_account">微信号: {ZR.wxid}</p>
        </div>
      </div>
      <ul class="profile_desc">
        <li><label class="profile_desc_label" for="">功能介绍</label><div class="profile_desc_value" title="{ZR.intro}">{ZR.intro}</div></li>
        <li><label class="profile_desc_label" for="">帐号主体</label><div class="profile_desc_value"><img class="icon_verify success" src="{STATIC}/mmbizwap/zh_CN/htmledition/images/icon/common/icon_verify_success.png">江临市自然资源和规划局</div></li>
      </ul>
    </div>
    <div class="weui_category_title">最近10条群发</div>
    <div class="weui_msg_card_list" id="history"></div>
    <div class="msg_card_tips">仅显示最近10条群发</div>
  </div>
</div>
<script type="text/javascript">
    document.domain="qq.com";
    var biz = "{ZR.biz}" || "";
    var src = "3" ;
    var ver = "1" ;
    var timestamp = "{ts}" ;
    var signature = "{psig}" ;
    var name="{ZR.wxid}"||"{ZR.name}";
        var msgList = {msg};
        seajs.use("sougou/profile.js");
</script>
</body>
</html>
"""
    put(H, "_profile/sogou_zr.html", page)
    route(H, f"/profile?{pq}", file="_profile/sogou_zr.html", **HTML_CT)
    account("jl-zrzy-wechat", "wechat", ZR.name, f"{O}/profile?{pq}",
            newmedia_stale="veto", newest_post=iso(ZR_POSTS[0][0]), newest_post_url=ZR_URLS[0],
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="Sogou-era profile page, the exact shape of chyroc_WechatSogou/bitsea-history.html: msgList as a JS object literal, content_url relative (/s?timestamp=…&amp;src=3…)",
            traps=["`var timestamp` is the page's generation time (2026-11-20 08:36), not a post",
                   "content_url is relative to the history page and &amp;-escaped",
                   "article pages of this account use the old <em id=\"post-date\"> or `var ct`",
                   "'原江临市国土资源局' in the 18 Sep article is a historical mention, not an outdated term"])


ZR_URLS: list = []

# ------------------------------------------------------------------ 江临市场监管: a page listing its article links, fresh
SJ_POSTS = [
    dict(key="a3", dt=T(2026, 11, 12, 15, 0), mode="em", title="食品安全监督抽检信息通告（2026年第9期）",
         digest="本期抽检食品样品236批次，合格率98.3%。",
         body=["近期，市市场监督管理局组织抽检粮食加工品、食用油、肉制品、蔬菜制品等12大类食品样品236批次，检验合格232批次，不合格4批次。",
               "对抽检发现的不合格产品，市市场监督管理局已责令属地监管部门立即组织核查处置，依法查处违法行为。"]),
    dict(key="a1", dt=T(2026, 11, 17, 20, 15), mode="ct", title="冬季燃气安全“五不要”，请转给家人",
         digest="用气不离人，通风要保持。", original=True,
         body=["进入冬季，家庭燃气使用量明显增加。市市场监督管理局提醒广大市民注意以下“五不要”：",
               "一不要在燃气灶具使用时离开厨房；二不要使用超期服役的燃气热水器；三不要私自改装燃气管道；四不要在密闭空间使用燃气取暖；五不要购买无3C认证的燃气器具。",
               "发现燃气泄漏，请立即关闭阀门、开窗通风，严禁开关电器，并到室外拨打燃气企业抢修电话。"]),
    dict(key="a4", dead="deleted", title="关于2026年第四季度食品安全监督抽检计划的公告"),
    dict(key="a2", dt=T(2026, 11, 16, 10, 30), mode="pt", title="经营主体年报补报提醒",
         digest="尚未报送2025年度年度报告的经营主体，请于12月31日前补报。",
         body=["根据《企业信息公示暂行条例》，经营主体应当于每年1月1日至6月30日报送上一年度年度报告。",
               "目前，全市仍有部分经营主体未报送2025年度年度报告。请尚未年报的经营主体于2026年12月31日前通过国家企业信用信息公示系统（江西）补报。",
               "按照国家工商行政管理总局的统一部署，逾期仍未报送的，将依法列入经营异常名录，并通过国家企业信用信息公示系统向社会公示。",
               "咨询电话：0793-8236015。"]),
    dict(key="a5", dead="blocked", title="起底“保健品”会销骗局，这些套路要当心"),
    dict(key="a7", dt=T(2026, 10, 28, 17, 30), mode="ct", title="计量器具免费检定走进社区",
         digest="血压计、电子秤免费检定，就在家门口。",
         body=["10月28日，市市场监督管理局联合市计量检定测试所在滨江社区开展计量器具免费检定活动，现场为居民检定血压计、电子秤等计量器具136台（件）。"]),
    dict(key="a6", dt=T(2026, 11, 3, 9, 0), mode="ct", title="商事制度改革十二年：全市经营主体突破30万户",
         digest="截至10月底，全市实有经营主体30.2万户。",
         body=["2014年，原国家工商行政管理总局推行注册资本认缴登记制等商事制度改革。十二年来，我市经营主体数量持续增长。",
               "截至2026年10月底，全市实有经营主体30.2万户，其中企业8.7万户，较2014年增长3.1倍。"]),
    dict(key="a8", dt=T(2026, 10, 20, 11, 0), mode="em", title="“双十一”网购消费提示",
         digest="理性消费，保存好购物凭证。",
         body=["“双十一”购物节临近，市市场监督管理局提醒消费者：理性消费，警惕“先涨后降”等价格陷阱，保存好订单、聊天记录等购物凭证。",
               "遇到消费纠纷，可拨打12315或通过全国12315平台投诉。"]),
]


def build_list_page():
    dead = []
    lis = []
    for i, a in enumerate(SJ_POSTS):
        if a.get("dead"):
            sid = rid(22)
            a["url"] = f"{O}/s/{sid}"
            serve([f"/s/{sid}"], f"_s/{sid}.html", DELETED if a["dead"] == "deleted" else BLOCKED)
            dead.append({"url": a["url"], "reason": a["dead"],
                         "page_text": "该内容已被发布者删除" if a["dead"] == "deleted" else "此内容因违规无法查看",
                         "listed_as": a["title"]})
        elif a["key"] == "a7":  # this one is linked in its long form
            a.update(mid="26" + digits(8, "5"), idx="1")
            long_article(SJ, a)
        else:
            short_article(SJ, a)
        lis.append(f'<li><a href="{a["url"]}" target="_blank" title="{escape(a["title"])}">{escape(a["title"])}</a></li>')
    gov = S("jianglin-gov")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="江临市人民政府">
<meta name="SiteDomain" content="{gov}/">
<meta name="SiteIDCode" content="3607000013">
<meta name="ColumnName" content="微信发布">
<meta name="ColumnType" content="微信发布">
<title>微信发布_江临市市场监督管理局</title>
<link rel="stylesheet" href="{gov}/images/bm.css">
</head>
<body>
<div class="top"><div class="w1200"><a href="{gov}/">江临市人民政府</a> | <a href="{gov}/bm/scjgj/">江临市市场监督管理局</a></div></div>
<div class="nav w1200">
  <a href="{gov}/bm/scjgj/">首页</a>
  <a href="{gov}/bm/scjgj/jgjj/">机构简介</a>
  <a href="{gov}/bm/scjgj/gzdt/">工作动态</a>
  <a href="{gov}/bm/scjgj/tzgg/">通知公告</a>
  <a href="{gov}/bm/scjgj/wxfb/" class="on">微信发布</a>
</div>
<div class="w1200 main">
  <div class="left">
    <div class="wx_card">
      <img src="{gov}/images/qr_jlscjg.png" alt="江临市场监管微信二维码" width="160">
      <p>微信号：jlscjg</p>
      <p>扫码关注“江临市场监管”</p>
    </div>
  </div>
  <div class="right">
    <div class="position">当前位置：<a href="{gov}/">首页</a> &gt; <a href="{gov}/bm/scjgj/">江临市市场监督管理局</a> &gt; 微信发布</div>
    <div class="list_title">微信发布</div>
    <ul class="list">
{chr(10).join('      ' + li for li in lis)}
    </ul>
    <div class="page">共1页　<a href="javascript:;">首页</a> <a href="javascript:;">上一页</a> <span>1</span> <a href="javascript:;">下一页</a> <a href="javascript:;">尾页</a></div>
  </div>
</div>
<div class="footer">
  <p>主办：江临市市场监督管理局　　地址：江临市滨江大道88号　　电话：0793-8236015</p>
  <p>网站标识码：3607000013　赣ICP备05004821号　赣公网安备 36070202000143号</p>
</div>
</body>
</html>
"""
    put("jianglin-gov", "bm/scjgj/wxfb/index.html", page)
    by = {a["key"]: a for a in SJ_POSTS}
    account("jl-scjg-wechat", "wechat", SJ.name, f"{gov}/bm/scjgj/wxfb/",
            newmedia_stale=None, newest_post=iso(by["a1"]["dt"]), newest_post_url=by["a1"]["url"],
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=dead,
            format="a plain HTML column page of the 市场监管局 (on the city's intensive platform) listing article links, no dates; the dates are only in the article pages",
            traps=["the list is not in date order",
                   "the newest article (17 Nov) dates itself only by `var ct` (its <em id=\"publish_time\"> is empty until script runs)",
                   "other articles: `var publish_time = \"2026-11-16\"` only, or a server-rendered <em id=\"publish_time\">",
                   "every article page carries svr_time = 2026-11-20 (serve time)",
                   "two links answer HTTP 200 with WeChat's deleted / blocked pages: dead post links",
                   "page navigation and footer links are not posts",
                   "'原国家工商行政管理总局' in the 3 Nov article is historical and clean"])
    content("outdated_term", "jl-scjg-wechat", by["a2"]["url"], "国家工商行政管理总局",
            suggestion="国家市场监督管理总局", where="article body, 3rd paragraph (used as a current authority)")


# ------------------------------------------------------------------ host-level fallbacks
def build_fallbacks():
    put(H, "_msg/param_error.html", PARAM_ERROR)
    put(H, "_msg/open_in_client.html", OPEN_IN_CLIENT)
    put(H, "_msg/expired.html", EXPIRED)
    route(H, "/s", file="_msg/param_error.html", **HTML_CT)
    route(H, "/mp/profile_ext", file="_msg/open_in_client.html", **HTML_CT)
    route(H, "/profile", file="_msg/expired.html", **HTML_CT)
    put(H, "index.html", HEAD + """<title>微信公众平台</title></head><body><div class="login_frame"><h3>微信公众平台</h3><p>使用帐号登录</p></div></body></html>
""")


def build_wechat():
    build_wewe()
    build_history_ext()
    build_history_sogou()
    build_list_page()
    build_fallbacks()
