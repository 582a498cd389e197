"""The offline shell (issue 20), on a 360-px phone with the demo's secretary.

With no signal, the pages she opened before come from the copy the service worker kept, marked as such; minutes
typed on the minutes form are kept on the phone, marked "not sent", survive closing the page, and are sent once when
the signal returns. A page never opened shows the offline page; signing out drops every kept page.
"""

import re

from playwright.sync_api import CDPSession, Page, expect

from conftest import sign_in
from test_drafts import SECRETARY, plan_a_meeting, save_minutes, type_minutes, versions_recorded

OFFLINE_NOTE = re.compile(r"Bạn đang ngoại tuyến — bản lưu lúc \d\d/\d\d/\d{4} \d\d:\d\d")


SESSIONS: dict[int, CDPSession] = {}


def line(page: Page, offline: bool = False) -> None:
    """The page's line: a 400 kbps / 400 ms one, or none. Both Playwright's switch (the service worker, the browser's
    `onLine`) and the page's own emulation are set: the page's would otherwise override the switch."""
    page.context.set_offline(offline)
    session = SESSIONS.get(id(page))
    if session is None:
        session = SESSIONS[id(page)] = page.context.new_cdp_session(page)
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": offline, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000},
    )


def keeping_pages(page: Page) -> None:
    """Waits until the service worker controls the page, so the pages opened next are kept."""
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller !== null")


def test_minutes_typed_offline_are_kept_and_sent_once_when_the_signal_returns(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, SECRETARY)
    keeping_pages(page)
    line(page)
    # Her cell's page (its roll and open tasks) and the minutes form, opened online, are kept.
    cell = page.locator("header nav").get_by_role("link", name="Chi bộ", exact=True).get_attribute("href")
    assert cell is not None
    page.goto(placed_url + cell)
    page.goto(placed_url + "/")
    form = plan_a_meeting(page, placed_url, "Ghi biên bản khi mất sóng")

    # No signal: her cell's page and the form come from the kept copies, saying so, in Vietnam's time.
    line(page, offline=True)
    page.goto(placed_url + cell)
    expect(page.locator(".offline-note")).to_contain_text(OFFLINE_NOTE)
    expect(page.get_by_role("heading", name="Chi bộ thôn Nà Coóc")).to_be_visible()
    page.goto(form)
    expect(page.locator(".offline-note")).to_contain_text(OFFLINE_NOTE)
    conclusion = "Chi bộ thống nhất sửa cầu treo trước mùa lũ"
    type_minutes(page, conclusion)
    save_minutes(page)
    expect(page.locator(".send-state")).to_contain_text("Chưa gửi")

    # The page is closed and opened again, still with no signal: the minutes are there, still not sent.
    context = page.context
    page.close()
    again = context.new_page()
    line(again, offline=True)
    again.goto(form)
    expect(again.locator(".offline-note")).to_be_visible()
    expect(again.get_by_label("Kết luận, nghị quyết")).to_have_value(conclusion)
    expect(again.locator(".send-state")).to_contain_text("Chưa gửi")

    # The signal returns: sent by itself, confirmed, and recorded exactly once.
    line(again)
    expect(again.locator(".send-state")).to_contain_text("Đã gửi")
    again.wait_for_url(re.compile(r"/meetings/[0-9a-fA-F-]+(\?saved=1)?$"))
    expect(again.get_by_text(conclusion)).to_be_visible()
    assert versions_recorded(again) == 1


def test_offline_a_page_never_opened_shows_the_offline_page_and_sign_out_drops_kept_pages(
    page: Page, placed_url: str
) -> None:
    sign_in(page, placed_url, SECRETARY)
    keeping_pages(page)
    home = page.url
    page.goto(home)  # kept
    page.context.set_offline(True)
    page.goto(home)
    expect(page.locator(".offline-note")).to_contain_text(OFFLINE_NOTE)
    page.goto(placed_url + "/account")
    expect(page.get_by_role("heading", name="Bạn đang ngoại tuyến")).to_be_visible()
    expect(page.get_by_role("heading", name="You are offline")).to_be_visible()

    # Signed out: the next person on this phone finds no kept page.
    page.context.set_offline(False)
    page.goto(home)
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name=re.compile("Đăng nhập"))).to_be_visible()
    page.context.set_offline(True)
    page.goto(home)
    expect(page.get_by_role("heading", name="Bạn đang ngoại tuyến")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Chi bộ thôn Nà Coóc")


def test_a_kept_form_used_twice_records_two_meetings(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, SECRETARY)
    keeping_pages(page)
    meetings = page.locator("header nav").get_by_role("link", name="Sinh hoạt", exact=True).get_attribute("href")
    assert meetings is not None
    page.goto(placed_url + meetings)  # kept, with the key the server gave its forms then

    # Twice with no signal, the same kept page: each use gets a key of its own, so the second plan is not taken for
    # the first sent again.
    forms = []
    for topic in ["Kế hoạch lần một", "Kế hoạch lần hai"]:
        page.context.set_offline(True)
        page.goto(placed_url + meetings)
        expect(page.locator(".offline-note")).to_be_visible()
        page.locator("summary", has_text="Lên lịch sinh hoạt").click()
        page.get_by_role("textbox", name="Chuyên đề", exact=True).fill(topic)
        page.get_by_role("button", name="Lên lịch sinh hoạt").click()
        expect(page.locator(".send-state")).to_contain_text("Chưa gửi")
        page.context.set_offline(False)
        expect(page.get_by_role("heading", name="Ghi biên bản")).to_be_visible(timeout=15_000)
        expect(page.locator("p.meta")).to_contain_text(topic)
        forms.append(page.url)
    assert forms[0] != forms[1]
