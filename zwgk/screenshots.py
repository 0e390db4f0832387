"""Evidence screenshots: the page a finding is about, in Debian's Chromium, the offending spot outlined.

Taken for the findings of a report (`zwgk report --screenshots`), not for every page: wording
errors and typos (the words outlined), injected links (the hidden block made visible and
outlined), dead links on the home page (the link outlined) and stale columns (the list page).
Personal data is never photographed. Only the page's own origin is loaded: every request to
another host is aborted, so a hacked page cannot pull its payload and nothing leaves the
audited site. Files go beside the database (`<db>-shots/run<N>/<finding id>.png`) and the
`screenshots` table links them to their findings.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WORDS = {"wording_error", "typo", "outdated_term"}
WANTED = WORDS | {"injected_link", "dead_link", "column_stale", "homepage_stale"}
OUTLINE = "outline:4px solid #e00000 !important; outline-offset:2px; background:#fff3a0 !important"

MARK_TEXT = """([text, style]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at); range.setEnd(node, at + text.length);
    const mark = document.createElement('mark');
    mark.setAttribute('style', style);
    range.surroundContents(mark);
    mark.scrollIntoView({block: 'center'});
    return true;
  }
  return false;
}"""
MARK_LINK = """([target, style, reveal]) => {
  for (const el of document.querySelectorAll('a[href], img[src], link[href]')) {
    const url = el.href || el.src;
    if (url !== target) continue;
    let box = el;
    if (reveal) {  // an injected block hidden by CSS: show it where it sits
      for (let up = el; up && up !== document.body; up = up.parentElement) {
        up.style.setProperty('display', 'block', 'important');
        up.style.setProperty('visibility', 'visible', 'important');
        up.style.setProperty('position', 'static', 'important');
        up.style.setProperty('font-size', '16px', 'important');
        up.style.setProperty('width', 'auto', 'important');
        up.style.setProperty('height', 'auto', 'important');
        up.style.setProperty('text-indent', '0', 'important');
      }
      box = el.parentElement || el;
    }
    box.setAttribute('style', (box.getAttribute('style') || '') + ';' + style);
    box.scrollIntoView({block: 'center'});
    return true;
  }
  return false;
}"""


def wanted(finding: dict) -> bool:
    if finding["check_code"] not in WANTED or finding["severity"] == "notice":
        return False
    if finding["check_code"] == "dead_link":
        return bool(_evidence(finding).get("on_home"))
    return True


def _evidence(finding: dict) -> dict:
    try:
        return json.loads(finding.get("evidence") or "{}")
    except ValueError:
        return {}


def _page_and_mark(finding: dict) -> tuple[str, str, str, bool]:
    """(page to open, what to outline: text or link url, kind 'text'|'link'|'', reveal hidden?)."""
    evidence = _evidence(finding)
    code = finding["check_code"]
    if code in WORDS:
        return finding["url"], evidence.get("text", ""), "text", False
    if code == "injected_link":
        return finding["url"], evidence.get("target", ""), "link" if evidence.get("target") else "", True
    if code == "dead_link":
        return finding["source_url"] or finding["url"], finding["url"], "link", False
    return finding["url"], "", "", False


def take(db, db_path: str, run_id: int, findings: list[dict]) -> dict[int, str]:
    """Screenshot the findings that need one and have none yet; return {finding id: relative path}."""
    if not db["screenshots"].exists():
        db["screenshots"].create({"run_id": int, "finding_id": int, "path": str}, pk=("run_id", "finding_id"))
    done = {row["finding_id"] for row in db.query("select finding_id from screenshots where run_id = ?", [run_id])}
    todo = [f for f in findings if wanted(f) and f["id"] not in done and f["url"].startswith("http")]
    if not todo or not Path(CHROMIUM).exists():
        return {}
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    base = Path(db_path).resolve().parent
    folder = base / f"{Path(db_path).stem}-shots" / f"run{run_id}"
    folder.mkdir(parents=True, exist_ok=True)
    taken: dict[int, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for finding in todo:
                page_url, target, kind, reveal = _page_and_mark(finding)
                origin = "{0.scheme}://{0.netloc}".format(urlsplit(page_url))
                context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin)
                              else route.abort())
                page = context.new_page()
                try:
                    page.goto(page_url, wait_until="load", timeout=15000)
                    if kind == "text" and target:
                        page.evaluate(MARK_TEXT, [target, OUTLINE])
                    elif kind == "link" and target:
                        page.evaluate(MARK_LINK, [target, OUTLINE, reveal])
                    path = folder / f"{finding['id']}.png"
                    page.screenshot(path=str(path), full_page=False)
                    taken[finding["id"]] = str(path.relative_to(base))
                except PlaywrightError:
                    continue  # the page is gone or hangs: the finding keeps its other evidence
                finally:
                    context.close()
        finally:
            browser.close()
    if taken:
        db["screenshots"].upsert_all([{"run_id": run_id, "finding_id": i, "path": p} for i, p in taken.items()],
                                     pk=("run_id", "finding_id"))
    return taken
