"""One Chinese term per idea: every Chinese page and notebook source uses the term
that densedocs/checks/terminology.yml chose for each concept, never a word the table
says must not stand for it."""

from pathlib import Path

import yaml

from densedocs.layout import CHINESE_SUFFIX
from densedocs.pages import notebook_sources, page_files

TABLE = Path(__file__).with_name("terminology.yml")


def read_table(path: Path = TABLE) -> dict:
    """The table: its concepts (concept, term, d2l, avoid) and its pending words."""
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in table["concepts"]:
        missing = {"concept", "term", "d2l", "avoid"} - entry.keys()
        if missing:
            raise ValueError(f"{path.name}: {entry.get('concept')} has no {missing}")
        for word in entry["avoid"]:
            if word in entry["term"]:
                raise ValueError(f"{path.name}: {entry['term']} contains {word}")
    table.setdefault("pending", {})
    return table


def chinese_sources(root: Path) -> list[Path]:
    """Every Chinese page (docs/**/*.zh.md, the templates too) and notebook source."""
    suffix = f"{CHINESE_SUFFIX}.md"
    pages = page_files(root) + sorted((root / "docs" / "templates").glob("*.md"))
    return [p for p in pages + notebook_sources(root) if p.name.endswith(suffix)]


def off_table_words(root: Path, table: dict) -> list[tuple[str, int, str, str]]:
    """(page, line, word, the term to use) for every avoided word, in page order."""
    found = []
    for path in chinese_sources(root):
        rel = path.relative_to(root).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            matched = [
                (word, entry["term"])
                for entry in table["concepts"]
                for word in entry["avoid"]
                if word in line
            ]
            # A word inside a longer avoided word on the same line is that one.
            found += [
                (rel, number, word, term)
                for word, term in matched
                if not any(word != other and word in other for other, _ in matched)
            ]
    return found


def terminology_problems(root: Path, table: dict | None = None) -> list[str]:
    """Each off-table word with its page and line, and each pending entry that is
    no longer true."""
    table = table if table is not None else read_table()
    pending = table["pending"]
    problems, seen = [], set()
    for page, line, word, term in off_table_words(root, table):
        if word in pending.get(page, []):
            seen.add((page, word))
            continue
        problems.append(f"{page}:{line}: {word} (the table's term: {term})")
    for page, words in pending.items():
        problems += [
            f"{TABLE.name}: pending {word} is no longer on {page}: remove the entry"
            for word in words
            if (page, word) not in seen
        ]
    return problems
