/* minimal stand-in for Hanweb jpage: renders <record> CDATA of a datastore into a list */
function jpage(unitId, opts) {
  var box = document.getElementById(unitId);
  if (!box) return;
  var xml = box.querySelector('script[type="text/xml"]');
  if (!xml) return;
  var re = /<record><!\[CDATA\[([\s\S]*?)\]\]><\/record>/g, m, html = "";
  while ((m = re.exec(xml.text)) !== null) html += m[1];
  var ul = document.createElement("ul");
  ul.className = "list";
  ul.innerHTML = html;
  box.appendChild(ul);
}
