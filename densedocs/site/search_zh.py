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

Why not Material's own settings. Measured 2026-12-05 with
tests/browser/test_search_and_navigation.py (8 tests, 5 of them Chinese):
Material's search with its default separator, jieba and `lang: [en, zh]` (what
mkdocs-static-i18n sets) passed none of the 8: 可训练, 均值, 隐藏层神经元 found
nothing. With mkdocs.yml's character separator but without the prelude, it
passed 1: any section holding any one of a query's characters is a result
(全连接层 led to pages that never say it) and the page marks single characters.
A worker of our own would replace Material's whole worker, yet still speak its
message protocol and result format (this coupling, by other names), and
reimplement lunr's index and the English search: more code than the prelude
touches of Material's. The prelude stays, its assumptions checked
(densedocs/site/couplings/material.py).
"""

import hashlib
import json

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from densedocs.site.couplings import material
from densedocs.site.couplings.i18n import language_names, languages
from densedocs.site.couplings.material import PRELUDE, WORKERS

_worker: dict[str, str] = {}  # "material" and "ours": the worker scripts' paths


@event_priority(-110)  # after mkdocs-static-i18n's (-100): it reads files' paths
def on_files(files, config):
    prelude = files.get_file_from_path(PRELUDE)
    if prelude is None:
        raise PluginError(f"Chinese search needs docs/{PRELUDE}")
    files.remove(prelude)
    worker, material_script = material.material_worker(files)
    found = languages(config)
    page = found.current if found else ""
    script = "\n".join(
        (_language_line(config, found), _lean(prelude.content_string), material_script)
    )
    digest = hashlib.sha256(script.encode("utf-8")).hexdigest()[:8]
    name = f"{WORKERS}search-{page or 'all'}.{digest}.js"
    ours = File.generated(config, name, content=script)
    files.append(ours)
    _worker.update(material=worker.src_uri, ours=ours.src_uri)
    return files


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


def on_post_page(output, page, config):
    return material.use_worker(
        output, page.file.src_uri, _worker["material"], _worker["ours"]
    )


def on_post_template(output_content, template_name, config):
    return material.use_worker(
        output_content, template_name, _worker["material"], _worker["ours"]
    )


def on_config(config):
    """Material's search without jieba, whether or not it is installed."""
    material.without_jieba()
