"""m-weibo: m.weibo.cn (the container API, hotflow comments, status pages, the SPA shell) and passport.weibo.com."""

import json
from datetime import datetime, timedelta
from urllib.parse import quote

from build_set import (EXPECTED, RNG, S, STATIC, T, account, content, digits, hexid, iso, put, route,
                       weibo_time)

H = "m-weibo"
O = S(H)
JSON_CT = dict(content_type="application/json", charset="utf-8")
HTML_CT = dict(content_type="text/html", charset="utf-8")
ALPH = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def b62(n):
    s = ""
    while n:
        s = ALPH[n % 62] + s
        n //= 62
    return s or "0"


def mid2bid(mid: str) -> str:
    out = []
    while mid:
        part, mid = mid[-7:], mid[:-7]
        e = b62(int(part))
        out.insert(0, e.rjust(4, "0") if mid else e)
    return "".join(out)


def wjson(obj) -> str:
    """PHP-style JSON as m.weibo.cn sends it: \\uXXXX for non-ASCII, escaped slashes."""
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")


_last_mid = [5230100000000000]


def new_mid(dt: datetime) -> str:
    # mids grow with time; keep them increasing with the date
    base = 5230000000000000 + int((dt - T(2025, 1, 1)).total_seconds()) * 2900 + RNG.randrange(1000, 9999)
    return str(base)


class User:
    def __init__(self, uid, name, reason, desc, followers, statuses, vtype=1, gov=True):
        self.uid, self.name, self.reason, self.desc = uid, name, reason, desc
        self.followers, self.statuses, self.vtype, self.gov = followers, statuses, vtype, gov
        self.avatar = f"{STATIC}/crop.0.0.180.180.180/{hexid(8)}jw8e{hexid(12)}.jpg?KID=imgbed,tva&Expires=1763650800&ssig={hexid(10)}"

    def obj(self, brief=False):
        d = {"id": int(self.uid), "screen_name": self.name, "profile_image_url": self.avatar,
             "profile_url": f"{O}/u/{self.uid}?luicode=10000011&lfid=107603{self.uid}",
             "statuses_count": self.statuses, "verified": self.gov, "verified_type": self.vtype if self.gov else -1}
        if self.gov:
            d.update(verified_type_ext=0, verified_reason=self.reason)
        d.update(close_blue_v=False, description=self.desc, gender="m" if self.gov else RNG.choice("mf"),
                 mbtype=12 if self.gov else 0, svip=0, urank=48 if self.gov else RNG.randrange(4, 30),
                 mbrank=6 if self.gov else 0, follow_me=False, following=False,
                 follow_count=RNG.randrange(80, 600), followers_count=self.followers,
                 followers_count_str=str(self.followers), cover_image_phone=f"{STATIC}/crop.0.0.640.640.640/549d0121tw1egm1kjly3jj20hs0hsq4f.jpg",
                 avatar_hd=self.avatar.replace("180.180.180", "1080.1080.1024"), like=False, like_me=False,
                 badge={"gongyi_level": 1, "bind_taobao": 0, "dzwbqlx_2016": 1, "user_name_certificate": 1} if self.gov else {"user_name_certificate": 1})
        if brief:
            return {k: d[k] for k in ("id", "screen_name", "profile_image_url", "profile_url", "verified",
                                       "verified_type", "follow_me", "following", "followers_count")}
        return d


FB = User("6320154879", "江临发布", "江临市人民政府新闻办公室官方微博", "江临市人民政府新闻办公室官方微博，权威发布政务信息。", "58.6万", 18412)
SJ = User("7312458960", "江临市场监管", "江临市市场监督管理局官方微博", "江临市市场监督管理局官方微博。投诉举报请拨打12315。", "3.2万", 4127)
SF = User("5938201467", "江临司法", "江临市司法局官方微博", "江临市司法局官方微博", "1.1万", 2603)
GA = User("3290517846", "平安江临", "江临市公安局官方微博", "江临市公安局官方微博。紧急求助请拨打110。", "21.7万", 9932)
QX = User("2750361984", "江临气象", "江临市气象局官方微博", "江临市气象局官方微博，发布天气预报预警。", "8.9万", 7310)
YJ = User("7790126345", "江临应急管理", "江临市应急管理局官方微博", "江临市应急管理局官方微博", "6215", 1288)

CITIZENS = [User(u, n, "", "", RNG.randrange(10, 900), RNG.randrange(20, 3000), gov=False) for u, n in [
    ("7392015846", "用户7392015846"), ("6058823117", "江临小橘子"), ("5720496631", "阿杰不吃香菜"),
    ("7601358842", "滨江路的风"), ("6932270415", "南湖边的猫"), ("5187403926", "一只早起的鸟儿"),
    ("7825519037", "晴天-Lin"), ("6443087219", "老周在江临"), ("7219934650", "momo妈妈")]]


def topic(name, owner):
    q = quote(f"#{name}#")
    return (f'<a  href="{O}/search?containerid=231522type%3D1%26t%3D10%26q%3D{quote(q)}&extparam={q}'
            f'&luicode=10000011&lfid=107603{owner.uid}" data-hide=""><span class="surl-text">#{name}#</span></a>')


