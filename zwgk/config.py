"""Read and validate the TOML config (SPEC: sites, accounts, [crawl], [network]).

Every problem is refused with one Chinese message that names the file and line.
"""

from __future__ import annotations

import ipaddress
from datetime import date, datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigError
from .workdays import Calendar

COLUMN_KINDS = ("news", "notice", "policy", "interpretation", "personnel", "plan", "message", "other")
PLATFORMS = ("wechat", "weibo", "rss", "douyin", "toutiao")
SITE_KEYS = {"id", "name", "home", "identifier", "organizer", "services", "column", "messages", "board", "region",
             "unit_type"}
BOARD_KEYS = {"url", "name", "reply_days"}
COLUMN_KEYS = {"name", "url", "kind"}
ACCOUNT_KEYS = {"id", "site", "platform", "name", "url", "organizer"}
TOP_KEYS = {"site", "account", "crawl", "network", "services", "calendar", "messages", "scoring", "newmedia"}
# 政务新媒体 freshness in days (国办秘函〔2019〕19号: no post within 2 weeks is a veto; local rules deduct after 1)
NEWMEDIA_RULES = {"stale_veto_days": 14, "stale_deduct_days": 7}
SCORING_KEYS = {"pass_score", "stale_key_columns", "stale_columns", "empty_columns", "deductions"}
# 留言 reply limits in working days: the common 5, and 3 for 我为政府网站找错 boards
MESSAGE_RULES = {"reply_days": 5, "error_reply_days": 3}  # [[site.board]] reply_days overrides one board


@dataclass
class Column:
    name: str
    url: str
    kind: str = "other"


@dataclass
class Site:
    id: str
    home: str
    name: str = ""
    identifier: str = ""
    organizer: str = ""
    services: bool = True
    columns: list[Column] = field(default_factory=list)
    messages: dict = field(default_factory=dict)
    region: str = ""
    unit_type: str = ""

    @property
    def host(self) -> str:
        return urlsplit(self.home).hostname or ""


@dataclass
class Account:
    id: str
    platform: str
    url: str
    name: str = ""
    site: str = ""
    organizer: str = ""


@dataclass
class CrawlLimits:
    per_site_concurrency: int = 4
    max_pages_per_site: int = 50000
    max_download_mb: float = 20
    incremental: bool = True
    # every article is asked for again as a search engine (cloaking), not only home and column pages: about
    # 70 % more requests on a first night of many small sites, mostly answered 304
    cloak_every_page: bool = True
    timeout: float = 15  # seconds; a home page not open after 15 s is a failed probe (国办秘函〔2019〕19号)
    retries: int = 1
    max_depth: int = 25
    parse_processes: int = 1  # pages parsed in this many worker processes beside the crawl (0: inline)


@dataclass
class NetworkPolicy:
    allow: list[str] = field(default_factory=list)
    deny: list[str] = field(default_factory=list)


@dataclass
class Config:
    sites: list[Site] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    crawl: CrawlLimits = field(default_factory=CrawlLimits)
    network: NetworkPolicy = field(default_factory=NetworkPolicy)
    guide_words: dict[str, list[str]] = field(default_factory=dict)  # [services.words]: 办事指南 element wordings
    calendar: Calendar = field(default_factory=Calendar)  # [calendar] holidays / workdays added by a province
    messages: dict[str, int] = field(default_factory=lambda: dict(MESSAGE_RULES))  # [messages] reply limits
    scoring: dict = field(default_factory=dict)  # [scoring]: a province's own weights and thresholds
    newmedia: dict[str, int] = field(default_factory=lambda: dict(NEWMEDIA_RULES))  # [newmedia] thresholds
    path: str = ""

    def site(self, site_id: str) -> Site:
        for site in self.sites:
            if site.id == site_id:
                return site
        raise ConfigError(f"配置中没有 id 为“{site_id}”的站点")


def load_config(path: str | Path) -> Config:
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"找不到配置文件 {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc}") from None
    return parse_config(text, path.name)


