"""Message boards, policy interpretations and annual reports: extraction layouts and check rules.

The checks are functions of stored data, so the rule cases build that data directly; the
extraction cases parse HTML in the layouts real boards and document pages use.
"""

from __future__ import annotations

from datetime import date

from checks.annual_report import annual_report_missing
from checks.data import DocumentPage, MessageData, SiteData
from checks.interpretation import interpretation_late, interpretation_missing, interpretation_unlinked
from checks.messages import board_stats, message_hints, message_unanswered, reply_overdue
from crawler.extract.documents import document_facts, numbers_in, same_number
from crawler.extract.labels import segments
from crawler.extract.page import parse_page

AS_OF = date(2026, 11, 20)
BASE = "http://127.0.0.1:8000/hdjl/list.jsp"


def site(**kwargs) -> SiteData:
    data = SiteData(id="t", name="和兴县人民政府", home="http://127.0.0.1:8000/", home_fetched=True,
                    rules={"reply_days": 5, "error_reply_days": 3})
    for key, value in kwargs.items():
        setattr(data, key, value)
    return data


def message(url="/m/1", asked="2026-11-02T09:00:00", replied=None, board_name="县长信箱", **kwargs) -> MessageData:
    return MessageData(url=url, board="/hdjl/", board_name=board_name, asked=asked, replied=replied, detail=True,
                       board_shows_asked=True, board_shows_replied=True, **kwargs)


def codes(findings) -> list[tuple[str, str | None]]:
    return [(f.url, f.severity) for f in findings]


# -- message rules ------------------------------------------------------------------------------


def test_reply_across_national_day_is_not_overdue():
    # asked Tue 29 Sep, answered Fri 9 Oct: 10 calendar days, 4 working days (1–8 Oct are holidays)
    on_time = message(asked="2026-09-29T10:00:00", replied="2026-10-09T16:00:00")
    late = message(url="/m/2", asked="2026-09-29T10:00:00", replied="2026-10-13T16:00:00")  # 6 working days
    assert codes(reply_overdue(site(messages=[on_time, late]), AS_OF)) == [("/m/2", None)]


def test_unanswered_limits_and_veto():
    yesterday = message(url="/m/1", asked="2026-11-19T18:00:00")
    five_days = message(url="/m/2", asked="2026-11-13T09:00:00")  # 5 working days: still within the limit
    six_days = message(url="/m/3", asked="2026-11-12T09:00:00")
    four_months = message(url="/m/4", asked="2026-07-01T09:00:00")
    two_years = message(url="/m/5", asked="2024-07-01T09:00:00")  # still open, but before the inspection year
    found = codes(message_unanswered(site(messages=[yesterday, five_days, six_days, four_months, two_years]), AS_OF))
    assert found == [("/m/3", "deduct"), ("/m/4", "veto"), ("/m/5", "deduct")]


def test_error_board_has_three_working_days():
    late = message(url="/m/1", asked="2026-11-02T09:00:00", replied="2026-11-06T09:00:00", board_name="我为政府网站找错")
    fine = message(url="/m/2", asked="2026-11-02T09:00:00", replied="2026-11-04T09:00:00", board_name="我为政府网站找错")
    same_on_a_normal_board = message(url="/m/3", asked="2026-11-02T09:00:00", replied="2026-11-06T09:00:00")
    assert codes(reply_overdue(site(messages=[late, fine, same_on_a_normal_board]), AS_OF)) == [("/m/1", None)]


def test_timestamps_beat_status_labels():
    says_done = message(url="/m/1", asked="2026-10-01T09:00:00", status="已办结")  # detail page shows no reply
    says_open = message(url="/m/2", asked="2026-10-01T09:00:00", status="办理中", replied="2026-10-09T09:00:00")
    assert codes(message_unanswered(site(messages=[says_done, says_open]), AS_OF)) == [("/m/1", "deduct")]


def test_a_reply_after_the_monitoring_date_did_not_exist_yet():
    later = message(asked="2026-11-02T09:00:00", replied="2026-11-25T09:00:00")
    assert codes(message_unanswered(site(messages=[later]), AS_OF)) == [("/m/1", "deduct")]
    assert list(reply_overdue(site(messages=[later]), AS_OF)) == []