def emo(alt, img):
    return (f'<span class="url-icon"><img alt={alt} src="{STATIC}/m/emoticon/icon/{img}" '
            f'style="width:1em; height:1em;" /></span>')


def at(name):
    return f"<a href='/n/{name}'>@{name}</a>"


POSTS: dict[str, dict] = {}   # mid -> info for status pages


def mblog(u: User, dt, text, *, pinned=False, comments=0, reposts=0, likes=0, pics=0, long_text=None,
          retweet=None, source="微博网页版", edit_at=None, region="发布于 江西", mid=None):
    mid = mid or new_mid(dt)
    bid = mid2bid(mid)
    m = {"visible": {"type": 0, "list_id": 0}, "created_at": weibo_time(dt), "id": mid, "mid": mid,
         "can_edit": False, "show_additional_indication": 0, "text": text,
         "textLength": len(text.encode("gbk", "ignore")), "source": source, "favorited": False,
         "pic_ids": [], "is_paid": False, "mblog_vip_type": 0, "user": u.obj(),
         "picStatus": "", "reposts_count": reposts, "comments_count": comments, "reprint_cmt_count": 0,
         "attitudes_count": likes, "pending_approval_count": 0, "isLongText": bool(long_text),
         "show_mlevel": 0, "darwin_tags": [], "ad_marked": False, "mblogtype": 2 if pinned else 0,
         "item_category": "status", "rid": f"{RNG.randrange(1, 9)}_0_50_{digits(19)}_0_0_0",
         "number_display_strategy": {"apply_scenario_flag": 3, "display_text_min_number": 1000000,
                                     "display_text": "100万+"},
         "content_auth": 0, "comment_manage_info": {"comment_permission_type": -1, "approval_comment_type": 0,
                                                    "comment_sort_type": 0},
         "pic_num": pics, "fid": 0, "region_name": region, "mlevel": 0, "bid": bid}
    if pics:
        ids = [hexid(8) + "ly1i" + hexid(20) for _ in range(pics)]
        m["pic_ids"] = ids
        m["thumbnail_pic"] = f"{STATIC}/thumbnail/{ids[0]}.jpg"
        m["bmiddle_pic"] = f"{STATIC}/bmiddle/{ids[0]}.jpg"
        m["original_pic"] = f"{STATIC}/large/{ids[0]}.jpg"
        m["pics"] = [{"pid": i, "url": f"{STATIC}/orj360/{i}.jpg", "size": "orj360",
                      "geo": {"width": 360, "height": 240, "croped": False},
                      "large": {"size": "large", "url": f"{STATIC}/large/{i}.jpg",
                                "geo": {"width": "1080", "height": "720", "croped": False}}} for i in ids]
    if edit_at:
        m["edit_count"] = 3
        m["edit_at"] = weibo_time(edit_at)
        m["edit_config"] = {"edited": True, "menu_edit_history": {"scheme": f"sinaweibo://cardlist?containerid=231440_-_{mid}", "title": "查看编辑记录"}}
        m["can_edit"] = False
    if pinned:
        m["title"] = {"text": "置顶", "base_color": 1}
        m["isTop"] = 1
    if retweet:
        m["retweeted_status"] = retweet
    POSTS[mid] = {"mblog": m, "full_text": long_text or text, "user": u, "dt": dt}
    if long_text:
        put(H, f"_extend/{mid}.json", wjson({"ok": 1, "data": {"ok": 1, "longTextContent": long_text,
                                                               "reposts_count": reposts, "comments_count": comments,
                                                               "attitudes_count": likes}}))
        for key in (f"/statuses/extend?id={mid}", f"/statuses/extend?id={bid}"):
            route(H, key, file=f"_extend/{mid}.json", **JSON_CT)
    return m


def status_url(m):
    return f"{O}/status/{m['bid']}"


def card(u, m):
    return {"card_type": 9, "itemid": f"107603{u.uid}_-_{m['mid']}",
            "scheme": f"{O}/status/{m['bid']}?mblogid={m['bid']}&luicode=10000011&lfid=107603{u.uid}",
            "mblog": m, "show_type": 0}


def page_json(u, cards, since_id=None, total=None):
    info = {"containerid": f"107603{u.uid}", "v_p": 42, "show_style": 1, "total": total or u.statuses,
            "autoLoadMoreIndex": 30}
    if since_id:
        info["since_id"] = int(since_id)
    return {"ok": 1, "data": {"cardlistInfo": info, "cards": cards, "scheme": f"sinaweibo://cardlist?containerid=107603{u.uid}&extparam=&luicode=10000011&lfid=100103type%3D1"}, "showAppTips": 0}


def list_keys(uid, extra_first=()):
    c = f"107603{uid}"
    bases = [f"containerid={c}", f"type=uid&value={uid}&containerid={c}", f"uid={uid}&containerid={c}",
             f"containerid={c}&type=uid&value={uid}", f"type=uid&value={uid}&containerid={c}&uid={uid}", *extra_first]
    return bases