def parse_config(text: str, name: str = "zwgk.toml") -> Config:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        where = f"第 {line.group(1)} 行" if line else ""
        raise ConfigError(f"{name} {where}：TOML 语法错误（{exc}）") from None
    lines = _Lines(text, name)
    for key in data:
        if key not in TOP_KEYS:
            raise lines.error(f"未知的配置项“{key}”", key)
    config = Config(path=name)
    config.crawl = _crawl_limits(data.get("crawl", {}), lines)
    config.network = _network(data.get("network", {}), lines)
    config.guide_words = _guide_words(data.get("services", {}), lines)
    config.calendar = _calendar(data.get("calendar", {}), lines)
    config.scoring = _scoring(data.get("scoring", {}), lines)
    config.newmedia = _newmedia(data.get("newmedia", {}), lines)
    config.messages = {**MESSAGE_RULES, **_message_rules(data.get("messages", {}), "[messages]", lines)}
    seen: set[str] = set()
    for index, raw in enumerate(_tables(data, "site", lines)):
        site = _site(raw, index, lines)
        site.messages = {**config.messages, **site.messages}
        if site.id in seen:
            raise lines.error(f"站点 id “{site.id}” 重复", f'"{site.id}"', nth=1)
        seen.add(site.id)
        config.sites.append(site)
    for index, raw in enumerate(_tables(data, "account", lines)):
        account = _account(raw, index, lines)
        if account.id in seen:
            raise lines.error(f"账号 id “{account.id}” 重复", f'"{account.id}"', nth=1)
        seen.add(account.id)
        config.accounts.append(account)
    if not config.sites and not config.accounts:
        raise ConfigError(f"{name}：没有任何 [[site]] 或 [[account]]，无事可做")
    return config


class _Lines:
    """Find the line a problem is on, for error messages."""

    def __init__(self, text: str, name: str):
        self.lines = text.splitlines()
        self.name = name

    def find(self, needle: str, after: int = 0, nth: int = 0) -> int | None:
        count = 0
        for number, line in enumerate(self.lines[after:], start=after + 1):
            stripped = line.split("#", 1)[0]
            if needle in stripped:
                if count == nth:
                    return number
                count += 1
        return None

    def header(self, table: str, index: int) -> int:
        line = 0
        for _ in range(index + 1):
            found = self.find(f"[[{table}]]", after=line)
            if found is None:
                return line
            line = found
        return line

    def error(self, message: str, needle: str = "", after: int = 0, nth: int = 0) -> ConfigError:
        line = self.find(needle, after, nth) if needle else None
        if line is None and after:
            line = after
        where = f" 第 {line} 行" if line else ""
        return ConfigError(f"{self.name}{where}：{message}")


def _tables(data: dict, key: str, lines: _Lines) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise lines.error(f"“{key}”应写成 [[{key}]] 表", key)
    return value


