"""douyin (www.douyin.com user pages built by script) and toutiao (www.toutiao.com user page with SSR data)."""

import json
from urllib.parse import quote

from build_set import (EXPECTED, RNG, S, STATIC, T, account, digits, hexid, iso, put, rid, route, unix)

HTML_CT = dict(content_type="text/html", charset="utf-8")
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

# ================================================================== Douyin
D = "douyin"
DO = S(D)


class DyUser:
    def __init__(self, uid, nickname, signature, custom_verify, enterprise_reason, followers, short_id):
        self.uid, self.nickname, self.signature = uid, nickname, signature
        self.custom_verify, self.enterprise_reason = custom_verify, enterprise_reason
        self.followers, self.short_id = followers, short_id
        self.sec_uid = "MS4wLjABAAAA" + rid(64, B64)
        self.avatar = f"{STATIC}/aweme/100x100/aweme-avatar/tos-cn-avt-0015_{hexid(32)}.jpeg?from=2956013662"

    def api(self):
        return {"uid": self.uid, "sec_uid": self.sec_uid, "short_id": self.short_id, "nickname": self.nickname,
                "signature": self.signature, "avatar_thumb": {"uri": "100x100/aweme-avatar/x", "url_list": [self.avatar], "width": 720, "height": 720},
                "follow_status": 0, "follower_status": 0, "custom_verify": self.custom_verify,
                "enterprise_verify_reason": self.enterprise_reason, "verification_type": 1 if self.custom_verify else 0,
                "prevent_download": False, "is_ad_fake": False, "cover_url": [], "risk_notice_text": "",
                "share_info": {"share_url": "", "share_weibo_desc": "", "share_desc": "", "share_title": ""}}

    def camel(self, posts_count):
        return {"uid": self.uid, "secUid": self.sec_uid, "shortId": self.short_id, "nickname": self.nickname,
                "desc": self.signature, "avatarUrl": self.avatar, "customVerify": self.custom_verify,
                "enterpriseVerifyReason": self.enterprise_reason, "followerCount": self.followers,
                "followingCount": RNG.randrange(10, 90), "totalFavorited": self.followers * 7 + 3,
                "awemeCount": posts_count, "ipLocation": "IP属地：江西", "age": -1, "gender": 0,
                "isBlocked": False, "isBan": False, "roomId": 0, "verificationType": 1 if self.custom_verify else 0}


DY_FB = DyUser("96384215703", "江临发布", "江临市人民政府新闻办公室官方抖音号\n权威发布 便民服务", "",
               "江临市人民政府新闻办公室官方账号", 426300, "2078541369")
DY_WL = DyUser("71540269388", "江临文旅", "江临市文化和旅游局官方账号\n山水江临 橘香之城", "江临市文化和旅游局官方账号", "",
               88900, "3561470288")
DY_JY = DyUser("82219573064", "江临教育", "江临市教育局官方抖音号", "", "江临市教育局官方账号", 51700, "4190633727")

_aweme = [7579000000000000000]


def aweme(u, dt, desc, tags=(), comments=0, diggs=0, is_top=False, duration=None):
    _aweme[0] += RNG.randrange(10 ** 13, 9 * 10 ** 13)
    aid = str(_aweme[0] + int((dt - T(2026, 1, 1)).total_seconds()) * 10 ** 7)
    duration = duration or RNG.randrange(15, 180) * 1000
    return dict(aweme_id=aid, desc=desc + "".join(f" #{t}" for t in tags), create_time=unix(dt), dt=dt, user=u,
                is_top=1 if is_top else 0, comments=comments, diggs=diggs, tags=tags, duration=duration,
                shares=RNG.randrange(5, 800), collects=RNG.randrange(5, 900),
                cover=f"{STATIC}/obj/tos-cn-i-dy/{hexid(32)}~tplv-dy-resize-origshort-autoq-75:330.jpeg")