def serve_list(u, pages, extra_first=()):
    """pages: list of JSON bodies (str). Page n>1 is asked with since_id of page n-1, or page=n."""
    bases = list_keys(u.uid, extra_first)
    since = [None]
    for n, body in enumerate(pages, 1):
        file = f"_api/{u.uid}_p{n}.json"
        put(H, file, body)
        keys = []
        for b in bases:
            if n == 1:
                keys += [b, f"{b}&page=1", f"{b}&page_type=03&page=1"]
            else:
                keys += [f"{b}&page={n}", f"{b}&page_type=03&page={n}", f"{b}&since_id={since[-1]}"]
        for k in keys:
            route(H, f"/api/container/getIndex?{k}", file=file, **JSON_CT)
        try:
            since.append(json.loads(body)["data"]["cardlistInfo"].get("since_id"))
        except Exception:
            since.append(None)


def serve_userinfo(u):
    tabs = [{"id": 1, "tabKey": "profile", "must_show": 1, "hidden": 0, "title": "主页", "tab_type": "profile",
             "containerid": f"230283{u.uid}"},
            {"id": 2, "tabKey": "weibo", "must_show": 1, "hidden": 0, "title": "微博", "tab_type": "weibo",
             "containerid": f"107603{u.uid}", "apipath": "/profile/statuses/tab", "url": "/index/my"},
            {"id": 10, "tabKey": "album", "must_show": 0, "hidden": 0, "title": "相册", "tab_type": "album",
             "containerid": f"107803{u.uid}"}]
    body = wjson({"ok": 1, "data": {"avatar_guide": [], "isStarStyle": 0, "userInfo": u.obj(),
                                    "fans_scheme": f"{O}/p/index?containerid=231051_-_fansrecomm_-_{u.uid}&luicode=10000011&lfid=100505{u.uid}",
                                    "follow_scheme": f"{O}/p/index?containerid=231051_-_followersrecomm_-_{u.uid}&luicode=10000011&lfid=100505{u.uid}",
                                    "tabsInfo": {"selectedTab": 1, "tabs": tabs}, "profile_ext": "ip,school,constellation",
                                    "scheme": f"sinaweibo://userinfo?uid={u.uid}&type=uid&value={u.uid}&luicode=10000011&lfid=100103type%3D1&v_p=42",
                                    "showAppTips": 0}})
    file = f"_api/{u.uid}_info.json"
    put(H, file, body)
    for k in (f"type=uid&value={u.uid}", f"uid={u.uid}&type=uid&value={u.uid}", f"containerid=100505{u.uid}",
              f"type=uid&value={u.uid}&containerid=100505{u.uid}", f"uid={u.uid}&containerid=100505{u.uid}"):
        route(H, f"/api/container/getIndex?{k}", file=file, **JSON_CT)


SHELL = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
<meta name="format-detection" content="telephone=no">
<title>微博</title>
<link href="STATIC/m/weibo-lite/css/app.6f1c2b9e.css" rel="stylesheet">
</head>
<body>
<div id="app" class="m-container-max"></div>
<script>
var config = {
    env: 'prod',
    st: '',
    isLogin: false,
    uid: '',
    login: [],
    wm: '3333_2001'
};
</script>
<script src="ORIGIN/static/js/app.js"></script>
</body>
</html>
""".replace("STATIC", STATIC).replace("ORIGIN", O)

APP_JS = r"""/* m.weibo.cn-like shell for this fixture: loads the profile feed from the container API */
(function () {
  var m = location.pathname.match(/^\/(?:u|profile)\/(\d+)/);
  var app = document.getElementById('app');
  if (!m || !app) { return; }
  var uid = m[1];
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function fmt(s) {
    var d = new Date(s.replace(/^\w+ (\w+) (\d+) ([\d:]+) \+0800 (\d+)$/, '$1 $2, $4 $3 GMT+0800'));
    var c = new Date(d.getTime() + 8 * 3600 * 1000);
    return c.getUTCFullYear() + '-' + pad(c.getUTCMonth() + 1) + '-' + pad(c.getUTCDate()) + ' ' + pad(c.getUTCHours()) + ':' + pad(c.getUTCMinutes());
  }
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/api/container/getIndex?type=uid&value=' + uid + '&containerid=107603' + uid);
  xhr.setRequestHeader('MWeibo-Pwa', '1');
  xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
  xhr.onload = function () {
    var r = JSON.parse(xhr.responseText);
    if (!r.ok) { app.innerHTML = '<div class="m-empty">' + (r.msg || '这里还没有内容') + '</div>'; return; }
    var html = [];
    r.data.cards.forEach(function (c) {
      if (c.card_type !== 9) { return; }
      var b = c.mblog;
      html.push('<div class="card m-panel card9 weibo-member"><div class="card-wrap"><div class="card-main">' +
        '<header class="weibo-top m-box"><div class="m-box-col m-box-dir m-box-center"><div class="m-text-box">' +
        '<a href="/profile/' + b.user.id + '"><h3 class="m-text-cut">' + b.user.screen_name + '</h3></a>' +
        '<h4 class="m-text-cut"><span class="time">' + fmt(b.created_at) + '</span><span class="from"> 来自 ' + b.source + '</span></h4>' +
        '</div></div>' + (b.isTop ? '<span class="card-title">置顶</span>' : '') + '</header>' +
        '<article class="weibo-main"><div class="weibo-og"><div class="weibo-text">' + b.text + '</div></div>' +
        (b.retweeted_status ? '<div class="weibo-rp"><div class="weibo-text">@' + b.retweeted_status.user.screen_name + ':' + b.retweeted_status.text + '</div></div>' : '') +
        '</article><footer class="m-ctrl-box m-box-center-a"><a class="m-diy-btn" href="/status/' + b.bid + '">评论 ' + b.comments_count + '</a></footer>' +
        '</div></div></div>');
    });
    app.innerHTML = '<div class="m-wrapper"><div class="card-list">' + html.join('') + '</div></div>';
  };
  xhr.send();
})();
"""


def serve_shell(u):
    put(H, f"_u/{u.uid}.html", SHELL)
    for k in (f"/u/{u.uid}", f"/profile/{u.uid}"):
        route(H, k, file=f"_u/{u.uid}.html", **HTML_CT)


def status_page(m):
    rd = [{"status": m, "call": 1, "hotScheme": f"sinaweibo://detail?mblogid={m['id']}&luicode=10000011&lfid=107603{m['user']['id']}",
           "appScheme": f"sinaweibo://detail?mblogid={m['bid']}&luicode=10000011&lfid=107603{m['user']['id']}"}]
    raw = json.dumps(rd, ensure_ascii=False, indent=4).replace("</", "<\\/")
    title = f"{m['user']['screen_name']}的微博"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
    <meta name="format-detection" content="telephone=no">
    <title>{title}</title>
    <link href="{STATIC}/m/weibo-lite/css/app.6f1c2b9e.css" rel="stylesheet">
</head>
<body>
<div id="app" class="m-container-max"></div>
<script>
var config = {{
    env: 'prod',
    st: '',
    isLogin: false,
    uid: '',
    login: [],
    wm: '3333_2001'
}};
var $render_data = {raw}[0] || {{}};
</script>
</body>
</html>
"""


