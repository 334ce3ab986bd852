"""MkDocs hook: the light/dark palette without its costliest style rule.

Material's palette stylesheet (loaded on every page because mkdocs.yml offers
light and dark) holds one rule for the instant a reader switches scheme:

    [data-md-color-switching] *, [data-md-color-switching] :after,
    [data-md-color-switching] :before { transition-duration: 0s !important }

Its rightmost part is `*`, so the browser tries it on every element (and its
pseudo-elements) of every page at every style recalculation, although it only
ever matches during a switch. On a phone-class CPU (Chromium at 4x throttling)
it was over a quarter of the answer page's style work: 417 ms of style
recalculation with it, 296 ms without (median of 9 loads each).

The hook publishes that stylesheet without the rule. The only thing a reader can
tell: when they switch scheme, the colours Material animates fade over its
transitions (125 to 250 ms) instead of changing at once. When a Material upgrade
changes the rule, the build stops here, to be looked at again.
"""

from mkdocs.plugins import event_priority

from densedocs.site.couplings import material


@event_priority(-100)  # after mkdocs-static-i18n, which needs each file's source
def on_files(files, config):
    material.without_switching_rule(files)
    return files
