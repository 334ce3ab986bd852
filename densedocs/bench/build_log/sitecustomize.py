"""Counts site builds: on PYTHONPATH, with DENSEDOCS_BUILD_LOG naming a file, every
Python process that runs `mkdocs.commands.build.build` (a test's own call, a
fixture's subprocess, plain `mkdocs build`) appends one line to that file: the
pytest-xdist worker, the test or fixture that asked (PYTEST_CURRENT_TEST, which
subprocesses inherit), and the site folder. The bench reads it (suite_ratio).

The tests' conftest drops PYTHONPATH from their environment (a snippet's run must
not see the caller's), so each subprocess gets this folder back, last on its
PYTHONPATH: a snippet's sandbox (densedocs/capture/sandbox) stays first and loads
its own sitecustomize, not this one."""

import importlib.abc
import importlib.machinery
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LOG = os.environ.get("DENSEDOCS_BUILD_LOG")
MODULE = "mkdocs.commands.build"


class _Counting(importlib.abc.MetaPathFinder):
    """Wraps `build` in mkdocs.commands.build once that module has loaded."""

    def find_spec(self, name, path, target=None):
        if name != MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None:
            return None
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.build = _counted(module.build)

        spec.loader.exec_module = exec_module
        return spec


def _counted(build):
    depth = []  # mkdocs-static-i18n builds each other language inside the build

    def counted(config, *args, **kwargs):
        if depth:
            return build(config, *args, **kwargs)
        line = {
            "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
            "test": os.environ.get("PYTEST_CURRENT_TEST", ""),
            "site": str(config["site_dir"]),
        }
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps(line) + "\n")
        depth.append(1)
        try:
            return build(config, *args, **kwargs)
        finally:
            depth.pop()

    return counted


def _with_this_folder(init):
    def popen_init(self, args, *rest, env=None, **options):
        env = dict(os.environ if env is None else env)
        paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join([*paths, HERE])
        env["DENSEDOCS_BUILD_LOG"] = LOG
        init(self, args, *rest, env=env, **options)

    return popen_init


if LOG:
    LOG = os.path.abspath(LOG)
    sys.meta_path.insert(0, _Counting())
    subprocess.Popen.__init__ = _with_this_folder(subprocess.Popen.__init__)