def _site(raw: dict, index: int, lines: _Lines) -> Site:
    at = lines.header("site", index)
    for key in raw:
        if key not in SITE_KEYS:
            raise lines.error(f"站点配置中有未知的配置项“{key}”", key, after=at)
    site_id = raw.get("id")
    if not isinstance(site_id, str) or not site_id.strip():
        raise lines.error("站点缺少 id", after=at)
    home = raw.get("home")
    if not isinstance(home, str) or not _is_http_url(home):
        raise lines.error(f"站点“{site_id}”的 home 必须是 http(s) 网址", "home", after=at)
    services = raw.get("services", True)
    if not isinstance(services, bool):
        raise lines.error(f"站点“{site_id}”的 services 只能是 true 或 false", "services", after=at)
    for key in ("name", "identifier", "organizer", "region", "unit_type"):
        if not isinstance(raw.get(key, ""), str):
            raise lines.error(f"站点“{site_id}”的 {key} 必须是字符串", key, after=at)
    columns = []
    for column in raw.get("column", []):
        if not isinstance(column, dict):
            raise lines.error(f"站点“{site_id}”的 column 应写成 [[site.column]] 表", "column", after=at)
        for key in column:
            if key not in COLUMN_KEYS:
                raise lines.error(f"栏目配置中有未知的配置项“{key}”", key, after=at)
        kind = column.get("kind", "other")
        if kind not in COLUMN_KINDS:
            raise lines.error(
                f"栏目 kind “{kind}” 无效，可选：{' | '.join(COLUMN_KINDS)}", f'"{kind}"', after=at
            )
        url = column.get("url", "")
        if not _is_http_url(url):
            raise lines.error(f"站点“{site_id}”的栏目 url 必须是 http(s) 网址", "url", after=at)
        columns.append(Column(name=str(column.get("name", "")), url=url, kind=kind))
    messages = raw.get("messages", {})
    if not isinstance(messages, dict):
        raise lines.error(f"站点“{site_id}”的 messages 应写成 [site.messages] 表", "messages", after=at)
    boards = messages.get("url", [])
    for url in [boards] if isinstance(boards, str) else boards:
        if not isinstance(url, str) or not _is_http_url(url):
            raise lines.error(f"站点“{site_id}”的留言板 url 必须是 http(s) 网址", "url", after=at)
        columns.append(Column(name="留言板", url=url, kind="message"))
    messages = _message_rules({k: v for k, v in messages.items() if k != "url"}, f"站点“{site_id}”的 [site.messages]",
                              lines)
    for board in raw.get("board", []):  # [[site.board]] url, name, reply_days: one board with its own limit
        if not isinstance(board, dict):
            raise lines.error(f"站点“{site_id}”的 board 应写成 [[site.board]] 表", "board", after=at)
        for key in board:
            if key not in BOARD_KEYS:
                raise lines.error(f"留言板配置中有未知的配置项“{key}”", key, after=at)
        if not _is_http_url(board.get("url", "")):
            raise lines.error(f"站点“{site_id}”的留言板 url 必须是 http(s) 网址", "url", after=at)
        columns.append(Column(name=str(board.get("name", "留言板")), url=board["url"], kind="message"))
        if "reply_days" in board:
            days = _message_rules({"reply_days": board["reply_days"]}, f"站点“{site_id}”的 [[site.board]]", lines)
            messages.setdefault("boards", {})[board["url"]] = days["reply_days"]
    return Site(
        id=site_id, home=home, name=raw.get("name", "") or site_id, identifier=raw.get("identifier", ""),
        organizer=raw.get("organizer", ""), services=services, columns=columns, messages=messages,
        region=raw.get("region", ""), unit_type=raw.get("unit_type", ""),
    )


def _account(raw: dict, index: int, lines: _Lines) -> Account:
    at = lines.header("account", index)
    for key in raw:
        if key not in ACCOUNT_KEYS:
            raise lines.error(f"账号配置中有未知的配置项“{key}”", key, after=at)
    account_id = raw.get("id")
    if not isinstance(account_id, str) or not account_id.strip():
        raise lines.error("账号缺少 id", after=at)
    platform = raw.get("platform")
    if platform not in PLATFORMS:
        raise lines.error(
            f"账号“{account_id}”的 platform “{platform}” 无效，可选：{' | '.join(PLATFORMS)}", "platform", after=at
        )
    url = raw.get("url", "")
    if not _is_http_url(url):
        raise lines.error(f"账号“{account_id}”的 url 必须是 http(s) 网址", "url", after=at)
    return Account(id=account_id, platform=platform, url=url, name=raw.get("name", ""),
                   site=raw.get("site", ""), organizer=raw.get("organizer", ""))


def _crawl_limits(raw: dict, lines: _Lines) -> CrawlLimits:
    limits = CrawlLimits()
    for key, value in raw.items():
        if not hasattr(limits, key):
            raise lines.error(f"[crawl] 中有未知的配置项“{key}”", key)
        default = getattr(limits, key)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        else:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and (value >= 0 if key == "parse_processes" else value > 0)
        if not ok:
            raise lines.error(f"[crawl] {key} 的值“{value}”无效", key)
        setattr(limits, key, type(default)(value))
    return limits


def _network(raw: dict, lines: _Lines) -> NetworkPolicy:
    policy = NetworkPolicy()
    for key, value in raw.items():
        if key not in ("allow", "deny"):
            raise lines.error(f"[network] 中有未知的配置项“{key}”", key)
        if not isinstance(value, list):
            raise lines.error(f"[network] {key} 应是网段列表", key)
        for net in value:
            try:
                ipaddress.ip_network(str(net), strict=False)
            except ValueError:
                raise lines.error(f"[network] {key} 中的“{net}”不是有效网段", str(net)) from None
        setattr(policy, key, [str(net) for net in value])
    return policy


