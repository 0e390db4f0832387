<?xml version="1.0" encoding="UTF-8"?>
<datastore>
<totalrecord>4</totalrecord>
<totalpage>1</totalpage>
<recordset>
<record><![CDATA[
<li><a href="/art/2026/11/18/art_3405_102.html" title="市住建局召开全市建筑施工安全生产工作会议" target="_blank">市住建局召开全市建筑施工安全生产工作会议</a><span class="bt-data-time">2026-11-18</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2026/11/17/art_3405_101.html" title="我市老旧小区改造项目年度任务全面完成" target="_blank">我市老旧小区改造项目年度任务全面完成</a><span class="bt-data-time">2026-11-17</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2026/11/12/art_3405_99.html" title="市住建局开展建设工程质量“双随机”检查" target="_blank">市住建局开展建设工程质量“双随机”检查</a><span class="bt-data-time">2026-11-12</span></li>
]]></record>
<record><![CDATA[
<li><a href="/art/2026/11/5/art_3405_95.html" title="全市城镇燃气安全专项整治推进会召开" target="_blank">全市城镇燃气安全专项整治推进会召开</a><span class="bt-data-time">2026-11-05</span></li>
]]></record>
</recordset>
</datastore>
