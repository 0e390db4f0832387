/* fixture stand-in for Hanweb jpage: copy <record> CDATA out of <script type="text/xml"> into a visible list */
(function () {
  function render() {
    var s = document.querySelectorAll('script[type="text/xml"]');
    for (var i = 0; i < s.length; i++) {
      if (s[i].getAttribute("data-done")) continue;
      s[i].setAttribute("data-done", "1");
      var t = s[i].text || s[i].innerHTML, re = /<record><!\[CDATA\[([\s\S]*?)\]\]><\/record>/g, m, h = [];
      while ((m = re.exec(t))) h.push(m[1]);
      var ul = document.createElement("ul");
      ul.className = "bt-list";
      ul.innerHTML = h.join("");
      s[i].parentNode.appendChild(ul);
    }
  }
  if (document.readyState !== "loading") render(); else document.addEventListener("DOMContentLoaded", render);
})();
