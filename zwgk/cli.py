"""The command line (SPEC: crawl, check, spot, report, demo). Only this module speaks click and rich."""

from __future__ import annotations

import logging
import sqlite3
import sys
import tempfile
import traceback
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import click
from rich.console import Console
from rich.live import Live
from rich.table import Table

from .errors import ConfigError, ZwgkError

console = Console(stderr=True)
out = Console()


def today() -> date:
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


def parse_as_of(value: str | None) -> date:
    if not value:
        return today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--as-of “{value}” 不是有效日期，应写成 YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="出错时显示完整的调用栈")
@click.version_option(package_name="zwgk")
@click.pass_context
def cli(ctx, debug):
    """zwgk：政府网站与政务新媒体检查（政务公开）。"""
    ctx.obj = {"debug": debug}
    handler = logging.StreamHandler()  # the level sits on the handler: Scrapy resets the root logger's
    handler.setLevel(logging.INFO if debug else logging.ERROR)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


@cli.command()
@click.argument("config_path", metavar="CONFIG")
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--site", "site_ids", multiple=True, help="只检查这些站点（可重复）")
@click.option("--as-of", "as_of", help="监测时间点 YYYY-MM-DD（默认今天）")
@click.option("--sample", "sample", help="抽查：随机抽取一部分站点，如 30% 或 50（个）")
@click.option("--seed", "seed", type=int, help="抽查的随机种子（记录在本次运行中，用同一种子可复现）")
@click.option("--full", is_flag=True, help="完整抓取：不使用上次抓取的缓存（默认只对文章页做条件请求）")
@click.option("--redis", "redis_url", help="分布式抓取：Redis 地址（如 redis://10.0.0.5:6379/0），由 zwgk worker 抓取")
def crawl(config_path, db_path, site_ids, as_of, sample, seed, full, redis_url):
    """抓取站点并运行全部检查，保存页面与问题。"""
    from .config import load_config
    from .pipeline import crawl_and_check, sample_sites

    config = load_config(config_path)
    ids, drawn = list(site_ids), None
    if sample:
        ids, drawn = sample_sites(ids or [site.id for site in config.sites], sample, seed)
        out.print(f"抽查 {len(ids)}/{drawn['of']} 个站点（随机种子 {drawn['seed']}）：{'、'.join(ids)}")
    summary = crawl_and_check(config, db_path, parse_as_of(as_of), ids, progress=_progress(), sample=drawn,
                              full=full, redis_url=redis_url)
    _print_summary(db_path, summary)


@cli.command()
@click.option("--redis", "redis_url", required=True, help="协调进程使用的 Redis 地址，如 redis://10.0.0.5:6379/0")
@click.option("--processes", type=click.IntRange(1, 64), default=1, show_default=True, help="本机启动的抓取进程数")
def worker(redis_url, processes):
    """分布式抓取的工作进程：从 Redis 共享队列取请求，抓取解析后把结果送回协调进程。"""
    from crawler.distributed import work

    work(redis_url, processes)


@cli.command()
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--as-of", "as_of", help="监测时间点 YYYY-MM-DD（默认今天）")
def check(db_path, as_of):
    """不重新抓取，按已保存的数据重新运行检查。"""
    from .pipeline import recheck_stored

    summary = recheck_stored(_existing_db(db_path), parse_as_of(as_of))
    _print_summary(db_path, summary)


@cli.command()
@click.argument("url")
@click.option("--db", "db_path", help="SQLite 数据库文件（默认临时文件）")
@click.option("--as-of", "as_of", help="监测时间点 YYYY-MM-DD（默认今天）")
def spot(url, db_path, as_of):
    """立即检查一个站点（或页面），无需配置文件，直接列出问题。"""
    from .config import Config, Site, _is_http_url
    from .pipeline import crawl_and_check

    if not _is_http_url(url):
        raise ConfigError(f"“{url}” 不是 http(s) 网址")
    host = urlsplit(url).hostname
    db_path = db_path or str(Path(tempfile.mkdtemp(prefix="zwgk-spot-")) / "spot.db")
    config = Config(sites=[Site(id=host, home=url, name=host)], path="spot")
    summary = crawl_and_check(config, db_path, parse_as_of(as_of), [], progress=_progress())
    _print_findings(db_path, summary["run_id"])
    _print_summary(db_path, summary)


