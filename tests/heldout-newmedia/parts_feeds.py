"""rss-cms: the feeds of 江临市融媒体中心's CMS (掌上江临 client, 统计局, 退役军人事务局, 卫健委)."""

from html import escape

from build_set import (S, STATIC, T, account, content, iso, put, rfc822, route)

H = "rss-cms"
O = S(H)


def article_page(title, dt, source, body_html, column, url_path):
    """A TRS/WCM-style article page of the 融媒体 CMS (metadata tags per 发展指引)."""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="掌上江临">
<meta name="SiteDomain" content="{O}/">
<meta name="ColumnName" content="{column}">
<meta name="ArticleTitle" content="{escape(title)}">
<meta name="PubDate" content="{dt.strftime('%Y-%m-%d %H:%M')}">
<meta name="ContentSource" content="{source}">
<title>{escape(title)}_{column}_掌上江临</title>
<link rel="stylesheet" href="{STATIC}/zsjl/css/article.css">
</head>
<body>
<div class="header"><a href="{O}/"><img src="{STATIC}/zsjl/images/logo.png" alt="掌上江临"></a></div>
<div class="position">当前位置：<a href="{O}/">首页</a> &gt; <a href="{O}/{url_path.split('/')[1]}/">{column}</a> &gt; 正文</div>
<div class="article">
  <h1 class="title">{escape(title)}</h1>
  <div class="info"><span class="time">{dt.strftime('%Y-%m-%d %H:%M')}</span><span class="source">来源：{source}</span><span class="view">浏览量：<em id="hits"></em></span></div>
  <div class="content TRS_Editor">
{body_html}
  </div>
  <div class="share">分享到：<a href="javascript:;">微信</a> <a href="javascript:;">微博</a></div>
</div>
<div class="footer">江临市融媒体中心 版权所有　赣ICP备2021008816号-2　互联网新闻信息服务许可证：36120220013</div>
<script src="{STATIC}/zsjl/js/hits.js"></script>
</body>
</html>
"""


# ------------------------------------------------------------------ 掌上江临 (RSS 2.0, newest first, +0800)
ZSJL = [
    dict(dt=T(2026, 11, 19, 17, 42), id="4521893", cat="江临要闻",
         title="全市今冬集中供暖全面启动 12345热线开通供暖服务专席",
         desc="11月19日起，中心城区集中供暖全面启动，供暖期至2027年3月15日。",
         body="""<p>　　11月19日起，我市中心城区集中供暖全面启动，供暖期至2027年3月15日，共计117天。目前，全市集中供暖面积达2860万平方米，较上一供暖季新增并网面积126万平方米。</p>
<p>　　为及时受理市民供暖诉求，12345政务服务便民热线开通供暖服务专席，市城市管理局、各供热企业安排专人24小时值守。市民遇室温不达标、管道跑冒滴漏等问题，可拨打12345反映，也可通过“掌上江临”客户端“我要留言”栏目在线提交。</p>
<p><img src="{STATIC}/zsjl/upload/2026/11/19/gongnuan01.jpg" alt="" /></p>
<p>　　市城市管理局提醒，供暖初期管网需要排气、调试，个别楼栋可能出现温度不均的情况，请居民注意检查室内阀门状态，家中无人时关闭阀门，防止跑水。</p>"""),
    dict(dt=T(2026, 11, 19, 9, 15), id="4521876", cat="通知公告",
         title="【公示】江临市2026年第三批公共租赁住房拟配租对象名单公示",
         desc="经街道（乡镇）初审、区住房保障部门复审，现将2026年第三批公共租赁住房拟配租对象名单予以公示。",
         body="""<p>　　根据《江临市公共租赁住房管理办法》有关规定，经街道（乡镇）初审、区住房保障部门复审，市住房保障服务中心审核，现将2026年第三批公共租赁住房拟配租对象名单予以公示。</p>