def test_hints_perfunctory_and_identical_replies():
    perfunctory = message(url="/m/1", reply="来信收悉，已转相关部门办理。", replied="2026-11-03")
    real = message(url="/m/2", reply="您好！经核实，该路段路灯已于11月5日修复，感谢您的监督。", replied="2026-11-06")
    copies = [message(url=f"/c/{n}", reply="感谢您的留言，您反映的问题我们将认真研究。", replied="2026-11-06")
              for n in range(3)]
    hints = {(f.url, f.key.split(":")[0]) for f in message_hints(site(messages=[perfunctory, real, *copies]), AS_OF)}
    assert hints == {("/m/1", "perfunctory"), ("/hdjl/", "repeated")}


def test_board_stats():
    messages = [message(url="/a", asked="2026-11-02", replied="2026-11-04"),
                message(url="/b", asked="2026-11-02", replied="2026-11-16"),
                message(url="/c", asked="2026-11-02")]
    assert board_stats(site(messages=messages), AS_OF) == {"messages": 3, "answered": 2, "on_time": 1,
                                                           "median_workdays": 6.0}


# -- message extraction ---------------------------------------------------------------------------


def parse(html: str, url: str = BASE, board: bool = False):
    return parse_page(html, url, "127.0.0.1:8000", AS_OF, board=board)


def test_table_list_under_a_header_row():
    html = """<html><body><table><thead><tr><th>序号</th><th>信件标题</th><th>来信时间</th><th>答复时间</th>
    <th>状态</th></tr></thead><tbody>
    <tr><td>1</td><td><a href="view.jsp?id=12">路灯不亮</a></td><td>2026/11/3 9:12</td><td>2026-11-05</td><td>已回复</td></tr>
    <tr><td>2</td><td><a href="view.jsp?id=13">噪音扰民</a></td><td>2026年11月04日</td><td></td><td>待回复</td></tr>
    </tbody></table></body></html>"""
    found = [(m.url.rsplit("/", 1)[1], m.title, m.asked, m.replied, m.status) for m in parse(html).messages]
    assert found == [("view.jsp?id=12", "路灯不亮", "2026-11-03T09:12:00", "2026-11-05", "已回复"),
                     ("view.jsp?id=13", "噪音扰民", "2026-11-04", None, "待回复")]


def test_list_items_with_labelled_fields():
    html = """<html><body><div class="nav"><a href="/">首页</a></div><ul class="xjlist">
    <li><a href="/hdjl/1.html">关于小区停车的咨询</a><span>留言时间：2026-10-21 10:00</span><span>状态：已办结</span></li>
    <li><a href="/hdjl/2.html">学校门口交通拥堵</a><span>留言时间：2026-10-22</span><span>状态：处理中</span></li>
    </ul></body></html>"""
    found = [(m.url.rsplit("/", 1)[1], m.asked, m.status, m.shows_replied) for m in parse(html).messages]
    assert found == [("1.html", "2026-10-21T10:00:00", "已办结", False), ("2.html", "2026-10-22", "处理中", False)]


def test_detail_page_with_label_cells():
    html = """<html><head><title>信件详情</title></head><body><div class="header">站点导航 留言时间</div>
    <table class="detail"><tr><th>信件标题</th><td>路灯不亮</td></tr><tr><th>来信人</th><td>张**</td></tr>
    <tr><th>来信时间</th><td>2026-11-03 09:12:45</td></tr><tr><th>信件内容</th><td>小区路灯坏了一个月。</td></tr>
    <tr><th>答复单位</th><td>县城市管理局</td></tr><tr><th>答复时间</th><td>2026-11-06 15:00:00</td></tr>
    <tr><th>答复内容</th><td><p>您好！</p><p>经核实，路灯已修复。</p></td></tr></table></body></html>"""
    (found,) = parse(html, "http://127.0.0.1:8000/hdjl/view.jsp?id=12").messages
    assert (found.url, found.title, found.asked, found.replied, found.unit, found.reply, found.source) == (
        "http://127.0.0.1:8000/hdjl/view.jsp?id=12", "路灯不亮", "2026-11-03T09:12:45", "2026-11-06T15:00:00",
        "县城市管理局", "您好！经核实，路灯已修复。", "detail")


