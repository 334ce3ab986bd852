"""MkDocs hook: every coupling to another package's insides checked as the build
starts (densedocs/site/couplings/), so that an upgrade that breaks one stops the
build with a message naming the package and the version it was written for."""

from mkdocs.plugins import event_priority

from densedocs.site.couplings import registry


@event_priority(-120)  # after the plugins' on_config: i18n's (-100) sets its state
def on_config(config):
    for coupling in registry():
        if coupling.probe and coupling.stage == "config":
            coupling.check(config)
    return config


@event_priority(-101)  # after i18n's on_files (-100), before the hooks that read it
def on_files(files, config):
    for coupling in registry():
        if coupling.probe and coupling.stage == "files":
            coupling.check(config, files)
    return files
