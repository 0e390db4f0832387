"""The project's outside: SPEC's check codes, the README's commands, CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks import BEYOND_SPEC, REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "SPEC.md"


def spec_codes() -> set[str]:
    table = SPEC.read_text("utf-8").split("| check_code |", 1)[1]
    return set(re.findall(r"^\| `([a-z_]+)` \|", table, re.M))


@pytest.mark.skipif(not SPEC.exists(), reason="shared/SPEC.md is not beside this checkout")
def test_every_registered_check_is_a_spec_code():
    assert set(REGISTRY) - BEYOND_SPEC <= spec_codes()
    assert not BEYOND_SPEC & spec_codes()  # an extension SPEC has since adopted belongs in the SPEC set
    assert {"homepage_stale", "column_stale", "column_empty", "dead_link", "identity_missing",
            "site_unreachable", "crawl_notice"} <= set(REGISTRY)


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = readme.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()[1:] if line.strip()]
    assert commands == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_demo_command_crawls_the_bundled_sites_and_writes_the_reports(tmp_path):
    from tests.conftest import run_zwgk

    result = run_zwgk("demo", "--out", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    for name in ("zwgk.db", "problems.xlsx", "problems.csv", "problems.json", "demo.toml"):
        assert (tmp_path / "demo" / name).exists(), name
    assert "义县人民政府" in result.stdout and "问题清单" in result.stdout
