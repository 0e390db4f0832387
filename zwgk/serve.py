"""`zwgk serve`: the database in Datasette on 127.0.0.1, with Chinese labels, facets and the queries
inspectors ask for (不合格网站, 多次通报未整改, 本周新增问题)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .findings import SEVERITY_NAMES

LATEST = "(select max(id) from runs where status = 'done')"
QUERIES = {
    "failed_sites": {
        "title": "不合格网站（最近一次检查有单项否决问题的网站）",
        "sql": f"""select s.name as 网站, s.identifier as 网站标识码, f.site as 站点,
  count(*) as 否决问题数, group_concat(distinct f.check_code) as 问题类型
from findings f left join sites s on s.id = f.site
where f.run_id = {LATEST} and f.severity = 'veto'
  and f.fingerprint not in (select fingerprint from marks)
group by f.site order by 否决问题数 desc""",
    },
    "repeated_open": {
        "title": "多次通报仍未整改（在两次及以上检查中出现、最近一次仍存在的问题）",
        "sql": f"""select f.id, s.name as 网站, f.check_code as 问题类型, f.severity as 等级, f.detail as 问题描述,
  f.url as 问题链接, f.first_seen as 首次发现, (select count(distinct run_id) from findings g
    where g.fingerprint = f.fingerprint) as 出现次数
from findings f left join sites s on s.id = f.site
where f.run_id = {LATEST} and f.severity != 'notice'
  and (select count(distinct run_id) from findings g where g.fingerprint = f.fingerprint) >= 2
  and f.fingerprint not in (select fingerprint from marks)
order by 出现次数 desc, f.site""",
    },
    "new_this_week": {
        "title": "本周新增问题（首次发现在最近 7 天内）",
        "sql": f"""select f.id, s.name as 网站, f.check_code as 问题类型, f.severity as 等级, f.detail as 问题描述,
  f.url as 问题链接, f.first_seen as 首次发现
from findings f left join sites s on s.id = f.site
where f.run_id = {LATEST} and f.severity != 'notice' and f.first_seen >= date('now', '-7 days')
order by f.site, f.check_code""",
    },
}
LABELS = {
    "findings": ("问题", {"site": "站点", "check_code": "问题类型代码", "severity": "等级（veto 单项否决，deduct 扣分，"
                          "notice 提示）", "url": "问题链接", "source_url": "所在页面", "detail": "问题描述",
                          "evidence": "证据（JSON）", "fingerprint": "问题指纹（跨批次相同）",
                          "first_seen": "首次发现", "last_seen": "最近发现"}),
    "runs": ("检查批次", {"as_of": "监测时间点", "status": "状态", "sites": "站点"}),
    "sites": ("网站", {"name": "网站名称", "home": "首页", "identifier": "网站标识码", "organizer": "主办单位"}),
    "pages": ("已抓取页面", {"title": "标题", "pub_date": "发布日期", "role": "类型"}),
    "messages": ("留言", {"asked": "留言时间", "replied": "答复时间", "title": "标题"}),
    "marks": ("人工标记（误报、已接受）", {"status": "标记", "reason": "理由"}),
    "probes": ("首页可用性探测", {"ok": "成功", "elapsed": "耗时（秒）"}),
}


def metadata(db_name: str) -> dict:
    tables = {name: {"description": title, "columns": columns} for name, (title, columns) in LABELS.items()}
    tables["findings"]["facets"] = ["site", "check_code", "severity"]
    tables["findings"]["sort_desc"] = "run_id"
    return {
        "title": "zwgk 政府网站检查数据",
        "description": "等级：" + "，".join(f"{k} = {v}" for k, v in SEVERITY_NAMES.items()),
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def serve(db_path: str, port: int, host: str = "127.0.0.1") -> int:
    path = Path(db_path).resolve()
    with tempfile.TemporaryDirectory() as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem), ensure_ascii=False), "utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(path), "--host", host, "--port", str(port),
                   "--metadata", str(meta), "--setting", "default_facet_size", "50", "--setting", "sql_time_limit_ms",
                   "5000"]
        return subprocess.call(command)