def serve_status_pages():
    for mid, p in POSTS.items():
        m = dict(p["mblog"])
        m["text"] = p["full_text"]
        m["isLongText"] = False
        file = f"_status/{mid}.html"
        put(H, file, status_page(m))
        for k in (f"/status/{m['bid']}", f"/status/{mid}", f"/detail/{mid}", f"/{m['user']['id']}/{m['bid']}"):
            route(H, k, file=file, **HTML_CT)


# ------------------------------------------------------------------ comments (hotflow)
_cid = [5232000000000000]


def comment(u, dt, text, replies=(), liked_by_author=False, likes=0):
    _cid[0] += RNG.randrange(10 ** 9, 9 * 10 ** 9)
    cid = str(_cid[0])
    subs = []
    for ru, rdt, rtext in replies:
        _cid[0] += RNG.randrange(10 ** 8, 10 ** 9)
        subs.append({"created_at": weibo_time(rdt), "id": _cid[0], "rootid": int(cid), "rootidstr": cid,
                     "floor_number": 0, "text": rtext, "disable_reply": 0, "restrictOperate": 0,
                     "source": "来自江西", "comment_badge": [], "user": ru.obj(brief=True),
                     "mid": str(_cid[0]), "isLikedByMblogAuthor": False, "like_count": 0, "liked": False,
                     "reply_original_text": "", "bid": mid2bid(str(_cid[0]))})
    return {"created_at": weibo_time(dt), "id": int(cid), "rootid": int(cid), "rootidstr": cid,
            "floor_number": 0, "text": text, "disable_reply": 0, "restrictOperate": 0, "source": "来自江西",
            "comment_badge": [], "user": u.obj(brief=True), "mid": cid, "readtimetype": "comment",
            "comments": subs or False, "max_id": 0, "total_number": len(subs),
            "isLikedByMblogAuthor": liked_by_author, "more_info_type": 0, "bid": mid2bid(cid),
            "like_count": likes, "liked": False}


def serve_comments(m, comments, ok=True):
    mid = m["mid"]
    for i, c in enumerate(comments, 1):
        c["floor_number"] = i
    body = (wjson({"ok": 1, "data": {"data": comments, "total_number": len(comments), "max_id": 0,
                                     "max_id_type": 0}, "rootComment": [], "trendsText": "已加载全部评论"})
            if ok else wjson({"ok": 0, "msg": "快来发表你的评论吧"}))
    file = f"_comments/{mid}.json"
    put(H, file, body)
    for k in (f"id={mid}&mid={mid}&max_id_type=0", f"id={mid}&mid={mid}", f"id={mid}&mid={mid}&max_id_type=0&max_id=0",
              f"mid={mid}&id={mid}&max_id_type=0"):
        route(H, f"/comments/hotflow?{k}", file=file, **JSON_CT)


