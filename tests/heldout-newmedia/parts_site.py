"""jianglin-gov: 江临市人民政府 portal, a few pages and its 政务新媒体矩阵 page."""

from html import escape

from build_set import EXPECTED, S, T, put

H = "jianglin-gov"
O = S(H)

HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="江临市人民政府">
<meta name="SiteDomain" content="ORIGIN/">
<meta name="SiteIDCode" content="3607000013">
""".replace("ORIGIN", O)

NAV = f"""<div class="header">
  <div class="w1200"><a href="{O}/" class="logo"><img src="{O}/images/logo.png" alt="江临市人民政府"></a>
  <form class="search" action="{O}/search/" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form></div>
</div>
<div class="nav"><div class="w1200">
  <a href="{O}/">首页</a>
  <a href="{O}/zwgk/">政务公开</a>
  <a href="{O}/zwfw/">政务服务</a>
  <a href="{O}/hdjl/">互动交流</a>
  <a href="{O}/zjjl/">走进江临</a>
  <a href="{O}/zwxmt/">政务新媒体</a>
</div></div>"""

FOOTER = f"""<div class="footer"><div class="w1200">
  <p><a href="{O}/wzdt/">网站地图</a> | <a href="{O}/lxwm/">联系我们</a> | <a href="{O}/zwxmt/">政务新媒体</a></p>
  <p>主办：江临市人民政府办公室　承办：江临市政务服务数据管理局　地址：江临市滨江大道1号</p>
  <p>网站标识码：3607000013　赣ICP备05004821号　<img src="{O}/images/gaba.png" alt="">赣公网安备 36070202000143号</p>
  <p><a href="{O}/dzjg/"><img src="{O}/images/dzjg.png" alt="党政机关"></a></p>
</div></div>"""

NEWS = [
    (T(2026, 11, 19), "a0e1b2", "全市今冬集中供暖全面启动", "11月19日起，中心城区集中供暖全面启动，供暖期至2027年3月15日。"),
    (T(2026, 11, 18), "a0e1a9", "市政府召开第52次常务会议", "会议研究部署今冬明春安全生产、保供稳价等工作。"),
    (T(2026, 11, 17), "a0e19f", "K6路公交快线11月22日开通", "江临北站至市民中心公交快线K6路11月22日开通运营。"),
    (T(2026, 11, 13), "a0e170", "我市启动冬季“送温暖”活动", "活动持续至2027年2月。"),
]


def page(title, body):
    return HEAD + f"""<title>{escape(title)}</title>
<link rel="stylesheet" href="{O}/images/style.css">
</head>
<body>
{NAV}
<div class="w1200 main">
{body}
</div>
{FOOTER}
</body>
</html>
"""


def build_site():
    news_lis = "\n".join(
        f'<li><a href="{O}/xwzx/zwyw/{dt:%Y%m}/t{dt:%Y%m%d}_{i}.html" target="_blank">{escape(t)}</a><span>{dt:%Y-%m-%d}</span></li>'
        for dt, i, t, _ in NEWS)
    for dt, i, t, d in NEWS:
        put(H, f"xwzx/zwyw/{dt:%Y%m}/t{dt:%Y%m%d}_{i}.html", page(
            f"{t}_政务要闻_江临市人民政府",
            f'<div class="article"><h1>{escape(t)}</h1><div class="info">发布时间：{dt:%Y-%m-%d}　来源：江临市人民政府办公室</div>'
            f'<div class="content"><p>　　{escape(d)}</p></div></div>'))
    put(H, "xwzx/zwyw/index.html", page("政务要闻_江临市人民政府",
                                        f'<div class="list_title">政务要闻</div><ul class="list">{news_lis}</ul>'))
    home = f"""<div class="focus">
  <div class="title"><a href="{O}/xwzx/zwyw/">政务要闻</a><a href="{O}/xwzx/zwyw/" class="more">更多&gt;&gt;</a></div>
  <ul class="list">
{news_lis}
  </ul>
</div>
<div class="xmt">
  <div class="title">政务新媒体<a href="{O}/zwxmt/" class="more">更多&gt;&gt;</a></div>
  <ul>
    <li><a href="{S('m-weibo')}/u/6320154879" target="_blank"><img src="{O}/images/ico_weibo.png" alt="">江临发布微博</a></li>
    <li><img src="{O}/images/qr_jlrs.png" alt="">江临人社微信</li>
    <li><a href="{S('douyin')}/user/{EXPECTED['douyin_sec_uids']['江临发布']}" target="_blank"><img src="{O}/images/ico_douyin.png" alt="">江临发布抖音</a></li>
    <li><a href="{O}/zwxmt/">政务新媒体矩阵</a></li>
  </ul>