def test_article_with_a_date_is_not_a_message():
    html = """<html><body><h1>县政府召开常务会议</h1><p>发布时间：2026-11-03</p><p>会议研究了留言办理工作，
    要求提高回复质量。</p></body></html>"""
    assert parse(html, "http://127.0.0.1:8000/art/1.html").messages == []


def test_board_list_without_labels_uses_its_entries():
    html = """<html><body><ul class="list"><li><a href="/hdjl/art/1.html">反映小区噪音问题</a><span>2026-11-03</span></li>
    <li><a href="/hdjl/art/2.html">咨询社保转移</a><span>2026-11-02</span></li></ul></body></html>"""
    assert parse(html).messages == []
    found = [(m.url.rsplit("/", 1)[1], m.asked) for m in parse(html, board=True).messages]
    assert found == [("1.html", "2026-11-03"), ("2.html", "2026-11-02")]


# -- documents and interpretations ----------------------------------------------------------------


def test_document_numbers_in_every_bracket():
    text = "锦政办发〔2026〕12号 锦政发[2026]3号 锦政办［2025］7號 辽政发（2026）第4号"
    assert numbers_in(text) == ["锦政办发〔2026〕12号", "锦政发〔2026〕3号", "锦政办〔2025〕7号", "辽政发〔2026〕4号"]
    assert same_number("根据和政办发〔2026〕15号", "和政办发[2026]15号")
    assert not same_number("和政办发〔2026〕15号", "和政办发〔2026〕16号")


def test_document_page_information_table():
    html = """<html><head><title>关于印发《和兴县农村人居环境整治方案》的通知_和兴县人民政府</title></head><body>
    <table class="xxgk"><tr><td>索引号：</td><td>11211000MB1234567X/2026-00012</td><td>发布机构：</td><td>县政府办</td></tr>
    <tr><td>成文日期：</td><td>2026-10-28</td><td>发文字号：</td><td>和政办发〔2026〕15号</td></tr>
    <tr><td>发布日期：</td><td>2026-10-30</td></tr></table><div class="content">正文</div></body></html>"""
    facts = parse(html, "http://127.0.0.1:8000/zcwj/1.html").document
    assert (facts["kind"], facts["number"], facts["written"], facts["published"], facts["quoted"]) == (
        "document", "和政办发〔2026〕15号", "2026-10-28", "2026-10-30", ["和兴县农村人居环境整治方案"])


def test_interpretation_titles():
    for title, quoted in (("关于《和兴县养老服务补贴办法》的政策解读", ["和兴县养老服务补贴办法"]),
                          ("图解：《和兴县养老服务补贴办法》", ["和兴县养老服务补贴办法"]),
                          ("和政办发〔2026〕15号文件解读", [])):
        facts = document_facts(title + "_和兴县人民政府", {}, [title, "正文"])
        assert (facts["kind"], facts["quoted"]) == ("interpretation", quoted), title
    assert document_facts("县长信箱", {}, ["县长信箱"]) is None


def doc(url, title, published, number="", quoted=()) -> DocumentPage:
    return DocumentPage(url, title, date.fromisoformat(published), number, list(quoted), [], True)


def interp(url, title, published, quoted=(), mentions=()) -> DocumentPage:
    return DocumentPage(url, title, date.fromisoformat(published), "", list(quoted), list(mentions), False)