# ------------------------------------------------------------------ 江临发布: pinned old post first, two pages, comments
def build_fb():
    c = CITIZENS
    pinned = mblog(FB, T(2025, 12, 8, 10, 0),
                   f"{topic('江临12345', FB)}【12345政务服务便民热线，您身边的“小管家”】企业和群众遇到急难愁盼问题，可拨打12345热线反映，"
                   f"热线提供7×24小时人工服务，也可通过“掌上江临”客户端“我要留言”栏目在线反映。{emo('[心]', 'others/l_xin-43af9086c0.png')}",
                   pinned=True, comments=3, reposts=412, likes=1208, pics=1)
    serve_comments(pinned, [
        comment(c[5], T(2025, 12, 8, 11, 2), "晚上十点打过去也有人接，点赞", replies=[(FB, T(2025, 12, 8, 14, 30), "感谢您的支持！")]),
        comment(c[6], T(2025, 12, 8, 12, 40), "企业开办的问题也可以打吗？",
                replies=[(FB, T(2025, 12, 8, 14, 32), "您好，企业开办、经营中遇到的问题都可以拨打12345反映，热线会转交相关部门办理。")]),
        comment(c[7], T(2025, 12, 9, 8, 15), "收藏了", replies=[(FB, T(2025, 12, 9, 9, 5), "谢谢关注")]),
    ])
    p1 = mblog(FB, T(2026, 11, 19, 20, 5),
               f"【{topic('江临今冬首场降雪', FB)}预计21日夜间到来】据市气象台预报，受冷空气影响，21日夜间至22日我市北部山区将出现今冬首场降雪，"
               "城区有雨夹雪。请市民提前做好防寒准备，驾车出行注意路面湿滑。", reposts=86, likes=530, pics=1)
    long_full = ("【江临市2026年冬季“送温暖”活动启动】11月19日，江临市2026年冬季“送温暖”活动启动。活动持续至2027年2月，"
                 "将通过走访慰问、发放棉衣棉被、开设“爱心暖屋”等方式，为困难群众、户外劳动者送去温暖。<br />"
                 "全市设立“爱心暖屋”126处，分布在各街道便民服务中心、环卫工作站和加油站，为户外劳动者提供热水、休息、充电等服务，"
                 "开放时间为每日7:00—21:00。<br />困难群众如有需求，可向所在村（社区）反映，也可拨打12345热线。")
    p2 = mblog(FB, T(2026, 11, 19, 8, 30), long_full[:110] + f'...<a href="/status/{{mid}}">全文</a>',
               long_text=long_full, reposts=45, likes=318, pics=4, source="专业版微博")
    p2["text"] = p2["text"].replace("{mid}", p2["id"])
    p3 = mblog(FB, T(2026, 11, 18, 17, 0),
               f"{topic('江临供暖', FB)}【供暖有问题？找12345】今冬供暖已于19日启动，供暖期间如遇室温不达标、管道漏水等问题，"
               "可拨打12345热线反映，供热企业将在接诉后2小时内响应。", comments=3, reposts=120, likes=402)
    serve_comments(p3, [
        comment(c[0], T(2026, 11, 18, 17, 26), "老城区的小区今年能通暖气吗？",
                replies=[(FB, T(2026, 11, 18, 19, 2), "您好，今年新增并网的小区名单已在“掌上江临”公布，您可以查询所在小区，也可拨打12345咨询。")]),
        comment(c[1], T(2026, 11, 18, 18, 10), "暖气费在哪里交？",
                replies=[(FB, T(2026, 11, 18, 19, 5), "您好，可通过供热企业微信公众号或营业厅缴纳，具体以供热企业通知为准。")]),
        comment(c[2], T(2026, 11, 18, 20, 41), "去年报修等了三天才有人来",
                replies=[(c[3], T(2026, 11, 18, 21, 3), "我们小区也是"),
                         (FB, T(2026, 11, 19, 9, 12), "您好，已将您反映的情况转市城市管理局督办，今年供热企业须在接诉后2小时内响应。")]),
    ])
    p4 = mblog(FB, T(2026, 11, 17, 10, 0),
               f"【11月22日起，K6路公交快线开通】江临北站至市民中心公交快线K6路将于11月22日开通运营，全程14.6公里，设8个站点，"
               f"首末班时间6:30—21:30。开通首月使用“江临公交”乘车码享5折优惠。{topic('江临出行', FB)}",
               comments=4, reposts=233, likes=761, pics=2)
    serve_comments(p4, [
        comment(c[4], T(2026, 11, 17, 10, 21), "K6路经过江临二中吗？孩子上学能坐吗？", liked_by_author=True, likes=15),
        comment(c[8], T(2026, 11, 17, 11, 3), "学生卡能打折吗？", likes=9,
                replies=[(c[5], T(2026, 11, 17, 12, 30), "同问"), (c[6], T(2026, 11, 17, 13, 2), "应该可以吧，普通线路都可以")]),
        comment(c[3], T(2026, 11, 17, 15, 48), "北站首班车几点发车？高铁早班7点到，能接上吗", likes=4),
    ])
    qx_orig = mblog(QX, T(2026, 11, 16, 11, 58),
                    "【寒潮蓝色预警】江临市气象台11月16日11时发布寒潮蓝色预警：预计17日至19日我市将出现寒潮天气，"
                    "过程降温8～10℃，并伴有4～5级偏北风。请注意防寒保暖。", reposts=512, likes=403, source="专业版微博")
    p5 = mblog(FB, T(2026, 11, 16, 12, 40), f"扩散周知！注意防寒保暖{emo('[good]', 'others/h_good-0c51afc69c.png')}",
               retweet=qx_orig, reposts=18, likes=96)
    p6 = mblog(FB, T(2026, 11, 15, 9, 0),
               f"【{topic('江临蜜橘节', FB)}等你来】第六届江临蜜橘文化旅游节正在南岭镇举行，采摘体验、农产品展销、乡村音乐会等12项活动"
               "持续至12月20日。周末带上家人去摘橘子吧！", reposts=67, likes=845, pics=9)
    p7 = mblog(FB, T(2026, 11, 14, 18, 30),
               "【周末出行提示】11月15日（周日）8:00—12:00，滨江大道（江临大桥至奥体中心段）举行市民健步走活动，期间实行交通管制，"
               "请过往车辆提前绕行。", reposts=39, likes=188)
    page1 = [card(FB, m) for m in (pinned, p1, p2, p3, p4, p5, p6, p7)]
    page1.insert(1, {"card_type": 11, "itemid": "", "show_type": 0,
                     "card_group": [{"card_type": 42, "display_arrow": 0, "desc": f"全部微博（{FB.statuses}）",
                                     "itemid": "", "show_type": 0}]})
    older = [
        (T(2026, 11, 13, 10, 15), "【2027年度城乡居民医保集中缴费开始】缴费期为2026年11月12日至2027年2月28日，可通过“赣服通”、微信、支付宝“江西税务”缴费。"),
        (T(2026, 11, 11, 16, 0), "【江临市新增3条“口袋公园”步道】滨江、南湖、城北3条步道近日完工开放，总长6.8公里。"),
        (T(2026, 11, 9, 9, 30), "【全国消防日｜冬季消防安全提示】不私拉乱接电线，电动自行车不进楼入户，发现火情请拨打119。"),
        (T(2026, 11, 6, 20, 0), f"{topic('江临马拉松', FB)}【2026江临马拉松报名开启】赛事将于12月13日鸣枪，设全程、半程和健康跑三个项目。"),
        (T(2026, 11, 3, 11, 0), "【市政务服务中心“午间不打烊”服务即将推出】46项高频事项可在工作日午间办理。"),
    ]
    page2 = [card(FB, mblog(FB, dt, t, reposts=RNG.randrange(5, 90), likes=RNG.randrange(30, 600))) for dt, t in older]
    since = int(p7["mid"]) - 1
    api = ("uid=6320154879&t=0&luicode=10000011&lfid=100103type%3D1%26q%3D%E6%B1%9F%E4%B8%B4%E5%8F%91%E5%B8%83"
           "&type=uid&value=6320154879&containerid=1076036320154879")
    serve_list(FB, [wjson(page_json(FB, page1, since_id=since)), wjson(page_json(FB, page2))], extra_first=(api,))
    serve_userinfo(FB)
    serve_shell(FB)
    account("jl-fb-weibo", "weibo", FB.name, f"{O}/api/container/getIndex?{api}",
            newmedia_stale=None, newest_post=iso(T(2026, 11, 19, 20, 5)), newest_post_url=status_url(p1),
            newest_post_mid=p1["mid"], crawl_notice_expected=False,
            newmedia_unanswered=[{"url": status_url(p4), "mid": p4["mid"], "bid": p4["bid"],
                                  "why": "3 citizen root comments, all questions (one has two sub-replies by other citizens); no reply by the account anywhere; the account only liked one comment (isLikedByMblogAuthor)"}],
            answered_posts_not_to_flag=[{"url": status_url(p3), "mid": p3["mid"], "why": "every root comment has a sub-reply by 江临发布"},
                                        {"url": status_url(pinned), "mid": pinned["mid"], "why": "pinned post, every comment answered"}],
            dead_post_links=[],
            format="m.weibo.cn container API JSON (\\u-escaped, escaped slashes), URL as copied from a browser's network panel; page 2 by since_id (or page=2)",
            traps=["first mblog card is pinned (isTop=1, title 置顶) and dates from 2025-12-08",
                   "a card_type 11 group card sits between the pinned card and the feed",
                   "one post is a repost with retweeted_status (original by 江临气象)",
                   "one post is isLongText (full text via /statuses/extend?id=<mid>)",
                   "comments: hotflow sub-replies by other citizens are not replies by the account; isLikedByMblogAuthor is not a reply"])
    return {"p4": p4}


