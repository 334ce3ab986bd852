"""MkDocs hook: the Chinese edition's links and 404 page right
(mkdocs-static-i18n builds it as a build of its own, after the English one)."""

import re

from mkdocs.plugins import event_priority

from densedocs.site.plugins import languages


def on_pre_build(config):
    """404.html is the default language's: the other languages' builds write into
    the same site folder and would overwrite it (with <html lang="zh">)."""
    found = languages(config)
    if found is None:
        return
    if found.is_default:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


@event_priority(-60)  # after mkdocs-static-i18n's on_page_context (50)
def on_page_context(context, page, config, nav):
    """The language switcher's links, relative to the site like every other link.

    mkdocs-static-i18n leaves the home pages' switcher on absolute links ("/",
    "/zh/"), which break when the site is served from a sub-folder or from
    file:// (the offline edition); Material's `url` filter makes a link relative
    to the page once it is relative to the site's root.
    """
    # The plugin sets config.extra.alternate as an attribute, as the theme reads it.
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            alternate["link"] = link.lstrip("/") or "."
    return context


HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config):
    """No <link rel="alternate" hreflang> in the head of the pages.

    Material fetches <alternate>/sitemap.xml for each of them, to map a page to its
    counterpart; mkdocs-static-i18n points them at the counterpart pages
    themselves (zh/answer/), so every page load asked for zh/answer/sitemap.xml
    and the like: 404s. The language switcher's menu links each page to its
    counterpart in plain HTML (from file:// too), and the sitemap lists the
    alternates for search engines.
    """
    if languages(config) is None:
        return output
    head, sep, body = output.partition("</head>")
    return HEAD_ALTERNATE.sub("", head) + sep + body
