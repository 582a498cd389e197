"""Nothing typed is lost (issue 20), on a 360-px phone with the demo's secretary.

The line drops while minutes are being saved, or the session has ended: the minutes typed come back and are
saved exactly once, never twice and never lost.
"""

import re
import time

from playwright.sync_api import Page, Route, expect

from conftest import DEMO_PASSWORD, sign_in

SECRETARY = "secretary.nacooc"


def plan_a_meeting(page: Page, base: str, topic: str) -> str:
    """Plans today's meeting of the secretary's cell with `topic`; returns the minutes form's address."""
    # the cell’s button in the menu under the to-do list (the to-do heading links there too)
    page.locator("main ul.plain").get_by_role("link", name="Chi bộ thôn Nà Coóc", exact=True).click()
    page.wait_for_load_state()
    page.locator("summary", has_text="Lên lịch sinh hoạt").click()
    page.get_by_role("textbox", name="Chuyên đề", exact=True).fill(topic)
    page.get_by_role("button", name="Lên lịch sinh hoạt").click()
    expect(page.get_by_role("heading", name="Ghi biên bản")).to_be_visible()
    return page.url


def type_minutes(page: Page, conclusion: str) -> None:
    page.get_by_label("Bắt đầu").fill("07:30")
    page.get_by_label("Kết thúc").fill("09:15")
    page.get_by_label("Thư ký").select_option(index=2)
    page.get_by_label("Đánh giá kết quả tháng này").fill("Cả chi bộ đi làm đường")
    page.get_by_label("Kết luận, nghị quyết").fill(conclusion)


def save_minutes(page: Page) -> None:
    """Presses Save in the form's last part (vote and conclusion); every part has one, each sending the whole form."""
    page.locator("#s-vote").get_by_role("button", name="Lưu").click()


def versions_recorded(page: Page) -> int:
    return page.locator("xpath=//h2[normalize-space()='Các lần ghi biên bản']/following-sibling::ul[1]/li").count()


def test_minutes_saved_while_the_line_drops_are_saved_once_when_the_signal_returns(
    page: Page, placed_url: str
) -> None:
    sign_in(page, placed_url, SECRETARY)
    form = plan_a_meeting(page, placed_url, "Mất sóng khi lưu")
    conclusion = "Chi bộ thống nhất làm đường bê tông trước Tết"
    type_minutes(page, conclusion)

    # The first Save reaches the server, which records the minutes, but the answer is lost on the way back.
    dropped = []

    def drop_the_answer(route: Route) -> None:
        if route.request.method == "POST" and not dropped:
            dropped.append(route.fetch(max_redirects=0).status)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route(form, drop_the_answer)
    save_minutes(page)
    unsent = page.locator(".send-state")
    expect(unsent).to_contain_text("Chưa gửi")
    # Still on the form, with everything typed.
    expect(page.get_by_label("Kết luận, nghị quyết")).to_have_value(conclusion)
    assert dropped == [204], dropped  # saved: the server said where it led (X-GanDan-Location)

    # The signal returns: the form is sent again with the same key and the server answers with the first save.
    page.wait_for_url(re.compile(r"/meetings/[0-9a-fA-F-]+(\?saved=1)?$"), timeout=20_000)
    page.unroute(form)
    expect(page.get_by_role("heading", name="BIÊN BẢN SINH HOẠT CHI BỘ")).to_be_visible()
    expect(page.get_by_text(conclusion)).to_be_visible()
    assert versions_recorded(page) == 1

    # The draft was dropped once the save was confirmed: the form opens with the saved minutes, no draft note.
    page.goto(form)
    expect(page.get_by_role("heading", name="Đính chính biên bản")).to_be_visible()
    expect(page.locator(".draft-note")).to_have_count(0)


def test_minutes_saved_after_the_session_ended_come_back_after_sign_in_and_are_saved_once(
    page: Page, placed_url: str
) -> None:
    sign_in(page, placed_url, SECRETARY)
    form = plan_a_meeting(page, placed_url, "Hết phiên khi lưu")
    conclusion = "Chi bộ giao đồng chí Tài vận động hai hộ nghèo"
    type_minutes(page, conclusion)
    time.sleep(0.6)  # the draft is kept as it is typed

    # The session ends while she types (the cookie is gone), then she presses Save.
    page.context.clear_cookies(name="gandan_session")
    save_minutes(page)
    expect(page.get_by_role("heading", name=re.compile("Đăng nhập"))).to_be_visible()
    expect(page.get_by_text("Phiên làm việc đã hết hạn")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill(SECRETARY)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    # Back on the form, with what she typed and a note that says so.
    page.wait_for_url(form)
    expect(page.locator(".draft-note")).to_contain_text("Đã khôi phục bản nháp")
    expect(page.get_by_label("Kết luận, nghị quyết")).to_have_value(conclusion)
    expect(page.get_by_label("Đánh giá kết quả tháng này")).to_have_value("Cả chi bộ đi làm đường")
    save_minutes(page)
    page.wait_for_url(re.compile(r"/meetings/[0-9a-fA-F-]+(\?saved=1)?$"))
    expect(page.get_by_text(conclusion)).to_be_visible()
    assert versions_recorded(page) == 1


def test_a_draft_can_be_discarded(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, SECRETARY)
    form = plan_a_meeting(page, placed_url, "Bỏ bản nháp")
    page.get_by_label("Kết luận, nghị quyết").fill("Bản nháp sẽ bỏ")
    time.sleep(0.6)
    page.goto(form)
    expect(page.get_by_label("Kết luận, nghị quyết")).to_have_value("Bản nháp sẽ bỏ")
    page.locator(".draft-note").get_by_role("button", name="Bỏ bản nháp").click()
    expect(page.get_by_label("Kết luận, nghị quyết")).to_have_value("")
    page.goto(form)
    expect(page.locator(".draft-note")).to_have_count(0)
    expect(page.get_by_label("Kết luận, nghị quyết")).to_have_value("")