# ------------------------------------------------------------------ 江临市场监管: profile URL, deduct, outdated term
def build_sj():
    c = CITIZENS
    q1 = mblog(SJ, T(2026, 11, 10, 15, 30),
               f"{topic('江临消费提示', SJ)}【冬季取暖器具选购指南】选购电暖器、电热毯等取暖器具，请认准3C认证标志，查看产品说明书和合格证，"
               "不要购买“三无”产品。使用时远离可燃物，人走断电。", comments=2, reposts=31, likes=97, pics=3)
    serve_comments(q1, [
        comment(c[2], T(2026, 11, 10, 16, 5), "网上买的电热毯没有3C标志，能退吗？",
                replies=[(SJ, T(2026, 11, 10, 17, 20), "您好，销售未经3C认证的电热毯属于违法行为，您可以要求商家退货，协商不成可拨打12315投诉。")]),
        comment(c[7], T(2026, 11, 10, 18, 40), "怎么查3C证书真假？",
                replies=[(SJ, T(2026, 11, 11, 9, 3), "您好，可登录国家认证认可监督管理委员会网站“认证认可信息公共服务平台”查询证书信息。")]),
    ])
    q2 = mblog(SJ, T(2026, 11, 8, 10, 0),
               "【计量惠民】11月起，市计量检定测试所在各社区开展免费检定活动，居民可携带血压计、电子秤、眼镜等到现场免费检定。",
               comments=2, reposts=12, likes=54)
    serve_comments(q2, [], ok=False)  # the two comments were removed: hotflow says there is none
    q3 = mblog(SJ, T(2026, 11, 6, 9, 20),
               "【安全用药提醒】市食品药品监督管理局提醒：冬季是呼吸道疾病高发期，请到正规药店购买药品，索要购药凭证；"
               "使用抗菌药物须凭处方，切勿自行滥用。", reposts=22, likes=61)
    rest = [
        (T(2026, 11, 2, 16, 0), "【质量月回顾】今年以来，全市抽查电线电缆、儿童用品等重点工业产品412批次，不合格产品均已依法处置。"),
        (T(2026, 10, 27, 11, 30), "【特种设备安全】冬季将至，请各使用单位做好锅炉、压力容器的安全检查，作业人员须持证上岗。"),
        (T(2026, 10, 20, 9, 0), "【“双十一”消费提示】理性消费，保存好购物凭证，遇到消费纠纷请拨打12315。"),
    ]
    cards = [card(SJ, m) for m in (q1, q2, q3)] + [card(SJ, mblog(SJ, dt, t, reposts=RNG.randrange(3, 40),
                                                                   likes=RNG.randrange(10, 120))) for dt, t in rest]
    serve_list(SJ, [wjson(page_json(SJ, cards))])
    serve_userinfo(SJ)
    serve_shell(SJ)
    account("jl-scjg-weibo", "weibo", SJ.name, f"{O}/u/{SJ.uid}",
            newmedia_stale="deduct", newest_post=iso(T(2026, 11, 10, 15, 30)), newest_post_url=status_url(q1),
            newest_post_mid=q1["mid"], crawl_notice_expected=False, newmedia_unanswered=[],
            answered_posts_not_to_flag=[{"url": status_url(q1), "mid": q1["mid"], "why": "both comments answered by the account"},
                                        {"url": status_url(q2), "mid": q2["mid"], "why": "comments_count 2 but hotflow answers ok:0 快来发表你的评论吧 (comments removed)"}],
            dead_post_links=[],
            format="profile URL m.weibo.cn/u/<uid>: an SPA shell with no posts; the adapter must derive uid -> container API (type=uid&value=…, containerid=107603<uid>)",
            traps=["the /u/ page has no data without running its script (which calls the API)",
                   "single page: cardlistInfo has no since_id"])
    content("outdated_term", "jl-scjg-weibo", status_url(q3), "市食品药品监督管理局",
            suggestion="市市场监督管理局", mid=q3["mid"], where="mblog text (a 2026-11-06 post, used as current)")


