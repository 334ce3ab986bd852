"""Helpers of the tests that tamper with a copy of the site to prove a check bites."""


def edit(path, old, new):
    """Replace the first `old` in a file by `new`; `old` must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def joined(problems):
    """The problems a check reported, as one text; it must have reported some."""
    assert problems, "the check did not notice"
    return "\n".join(problems)
