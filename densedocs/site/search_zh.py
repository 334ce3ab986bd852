"""MkDocs hook: Chinese search that finds every word the pages use.

Why. Material indexes Chinese as the words jieba cuts at build time, and its
search worker cuts a query by matching its start against the words the index
holds. The two disagree wherever jieba cut a word otherwise in context: the
glossary says 可|训练|参数 and 不可训练|参数 (可 is then dropped as one of
lunr's Chinese stop words), so the query 可训练 matched no word at its start,
was searched as the one word "可训练*", and found nothing. No dictionary fixes
that: a segmenter cuts the same characters differently in different sentences.

What. Index and query agree on characters instead of words:

- mkdocs.yml's search separator splits between Han characters, and its empty
  pipeline keeps every one of them (no stop word filter);
- docs/javascripts/zh-search-worker.js turns a query's Han runs into required
  characters and keeps only the sections that say each run's words as written
  (a run cut into words at Intl.Segmenter's boundaries, as the section says
  them: 隐藏层神经元 finds 隐藏层 … 神经元), those that say the whole run
  first. This hook publishes it followed by Material's worker, as one worker
  script, and points the pages' configuration at it (Material 9 has no hook
  for the query: it transforms queries inside its worker);
- one index holds both editions: the worker ranks the sections of the page's
  own language first and marks the others with their language's name. Each
  language's pages get their own copy of the worker (search-en.*.js,
  search-zh.*.js), which starts by naming that language, so the offline
  edition, whose worker is loaded by the iframe-worker shim, does the same;
- Material segments Chinese with jieba whenever jieba is importable (the tests
  install it to draw words from the pages). Its words would mark nothing the
  search uses, and cutting them cost a third of a build: the hook turns it off.
"""

import hashlib
import json
import re

from material.plugins.search import plugin as search_plugin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from densedocs.site.plugins import language_names, languages

PRELUDE = "javascripts/zh-search-worker.js"
WORKERS = "assets/javascripts/workers/"
MATERIAL_WORKER = re.compile(re.escape(WORKERS) + r"search\.[0-9a-f]+\.min\.js")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)

_worker: dict[str, str] = {}  # "material" and "ours": the worker scripts' paths


@event_priority(-110)  # after mkdocs-static-i18n's (-100): it reads files' paths
def on_files(files, config):
    prelude = files.get_file_from_path(PRELUDE)
    material = [f for f in files if MATERIAL_WORKER.fullmatch(f.src_uri)]
    if prelude is None or len(material) != 1:
        raise PluginError(
            f"Chinese search needs docs/{PRELUDE} and one Material search worker "
            f"({WORKERS}search.*.min.js), found {[f.src_uri for f in material]}"
        )
    files.remove(prelude)
    # Without Material's source map: the prelude's lines would put it off.
    material_script = SOURCE_MAP.sub("", material[0].content_string)
    problems = worker_problems(prelude.content_string, material_script)
    if problems:
        raise PluginError(
            f"docs/{PRELUDE} no longer fits Material's search worker "
            f"{material[0].src_uri}: " + "; ".join(problems)
        )
    found = languages(config)
    page = found.current if found else ""
    script = "\n".join(
        (_language_line(config, found), _lean(prelude.content_string), material_script)
    )
    digest = hashlib.sha256(script.encode("utf-8")).hexdigest()[:8]
    name = f"{WORKERS}search-{page or 'all'}.{digest}.js"
    ours = File.generated(config, name, content=script)
    files.append(ours)
    _worker.update(material=material[0].src_uri, ours=ours.src_uri)
    return files


# What the prelude relies on in Material's worker: the message numbers it names
# (const [SETUP, QUERY, RESULT] = [0, 2, 3]), as Material's worker dispatches them,
# the worker's searching through lunr's Index.prototype.search, which the
# prelude wraps, and how it scores what that returns (the prelude ranks the
# sections that say the query as typed first by raising their lunr scores).
MESSAGE_NUMBERS = re.compile(
    r"const \[SETUP, QUERY, RESULT\] = \[(\d+), (\d+), (\d+)\];"
)


def worker_problems(prelude: str, material: str) -> list[str]:
    """What the prelude assumes of Material's search worker that does not hold."""
    numbers = MESSAGE_NUMBERS.search(prelude)
    if numbers is None:
        return ["the prelude names no message numbers (const [SETUP, QUERY, RESULT])"]
    setup, query, result = numbers.groups()
    expected = {
        f"setup is message {setup}": rf"case {setup}:[^;]*new \w+\(\w+\.data\)",
        f"a query is message {query}, answered by {result}": (
            rf"case {query}:let (\w+)=\w+\.data;try\{{return\{{type:{result},"
        ),
        "it searches with lunr's Index.prototype.search": r"this\.index\.search\(",
        # MATERIAL_BOOST: a result's score is lunr's times 1 + g², g at most 2
        "it scores a result lunr's score times 1 + g², g = +!parent + a fraction": (
            r"let (\w+)=\+!\w+\.parent\+Object\.values\(\w+\)\.filter\(\w+=>\w+\)"
            r"\.length/Object\.keys\(\w+\)\.length;\w+\.push\(\w+\(\w+\(\{\},\w+\),"
            r"\{score:\w+\*\(1\+\w+\(\1,2\)\)"
        ),
    }
    return [
        f"{what}: not so in Material's worker"
        for what, pattern in expected.items()
        if not re.search(pattern, material)
    ]


def _language_line(config, found) -> str:
    """The worker's first line: the language of the pages that load it, the
    default language, and each language's name (self.denseSearchLanguage)."""
    settings = {
        "page": found.current if found else "",
        "default": found.default if found else "",
        "names": language_names(config),
    }
    return f"self.denseSearchLanguage = {json.dumps(settings, ensure_ascii=False)};"


def _lean(script: str) -> str:
    """The prelude without its comment lines, blank lines and indentation: every
    page loads the worker, and the heaviest are near their weight budget."""
    lines = (line.strip() for line in script.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def _use_our_worker(html: str, name: str) -> str:
    """Point the page's configuration (#__config, "search": ...) at our worker."""
    if 'id="__config"' not in html:
        return html
    material, ours = (_worker[k].removeprefix(WORKERS) for k in ("material", "ours"))
    pattern = re.compile(r'("search":\s*"[^"]*)' + re.escape(material) + '"')
    html, count = pattern.subn(lambda m: m[1] + ours + '"', html)
    if count != 1:
        raise PluginError(
            f"{name}: its configuration does not name Material's search worker "
            f"{material}: Chinese search needs it replaced "
            "(densedocs/site/search_zh.py)"
        )
    return html


def on_post_page(output, page, config):
    return _use_our_worker(output, page.file.src_uri)


def on_post_template(output_content, template_name, config):
    return _use_our_worker(output_content, template_name)


def on_config(config):
    """Material's search without jieba, whether or not it is installed."""
    search_plugin.jieba = None
