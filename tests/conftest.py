"""Shared test options and session hooks.

`pytest --update-golden` rewrites golden files instead of comparing. Test files with a
test marked `slow` run first, so that with `-n 2 --dist loadfile --no-loadscope-reorder`
(the suite's command: files handed to the two workers in this order) the longest files
start at once instead of last. The session's one Chromium
(tests/browser_support.py) is closed when the session ends.
"""


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff like code)",
    )


def pytest_collection_modifyitems(session, config, items):
    """Files with a `slow` test first; the order of the files and of each file's tests is kept."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)


def pytest_sessionfinish(session, exitstatus):
    from tests.browser_support import close_chromium

    close_chromium()