def _message_rules(raw: dict, where: str, lines: _Lines) -> dict[str, int]:
    """reply_days / error_reply_days: working days, 1 to 60."""
    for key, value in raw.items():
        if key not in MESSAGE_RULES:
            raise lines.error(f"{where} 中有未知的配置项“{key}”", key)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 60:
            raise lines.error(f"{where} 的 {key} 应是 1 到 60 之间的工作日天数", key)
    return dict(raw)


def _newmedia(raw, lines: _Lines) -> dict[str, int]:
    """[newmedia] stale_veto_days = 14, stale_deduct_days = 7: whole days, deduct no later than veto."""
    if not isinstance(raw, dict):
        raise lines.error("“newmedia”应写成 [newmedia] 表", "newmedia")
    for key, value in raw.items():
        if key not in NEWMEDIA_RULES:
            raise lines.error(f"[newmedia] 中有未知的配置项“{key}”", key)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 365:
            raise lines.error(f"[newmedia] {key} 应是 1 到 365 之间的天数", key)
    rules = {**NEWMEDIA_RULES, **raw}
    if rules["stale_deduct_days"] > rules["stale_veto_days"]:
        raise lines.error("[newmedia] stale_deduct_days 不能大于 stale_veto_days", "stale_deduct_days")
    return rules


def _calendar(raw: dict, lines: _Lines) -> Calendar:
    """[calendar] holidays = [2026-11-20], workdays = [2026-11-21]"""
    days = {}
    for key, value in raw.items():
        if key not in ("holidays", "workdays"):
            raise lines.error(f"[calendar] 中有未知的配置项“{key}”", key)
        if not isinstance(value, list) or not all(isinstance(d, date) and not isinstance(d, datetime) for d in value):
            raise lines.error(f"[calendar] {key} 应是日期列表，如 [2026-11-20]", key)
        days[key] = set(value)
    return Calendar(extra_holidays=days.get("holidays", set()), extra_workdays=days.get("workdays", set()))


def _scoring(raw: dict, lines: _Lines) -> dict:
    """[scoring] pass_score = 60 …; [scoring.deductions] dead_link = [每处扣分, 首页每处扣分, 该项最多扣分]"""
    for key, value in raw.items():
        if key not in SCORING_KEYS:
            raise lines.error(f"[scoring] 中有未知的配置项“{key}”", key)
        if key != "deductions" and (not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0):
            raise lines.error(f"[scoring] {key} 应是非负数", key)
    deductions = raw.get("deductions", {})
    if not isinstance(deductions, dict):
        raise lines.error("[scoring.deductions] 应写成 问题代码 = [每处扣分, 首页每处扣分, 最多扣分]", "deductions")
    for code, value in deductions.items():
        if not (isinstance(value, list) and len(value) == 3 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in value)):
            raise lines.error(f"[scoring.deductions] {code} 应写成 [每处扣分, 首页每处扣分, 最多扣分]，如 [0.1, 1, 10]",
                              code)
    return {**raw, "deductions": {code: [float(v) for v in value] for code, value in deductions.items()}}


def _guide_words(raw: dict, lines: _Lines) -> dict[str, list[str]]:
    """[services] words = { 办理材料 = ["需提交材料"], 收费标准 = ["收费标准", "收费依据"] }"""
    for key in raw:
        if key != "words":
            raise lines.error(f"[services] 中有未知的配置项“{key}”", key)
    words = raw.get("words", {})
    if not isinstance(words, dict) or not all(
            isinstance(v, list) and v and all(isinstance(w, str) and w for w in v) for v in words.values()):
        raise lines.error("[services] words 应写成 要素名 = [\"写法\", …]", "words")
    return {str(k): list(v) for k, v in words.items()}


def _is_http_url(value) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:  # "[http://…": an unbalanced bracket reads as a broken IPv6 address; a bad port
        return False
