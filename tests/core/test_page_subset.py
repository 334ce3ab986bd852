"""`make test-page` is a true subset of `make test` for its page: it runs the
whole checkout's cheap checks that any page's change can turn red, and each of
them exists under that name (a renamed test would drop out of it silently)."""

from densedocs.checks.page_tests import WHOLE_CHECKOUT, collected, page_tests
from tests.conftest import ROOT


def test_test_page_runs_the_checks_of_the_whole_checkout():
    ids = collected(ROOT)
    missing = [node for node in WHOLE_CHECKOUT if node not in ids]
    assert missing == [], "renamed? update WHOLE_CHECKOUT in page_tests.py"
    for page in ("docs/answer.md", "docs/calculator.md"):
        assert set(WHOLE_CHECKOUT) <= set(page_tests(ROOT, page, ids)), page
    # and the declared failure's own check, on the pages that show that snippet
    failure = "tests/checks/test_published.py::test_a_declared_failure_still_happens"
    assert f"{failure}[question/as_asked.py]" in page_tests(
        ROOT, "docs/then_and_now.md", ids
    )
