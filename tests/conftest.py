"""Shared test options. `pytest --update-golden` rewrites golden files instead of comparing."""


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output (review the diff like code)",
    )
