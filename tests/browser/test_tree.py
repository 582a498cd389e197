"""Browser tests of GanDan's administrative tree and placement, on the demo at its planning stage.

Run through `scripts/browser-test`, which starts `gandan serve` on two demo databases (planning and
placed) and sets GANDAN_BASE_URL and GANDAN_PLACED_URL. Fixtures and helpers are in conftest.py.
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, follow_link, sign_in

NA_HANG_COMMUNES = [
    "Sinh Long",
    "Thượng Giáp",
    "Thượng Nông",
    "Côn Lôn",
    "Yên Hoa",
    "Hồng Thái",
    "Đà Vị",
    "Khau Tinh",
    "Sơn Phú",
    "Năng Khả",
    "Thanh Tương",
]
# The town (thị trấn) Na Hang, shown as "Thị trấn Na Hang" or "Na Hang (Thị trấn)".
NA_HANG_TOWN = re.compile(r"Thị trấn\s+Na Hang|Na Hang\s*\(\s*Thị trấn\s*\)")


def open_na_hang(page: Page, base_url: str) -> None:
    """Signed in as the administrator, from the tree's root open Huyện Na Hang of Tỉnh Tuyên Quang."""
    sign_in(page, base_url, "admin")
    expect(page.get_by_text("Tỉnh Tuyên Quang").first).to_be_visible()
    expect_no_horizontal_scroll(page)
    na_hang = page.get_by_role("link", name=re.compile("Na Hang")).first
    if na_hang.count() == 0 or not na_hang.is_visible():
        # The root lists provinces only: go down through Tuyên Quang first.
        follow_link(page, "Tuyên Quang")
    follow_link(page, "Na Hang")


def test_the_demos_tree_page_shows_na_hangs_12_communes(page: Page, base_url: str) -> None:
    open_na_hang(page, base_url)

    expect(page.get_by_text(NA_HANG_TOWN).first).to_be_visible()
    for name in NA_HANG_COMMUNES:
        expect(page.get_by_text(name).first, f"commune {name}").to_be_visible()
    expect_no_horizontal_scroll(page)

    # Language switch at the top of the page.
    switch = {}
    for label in ("Tiếng Việt", "English"):
        control = (
            page.get_by_role("link", name=label)
            .or_(page.get_by_role("button", name=label))
            .first
        )
        expect(control, f"language switch '{label}'").to_be_visible()
        box = control.bounding_box()
        assert box is not None and box["y"] < 200, (
            f"language switch '{label}' is not at the top of the page: {box}"
        )
        switch[label] = control

    switch["English"].click()
    page.wait_for_load_state()
    expect(page.get_by_text(re.compile(r"\bCommunes?\b")).first).to_be_visible()
    expect_no_horizontal_scroll(page)


def test_the_commune_agency_cell_of_thanh_tuong_lists_hoang_van_hoan(
    page: Page, base_url: str
) -> None:
    open_na_hang(page, base_url)
    follow_link(page, "Thanh Tương")
    follow_link(page, "Chi bộ cơ quan")

    expect(page.get_by_text("Hoàng Văn Hoan").first).to_be_visible()
    expect_no_horizontal_scroll(page)


def test_a_wrong_password_is_refused_with_a_generic_message(page: Page, base_url: str) -> None:
    page.goto(base_url + "/login")
    page.get_by_label("Tên đăng nhập").fill("planner.thanhtuong")
    page.get_by_label("Mật khẩu").fill("not the password")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")).to_be_visible()


def test_a_commune_planner_sees_only_their_commune(page: Page, base_url: str) -> None:
    sign_in(page, base_url, "planner.thanhtuong")
    expect(page.get_by_text("Đơn vị được giao")).to_be_visible()
    follow_link(page, "Xã Thanh Tương")
    expect(page.get_by_text("Thôn Nà Coóc").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Năng Khả"))).to_have_count(0)
    page.goto(base_url + "/members?q=duong")
    # La Văn Đường works in Năng Khả: outside this planner's scope.
    expect(page.get_by_text("La Văn Đường")).to_have_count(0)
    expect_no_horizontal_scroll(page)


def test_a_planner_reviews_moves_one_member_and_approves(page: Page, base_url: str) -> None:
    sign_in(page, base_url, "planner.thanhtuong")
    page.goto(base_url + "/placement?date=2019-04-01")
    page.get_by_label("Đơn vị").select_option(label="Xã Thanh Tương")
    page.get_by_role("button", name="Đề xuất").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Phương án bố trí")).to_be_visible()
    hoan = page.get_by_role("row").filter(has_text="Hoàng Văn Hoan")
    expect(hoan).to_contain_text("Chi bộ thôn Nà Coóc")
    expect(hoan).to_contain_text("19 km")
    expect_no_horizontal_scroll(page)

    # Move one ordinary member to Nà Làng: the plan is re-run with that pin and shows what changed.
    row = page.locator("table.plan tbody tr").filter(has_not_text="Cán bộ chủ chốt").first
    name = row.locator("td").first.inner_text().strip()
    row.get_by_label("Chuyển sang").select_option(label="Chi bộ thôn Nà Làng (xã Thanh Tương)")
    row.get_by_role("button", name="Chuyển và tính lại").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Thay đổi so với lần trước")).to_be_visible()
    moved = page.locator("table.plan tbody tr").filter(has_text=name).first
    expect(moved).to_contain_text("Chi bộ thôn Nà Làng")
    expect(moved).to_contain_text("đã cố định")

    page.get_by_label("Ngày quyết định").fill("2019-04-25")
    page.get_by_role("button", name="Phê duyệt và thực hiện").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Quyết định chuyển sinh hoạt đảng")).to_be_visible()
    expect(page.get_by_text("Chi bộ thôn Nà Coóc").first).to_be_visible()
    expect(page.get_by_text("Hoàng Văn Hoan")).to_be_visible()
    # A mistake is corrected by a new plan, never by rewriting the approved one.
    page.goto(base_url + "/placement?date=2019-04-25")
    approved = page.get_by_role("row").filter(has_text="Đã phê duyệt").first
    approved.get_by_role("link").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Lập phương án điều chỉnh (giữ nguyên lịch sử)").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Dự thảo")).to_be_visible()