# ------------------------------------------------------------------ 江临司法: veto; the pinned post was edited recently
def build_sf():
    pinned = mblog(SF, T(2026, 6, 26, 9, 0),
                   f"{topic('江临法律援助', SF)}【法律援助申请指南（持续更新）】经济困难公民和符合法定条件的其他当事人，"
                   "可以向法律援助机构申请法律援助。申请地点：各县（市、区）公共法律服务中心；咨询电话：12348。",
                   pinned=True, edit_at=T(2026, 11, 18, 16, 20), reposts=57, likes=143, pics=1)
    rest = [
        (T(2026, 10, 27, 10, 0), "【普法小课堂】遇到劳动争议怎么办？可以先协商，协商不成可以向劳动人事争议仲裁委员会申请仲裁。"),
        (T(2026, 10, 20, 15, 0), "【人民调解】今年以来，全市人民调解组织共调解矛盾纠纷8326件，调解成功率98.7%。"),
        (T(2026, 10, 12, 9, 30), "【江临市公共法律服务“三进”活动启动】律师、公证员、人民调解员进社区、进企业、进校园。"),
        (T(2026, 9, 30, 11, 0), "【国庆假期公共法律服务安排】假期期间12348热线正常提供咨询服务。"),
        (T(2026, 9, 21, 16, 0), "【公证服务】老年人、残疾人办理公证，可预约上门服务。"),
    ]
    cards = [card(SF, pinned)] + [card(SF, mblog(SF, dt, t, reposts=RNG.randrange(1, 20), likes=RNG.randrange(5, 60)))
                                  for dt, t in rest]
    serve_list(SF, [wjson(page_json(SF, cards))])
    serve_userinfo(SF)
    serve_shell(SF)
    newest = cards[1]["mblog"]
    account("jl-sf-weibo", "weibo", SF.name, f"{O}/api/container/getIndex?containerid=107603{SF.uid}",
            newmedia_stale="veto", newest_post=iso(rest[0][0]), newest_post_url=status_url(newest),
            newest_post_mid=newest["mid"], crawl_notice_expected=False, newmedia_unanswered=[], dead_post_links=[],
            format="m.weibo.cn container API, configured by containerid only",
            traps=["the only recent-looking item is the pinned post: created 2026-06-26, but edit_at is 2026-11-18 16:20 and its text says 持续更新; an edit is not a new post",
                   "all other posts are 24+ days old"])