<p>　　公示期：2026年11月19日至11月25日（5个工作日）。如对公示对象有异议，请在公示期内以书面形式实名向市住房保障服务中心反映。联系电话：0793-8216570。</p>
<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">
<tbody>
<tr><td>序号</td><td>申请人</td><td>家庭人口</td><td>所在街道</td><td>联系电话</td><td>拟配租房源</td></tr>
<tr><td>1</td><td>刘*芳</td><td>3</td><td>滨江街道</td><td>139****2761</td><td>翠湖苑</td></tr>
<tr><td>2</td><td>王*民</td><td>2</td><td>滨江街道</td><td>152****0834</td><td>翠湖苑</td></tr>
<tr><td>3</td><td>陈*华</td><td>4</td><td>城北街道</td><td>13979105236</td><td>安居花园</td></tr>
<tr><td>4</td><td>赵*</td><td>1</td><td>城北街道</td><td>187****4519</td><td>安居花园</td></tr>
<tr><td>5</td><td>黄*英</td><td>3</td><td>南湖街道</td><td>135****6072</td><td>南湖人家</td></tr>
<tr><td>6</td><td>周*强</td><td>2</td><td>高新区管委会</td><td>158****3390</td><td>南湖人家</td></tr>
</tbody>
</table>
<p style="text-align:right">江临市住房保障服务中心</p>
<p style="text-align:right">2026年11月19日</p>"""),
    dict(dt=T(2026, 11, 18, 16, 20), id="4521702", cat="江临要闻",
         title="我市开展冬季道路交通安全集中整治行动",
         desc="即日起至2027年2月底，市公安局交警支队在全市范围内开展冬季道路交通安全集中整治行动。",
         body="""<p>　　即日起至2027年2月底，市公安局交警支队在全市范围内开展冬季道路交通安全集中整治行动，重点整治酒驾醉驾、超员超载、疲劳驾驶、不按规定使用安全带等交通违法行为。</p>
<p>　　交警部门提醒，冬季雨雪、团雾天气多发，驾驶人出行前应关注天气和路况信息，低温天气途经桥梁、涵洞等路段要减速慢行。</p>"""),
    dict(dt=T(2026, 11, 17, 11, 5), id="4521566", cat="便民服务",
         title="江临北站至市民中心公交快线11月22日起开通",
         desc="11月22日起，江临北站至市民中心公交快线K6路开通运营，首末班时间为6:30—21:30。",
         body="""<p>　　为方便市民往返高铁站，11月22日起，江临北站至市民中心公交快线K6路开通运营。K6路全程14.6公里，沿途设江临北站、高新大道、奥体中心、市民中心等8个站点，首末班时间为6:30—21:30，高峰时段发车间隔10分钟。</p>
<p>　　开通首月，乘客使用“江临公交”乘车码乘坐K6路享受5折优惠。</p>"""),
    dict(dt=T(2026, 11, 16, 8, 30), id="4521480", cat="便民服务", weekday="Sun",
         title="市政务服务中心推出“午间不打烊”延时服务",
         desc="自11月16日起，市政务服务中心在工作日中午12:00—14:00提供不动产登记、社保、医保等高频事项办理服务。",
         body="""<p>　　自11月16日起，市政务服务中心在工作日中午12:00—14:00推出“午间不打烊”延时服务，不动产登记、社保、医保、公积金等46项高频事项均可在午间办理。</p>
<p>　　市政务服务数据管理局相关负责人介绍，延时服务期间，各窗口实行“轮岗轮休”，确保服务不断档。办事群众也可通过“赣服通”江临分厅、“掌上江临”客户端预约办理。</p>"""),
    dict(dt=T(2026, 11, 14, 19, 0), id="4521307", cat="江临要闻",
         title="第六届江临蜜橘文化旅游节开幕",
         desc="11月14日，第六届江临蜜橘文化旅游节在南岭镇开幕，活动将持续至12月20日。",
         body="""<p>　　11月14日，第六届江临蜜橘文化旅游节在南岭镇开幕。本届旅游节以“橘香江临·丰收有约”为主题，设置采摘体验、农产品展销、乡村音乐会等12项活动，将持续至12月20日。</p>
