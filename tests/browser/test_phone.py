"""Phones and slow lines (issue 20): a compact header, the first column kept in view, a district plan paged
by commune, and every secretary page under 30 KB on the wire.

Run through `scripts/browser-test` (GANDAN_PLACED_URL: the demo with the placement approved).
"""

import gzip
import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request

from playwright.sync_api import Page, expect

from conftest import DEMO_PASSWORD, expect_no_horizontal_scroll, sign_in

BUDGET = 30 * 1024


def test_a_secretarys_header_is_compact_and_shows_only_her_cells_pages(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "secretary.nacooc")
    header = page.locator("header.top")
    box = header.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 120, f"the header takes {box} of a 740-px screen"
    nav = header.locator("nav")
    expect(nav.get_by_role("link", name="Sinh hoạt")).to_be_visible()
    expect(nav.get_by_role("link", name="Cây tổ chức")).to_have_count(0)
    expect(nav.get_by_role("link", name="Bố trí đảng viên")).to_have_count(0)
    # Her name is in the header; signing out is at the foot of the page, far from it.
    expect(header.get_by_role("link", name="Bí thư chi bộ thôn Nà Coóc")).to_be_visible()
    expect(header.get_by_role("button", name="Đăng xuất")).to_have_count(0)
    expect(page.locator("footer").get_by_role("button", name="Đăng xuất")).to_have_count(1)
    nav.get_by_role("link", name="Sinh hoạt").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Sinh hoạt chi bộ ·"))).to_be_visible()
    expect_no_horizontal_scroll(page)


def test_a_wide_dashboard_keeps_the_cell_column_in_view_on_a_phone(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "planner.thanhtuong")
    page.goto(placed_url + "/")
    page.get_by_role("link", name="Bảng theo dõi").first.click()
    page.wait_for_load_state()
    expect(page.locator("[data-figure='flaggedMeetings']")).to_be_visible()
    wrap = page.locator("table.dashboard").locator("xpath=..")
    first = page.locator("table.dashboard tbody tr td").first
    before = first.bounding_box()
    wrap.evaluate("element => { element.scrollLeft = 400; }")
    after = first.bounding_box()
    assert before is not None and after is not None
    assert wrap.evaluate("element => element.scrollLeft") > 0, "the dashboard table is not wider than the phone"
    assert abs(after["x"] - before["x"]) < 1, f"the cell column scrolled away: {before} → {after}"
    expect_no_horizontal_scroll(page)


def test_a_district_plan_is_paged_by_commune_and_a_move_returns_to_its_row(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "planner.nahang")
    page.goto(placed_url + "/placement")
    page.get_by_role("row").filter(has_text="Đã phê duyệt").first.get_by_role("link").first.click()
    page.wait_for_load_state()
    summary = page.locator("table.plan-summary tbody tr")
    assert summary.count() >= 3, "the district plan has no summary by commune"
    expect(page.locator("h2#commune")).to_have_count(1)
    # Correcting and moving re-run the district's twelve communes: slow on a busy machine.
    page.set_default_timeout(60_000)
    page.get_by_role("button", name=re.compile("Lập phương án điều chỉnh")).click()
    page.wait_for_load_state()
    expect(page.get_by_text("Dự thảo").first).to_be_visible()
    # Open the last commune and move its last ordinary member: the page comes back at the same row.
    page.locator("table.plan-summary tbody tr td a").last.click()
    page.wait_for_load_state()
    commune = page.locator("h2#commune").inner_text()
    row = page.locator("table.plan tbody tr").filter(has_not_text="Cán bộ chủ chốt").last
    row_id = row.get_attribute("id")
    options = row.locator("select option")
    choice = next(
        options.nth(index).inner_text()
        for index in range(options.count())
        if options.nth(index).get_attribute("selected") is None
    )
    row.get_by_label("Chuyển sang").select_option(label=choice)
    row.get_by_role("button", name="Chuyển và tính lại").click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + row_id), page.url
    expect(page.locator("h2#commune")).to_have_text(commune)
    moved = page.locator(f"tr#{row_id}")
    expect(moved).to_be_in_viewport()
    expect(moved).to_contain_text(choice)


def _signed_in(base: str, username: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    html = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    form = {"csrf": csrf, "username": username, "password": DEMO_PASSWORD}
    opener.open(base + "/login", urllib.parse.urlencode(form).encode())
    return opener


def test_every_secretary_page_is_under_30_kb_compressed(placed_url: str) -> None:
    opener = _signed_in(placed_url, "secretary.nacooc")

    def fetch(path: str) -> tuple[int, str]:
        request = urllib.request.Request(placed_url + path, headers={"Accept-Encoding": "gzip"})
        with opener.open(request) as response:
            wire = response.read()
            assert response.headers.get("Content-Encoding") == "gzip", f"{path} is not compressed"
            return len(wire), gzip.decompress(wire).decode()

    _, home = fetch("/")
    cell = re.search(r'href="(/cells/[0-9A-Fa-f-]{36})', home).group(1)
    pages = ["/", "/styles.css", cell, cell + "/meetings", cell + "/feedback", cell + "/report", "/account"]
    for year in ("2019", "2020"):
        _, meetings = fetch(f"{cell}/meetings?year={year}")
        pages += [f"{cell}/meetings?year={year}"] + re.findall(r'href="(/meetings/[0-9A-Fa-f-]{36})"', meetings)[:2]
    pages += [p + "/minutes" for p in pages if p.startswith("/meetings/")][:1]
    weights = {path: fetch(path)[0] for path in pages}
    assert any(p.startswith("/meetings/") for p in weights), weights
    heavy = {path: size for path, size in weights.items() if size >= BUDGET}
    assert not heavy, f"secretary pages over 30 KB compressed: {heavy}"


def _visible_text(body: str) -> str:
    """The page's words, without scripts, styles and <code> (record keys and stored values on the audit page)."""
    body = re.sub(r"<(script|style|code)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_dates_on_the_pages_people_read_are_dd_mm_yyyy_never_iso(placed_url: str) -> None:
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b|\b\d{4}-\d{2}\b")
    for username in ("secretary.nacooc", "auditor.nahang"):
        opener = _signed_in(placed_url, username)
        seen: set[str] = set()
        queue = ["/", "/audit"]
        found: dict[str, list[str]] = {}
        while queue and len(seen) < 40:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            try:
                with opener.open(placed_url + path) as response:
                    body = response.read().decode()
            except urllib.error.HTTPError:
                continue
            if hits := iso.findall(_visible_text(body)):
                found[path] = hits[:3]
            for link in re.findall(r'href="(/[^"#]*)"', body):
                link = html.unescape(link)
                if not any(skip in link for skip in ("format=", "lang=", "/logout")) and link not in seen:
                    queue.append(link)
        assert len(seen) >= 10, seen
        assert not found, f"{username} reads ISO dates: {found}"