def test_interpretation_rules():
    documents = [
        doc("/d/ok", "关于印发《和兴县养老服务补贴办法》的通知", "2026-09-01", quoted=["和兴县养老服务补贴办法"]),
        doc("/d/late", "和兴县人民政府关于印发和兴县节水行动方案的通知", "2026-09-01"),
        doc("/d/number", "和兴县人民政府办公室关于加强农村供水管理的意见", "2026-09-01", number="和政办发〔2026〕15号"),
        doc("/d/none", "和兴县城乡规划管理办法", "2026-09-01"),
        doc("/d/meeting", "关于召开全县安全生产工作会议的通知", "2026-09-01"),
        doc("/d/old", "和兴县物业管理办法", "2025-06-01"),
    ]
    interpretations = [
        interp("/i/ok", "《和兴县养老服务补贴办法》政策解读", "2026-09-03", quoted=["和兴县养老服务补贴办法"]),
        interp("/i/late", "一图读懂和兴县节水行动方案", "2026-09-10"),
        interp("/i/number", "和政办发〔2026〕15号文件解读", "2026-09-02", mentions=["和政办发〔2026〕15号"]),
    ]
    links = {("/d/ok", "/i/ok"), ("/i/ok", "/d/ok"), ("/d/late", "/i/late"), ("/i/late", "/d/late"),
             ("/i/number", "/d/number")}
    data = site(documents=documents, interpretations=interpretations, doc_links=links)
    assert codes(interpretation_missing(data, AS_OF)) == [("/d/none", None)]
    assert codes(interpretation_late(data, AS_OF)) == [("/d/late", None)]  # 2026-09-01 → 09-10: 7 working days
    unlinked = list(interpretation_unlinked(data, AS_OF))
    assert [(f.url, f.evidence["which"]) for f in unlinked] == [("/d/number", "document_to_interpretation")]


# -- annual report --------------------------------------------------------------------------------


def report(title, published, sections=None):
    return {"url": "/nb/1", "title": title, "year": None, "published": date.fromisoformat(published),
            "sections": sections, "read": sections is not None}


def test_annual_report_deadlines():
    government = site()
    department = site(name="和兴县教育局")
    on_time = report("和兴县人民政府2025年政府信息公开工作年度报告", "2026-03-20")
    assert list(annual_report_missing(site(annual_reports=[on_time]), AS_OF)) == []
    late = report("和兴县教育局2025年政府信息公开工作年度报告", "2026-03-20")
    department.annual_reports = [late]
    assert [f.evidence["published"] for f in annual_report_missing(department, AS_OF)] == ["2026-03-20"]
    government.annual_reports = [report("和兴县人民政府2024年政府信息公开工作年度报告", "2025-03-20"),
                                 report("和兴县教育局2025年政府信息公开工作年度报告", "2026-01-20")]
    (missing,) = annual_report_missing(government, AS_OF)
    assert missing.evidence == {"year": 2025, "deadline": "2026-03-31", "found": None}


def test_annual_report_sections_named():
    partial = report("和兴县人民政府2025年政府信息公开工作年度报告", "2026-03-20",
                     sections=["总体情况", "主动公开政府信息情况"])
    (hint,) = annual_report_missing(site(annual_reports=[partial]), AS_OF)
    assert hint.severity == "notice" and "其他需要报告的事项" in hint.evidence["missing_sections"]


def test_segments_skip_navigation():
    from crawler.extract.html import parse_html

    root = parse_html("<html><body><div id='nav'>首页</div><p>正文<b>加粗</b>尾巴</p></body></html>")
    nav = set(root.get_element_by_id("nav").iter())
    assert segments(root.find("body"), nav) == ["正文", "加粗", "尾巴"]


def test_board_limit_from_config():
    from zwgk.config import parse_config
    from zwgk.pipeline import board_rules

    config = parse_config("""[messages]\nreply_days = 7\n[[site]]\nid = "a"\nhome = "http://127.0.0.1:8000/"
[[site.board]]\nurl = "http://127.0.0.1:8000/hdjl/szxx/"\nname = "市长信箱"\nreply_days = 2\n""")
    (board,) = config.sites[0].columns
    rules = board_rules(config.sites[0].messages)
    assert (board.kind, rules["reply_days"], rules["boards"]) == ("message", 7, {"http://127.0.0.1:8000/hdjl/szxx/": 2})
    on_board = message(asked="2026-11-02", replied="2026-11-05")  # 3 working days
    on_board.board = "http://127.0.0.1:8000/hdjl/szxx/"
    elsewhere = message(url="/m/2", asked="2026-11-02", replied="2026-11-05")
    assert codes(reply_overdue(site(messages=[on_board, elsewhere], rules=rules), AS_OF)) == [("/m/1", None)]
