"""A bad config is refused with one Chinese message naming the line, and nothing is crawled."""

from __future__ import annotations

import pytest

from tests.conftest import run_zwgk
from zwgk.config import parse_config
from zwgk.errors import ConfigError

GOOD = '''
[[site]]
id = "jz-gov"
name = "锦州市人民政府"
home = "https://www.jz.gov.cn/"

[[site.column]]
name = "政务要闻"
url = "https://www.jz.gov.cn/zwyw/"
kind = "news"

[crawl]
per_site_concurrency = 2
cloak_every_page = false
'''


def test_good_config_is_read():
    config = parse_config(GOOD)
    assert config.sites[0].id == "jz-gov"
    assert config.sites[0].columns[0].kind == "news"
    assert config.crawl.per_site_concurrency == 2
    assert config.crawl.max_pages_per_site == 50000
    assert config.crawl.cloak_every_page is False and parse_config(GOOD.replace("cloak_every_page = false", "")).crawl.cloak_every_page


@pytest.mark.parametrize("text, message", [
    ('[[site]]\nname = "x"\nhome = "https://a.gov.cn/"\n', "第 1 行：站点缺少 id"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n\n[[site]]\nid = "a"\nhome = "https://b.gov.cn/"\n',
     "第 6 行：站点 id “a” 重复"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\nhomepage = "x"\n', "第 4 行：站点配置中有未知的配置项“homepage”"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[[site.column]]\nname = "x"\nurl = "https://a.gov.cn/x/"\nkind = "weekly"\n',
     "第 7 行：栏目 kind “weekly” 无效"),
    ('[[site]]\nid = "a"\nhome = "ftp://a.gov.cn/"\n', "第 3 行：站点“a”的 home 必须是 http(s) 网址"),
    ('[[account]]\nid = "w"\nplatform = "myspace"\nurl = "https://x.cn/"\n', "第 3 行：账号“w”的 platform “myspace” 无效"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[crawl]\nmax_pages_per_site = -5\n', "第 5 行：[crawl] max_pages_per_site"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[network]\nallow = ["10.0.0.0/33"]\n', "[network] allow 中的“10.0.0.0/33”不是有效网段"),
    ('[[site]\nid = "a"\n', "第 1 行：TOML 语法错误"),
    ('[[site]]\nid = "a"\nhome = "https://a.gov.cn/"\n[crawl]\ncloak_every_page = "yes"\n', "第 5 行：[crawl] cloak_every_page"),
])
def test_bad_config_names_the_line(text, message):
    with pytest.raises(ConfigError) as error:
        parse_config(text, "zwgk.toml")
    assert message in str(error.value)


def test_cli_refuses_bad_config_with_exit_2_and_crawls_nothing(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[[site]]\nid = "a"\nhome = "http://127.0.0.1:9/"\nunknown = 1\n', "utf-8")
    db = tmp_path / "x.db"
    result = run_zwgk("crawl", str(config), "--db", str(db))
    assert result.returncode == 2
    assert "bad.toml 第 4 行" in result.stderr and "unknown" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()


def test_cli_missing_config_file(tmp_path):
    result = run_zwgk("crawl", str(tmp_path / "none.toml"), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "找不到配置文件" in result.stderr