<p>　　今年全市蜜橘种植面积达18.2万亩，预计产量31万吨。</p>"""),
    dict(dt=T(2026, 11, 12, 10, 0), id="4521122", cat="通知公告",
         title="2027年度城乡居民基本医疗保险集中缴费开始",
         desc="2027年度城乡居民基本医疗保险集中缴费期为2026年11月12日至2027年2月28日。",
         body="""<p>　　记者从市医疗保障局获悉，2027年度城乡居民基本医疗保险集中缴费期为2026年11月12日至2027年2月28日，个人缴费标准按省里统一公布的标准执行。</p>
<p>　　参保群众可通过“赣服通”、微信、支付宝“江西税务”缴费渠道，或到户籍所在地村（社区）办理缴费。咨询电话：12345。</p>"""),
    dict(dt=T(2026, 11, 10, 15, 30), id="4520988", cat="江临要闻",
         title="市气象台发布寒潮蓝色预警 市民出行注意防寒保暖",
         desc="受强冷空气影响，11日至13日我市将出现寒潮天气，过程降温8～10℃。",
         body="""<p>　　市气象台11月10日15时发布寒潮蓝色预警：受强冷空气影响，11日至13日我市将出现寒潮天气，过程降温8～10℃，并伴有4～5级偏北风。</p>
<p>　　请市民及时添衣保暖，农户做好蔬菜大棚、果树防冻措施。</p>"""),
]


def build_zsjl():
    items = []
    for it in ZSJL:
        path = f"/zsjl/{it['dt']:%Y%m}/t{it['dt']:%Y%m%d}_{it['id']}.html"
        it["url"] = O + path
        body = it["body"].replace("{STATIC}", STATIC)
        put(H, path.lstrip("/"), article_page(it["title"], it["dt"], "江临市融媒体中心", body, it["cat"], path))
        first_p = body.split("</p>")[0] + "</p>"
        items.append(f"""    <item>
      <title><![CDATA[{it['title']}]]></title>
      <link>{it['url']}</link>
      <guid isPermaLink="false">{it['id']}</guid>
      <pubDate>{rfc822(it['dt'], weekday=it.get('weekday'))}</pubDate>
      <dc:creator><![CDATA[江临市融媒体中心]]></dc:creator>
      <category><![CDATA[{it['cat']}]]></category>
      <description><![CDATA[{first_p}]]></description>
      <content:encoded><![CDATA[{body}]]></content:encoded>
    </item>""")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>掌上江临 - 江临发布</title>
    <link>{O}/</link>
    <atom:link href="{O}/rss/jlfb.xml" rel="self" type="application/rss+xml" />
    <description><![CDATA[江临市融媒体中心“掌上江临”客户端 江临发布频道]]></description>
    <language>zh-cn</language>
    <copyright>江临市融媒体中心</copyright>
    <lastBuildDate>{rfc822(T(2026, 11, 20, 6, 0, 12))}</lastBuildDate>
    <ttl>30</ttl>
    <image>
      <url>{STATIC}/zsjl/images/rss_logo.png</url>
      <title>掌上江临</title>
      <link>{O}/</link>
    </image>
{chr(10).join(items)}
  </channel>
</rss>
"""
    put(H, "rss/jlfb.xml", feed)
    route(H, "/rss/jlfb.xml", content_type="application/rss+xml", charset="utf-8")
    leak = ZSJL[1]
    account("jl-zsjl-rss", "rss", "掌上江临", O + "/rss/jlfb.xml",
            newmedia_stale=None, newest_post=iso(ZSJL[0]["dt"]), newest_post_url=ZSJL[0]["url"],
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="RSS 2.0 from a CMS, newest first, RFC 822 dates with +0800, CDATA, content:encoded, dc:creator",
            traps=["one item's pubDate carries a wrong weekday (Sun for Mon 16 Nov)",
                   "masked phones (139****2761 …) in the same 公示 table are fine; only the unmasked one is a leak"])
    content("privacy_leak", "jl-zsjl-rss", leak["url"], "13979105236", kind="mobile",
            masked="139****5236", where="content:encoded table row 3 (and the article page)")


