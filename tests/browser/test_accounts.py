"""Browser test of accounts on the web (issue 18), on a 360-px phone: the administrator adds a user, who sets a
password with the one-time reset code, signs in and changes the password.

Run through `scripts/browser-test`; fixtures and helpers are in conftest.py.
"""

import re
import secrets

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, follow_link, sign_in


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Đăng nhập"))).to_be_visible()


def test_the_administrator_adds_a_user_who_sets_and_then_changes_the_password(page: Page, base_url: str) -> None:
    username = "lan." + secrets.token_hex(3)
    sign_in(page, base_url, "admin")
    page.goto(base_url + "/account")
    follow_link(page, "Quản lý tài khoản")
    expect(page.get_by_role("heading", name="Tài khoản người dùng").first).to_be_visible()
    expect_no_horizontal_scroll(page)

    # A place outside the tree is refused next to its field, in plain Vietnamese, and nothing is added.
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Họ tên hiển thị").fill("Nguyễn Thị Lan")
    page.get_by_label("Vai trò").select_option("viewer")
    page.get_by_label("Mã đơn vị hoặc chi bộ").fill("99999")
    page.get_by_role("button", name="Thêm người dùng").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Mã đơn vị hoặc chi bộ không có trong phạm vi bạn quản lý.")).to_be_visible()
    expect_no_horizontal_scroll(page)

    page.get_by_label("Mã đơn vị hoặc chi bộ").fill("072")
    page.get_by_role("button", name="Thêm người dùng").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Nguyễn Thị Lan")).to_be_visible()
    code = page.locator("#reset-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code), code
    expect_no_horizontal_scroll(page)
    sign_out(page)

    # The user sets a password with the code: a weak one is refused by the field first.
    follow_link(page, "Có mã đặt lại mật khẩu?")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mã đặt lại mật khẩu").fill(code)
    page.get_by_label("Mật khẩu mới", exact=True).fill("123456789012")
    page.get_by_label("Nhập lại mật khẩu mới").fill("123456789012")
    page.get_by_role("button", name="Đặt lại mật khẩu").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Mật khẩu mới quá phổ biến, dễ đoán; hãy chọn mật khẩu khác.")).to_be_visible()
    expect_no_horizontal_scroll(page)
    page.get_by_label("Mã đặt lại mật khẩu").fill(code)
    page.get_by_label("Mật khẩu mới", exact=True).fill("ruộng bậc thang mùa lúa chín")
    page.get_by_label("Nhập lại mật khẩu mới").fill("ruộng bậc thang mùa lúa chín")
    page.get_by_role("button", name="Đặt lại mật khẩu").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Đã đặt mật khẩu mới.")).to_be_visible()

    # The user signs in and changes the password on their account page.
    page.goto(base_url + "/login")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("ruộng bậc thang mùa lúa chín")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    page.goto(base_url + "/account")
    expect(page.get_by_role("heading", name="Nguyễn Thị Lan")).to_be_visible()
    follow_link(page, "Đổi mật khẩu")
    expect_no_horizontal_scroll(page)
    page.get_by_label("Mật khẩu hiện tại").fill("sai mật khẩu rồi")
    page.get_by_label("Mật khẩu mới", exact=True).fill("nước suối trong veo buổi sáng")
    page.get_by_label("Nhập lại mật khẩu mới").fill("nước suối trong veo buổi sáng")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Mật khẩu hiện tại không đúng.")).to_be_visible()
    page.get_by_label("Mật khẩu hiện tại").fill("ruộng bậc thang mùa lúa chín")
    page.get_by_label("Mật khẩu mới", exact=True).fill("nước suối trong veo buổi sáng")
    page.get_by_label("Nhập lại mật khẩu mới").fill("nước suối trong veo buổi sáng")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Đã đổi mật khẩu.")).to_be_visible()
    expect_no_horizontal_scroll(page)
    sign_out(page)

    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill("nước suối trong veo buổi sáng")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
