"""MkDocs hook: publish the files snippets wrote (figures) under figures/<topic>/,
and show a phone the figure drawn for its width.

`make outputs` keeps a file that snippets/<topic>/<name>.py wrote next to the
snippet and lists it in snippets/captured.json. This hook adds each such file to
the site at its address (densedocs.layout.figure_address), so a page shows it with
![...](figures/<topic>/<file>) and MkDocs checks the link. It reads JSON and SVG
only: the build never imports TensorFlow.

A snippet that draws a figure for a desktop, plot.svg (plot.zh.svg in Chinese),
may also draw it for a phone: plot.phone.svg (plot.phone.zh.svg), narrower, with
labels that stay at 11 px or more on a 390 px screen. A page names the desktop's
figure; where the phone's is published too, this hook wraps the <img> in a
<picture> whose <source> gives screens narrower than PHONE the phone's drawing,
at its own size. A notebook page's figures (densedocs/site/notebooks.py) get the
same.
"""

import re
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from densedocs.layout import FIGURES, published_figures

# The screens a phone's drawing is for: narrower than Material's tablet layout
# (45em), where the content column is under 720 px and a desktop's figure shrinks.
PHONE = "(max-width: 44.984375em)"
PHONE_SUFFIX = ".phone"

IMG = re.compile(r"<img\b[^>]*>")
SRC = re.compile(r'\ssrc="(?P<url>[^"]*?' + FIGURES + r'/[^"]+\.svg)"')
SVG_ROOT = re.compile(r"<svg\b[^>]*>")
LENGTH = r'\s{}="(?P<value>[\d.]+)(?P<unit>pt|px)?"'

_published: dict[str, Path] = {}  # address -> the file, for this build


def on_files(files, config):
    root = Path(config.config_file_path).parent
    _published.clear()
    for address, source in published_figures(root).items():
        if not source.is_file():
            raise PluginError(
                f"{address}: snippets/captured.json lists {source.name}, which "
                f"{source.parent.relative_to(root)}/ does not hold: run make outputs"
            )
        _published[address] = source
        files.append(File.generated(config, address, abs_src_path=str(source)))
    return files


def phone_address(address: str) -> str:
    """figures/diagrams/network.zh.svg -> figures/diagrams/network.phone.zh.svg"""
    path = PurePosixPath(address)
    stem, _, languages = path.name.removesuffix(".svg").partition(".")
    languages = f".{languages}" if languages else ""
    return str(path.with_name(f"{stem}{PHONE_SUFFIX}{languages}.svg"))


def css_size(svg: str) -> tuple[int, int]:
    """The width and height, in CSS pixels, an SVG file gives itself."""
    root = SVG_ROOT.search(svg)[0]

    def length(name: str) -> int:
        found = re.search(LENGTH.format(name), root)
        if found is None:
            raise PluginError(f"an SVG figure without a {name}: {root[:80]}")
        pixels = float(found["value"]) * (4 / 3 if found["unit"] == "pt" else 1)
        return round(pixels)

    return length("width"), length("height")


def _picture(img: str) -> str:
    """The <img> of a figure, in a <picture> if a phone's drawing is published."""
    src = SRC.search(img)
    if src is None:
        return img
    url = src["url"]
    address = url[url.index(FIGURES + "/") :]
    phone = _published.get(phone_address(address))
    if phone is None:
        return img
    width, height = css_size(phone.read_text(encoding="utf-8"))
    srcset = url[: url.index(FIGURES + "/")] + phone_address(address)
    return (
        f'<picture class="figure"><source media="{PHONE}" srcset="{srcset}" '
        f'width="{width}" height="{height}">{img}</picture>'
    )


def on_post_page(output, page, config):
    head, sep, body = output.partition("</head>")
    return head + sep + IMG.sub(lambda m: _picture(m[0]), body)