# ------------------------------------------------------------------ 江临统计 (RSS 2.0, GB2312, oldest first, GMT)
TJJ = [
    (T(2026, 9, 18, 16, 0), "4498310", "2026年8月份江临市居民消费价格变动情况",
     "8月份，全市居民消费价格同比上涨0.6%，环比上涨0.2%。"),
    (T(2026, 10, 16, 10, 0), "4509127", "2026年前三季度江临市经济运行情况",
     "前三季度，全市地区生产总值同比增长5.6%，规模以上工业增加值增长6.8%。"),
    (T(2026, 10, 19, 16, 0), "4509874", "2026年9月份江临市居民消费价格变动情况",
     "9月份，全市居民消费价格同比上涨0.4%，环比持平。"),
    (T(2026, 10, 28, 9, 30), "4513302", "关于开展2026年度统计执法检查的公告",
     "根据《中华人民共和国统计法》及其实施条例，市统计局决定于11月至12月开展2026年度统计执法检查。"),
    (T(2026, 11, 2, 1, 30), "4515016", "《江临统计年鉴2026》出版发行",
     "《江临统计年鉴2026》日前正式出版发行，全面反映了2025年全市经济社会发展情况。"),
    (T(2026, 11, 10, 16, 0), "4519032", "2026年10月份江临市居民消费价格变动情况",
     "10月份，全市居民消费价格同比上涨0.5%，环比下降0.1%。其中，食品烟酒类价格同比上涨1.2%。"),
]