def aweme_api(a):
    u = a["user"]
    return {"aweme_id": a["aweme_id"], "desc": a["desc"], "create_time": a["create_time"], "author": u.api(),
            "music": {"id": int(digits(19, "7")), "title": f"@{u.nickname}创作的原声", "author": u.nickname,
                      "play_url": {"uri": "", "url_list": []}, "duration": a["duration"] // 1000},
            "video": {"play_addr": {"uri": "v0d00fg10000" + hexid(20), "url_list": [f"{DO}/aweme/v1/play/?video_id=v0d00fg10000{hexid(20)}"]},
                      "cover": {"uri": "tos-cn-i-dy/" + hexid(32), "url_list": [a["cover"]]},
                      "height": 1920, "width": 1080, "ratio": "1080p", "duration": a["duration"]},
            "share_url": f"{DO}/video/{a['aweme_id']}",
            "statistics": {"admire_count": 0, "aweme_id": a["aweme_id"], "collect_count": a["collects"],
                           "comment_count": a["comments"], "digg_count": a["diggs"], "play_count": 0,
                           "share_count": a["shares"]},
            "status": {"aweme_id": a["aweme_id"], "is_delete": False, "allow_share": True, "is_prohibited": False,
                       "in_reviewing": False, "part_see": 0, "private_status": 0, "review_result": {"review_status": 0}},
            "text_extra": [{"start": 0, "end": 0, "type": 1, "hashtag_name": t, "hashtag_id": digits(19, "1"),
                            "is_commerce": False, "caption_start": 0, "caption_end": 0} for t in a["tags"]],
            "is_top": a["is_top"], "share_info": {"share_url": f"{DO}/video/{a['aweme_id']}", "share_link_desc": a["desc"]},
            "video_labels": None, "is_ads": False, "duration": a["duration"], "aweme_type": 0, "image_infos": None,
            "risk_infos": {"vote": False, "warn": False, "risk_sink": False, "type": 0, "content": ""},
            "position": None, "uniqid_position": None, "comment_list": None, "author_user_id": int(u.uid),
            "geofencing": [], "region": "CN", "video_text": None, "collect_stat": 0, "label_top_text": None,
            "promotions": [], "group_id": a["aweme_id"], "prevent_download": False, "preview_title": a["desc"][:20],
            "entertainment_product_info": {"market_info": {"limit_free": {"in_free": False}}}, "images": None,
            "caption": a["desc"], "item_title": ""}


def aweme_camel(a):
    u = a["user"]
    return {"awemeId": a["aweme_id"], "awemeType": 0, "groupId": a["aweme_id"], "desc": a["desc"],
            "createTime": a["create_time"], "authorUserId": int(u.uid), "isTop": a["is_top"],
            "tag": {"isTop": bool(a["is_top"]), "inReviewing": False, "reviewStatus": 0},
            "video": {"width": 1080, "height": 1920, "ratio": "1080p", "duration": a["duration"],
                      "cover": a["cover"], "dynamicCover": a["cover"].replace("resize", "dynamic")},
            "stats": {"commentCount": a["comments"], "diggCount": a["diggs"], "shareCount": a["shares"],
                      "playCount": 0, "collectCount": a["collects"]},
            "authorInfo": {"uid": u.uid, "secUid": u.sec_uid, "nickname": u.nickname,
                           "customVerify": u.custom_verify, "enterpriseVerifyReason": u.enterprise_reason,
                           "avatarUri": u.avatar},
            "textExtra": [{"hashtagName": t, "type": 1} for t in a["tags"]], "isPrivate": False}


DY_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="renderer" content="webkit">
<meta name="force-rendering" content="webkit">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<link rel="shortcut icon" href="STATIC/ies/douyin_web/public/favicon.ico" type="image/x-icon">
<link rel="stylesheet" href="STATIC/douyin/web/common/css/app.1b7e9d.css">
""".replace("STATIC", STATIC)

RENDER_JS = r"""
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function render(list, box) {
    var html = [];
    list.forEach(function (a) {
      var id = a.aweme_id || a.awemeId;
      var top = a.is_top || a.isTop;
      var st = a.statistics || a.stats || {};
      html.push('<li class="wqW3g_Kl WPzYSlFQ OguQAD1e"><div class="wdgOHHWM"><a href="/video/' + id + '" class="uz1VJwFY TyuBARdT IdxE71f8" target="_blank">' +
        '<div class="Oz5ZY6cr">' + (top ? '<div class="semi-tag semi-tag-default semi-tag-square semi-tag-solid">置顶</div>' : '') +
        '<span class="author-card-user-video-like"><span class="b3Dh2ia8">' + (st.digg_count || st.diggCount || 0) + '</span></span></div>' +
        '<p class="eJFBAbdI H4IE9Xgd">' + (a.desc || '').replace(/</g, '&lt;') + '</p></a></div></li>');
    });
    box.innerHTML = html.join('');
  }
"""


def dy_shell(u, title_suffix, ssr_render_data, body_scripts):
    return DY_HEAD + f"""<title>{u.nickname}的抖音 - 抖音</title>
<meta name="description" content="{u.nickname}的主页，{u.followers}个粉丝，来抖音，记录美好生活！">
<meta name="keywords" content="{u.nickname},抖音,抖音短视频">
</head>
<body>
<div id="douyin-header"></div>
<div id="root">
  <div class="user-page" data-e2e="user-page">
    <div class="user-info" data-e2e="user-info">
      <h1 class="a34DMvQe"><span class="arnSiSbK">{u.nickname}</span></h1>
      <div class="sign-info" data-e2e="user-info-desc"></div>
    </div>
    <div class="user-tab" data-e2e="user-tab-count"><span>作品</span></div>
    <div class="pCVdP6Bb">
      <ul class="EZC0YBrG" data-e2e="scroll-list"></ul>
      <div class="nomore" style="display:none">暂时没有更多了</div>
    </div>
  </div>
</div>
{ssr_render_data}
{body_scripts}
</body>
</html>
"""


POST_QUERY = ("device_platform=webapp&aid=6383&channel=channel_pc_web&sec_user_id={sec}&max_cursor=0&locate_query=false"
              "&show_live_replay_strategy=1&need_time_list=1&time_list_query=0&whale_cut_token=&cut_version=1&count=18"
              "&publish_video_strategy_type=2&pc_client_type=1&version_code=290100&version_name=29.1.0"
              "&cookie_enabled=true&platform=PC&downlink=10&webid=7438215093361845760")


def video_page(a):
    u = a["user"]
    rd = {"app": {"videoDetail": {"awemeId": a["aweme_id"], "desc": a["desc"], "createTime": a["create_time"],
                                  "authorInfo": {"uid": u.uid, "secUid": u.sec_uid, "nickname": u.nickname,
                                                 "customVerify": u.custom_verify, "enterpriseVerifyReason": u.enterprise_reason},
                                  "stats": {"commentCount": a["comments"], "diggCount": a["diggs"], "shareCount": a["shares"]},
                                  "video": {"duration": a["duration"], "cover": a["cover"]}}},
          "_location": f"/video/{a['aweme_id']}"}
    enc = quote(json.dumps(rd, ensure_ascii=False, separators=(",", ":")), safe="")
    return DY_HEAD + f"""<title>{a['desc'][:30]} - 抖音</title>
<meta name="description" content="{a['desc']} - {u.nickname}于{a['dt']:%Y%m%d}发布在抖音，已经收获了{a['diggs']}个喜欢，来抖音，记录美好生活！">
</head>
<body>
<div id="root">
  <div class="video-detail" data-e2e="video-detail">
    <div class="video-info-detail" data-e2e="detail-video-info">
      <h1 class="hE8dATZQ"><span>{a['desc']}</span></h1>
      <div class="XeHKOJEb"><span class="author-name">@{u.nickname}</span>
        <span data-e2e="detail-video-publish-time" class="D8UdT9V8">发布时间：{a['dt']:%Y-%m-%d %H:%M}</span></div>
    </div>
  </div>
</div>
<script id="RENDER_DATA" type="application/json">{enc}</script>
</body>
</html>
"""


def serve_videos(awemes):
    for a in awemes:
        put(D, f"_video/{a['aweme_id']}.html", video_page(a))
        route(D, f"/video/{a['aweme_id']}", file=f"_video/{a['aweme_id']}.html", **HTML_CT)
        a["url"] = f"{DO}/video/{a['aweme_id']}"


def build_dy_xhr(u, awemes, user_rd_extra=None):
    """User page whose post list arrives by XHR from the web API after load (the 2024-2026 reality)."""
    q = POST_QUERY.format(sec=u.sec_uid)
    api = {"status_code": 0, "min_cursor": awemes[-1]["create_time"] * 1000, "max_cursor": awemes[-1]["create_time"] * 1000,
           "has_more": 0, "aweme_list": [aweme_api(a) for a in awemes],
           "time_list": sorted({f"{a['dt']:%Y-%m}" for a in awemes}, reverse=True),
           "log_pb": {"impr_id": "20261120083612" + "A" + hexid(17).upper()}, "request_item_cursor": 0,
           "post_serial": 2, "replace_series_cover": 1}
    file = f"_api/post_{u.uid}.json"
    put(D, file, json.dumps(api, ensure_ascii=False, separators=(",", ":")))
    route(D, f"/aweme/v1/web/aweme/post/?{q}", file=file, content_type="application/json", charset="utf-8")
    rd = {"app": {"odin": {"user_id": "", "user_is_auth": 0}, "env": "prod", "isSpider": False,
                  "abTestData": {}, "webid": "7438215093361845760"},
          "uid": u.uid,
          "user": {"statusCode": 0, "user": u.camel(len(awemes) + 410),
                   "post": {"data": [], "cursor": 0, "maxCursor": 0, "minCursor": 0, "hasMore": True, "loading": True},
                   "isClient": False, "odin": {}},
          "_location": f"/user/{u.sec_uid}"}
    ssr = f'<script id="RENDER_DATA" type="application/json">{quote(json.dumps(rd, ensure_ascii=False, separators=(",", ":")), safe="")}</script>'
    js = f"""<script nonce="">
(function () {{{RENDER_JS}
  var secUid = '{u.sec_uid}';
  var params = '{q.replace("{sec}", "").split("sec_user_id=")[0]}sec_user_id=' + secUid + '{q.split(u.sec_uid)[1]}';
  function load() {{
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/aweme/v1/web/aweme/post/?' + params);
    xhr.withCredentials = true;
    xhr.onload = function () {{
      if (!xhr.responseText) {{ return; }}
      var r = JSON.parse(xhr.responseText);
      render(r.aweme_list || [], document.querySelector('[data-e2e="scroll-list"]'));
      if (!r.has_more) {{ document.querySelector('.nomore').style.display = 'block'; }}
    }};
    xhr.send();
  }}
  if (document.readyState === 'loading') {{ document.addEventListener('DOMContentLoaded', load); }} else {{ load(); }}
}})();
</script>"""
    put(D, f"_user/{u.uid}.html", dy_shell(u, "", ssr, js))
    for k in (f"/user/{u.sec_uid}", f"/user/{u.sec_uid}?from_tab_name=main", f"/user/{u.sec_uid}?vid={awemes[0]['aweme_id']}"):
        route(D, k, file=f"_user/{u.uid}.html", **HTML_CT)


def build_dy_pace(u, awemes):
    """User page whose data only exists as split, URI-encoded chunks pushed to self.__pace_f; a script joins
    them at load, inserts <script id="RENDER_DATA"> and renders the list."""
    rd = {"app": {"odin": {"user_id": "", "user_is_auth": 0}, "env": "prod", "isSpider": False},
          "uid": u.uid,
          "user": {"statusCode": 0, "user": u.camel(len(awemes) + 233),
                   "post": {"data": [aweme_camel(a) for a in awemes], "cursor": awemes[-1]["create_time"] * 1000,
                            "maxCursor": awemes[-1]["create_time"] * 1000, "minCursor": awemes[0]["create_time"] * 1000,
                            "hasMore": False, "loading": False}},
          "_location": f"/user/{u.sec_uid}"}
    enc = quote(json.dumps(rd, ensure_ascii=False, separators=(",", ":")), safe="")
    chunks, i = [], 0
    while i < len(enc):
        n = RNG.randrange(300, 700)
        chunks.append(enc[i:i + n])
        i += n
    pushes = "\n".join(f'<script nonce="">self.__pace_f.push([1,{json.dumps(c)}])</script>' for c in chunks)
    js = f"""<script nonce="">self.__pace_f=self.__pace_f||[];</script>
{pushes}
<script nonce="">
(function () {{{RENDER_JS}
  function boot() {{
    var s = self.__pace_f.map(function (x) {{ return x[1]; }}).join('');
    var el = document.createElement('script');
    el.id = 'RENDER_DATA';
    el.type = 'application/json';
    el.textContent = s;
    document.body.appendChild(el);
    var data = JSON.parse(decodeURIComponent(s));
    render(data.user.post.data, document.querySelector('[data-e2e="scroll-list"]'));
    document.querySelector('.nomore').style.display = 'block';
  }}
  if (document.readyState === 'loading') {{ document.addEventListener('DOMContentLoaded', boot); }} else {{ boot(); }}
}})();
</script>"""
    put(D, f"_user/{u.uid}.html", dy_shell(u, "", "", js))
    for k in (f"/user/{u.sec_uid}", f"/user/{u.sec_uid}?from_tab_name=main"):
        route(D, k, file=f"_user/{u.uid}.html", **HTML_CT)


def build_douyin():
    fb = [
        aweme(DY_FB, T(2026, 5, 12, 10, 0), "江临，一座来了就不想走的城市", ("江临", "城市宣传片"), comments=862, diggs=35120, is_top=True),
        aweme(DY_FB, T(2026, 11, 18, 19, 30), "今冬首场寒潮来袭，出门记得添衣保暖", ("寒潮", "江临天气"), comments=57, diggs=1893),
        aweme(DY_FB, T(2026, 11, 16, 12, 0), "K6路公交快线11月22日开通，带你提前体验", ("江临出行",), comments=131, diggs=2450),
        aweme(DY_FB, T(2026, 11, 13, 18, 0), "第六届江临蜜橘文化旅游节开幕啦", ("江临蜜橘", "丰收"), comments=44, diggs=3671),
        aweme(DY_FB, T(2026, 11, 9, 20, 0), "全国消防日，消防员教你正确使用灭火器", ("119消防宣传月",), comments=12, diggs=988),
        aweme(DY_FB, T(2026, 11, 2, 9, 0), "2026江临马拉松报名开启", ("江临马拉松",), comments=26, diggs=1204),
    ]
    wl = [
        aweme(DY_WL, T(2026, 10, 22, 18, 0), "秋日的南岭古村，美得像一幅画", ("江临文旅", "秋天的第一张照片"), comments=38, diggs=5120),
        aweme(DY_WL, T(2026, 10, 17, 10, 0), "江临博物馆“赣江流域古陶瓷”特展开幕", ("博物馆",), comments=9, diggs=640),
        aweme(DY_WL, T(2026, 10, 5, 17, 0), "国庆假期江临接待游客128万人次", ("国庆",), comments=15, diggs=1380),
        aweme(DY_WL, T(2026, 10, 1, 9, 0), "国庆假期江临主要景区开放时间汇总", ("国庆去哪玩",), comments=21, diggs=902),
        aweme(DY_WL, T(2026, 9, 20, 16, 30), "跟着非遗传承人学做江临米粉", ("非遗", "江临美食"), comments=64, diggs=7302),
    ]
    jy = [aweme(DY_JY, T(2026, 11, 17, 17, 0), "冬季校园安全提示", ("江临教育",), comments=3, diggs=210),
          aweme(DY_JY, T(2026, 11, 10, 12, 0), "2027年义务教育招生政策问答", ("江临教育",), comments=40, diggs=530)]
    build_dy_xhr(DY_FB, fb)
    build_dy_pace(DY_WL, wl)
    build_dy_xhr(DY_JY, jy)
    serve_videos(fb + wl + jy)
    put(D, "_api/empty", b"")
    route(D, "/aweme/v1/web/aweme/post/", file="_api/empty", content_type="application/json", charset="utf-8")
    put(D, "index.html", DY_HEAD + "<title>抖音-记录美好生活</title></head><body><div id=\"root\"></div></body></html>\n")
    newest = fb[1]
    account("jl-fb-douyin", "douyin", DY_FB.nickname, f"{DO}/user/{DY_FB.sec_uid}",
            newmedia_stale=None, newest_post=iso(newest["dt"]), newest_post_url=newest["url"],
            newest_aweme_id=newest["aweme_id"], crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="douyin.com/user/<sec_uid>: SSR <script id=RENDER_DATA> (URI-encoded JSON) holds the profile but an EMPTY post list (loading: true); the posts arrive after load by XHR from /aweme/v1/web/aweme/post/?… (snake_case aweme_list). /video/<aweme_id> pages are SSR with createTime and 发布时间",
            traps=["a plain GET sees RENDER_DATA with post.data = [] : that is 'not loaded', not 'no posts' -> never veto; without a browser the honest result is a crawl_notice",
                   "the API answers an empty 200 body unless asked with the page's exact query",
                   "the first aweme is pinned (is_top 1) from 2026-05-12"],
            acceptable_alternative="crawl_notice (cannot read without running the page's script) is a miss, not a false finding; veto/deduct is wrong")
    account("jl-wl-douyin", "douyin", DY_WL.nickname, f"{DO}/user/{DY_WL.sec_uid}",
            newmedia_stale="veto", newest_post=iso(wl[0]["dt"]), newest_post_url=wl[0]["url"],
            newest_aweme_id=wl[0]["aweme_id"], crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="douyin.com/user/<sec_uid>: no RENDER_DATA in the HTML; the data is split over self.__pace_f.push([1,\"…\"]) chunks of URI-encoded JSON that a script joins at load into <script id=RENDER_DATA> (camelCase: awemeId, createTime, stats.commentCount, authorInfo.customVerify)",
            traps=["a plain GET sees no posts and no RENDER_DATA element",
                   "newest post is 29 days old"],
            acceptable_alternative="crawl_notice (cannot read) is a miss; 'no posts at all' reasoning happens to give veto too, but newest_post must be 2026-10-22")
    EXPECTED["douyin_sec_uids"] = {u.nickname: u.sec_uid for u in (DY_FB, DY_WL, DY_JY)}


# ================================================================== Toutiao
TT = "toutiao"
TO = S(TT)


def build_toutiao():
    token = "MS4wLjABAAAA" + rid(64, B64)
    user_id = "4061728539"
    media_id = "1650371842097159"
    uinfo = {"user_id": user_id, "name": "江临发布", "avatar_url": f"{STATIC}/large/user-avatar/{hexid(32)}~300x300.image",
             "description": "江临市人民政府新闻办公室官方头条号", "user_verified": True,
             "verified_content": "江临市人民政府新闻办公室官方账号", "follow": False, "media_id": media_id}

    def art(pub, behot, title, abstract, comments, reads, body):
        gid = str(7570000000000000000 + unix(pub) * 1000 + RNG.randrange(100, 999))
        return {"kind": "article", "pub": pub, "behot": behot, "title": title, "abstract": abstract, "gid": gid,
                "comments": comments, "reads": reads, "body": body}

    items = [
        art(T(2026, 10, 30, 9, 0), T(2026, 11, 12, 10, 0), "第二届江临市职业技能大赛落幕 586名选手同台竞技",
            "10月28日至30日，第二届江临市职业技能大赛举行，586名选手在27个赛项中同台竞技。", 6, 8421,
            ["10月28日至30日，第二届江临市职业技能大赛举行，来自全市的586名选手在27个赛项中同台竞技。",
             "各赛项获得前三名的选手，按规定晋升相应职业技能等级。"]),
        art(T(2026, 11, 10, 12, 0), T(2026, 11, 10, 12, 0), "江临：前三季度地区生产总值同比增长5.6%",
            "前三季度，全市地区生产总值同比增长5.6%，规模以上工业增加值增长6.8%，社会消费品零售总额增长5.1%。", 14, 21950,
            ["市统计局发布数据显示，前三季度，全市地区生产总值同比增长5.6%。",
             "规模以上工业增加值同比增长6.8%，社会消费品零售总额增长5.1%，固定资产投资增长4.3%。"]),
        {"kind": "thread", "pub": T(2026, 11, 8, 9, 30), "behot": T(2026, 11, 8, 9, 30), "gid": str(7570000000000000000 + unix(T(2026, 11, 8, 9, 30)) * 1000 + 517),
         "content": "#江临# 今天是全国消防日。冬季用火用电多，出门前记得检查燃气阀门，电动自行车不进楼入户，不私拉电线充电。", "comments": 3, "reads": 4120},
        art(T(2026, 11, 6, 16, 0), T(2026, 11, 6, 16, 0), "江临马拉松12月13日开跑 报名通道已开启",
            "2026江临马拉松将于12月13日鸣枪开跑，设全程、半程和健康跑三个项目。", 22, 30518,
            ["2026江临马拉松将于12月13日鸣枪开跑，设全程马拉松、半程马拉松和5公里健康跑三个项目，总规模2万人。"]),
        art(T(2026, 11, 2, 10, 0), T(2026, 11, 2, 10, 0), "市政务服务中心将推出“午间不打烊”服务",
            "46项高频事项可在工作日午间办理。", 5, 6033, ["市政务服务中心将在工作日中午推出延时服务，46项高频事项可在午间办理。"]),
        art(T(2026, 10, 26, 15, 30), T(2026, 10, 26, 15, 30), "江临北站综合交通枢纽二期工程开工",
            "二期工程建成后将实现高铁、公交、出租车“零换乘”。", 31, 40277,
            ["江临北站综合交通枢纽二期工程日前开工，计划2028年建成投用。"]),
    ]
    feed = []
    for it in items:
        if it["kind"] == "thread":
            feed.append({"cell_type": 32, "thread_id": it["gid"], "group_id": it["gid"], "content": it["content"],
                         "rich_content": it["content"].replace("#江临#", '<a href="sslocal://concern?cid=6654">#江临#</a>'),
                         "create_time": unix(it["pub"]), "behot_time": unix(it["behot"]), "comment_count": it["comments"],
                         "digg_count": RNG.randrange(10, 90), "read_count": it["reads"], "forward_count": 2,
                         "share_url": f"{TO}/w/{it['gid']}/", "title": "", "user": uinfo, "large_image_list": [],
                         "thumb_image_list": [], "ugc_cut_image_list": [], "position": "__UNDEF__"})
            it["url"] = f"{TO}/w/{it['gid']}/"
            continue
        url = f"{TO}/article/{it['gid']}/"
        it["url"] = url
        feed.append({"abstract": it["abstract"], "article_genre": "article", "article_url": f"{TO}/group/{it['gid']}/",
                     "behot_time": unix(it["behot"]), "cell_type": 0, "comment_count": it["comments"],
                     "digg_count": RNG.randrange(10, 300), "display_url": url, "group_id": it["gid"],
                     "group_source": 2, "has_image": True, "has_video": False, "item_id": it["gid"],
                     "image_list": [{"url": f"{STATIC}/large/tos-cn-i-qvj2lq49k0/{hexid(32)}~tplv-tt-cs0:640:360.jpg", "width": 640, "height": 360}],
                     "publish_time": unix(it["pub"]), "read_count": it["reads"], "share_url": url, "source": "江临发布",
                     "tag": "news_politics", "title": it["title"], "user_info": uinfo, "is_stick": False,
                     "video_duration": "__UNDEF__", "log_pb": {"impr_id": "20261120083612" + "B" + hexid(9).upper()}})
        put(TT, f"article/{it['gid']}/index.html", f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{it['title']} - 今日头条</title>
<meta name="description" content="{it['abstract']}">
<link rel="stylesheet" href="{STATIC}/toutiao/pc/css/article.4e1d.css">
</head>
<body>
<div id="root"><div class="main-content">
  <div class="article-content">
    <h1>{it['title']}</h1>
    <div class="article-meta"><span>{it['pub']:%Y-%m-%d %H:%M}</span><span class="dot">·</span><span class="name"><a href="{TO}/c/user/token/{token}/" target="_blank">江临发布</a></span><span class="dot">·</span><span>江西</span></div>
    <article class="syl-article-base tt-article-content syl-page-article syl-device-pc">{''.join(f'<p>{p}</p>' for p in it['body'])}</article>
  </div>
</div></div>
</body>
</html>
""")
    ssr = {"abtest": {"v": "1120", "params": {}}, "isMobile": "__UNDEF__", "userAgent": "__UNDEF__",
           "profileUserInfo": {"userId": user_id, "mediaId": media_id, "name": "江临发布", "avatarUrl": uinfo["avatar_url"],
                               "description": uinfo["description"], "userVerified": True,
                               "verifiedContent": uinfo["verified_content"], "followersCount": 183402,
                               "followingsCount": 52, "diggCount": 1043215, "ipLocation": "江西", "token": token},
           "feed": {"profile_all": {"data": feed, "hasMore": True, "offset": feed[-1]["behot_time"], "loading": False},
                    "pc_profile_article": "__UNDEF__"},
           "tabs": [{"name": "全部", "key": "profile_all"}, {"name": "文章", "key": "pc_profile_article"},
                    {"name": "视频", "key": "pc_profile_video"}, {"name": "微头条", "key": "pc_profile_ugc"}]}
    raw = json.dumps(ssr, ensure_ascii=False, separators=(",", ":")).replace("/", "\\u002F").replace('"__UNDEF__"', "undefined")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="renderer" content="webkit">