# ------------------------------------------------------------------ 平安江临: malformed JSON
def build_ga():
    m = mblog(GA, T(2026, 11, 19, 21, 10),
              "【江临警方提醒】冬季夜间骑行请佩戴头盔、开启车灯，穿着反光衣物。", reposts=40, likes=220)
    body = wjson(page_json(GA, [card(GA, m)]))
    cut = body[: body.index("\\u51ac\\u5b63") + 30]  # the response stops in the middle of the text
    serve_list(GA, [cut])
    serve_userinfo(GA)
    serve_shell(GA)
    account("jl-ga-weibo", "weibo", GA.name, f"{O}/api/container/getIndex?type=uid&value={GA.uid}&containerid=107603{GA.uid}",
            newmedia_stale=None, newest_post=None, newest_post_url=None, crawl_notice_expected=True,
            newmedia_unanswered=[], dead_post_links=[],
            format="container API answering HTTP 200 application/json whose body is cut off mid-string (malformed JSON)",
            note="cannot read -> crawl_notice; any newmedia_stale here is a false positive (the user-info endpoint does answer valid JSON)")


# ------------------------------------------------------------------ 江临气象: login / captcha instead of data
def build_qx():
    target = (S("outside-passport-weibo") + "/sso/signin?entry=wapsso&source=wapssowb&url="
              + quote(f"https://m.weibo.cn/u/{QX.uid}", safe=""))
    keys = [f"/u/{QX.uid}", f"/profile/{QX.uid}"]
    keys += [f"/api/container/getIndex?{b}{s}" for b in list_keys(QX.uid) for s in ("", "&page=1")]
    keys += [f"/api/container/getIndex?{k}" for k in (f"type=uid&value={QX.uid}", f"containerid=100505{QX.uid}",
                                                       f"type=uid&value={QX.uid}&containerid=100505{QX.uid}",
                                                       f"uid={QX.uid}&type=uid&value={QX.uid}")]
    for k in keys:
        route(H, k, redirect=target, status=302)
    P = "outside-passport-weibo"
    put(P, "_signin.html", f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no">
<title>登录 - 新浪微博</title>
<link rel="stylesheet" href="{STATIC}/passport/sso/css/signin.3a1f.css">
</head>
<body>
<div class="m-wrap">
  <div class="m-top"><h1 class="logo">微博</h1></div>
  <form id="loginForm" class="m-form" action="/sso/login" method="post">
    <p class="tips">登录后查看更多精彩内容</p>
    <input type="text" name="username" placeholder="手机号/邮箱" autocomplete="off">
    <input type="password" name="password" placeholder="密码">
    <div id="geetest" class="captcha">
      <p class="captcha-tit">请完成下列验证后继续：</p>
      <div class="geetest_holder geetest_wind"><div class="geetest_btn"><div class="geetest_radar_tip">点击按钮进行验证</div></div></div>
    </div>
    <a href="javascript:;" id="loginAction" class="btn btnRed">登录</a>
  </form>
  <p class="footer">Copyright © 2009-2026 WEIBO 北京微梦创科网络技术有限公司</p>
</div>
<script src="{STATIC}/passport/sso/js/signin.8c2d.js"></script>
</body>
</html>
""")
    route(P, "/sso/signin", file="_signin.html", content_type="text/html", charset="utf-8")
    put(P, "index.html", "<html><head><title>新浪通行证</title></head><body>新浪通行证</body></html>\n")
    account("jl-qx-weibo", "weibo", QX.name, f"{O}/u/{QX.uid}",
            newmedia_stale=None, newest_post=None, newest_post_url=None, crawl_notice_expected=True,
            newmedia_unanswered=[], dead_post_links=[],
            format="profile URL; the profile page and every API variant for this uid redirect (302) to a passport login page with a captcha",
            note="cannot read -> crawl_notice; never stale")


# ------------------------------------------------------------------ 江临应急管理: on the matrix page, not configured
def build_yj():
    ms = [mblog(YJ, T(2026, 11, 18, 9, 0), "【冬季森林防火】进入森林防火紧要期，严禁野外用火。", reposts=11, likes=40),
          mblog(YJ, T(2026, 11, 12, 15, 0), "【应急科普】家庭应急物资储备清单，请收藏。", reposts=30, likes=88)]
    serve_list(YJ, [wjson(page_json(YJ, [card(YJ, m) for m in ms]))])
    serve_userinfo(YJ)
    serve_shell(YJ)


def build_misc():
    put(H, "_api/empty.json", wjson({"ok": 0, "msg": "这里还没有内容", "data": {"cards": []}}))
    route(H, "/api/container/getIndex", file="_api/empty.json", **JSON_CT)
    put(H, "_api/nocomment.json", wjson({"ok": 0, "msg": "快来发表你的评论吧"}))
    route(H, "/comments/hotflow", file="_api/nocomment.json", **JSON_CT)
    put(H, "_api/config.json", wjson({"preferQuickapp": 0, "data": {"login": False, "st": "", "uid": ""}, "ok": 1}))
    route(H, "/api/config", file="_api/config.json", **JSON_CT)
    put(H, "static/js/app.js", APP_JS)
    put(H, "index.html", SHELL)


def build_weibo():
    build_fb()
    build_sj()
    build_sf()
    build_ga()
    build_qx()
    build_yj()
    build_misc()
    serve_status_pages()
    EXPECTED["weibo_users"] = {u.name: u.uid for u in (FB, SJ, SF, GA, QX, YJ)}
