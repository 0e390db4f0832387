/* m.weibo.cn-like shell for this fixture: loads the profile feed from the container API */
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
