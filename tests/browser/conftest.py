"""Fixtures for the browser tests: Debian's Chromium through Playwright, a 360-px phone, demo sign-in.

`scripts/browser-test` serves three demo databases: GANDAN_BASE_URL at the planning stage (March 2019,
nobody placed yet), GANDAN_PLACED_URL with the placement approved and 24 months of cell life, and GANDAN_PRESENT_URL
with cell life going on to today across the 2025 restructure.
"""

import os
import re
import shutil

import pytest
from playwright.sync_api import Page, expect, sync_playwright

PHONE_WIDTH = 360
PHONE_HEIGHT = 740


def _url(variable: str) -> str:
    url = os.environ.get(variable)
    if not url:
        pytest.fail(f"{variable} is not set: run the browser tests with scripts/browser-test")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def placed_url() -> str:
    """The demo with the placement approved and 24 months of meetings around it."""
    return _url("GANDAN_PLACED_URL")


@pytest.fixture(scope="session")
def present_url() -> str:
    """The demo that reaches today: the 2025 communes, cell life month by month."""
    return _url("GANDAN_PRESENT_URL")


@pytest.fixture(scope="session")
def base_url() -> str:
    """The demo at its planning stage: March 2019, the placement still to review."""
    return _url("GANDAN_BASE_URL")


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("chromium is not on PATH (scripts/browser-test installs it with apt)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    """A page on an old phone: 360×740, touch, mobile viewport rules, Vietnamese locale."""
    context = browser.new_context(
        viewport={"width": PHONE_WIDTH, "height": PHONE_HEIGHT},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="vi-VN",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    failed_before = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed_before:
        # Shown by pytest under "Captured stdout teardown" of the failed test.
        try:
            text = page.inner_text("body")
        except Exception as error:  # noqa: BLE001 - diagnostics only
            text = f"<no body text: {error}>"
        print(f"\n--- page at failure: {page.url}\n{text[:3000]}")
    context.close()


def follow_link(page: Page, text: str) -> None:
    """Click the first visible link whose accessible name contains `text`."""
    link = page.get_by_role("link", name=re.compile(re.escape(text))).first
    expect(link).to_be_visible()
    link.click()
    page.wait_for_load_state()


def expect_no_horizontal_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, (
        f"{page.url} scrolls horizontally on a {PHONE_WIDTH}px phone: scrollWidth={width} "
        "(too wide content, or no <meta name=viewport content='width=device-width'>)"
    )


DEMO_PASSWORD = "gandan-demo"


def sign_in(page: Page, base_url: str, username: str) -> None:
    """Sign in with one of the demo accounts that `gandan demo` creates."""
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", name=re.compile("Đăng nhập"))).to_be_visible()
    expect_no_horizontal_scroll(page)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