@cli.command()
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--format", "fmt", required=True, type=click.Choice(["xlsx", "docx", "html", "csv", "json"]),
              help="导出格式：xlsx 问题清单，docx 通报草稿，html 可筛选的报告")
@click.option("--out", "out_path", required=True, help="输出文件")
@click.option("--site", "site_ids", multiple=True, help="只导出这些站点")
@click.option("--run", "run_id", type=int, help="导出哪一次运行（默认最近一次）")
@click.option("--new-since", "new_since", type=int, help="只列出该次运行之后新发现的问题")
@click.option("--open-runs", "open_runs", type=int, help="只列出至少连续出现这么多次运行的问题（多次通报未整改）")
@click.option("--screenshots", is_flag=True,
              help="为需要人工查看的问题（表述错误、暗链、首页失效链接、栏目不更新）截图并附在报告中")
def report(db_path, fmt, out_path, site_ids, run_id, new_since, open_runs, screenshots):
    """导出问题清单（通报附件）或通报草稿。"""
    from reports import FORMATS, collect

    from .db import latest_run, open_db

    db = open_db(_existing_db(db_path))
    run = db["runs"].get(run_id) if run_id else latest_run(db)
    if not run:
        raise ConfigError(f"数据库 {db_path} 中还没有任何检查记录，请先运行 zwgk crawl")
    data = collect(db, run["id"], list(site_ids) or None, new_since=new_since, open_runs=open_runs)
    if screenshots:
        from .screenshots import take

        taken = take(db, db_path, run["id"], [finding for _, finding in data.problems])
        out.print(f"截图 {len(taken)} 张，保存在数据库旁的 {Path(db_path).stem}-shots/ 目录")
        data = collect(db, run["id"], list(site_ids) or None, new_since=new_since, open_runs=open_runs)
    data.base = str(Path(db_path).resolve().parent)
    FORMATS[fmt](data, out_path)
    problems = len(data.problems)
    failed = sum(1 for site in data.sites if not site.verdict.passed)
    accounts = ""
    if data.accounts:
        bad = sum(1 for account in data.accounts if not account.verdict.passed)
        accounts = f"；政务新媒体账号 {len(data.accounts)} 个，{bad} 个不合格，问题 {len(data.account_problems)} 条"
    out.print(f"已导出 {out_path}：{len(data.sites)} 个站点，{failed} 个不合格，问题 {problems} 条{accounts}")


@cli.command()
@click.option("--out", "out_dir", default="demo-out", show_default=True, help="输出目录")
@click.option("--as-of", "as_of", default="2026-11-20", show_default=True, help="演示站点的监测时间点")
def demo(out_dir, as_of):
    """在本机启动内置的演示政府网站，抓取、检查并导出问题清单（无需联网）。"""
    from reports import FORMATS, collect

    from .config import parse_config
    from .db import open_db
    from .fixtures import FixtureServer
    from .pipeline import crawl_and_check

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    db_path = str(folder / "zwgk.db")
    for stale in folder.glob("zwgk.db*"):
        stale.unlink()
    with FixtureServer() as server:
        text = server.config_toml(accounts=True) + "\n[crawl]\ntimeout = 8\nper_site_concurrency = 8\n"
        (folder / "demo.toml").write_text(text, "utf-8")
        config = parse_config(text, "demo.toml")
        summary = crawl_and_check(config, db_path, parse_as_of(as_of), [], progress=_progress())
    db = open_db(db_path)
    data = collect(db, summary["run_id"])
    data.base = str(folder.resolve())
    for fmt in ("xlsx", "csv", "json", "html", "docx"):
        FORMATS[fmt](data, str(folder / f"problems.{fmt}"))
    _print_summary(db_path, summary)
    out.print(f"数据库：{db_path}")
    out.print(f"问题清单：{folder / 'problems.xlsx'}；报告：{folder / 'problems.html'}；通报草稿：{folder / 'problems.docx'}"
              "（另有 problems.csv、problems.json）")