<title>江临发布的头条主页 - 今日头条(www.toutiao.com)</title>
<meta name="keywords" content="江临发布,今日头条">
<meta name="description" content="江临发布的头条主页，江临市人民政府新闻办公室官方头条号">
<link rel="stylesheet" href="{STATIC}/toutiao/pc/css/profile.7a0c.css">
</head>
<body>
<div id="root"><div class="profile-container"><div class="profile-info-wrapper"><div class="name">江临发布</div></div><div class="profile-feed-wrapper"></div></div></div>
<script>window._SSR_HYDRATED_DATA={raw}</script>
<script src="{STATIC}/toutiao/pc/js/profile.7a0c.js" crossorigin="anonymous"></script>
</body>
</html>
"""
    put(TT, f"c/user/token/{token}/index.html", page)
    put(TT, "index.html", "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>今日头条</title></head><body><div id=\"root\"></div></body></html>\n")
    newest = items[1]
    account("jl-fb-toutiao", "toutiao", "江临发布", f"{TO}/c/user/token/{token}/",
            newmedia_stale="deduct", newest_post=iso(newest["pub"]), newest_post_url=newest["url"],
            newest_group_id=newest["gid"], crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="toutiao.com/c/user/token/<token>/ with window._SSR_HYDRATED_DATA = a JS object literal (not JSON: `undefined` values, \\u002F for '/'); feed.profile_all.data holds articles (publish_time, behot_time, comment_count …) and one 微头条 (cell_type 32, create_time, no title)",
            traps=["_SSR_HYDRATED_DATA is not valid JSON (undefined values)",
                   "the first item is a 30 Oct article re-surfaced: behot_time 12 Nov, publish_time 30 Oct; the newest publication is 10 Nov (either reading still gives deduct)",
                   "a 微头条 has create_time and no publish_time/title"])