def build_tjj():
    items = []
    for dt, id_, title, desc in TJJ:  # oldest first, as this CMS's template sorts by id ascending
        path = f"/tjj/tjsj/{dt:%Y%m}/t{dt:%Y%m%d}_{id_}.html"
        body = f"<p>　　{desc}</p>\n<p>　　详细数据见附件。</p>\n<p>附件：<a href=\"{O}/tjj/tjsj/{dt:%Y%m}/P0{dt:%Y%m%d}{id_}.xls\">{escape(title)}.xls</a></p>"
        put(H, path.lstrip("/"), article_page(title, dt, "江临市统计局", body, "统计数据", path), encoding="utf-8")
        put(H, f"tjj/tjsj/{dt:%Y%m}/P0{dt:%Y%m%d}{id_}.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
        items.append(f"""<item>
<title>{escape(title)}</title>
<link>{O}{path}</link>
<description><![CDATA[{desc}]]></description>
<pubDate>{rfc822(dt, gmt=True)}</pubDate>
<dc:date>{dt.strftime('%Y-%m-%dT%H:%M:%S+08:00')}</dc:date>
<author>江临市统计局</author>
</item>""")
    feed = f"""<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>江临统计--统计数据</title>
<link>{O}/tjj/tjsj/</link>
<description>江临市统计局 统计数据栏目</description>
<language>zh-cn</language>
<pubDate>{rfc822(T(2026, 11, 20, 8, 0, 5), gmt=True)}</pubDate>
<lastBuildDate>{rfc822(T(2026, 11, 20, 8, 0, 5), gmt=True)}</lastBuildDate>
<generator>WCM RSS 1.2</generator>
{chr(10).join(items)}
</channel>
</rss>
"""
    put(H, "rss/tjj.xml", feed, encoding="gb2312")
    route(H, "/rss/tjj.xml", content_type="text/xml")
    dt, id_, *_ = TJJ[-1]
    account("jl-tjj-rss", "rss", "江临统计", O + "/rss/tjj.xml",
            newmedia_stale="deduct", newest_post=iso(dt),
            newest_post_url=f"{O}/tjj/tjsj/{dt:%Y%m}/t{dt:%Y%m%d}_{id_}.html",
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="RSS 2.0, encoding gb2312 (XML declaration only; served as text/xml without charset), items OLDEST FIRST, pubDate in GMT plus dc:date",
            traps=["ascending order: the first item is the oldest",
                   "channel pubDate/lastBuildDate are 2026-11-20 (build time), not a post",
                   "item 5 is 'Sun, 01 Nov 2026 17:30:00 GMT' = 2 Nov 01:30 in Shanghai",
                   "GB2312: Python's xml.etree refuses multi-byte encodings; feedparser/lxml read it"])


# ------------------------------------------------------------------ 江临退役军人 (valid Atom feed, no entries)
def build_empty():
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>江临退役军人</title>
  <subtitle>江临市退役军人事务局 工作动态</subtitle>
  <link href="{O}/tyjrswj/gzdt/" rel="alternate" type="text/html"/>
  <link href="{O}/atom/tyjrswj.xml" rel="self" type="application/atom+xml"/>
  <id>tag:zsjl.jianglin.gov.cn,2021:tyjrswj-gzdt</id>
  <updated>2026-11-20T06:00:03+08:00</updated>
  <author><name>江临市退役军人事务局</name></author>
  <generator uri="https://www.trs.com.cn/" version="8.0">TRS WCM</generator>
</feed>
"""
    put(H, "atom/tyjrswj.xml", feed)
    route(H, "/atom/tyjrswj.xml", content_type="application/atom+xml", charset="utf-8")
    account("jl-tyjrswj-rss", "rss", "江临退役军人", O + "/atom/tyjrswj.xml",
            newmedia_stale="veto", newest_post=None, newest_post_url=None,
            crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="Atom 1.0, well-formed and valid, zero entries",
            traps=["feed-level <updated> is 2026-11-20 (generation time), not a post: the account has no post at all"],
            note="readable and empty: no post within 14 days -> veto with no newest date; a crawl_notice alone is a miss")


# ------------------------------------------------------------------ 健康江临 (HTML error page served with 200)
def build_error():
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>系统提示</title>
<style type="text/css">body{{background:#f3f3f3;font:14px/1.8 "Microsoft YaHei";}}.box{{width:560px;margin:120px auto;background:#fff;border:1px solid #ddd;padding:30px 40px;}}h3{{color:#c00;}}</style>
</head>
<body>
<div class="box">
  <h3>系统提示</h3>
  <p>对不起，您访问的栏目已关闭或正在维护中，请稍后再试。</p>
  <p>错误代码：WCM-NOCHANNEL-0404</p>
  <p><a href="{O}/">返回首页</a></p>
</div>
</body>
</html>
"""
    put(H, "_err/nochannel.html", page)
    route(H, "/rss/wjw.xml", file="_err/nochannel.html", content_type="text/html", charset="utf-8")
    account("jl-wjw-rss", "rss", "健康江临", O + "/rss/wjw.xml",
            newmedia_stale=None, newest_post=None, newest_post_url=None,
            crawl_notice_expected=True, newmedia_unanswered=[], dead_post_links=[],
            format="HTTP 200, text/html: the CMS's '栏目已关闭或正在维护' page instead of the feed",
            note="cannot read -> crawl_notice; a newmedia_stale here is a false positive")


def build_home():
    page = f"""<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>RSS订阅_掌上江临</title></head>
<body>
<h2>RSS订阅中心</h2>
<p>RSS是一种用于共享网络新内容的方法。您可以使用RSS阅读器订阅以下栏目：</p>
<ul>
<li>江临发布 <a href="{O}/rss/jlfb.xml">{O}/rss/jlfb.xml</a></li>
<li>江临统计·统计数据 <a href="{O}/rss/tjj.xml">{O}/rss/tjj.xml</a></li>
<li>江临退役军人·工作动态 <a href="{O}/atom/tyjrswj.xml">{O}/atom/tyjrswj.xml</a></li>
<li>健康江临·卫生健康动态 <a href="{O}/rss/wjw.xml">{O}/rss/wjw.xml</a></li>
</ul>
<p>江临市融媒体中心 版权所有</p>
</body>
</html>
"""
    put(H, "index.html", page)


def build_feeds():
    build_zsjl()
    build_tjj()
    build_empty()
    build_error()
    build_home()