@cli.command()
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--site", "site_ids", multiple=True, help="只复查这些站点的问题")
@click.option("--finding", "finding_ids", multiple=True, type=int, help="只复查这些编号的问题")
@click.option("--as-of", "as_of", help="复查日期 YYYY-MM-DD（默认今天），判断栏目是否已更新")
def recheck(db_path, site_ids, finding_ids, as_of):
    """整改期限到后复查：只重新访问未整改问题涉及的页面，逐条记录已整改、仍存在、页面已删除或无法访问。"""
    import json

    from crawler.network import Policy

    from .db import latest_run, open_db
    from .recheck import recheck as run_recheck

    db = open_db(_existing_db(db_path))
    run = latest_run(db)
    if not run:
        raise ConfigError(f"数据库 {db_path} 中还没有任何检查记录，请先运行 zwgk crawl")
    marked = {row["fingerprint"] for row in db.query("select fingerprint from marks")}
    query = "select * from findings where run_id = ? and severity != 'notice'"
    findings = [row for row in db.query(query, [run["id"]]) if row["fingerprint"] not in marked
                and (not site_ids or row["site"] in site_ids) and (not finding_ids or row["id"] in finding_ids)]
    if finding_ids and not findings:
        raise ConfigError("最近一次检查中没有这些编号的问题（或已标记为误报、已接受）")
    network = json.loads(run.get("config") or "{}").get("network", {})
    homes = [row["home"] for row in db.query("select home from sites") if row["home"]]
    policy = Policy(network.get("allow", ()), network.get("deny", ()), homes)
    rows = run_recheck(db, findings, parse_as_of(as_of), policy)
    table = Table(title=f"复查结果（第 {run['id']} 次检查的 {len(rows)} 个问题）")
    for column in ("编号", "站点", "问题类型", "复查结果", "说明", "链接"):
        table.add_column(column)
    from reports import check_title

    for row in rows:
        table.add_row(str(row["finding_id"]), row["site"], check_title(row["check_code"]), row["outcome"],
                      row["detail"], row["url"])
    out.print(table)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["outcome"]] = counts.get(row["outcome"], 0) + 1
    out.print("，".join(f"{name} {n} 个" for name, n in counts.items()) or "没有需要复查的问题")


@cli.command()
@click.argument("config_path", metavar="CONFIG")
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--interval", default=900.0, show_default=True, type=float,
              help="首页探测间隔（秒），默认 15 分钟（每天 96 次，指标要求不少于 20 次）")
@click.option("--night", default="02:00", show_default=True, help="每晚开始全面检查的时间 HH:MM")
@click.option("--log", "log_path", help="日志文件（默认与数据库同名的 .watch.log）")
@click.option("--for", "duration", type=float, help="运行这么多秒后退出（默认一直运行）")
@click.option("--redis", "redis_url", help="夜间检查用分布式抓取：Redis 地址（由各机器上的 zwgk worker 抓取）")
def watch(config_path, db_path, interval, night, log_path, duration, redis_url):
    """常驻运行：全天定时探测各网站首页是否可访问，每晚全面检查一次。"""
    from .config import load_config
    from .watch import Watcher

    config = load_config(config_path)
    try:
        start = datetime.strptime(night, "%H:%M").time()
    except ValueError:
        raise ConfigError(f"--night “{night}” 应写成 HH:MM，如 02:00") from None
    if interval < 0.1:
        raise ConfigError("--interval 不能小于 0.1 秒")
    handler = logging.FileHandler(log_path or str(Path(db_path).with_suffix(".watch.log")), encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("zwgk.watch")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    out.print(f"监测 {len(config.sites)} 个网站：每 {interval:g} 秒探测首页，每晚 {night} 全面检查；日志 {handler.baseFilename}")
    try:
        Watcher(config_path, db_path, interval, start, config, redis_url).run(duration)
    except KeyboardInterrupt:
        out.print("已停止监测")


@cli.command()
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--port", default=8001, show_default=True, help="端口（只监听 127.0.0.1）")
def serve(db_path, port):
    """在浏览器中查看数据库（Datasette，仅本机 127.0.0.1）：按站点、问题类型、等级筛选，常用查询。"""
    from .db import open_db
    from .serve import serve as run_datasette

    open_db(_existing_db(db_path)).conn.close()  # the tables the metadata names exist
    out.print(f"在浏览器中打开 http://127.0.0.1:{port}/ （按 Ctrl+C 停止）")
    sys.exit(run_datasette(db_path, port))


@cli.command()
@click.argument("finding_ids", nargs=-1, required=True, type=int, metavar="FINDING_ID…")
@click.option("--db", "db_path", required=True, help="SQLite 数据库文件")
@click.option("--false-positive", "status", flag_value="false_positive", help="标记为误报")
@click.option("--accepted", "status", flag_value="accepted", help="标记为已接受（如单位已说明情况）")
@click.option("--clear", "status", flag_value="clear", help="取消标记")
@click.option("--reason", default="", help="理由（标记时必填）")
def mark(finding_ids, db_path, status, reason):
    """标记问题为误报或已接受；以后各次运行中同一问题保持该标记，不计入结论和问题清单。"""
    from .db import now_iso, open_db
    from .history import mark as mark_finding

    if not status:
        raise ConfigError("请指定 --false-positive、--accepted 或 --clear")
    if status != "clear" and not reason.strip():
        raise ConfigError("标记问题时请用 --reason 写明理由")
    db = open_db(_existing_db(db_path))
    for finding_id in finding_ids:
        rows = list(db.query("select fingerprint, detail from findings where id = ?", [finding_id]))
        if not rows:
            raise ConfigError(f"数据库中没有编号为 {finding_id} 的问题")
        if status == "clear":
            db.execute("delete from marks where fingerprint = ?", [rows[0]["fingerprint"]])
            db.conn.commit()
            out.print(f"已取消标记：#{finding_id} {rows[0]['detail']}", markup=False, highlight=False)
        else:
            mark_finding(db, finding_id, status, reason.strip(), now_iso())
            label = "误报" if status == "false_positive" else "已接受"
            out.print(f"已标记为{label}：#{finding_id} {rows[0]['detail']}", markup=False, highlight=False)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE…")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式：text 供人阅读，json 每条问题一行")
