"""The "Check it yourself" page (docs/check.md): its five programs show what the
answer claims."""

from densedocs.capture.store import read_capture
from tests.conftest import ROOT


def test_the_checks_show_what_the_answer_claims():
    counted = read_capture(ROOT, "check/count_by_hand.py").stdout
    assert "dense         2·32 + 32 =  96   Keras says 96" in counted
    assert "total                   = 129   Keras says 129" in counted
    rows = read_capture(ROOT, "check/batch_size.py").stdout
    assert "X (4, 2) -> predictions (4, 1), parameters: 129" in rows
    assert "X (1000, 2) -> predictions (1000, 1), parameters: 129" in rows
    forward = read_capture(ROOT, "check/forward_pass.py").stdout
    assert "equal to 6 decimals: True" in forward
