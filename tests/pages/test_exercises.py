"""The exercises of the main pages ("Predict, then check", { #exercises }): every
answer is a captured run's, or a count that Keras gives for the calculator link
next to it, in both languages; and each answer stays closed until the reader
opens it. tests/browser/test_calculator.py opens every such link."""

import re

import pytest

from densedocs.pages import Part, read
from tests.conftest import ROOT
from tests.helpers import calculator_layers, calculator_model, printed

PAGES = {"index": "question", "answer": "answer", "counting": "counting"}
PAGES |= {"training": "training", "why": "why"}
QUESTION = re.compile(r'^\?\?\? question "(?P<title>.+)"\n    (?P<answer>.+)$', re.M)
CALCULATOR_LINK = re.compile(r"\]\((calculator\.md\?[^)\s]+)\)")


def exercises(name: str) -> Part:
    """The page's exercises section ({ #exercises }), read by the page model."""
    return dict(read(ROOT, ROOT / "docs" / name).sections())["exercises"]


def keras_count(link: str) -> tuple[int, int]:
    """(parameters, bytes) of the model a calculator link describes, by Keras."""
    model = calculator_model(*calculator_layers(link))
    size = sum(w.numpy().nbytes for w in model.weights)
    return model.count_params(), size


@pytest.mark.parametrize("page", PAGES)
def test_each_main_page_asks_the_same_questions_in_both_languages(page):
    english, chinese = (exercises(f"{page}{suffix}.md") for suffix in ("", ".zh"))
    for section in (english, chinese):
        asked = QUESTION.findall(section.text)
        assert 2 <= len(asked) <= 3, page
        shown = section.shown()
        assert shown == [f"exercises/{PAGES[page]}.py", f"exercises/{PAGES[page]}.out"]
    assert len(QUESTION.findall(english.text)) == len(QUESTION.findall(chinese.text))
    assert CALCULATOR_LINK.findall(english.text) == CALCULATOR_LINK.findall(
        chinese.text
    )


@pytest.mark.parametrize("page", PAGES)
def test_every_answer_is_what_keras_counts_or_prints(page):
    out = printed(f"exercises/{PAGES[page]}.py")
    for suffix in ("", ".zh"):
        for match in QUESTION.finditer(exercises(f"{page}{suffix}.md").text):
            answer = match["answer"]
            for link in CALCULATOR_LINK.findall(answer):
                params, size = keras_count(link)
                stated = re.sub(r"\]\([^)]*\)", "", answer)
                assert f"= {params}" in stated or f"= {size} B" in stated, answer
                assert str(params) in out or f"{size}.00 B" in out, link


def test_the_answers_stay_closed_until_opened(built_site):
    for page in PAGES:
        for folder in ("", "zh/"):
            path = "" if page == "index" else f"{page}/"
            html = (built_site / folder / path / "index.html").read_text("utf-8")
            start = html.index('id="exercises"')
            answers = re.findall(r"<details[^>]*>", html[start:])
            assert len(answers) >= 3, (folder, page)
            assert all(" open" not in tag for tag in answers), (folder, page)