@click.option("--date", "published", help="稿件的发布日期 YYYY-MM-DD（判断机构名称、全会届次是否过时，默认今天）")
@click.option("--no-typos", is_flag=True, help="只查严重表述错误、过时名称和个人信息，不查一般错别字")
@click.option("--strict", is_flag=True, help="按已发布网页的标准审校：错别字只报告把握很大的（与网站检查相同）")
def proof(files, fmt, published, no_typos, strict):
    """发布前审校稿件（txt、html、docx、pdf、xlsx，- 表示标准输入）：表述错误、错别字、过时名称、个人信息。"""
    import json

    from .text.documents import DocumentText, read_document
    from .text.proofread import proofread

    when = parse_as_of(published)
    total = unreadable = 0
    for name in files:
        if name == "-":
            document = DocumentText(sys.stdin.read().splitlines())
        else:
            path = Path(name)
            if not path.is_file():
                console.print(f"[red]找不到文件：{name}[/red]", highlight=False, soft_wrap=True)
                unreadable += 1
                continue
            document = read_document(path.name, path.read_bytes())
            if document.problem and not document.lines:
                console.print(f"[yellow]{name}：{document.problem}[/yellow]", highlight=False, soft_wrap=True)
                unreadable += 1
                continue
        issues = proofread(document.text, when, typos=not no_typos, strict=strict)
        total += len(issues)
        for issue in issues:
            if fmt == "json":
                print(json.dumps({"file": name, "line": issue.line, "check_code": issue.code,
                                  "severity": issue.severity, "text": issue.text, "suggestion": issue.suggestion,
                                  "start": issue.start, "end": issue.end, "rule": issue.rule}, ensure_ascii=False))
            else:
                print(f"{name}:{issue.line}:{issue.start + 1}: [{_PROOF_NAMES[issue.code]}] "
                      f"“{issue.text}” → {issue.suggestion}    {issue.quote}")
    if fmt == "text":
        console.print(f"共发现 {total} 处问题" + (f"，{unreadable} 个文件无法读取" if unreadable else ""))
    if unreadable and unreadable == len(files):
        sys.exit(2)


_PROOF_NAMES = {"wording_error": "严重表述错误", "typo": "错别字", "outdated_term": "过时名称",
                "privacy_leak": "个人信息泄露"}


def _existing_db(path: str) -> str:
    if not Path(path).exists():
        raise ConfigError(f"找不到数据库文件 {path}")
    return path