</div>"""
    put(H, "index.html", page("江临市人民政府", home))
    for p, t in (("zwgk", "政务公开"), ("zwfw", "政务服务"), ("hdjl", "互动交流"), ("zjjl", "走进江临"),
                 ("wzdt", "网站地图"), ("lxwm", "联系我们"), ("dzjg", "党政机关网站标识"), ("search", "搜索"),
                 ("bm/scjgj", "江临市市场监督管理局")):
        put(H, f"{p}/index.html", page(f"{t}_江临市人民政府", f'<div class="list_title">{t}</div><p>栏目建设中的内容以各子栏目为准。</p>'
                                      if p != "zwgk" else f'<div class="list_title">{t}</div><ul class="list"><li><a href="{O}/xwzx/zwyw/">政务要闻</a></li></ul>'))

    wb, wx, dy = S("m-weibo"), S("mp-weixin"), S("douyin")
    secs = EXPECTED["douyin_sec_uids"]
    tok_url = EXPECTED["accounts"]["jl-fb-toutiao"]["url"]
    rs_url = EXPECTED["accounts"]["jl-rs-wechat"]["url"]
    rows = [
        ("江临发布", "新浪微博", "江临市人民政府新闻办公室", f'<a href="{wb}/u/6320154879" target="_blank">访问</a>'),
        ("江临市场监管", "新浪微博", "江临市市场监督管理局", f'<a href="{wb}/u/7312458960" target="_blank">访问</a>'),
        ("江临司法", "新浪微博", "江临市司法局", f'<a href="{wb}/u/5938201467" target="_blank">访问</a>'),
        ("平安江临", "新浪微博", "江临市公安局", f'<a href="{wb}/u/3290517846" target="_blank">访问</a>'),
        ("江临气象", "新浪微博", "江临市气象局", f'<a href="{wb}/u/2750361984" target="_blank">访问</a>'),
        ("江临应急管理", "新浪微博", "江临市应急管理局", f'<a href="{wb}/u/7790126345" target="_blank">访问</a>'),
        ("江临人社", "微信公众号", "江临市人力资源和社会保障局",
         f'<img src="{O}/images/qr_jlrs.png" width="80" alt="二维码"> <a href="{escape(rs_url)}" target="_blank">历史消息</a>'),
        ("江临医保", "微信公众号", "江临市医疗保障局", f'<img src="{O}/images/qr_jlyb.png" width="80" alt="二维码"> 微信号：jlyb_gov'),
        ("江临自然资源", "微信公众号", "江临市自然资源和规划局", f'<img src="{O}/images/qr_jlzrzy.png" width="80" alt="二维码"> 微信号：jlzrzy'),
        ("江临市场监管", "微信公众号", "江临市市场监督管理局", f'<img src="{O}/images/qr_jlscjg.png" width="80" alt="二维码"> <a href="{O}/bm/scjgj/wxfb/" target="_blank">往期文章</a>'),
        ("江临发布", "抖音", "江临市人民政府新闻办公室", f'<a href="{dy}/user/{secs["江临发布"]}" target="_blank">访问</a>'),
        ("江临文旅", "抖音", "江临市文化和旅游局", f'<a href="{dy}/user/{secs["江临文旅"]}" target="_blank">访问</a>'),
        ("江临教育", "抖音", "江临市教育局", f'<a href="{dy}/user/{secs["江临教育"]}?from_tab_name=main" target="_blank">访问</a>'),
        ("江临发布", "今日头条", "江临市人民政府新闻办公室", f'<a href="{escape(tok_url)}" target="_blank">访问</a>'),
        ("掌上江临", "移动客户端", "江临市融媒体中心", "各大应用市场搜索“掌上江临”下载"),
        ("江临发布", "微信视频号", "江临市人民政府新闻办公室", "微信搜索视频号“江临发布”"),
    ]
    trs = "\n".join(f"<tr><td>{n}</td><td>{a}</td><td>{p}</td><td>{u}</td><td>{l}</td></tr>"
                    for n, (a, p, u, l) in enumerate(rows, 1))
    matrix = HEAD + f"""<meta name="ColumnName" content="政务新媒体">
<meta name="ColumnType" content="政务新媒体">
<title>政务新媒体矩阵_江临市人民政府</title>
<link rel="stylesheet" href="{O}/images/style.css">
</head>
<body>
{NAV}
<div class="w1200 main">
  <div class="position">当前位置：<a href="{O}/">首页</a> &gt; 政务新媒体</div>
  <h2 class="list_title">政务新媒体矩阵</h2>
  <p class="intro">根据《国务院办公厅关于推进政务新媒体健康有序发展的意见》要求，现将全市政务新媒体账号名录公布如下（更新时间：2026年10月）。</p>
  <table class="xmt_table" border="1" cellspacing="0" cellpadding="6">
    <thead><tr><th>序号</th><th>账号名称</th><th>平台</th><th>主办单位</th><th>访问方式</th></tr></thead>
    <tbody>
{trs}
    </tbody>
  </table>
</div>
{FOOTER}
</body>
</html>
"""
    put(H, "zwxmt/index.html", matrix)
    EXPECTED["candidates"] = [
        {"site": "jianglin-gov", "source_url": f"{O}/zwxmt/", "platform": "weibo", "name": "江临应急管理",
         "url": f"{wb}/u/7790126345", "id": "7790126345"},
        {"site": "jianglin-gov", "source_url": f"{O}/zwxmt/", "platform": "douyin", "name": "江临教育",
         "url": f"{dy}/user/{secs['江临教育']}?from_tab_name=main", "id": secs["江临教育"]},
    ]
    EXPECTED["not_candidates"] = [
        {"what": "江临发布 / 江临司法 / 平安江临 微博", "why": "configured, but by API URL (containerid=107603<uid>): same uid as the /u/<uid> link"},
        {"what": "江临市场监管 / 江临气象 微博", "why": "configured by the same /u/<uid> URL"},
        {"what": "江临人社 微信", "why": "configured by the same profile_ext URL (the link is &amp;-escaped and the config has #wechat_redirect)"},
        {"what": "江临市场监管 微信", "why": "configured by the same 往期文章 page URL"},
        {"what": "江临医保 / 江临自然资源 微信", "why": "no link, only 微信号 and a QR code; configured (by name)"},
        {"what": "江临发布 / 江临文旅 抖音, 江临发布 今日头条", "why": "configured by the same URLs"},
        {"what": "掌上江临 移动客户端, 江临发布 微信视频号", "why": "no link at all; not an adapter platform. Reporting them is not counted as a candidate hit (neutral)"},
    ]
