"""Page scripts as ES modules, published as classic scripts (densedocs/site/scripts.py):
what the bundle runs is what the modules say, and what the bundler cannot read
stops the build with the file and the line."""

import re
import subprocess

import pytest

from densedocs.site.scripts import BundleError, bundle


def write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run_classic(script: str, tmp_path) -> str:
    """Run the bundle as a classic script (a .cjs file: `import` there is a
    syntax error), with a console, as a page would."""
    path = tmp_path / "zz_test_bundle.cjs"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run(
        ["node", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_bundled_page_script_runs_what_its_modules_export(tmp_path):
    write(
        tmp_path,
        {
            "javascripts/lib/zz_test_count.js": (
                "/*\n * zz_test: a comment block\n */\n"
                "const PER_UNIT = 1; /* zz_test: kept, after code */\n"
                "export function count(inputs, units) {\n"
                "  // zz_test: a comment line\n"
                "  /* zz_test: before code */ const two = 2;\n"
                '  const slash = "//"; /* not a comment: a string */\n'
                "  return inputs * units + units * PER_UNIT + slash.length - two;\n}\n"
                "export const QUESTION = { inputs: 2, units: 32 };\n"
            ),
            "javascripts/lib/zz_test_total.js": (
                'import { count as dense } from "./zz_test_count.js";\n'
                "export function total(layers) {\n"
                "  return layers.reduce((sum, [i, u]) => sum + dense(i, u), 0);\n}\n"
            ),
            "javascripts/zz_test_page.js": (
                'import { QUESTION, count } from "./lib/zz_test_count.js";\n'
                'import { total } from "./lib/zz_test_total.js";\n'
                "console.log(count(QUESTION.inputs, QUESTION.units));\n"
                "console.log(total([[2, 32], [32, 1]]));\n"
            ),
        },
    )
    script = bundle(tmp_path / "javascripts/zz_test_page.js", tmp_path)
    assert run_classic(script, tmp_path).split() == ["96", "129"]
    # Lines that are all comment are left out; code and what follows it stay.
    assert "zz_test: a comment" not in script
    # And each line's indentation.
    assert not re.search(r"^[ \t]", script, re.MULTILINE)
    assert "zz_test: kept, after code" in script
    # Each module once, though two scripts import it; nothing left to import.
    assert script.count("// javascripts/lib/zz_test_count.js") == 1
    assert not re.search(r"^(import|export)\b", script, re.MULTILINE)


@pytest.mark.parametrize(
    ("library", "message"),
    [
        ("export default function f() {}\n", "zz_test_lib.js:1: only"),
        ("const a = 1;\nimport * as b from './x.js';\n", "zz_test_lib.js:2: only"),
        ("export function f() { return import('./x.js'); }\n", ":1: only"),
        ('import { f } from "./zz_test_gone.js";\n', "zz_test_gone.js, which does"),
        ('import { f } from "../zz_test_page.js";\n', "modules import each other"),
        ("export const f = `a\n// b`;\n", "zz_test_lib.js:1: a template literal"),
        ('export const f = "a\\\n  b";\n', "zz_test_lib.js:1: a string continued"),
    ],
)
def test_what_the_bundler_cannot_read_is_named(tmp_path, library, message):
    write(
        tmp_path,
        {
            "javascripts/lib/zz_test_lib.js": library,
            "javascripts/zz_test_page.js": (
                'import { f } from "./lib/zz_test_lib.js";\nexport function f() {}\n'
            ),
        },
    )
    with pytest.raises(BundleError, match=re.escape(message)):
        bundle(tmp_path / "javascripts/zz_test_page.js", tmp_path)


def test_the_site_publishes_classic_scripts_only(built_site):
    scripts = built_site / "javascripts"
    for library in ("lib", "dom"):
        assert not (scripts / library).exists(), "modules are published only bundled"
    for script in sorted(scripts.glob("*.js")):
        text = script.read_text(encoding="utf-8")
        assert not re.search(r"^(import|export)\b", text, re.MULTILINE), script.name