def _progress():
    """A live table of the crawl (per site: pages, queue, dead links) on stderr."""
    if not console.is_terminal:
        return None
    live = Live(console=console, refresh_per_second=4, transient=True)
    live.start()

    def update(stats: dict) -> None:
        table = Table(title="正在抓取", show_edge=False)
        for name in ("站点", "已抓取页面", "队列", "失效链接"):
            table.add_column(name, justify="right" if name != "站点" else "left")
        for site, row in stats.items():
            table.add_row(site, str(row["pages"]), str(row["queued"]), str(row["dead"]))
        live.update(table)

    update.stop = live.stop
    return update


def _print_summary(db_path: str, summary: dict) -> None:
    table = Table(title=f"检查结果（监测时间点 {summary['as_of']}，运行 #{summary['run_id']}）")
    for name in ("站点", "页面", "结论", "得分", "否决", "扣分", "提示"):
        table.add_column(name)
    for row in summary["sites"]:
        table.add_row(row["name"], str(row["pages"]), row["verdict"], f"{row['score']:.1f}", str(row["veto"]),
                      str(row["deduct"]), str(row["notice"]))
    out.print(table)
    fetch = summary.get("fetch") or {}
    if fetch.get("responses"):
        out.print(f"抓取：请求 {fetch['responses']} 次，下载 {_size(fetch['bytes'])}；文章页 完整下载 {fetch.get('fetched', 0)}，"
                  f"有变化 {fetch.get('changed', 0)}，未修改（304）{fetch.get('not_modified', 0)}，"
                  f"内容相同 {fetch.get('unchanged', 0)}")
    for hint in summary.get("hints", []):
        out.print(f"[yellow]提示：{hint}[/yellow]")
    candidates = summary.get("candidates") or []
    if candidates:
        from .newmedia import PLATFORM_NAMES

        out.print(f"发现 {len(candidates)} 个未登记的政务新媒体账号（候选，需加入配置后才检查）：")
        for row in candidates:
            out.print(f"  {PLATFORM_NAMES.get(row['platform'], row['platform'])}  {row['name'] or '（无名称）'}  "
                      f"{row['url']}  （见 {row['source_url']}）", markup=False, highlight=False, soft_wrap=True)


def _size(count: int) -> str:
    for unit in ("B", "KB", "MB"):
        if count < 1024:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GB"


def _print_findings(db_path: str, run_id: int) -> None:
    from reports import check_title, severity_name

    from .db import open_db

    db = open_db(db_path)
    for row in db.query("select * from findings where run_id = ? order by severity = 'notice', check_code",
                        [run_id]):
        out.print(f"[{severity_name(row['severity'])}] {check_title(row['check_code'])}：{row['detail']}  {row['url']}",
                  markup=False, highlight=False)


def database_problem(exc: Exception) -> str:
    """One Chinese line for what SQLite said: the database file is never left half-written (WAL)."""
    text = str(exc).lower()
    if "full" in text:
        return ("磁盘已满，数据库无法继续写入。已写入的数据完整可用；腾出空间后用同一条命令重新运行，"
                "会从中断处继续。")
    if "readonly" in text or "read-only" in text:
        return "数据库文件或其所在目录是只读的，无法写入。请检查文件权限或换一个可写的位置。"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "数据库文件已损坏或不是 zwgk 的数据库。"
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序长时间锁定，请稍后再试。"
    if "disk i/o" in text or "unable to open" in text:
        return "无法读写数据库文件（磁盘读写错误或路径不可访问）。"
    return f"数据库出错：{exc}"


def main() -> None:
    debug = "--debug" in sys.argv
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        console.print("已取消")
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except ZwgkError as exc:
        console.print(f"[red]错误：{exc}[/red]", highlight=False)
        sys.exit(exc.exit_code)
    except sqlite3.DatabaseError as exc:
        if debug:
            traceback.print_exc()
        console.print(f"[red]错误：{database_problem(exc)}[/red]", highlight=False, soft_wrap=True)
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - one line for users, the traceback with --debug
        if debug:
            traceback.print_exc()
        console.print(f"[red]意外错误：{type(exc).__name__}: {exc}（加 --debug 查看详情）[/red]", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
