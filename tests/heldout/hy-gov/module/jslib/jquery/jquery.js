/* minimal stand-in for jQuery used by the fixture: $(sel).jpage(opts) is a no-op; jpage.js renders the records */
(function (w) {
  function Q(sel) { this.sel = sel; }
  Q.prototype.jpage = function () { return this; };
  w.$ = w.jQuery = function (sel) { if (typeof sel === "function") { document.addEventListener("DOMContentLoaded", sel); return; } return new Q(sel); };
  w.dataStore = null;
})(window);
