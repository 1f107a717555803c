"""Shared test options and session hooks.

`pytest --update-golden` rewrites golden files instead of comparing. The session's one
Chromium (tests/browser_support.py) is closed when the session ends.
"""


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff like code)",
    )


def pytest_sessionfinish(session, exitstatus):
    from tests.browser_support import close_chromium

    close_chromium()
