"""Each mistake an author makes in a snippet stops `make outputs` for that snippet,
with a message that names it, and writes nothing of it (issue 29's table, rows
1-6 and 8-10; the build's side is tests/site/test_published.py).

Each test writes made-up snippets (zz_test_...) into a throwaway copy of the
checkout and runs the capture command there, as `make outputs SNIPPETS=...` does.
None of them imports TensorFlow: a capture of a small program takes seconds.
"""

import os
import signal
import subprocess
import sys
import time

import pytest

from densedocs.capture.runner import InProcessRunner
from densedocs.capture.store import stdout_file
from densedocs.layout import EXIT_STATUS, read_manifest
from densedocs.site.published import unwritten_outputs
from tests.helpers import edit

TOPIC = "zz_test_rows"


def write(copy, name, code):
    path = copy / "snippets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code, encoding="utf-8")
    return name


def capture(copy, *names):
    return subprocess.run(
        [sys.executable, "-m", "densedocs.capture", *names],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def refused(result, name, *quoted):
    """The command failed, named the snippet with these words, wrote nothing of it."""
    assert result.returncode == 1, result.stdout + result.stderr
    for words in (f"snippets/{name}", *quoted):
        assert words in result.stderr, result.stderr
    assert f"not captured (1, above, their files left as they were): {name}" in (
        result.stderr
    )


def test_a_snippet_that_prints_then_raises_is_not_captured(copy):
    name = write(copy, f"{TOPIC}/raises.py", 'print("0.5")\nraise ValueError("zz")\n')
    result = capture(copy, name)
    refused(
        result,
        name,
        f"snippets/{name} failed (exit status 1). The end of what it printed on "
        "stderr:",
        "ValueError: zz",
        "A snippet meant to fail declares it under [fails] in snippets/declared.toml",
    )
    assert not stdout_file(copy, name).exists()
    assert name not in read_manifest(copy)[EXIT_STATUS]


def test_a_declared_failure_is_captured_and_must_still_happen(copy):
    name = write(copy, f"{TOPIC}/fails.py", 'raise ValueError("as shown")\n')
    declared = copy / "snippets" / "declared.toml"
    edit(declared, "[fails]\n", f'[fails]\n"{name}" = "ValueError"\n')
    result = capture(copy, name)
    assert result.returncode == 0, result.stderr
    assert read_manifest(copy)[EXIT_STATUS][name] == 1
    assert (
        (copy / "snippets" / name)
        .with_suffix(".err")
        .read_text()
        .endswith("ValueError: as shown\n")
    )
    write(copy, name, 'print("fixed")\n')
    refused(
        capture(copy, name),
        name,
        "is declared to fail with ValueError (snippets/declared.toml), but it ran "
        "to its end",
    )
    write(copy, name, "raise KeyError(1)\n")
    refused(capture(copy, name), name, "but it failed otherwise", "KeyError: 1")


def test_a_snippet_that_needs_the_network_is_not_captured(copy):
    code = 'from urllib.request import urlopen\nurlopen("http://example.org")\n'
    name = write(copy, f"{TOPIC}/network.py", code)
    refused(
        capture(copy, name),
        name,
        "snippets run without the network (socket.getaddrinfo example.org)",
    )


@pytest.mark.parametrize("where", ["absolute", "relative"])
def test_a_snippet_that_writes_outside_its_folder_is_not_captured(copy, where):
    outside = copy / "zz_test_outside.txt"
    path = str(outside) if where == "absolute" else "../zz_test_outside.txt"
    name = write(copy, f"{TOPIC}/outside.py", f"open({path!r}, 'w').write('x')\n")
    refused(
        capture(copy, name),
        name,
        f"a snippet writes only in its working folder, not to {path}",
    )
    assert not outside.exists()
    # In process (the tests' runner) too, even if the snippet swallows the error.
    code = f"try:\n    open({str(outside)!r}, 'w')\nexcept OSError:\n    pass\n"
    run = InProcessRunner().run(copy, write(copy, f"{TOPIC}/swallows.py", code))
    assert run.exit_status == 0 and not outside.exists()
    assert run.refused == (
        f"a snippet writes only in its working folder, not to {outside}",
    )


def test_a_snippet_that_never_ends_stops_at_its_limit_and_the_others_are_kept(copy):
    hangs = write(
        copy, f"{TOPIC}/hangs.py", "import time\nwhile True:\n    time.sleep(0.1)\n"
    )
    quick = write(copy, f"{TOPIC}/quick.py", 'print("done")\n')
    edit(
        copy / "snippets" / "declared.toml",
        "[time_limit]\n",
        f'[time_limit]\n"{hangs}" = 2\n',
    )
    started = time.monotonic()
    result = capture(copy, hangs, quick)
    refused(result, hangs, "it ran past its time limit of 2 s")
    assert time.monotonic() - started < 120
    assert "captured 1 snippets; changed: zz_test_rows/quick.py" in result.stdout
    assert stdout_file(copy, quick).read_text() == "done\n"
    assert not stdout_file(copy, hangs).exists()
    # The tests' runner has the same limit.
    run = InProcessRunner().run(copy, hangs)
    assert run.refused == (
        "it ran past its time limit of 2 s (a longer one: [time_limit] in "
        "snippets/declared.toml)",
    )


def test_ctrl_c_stops_the_capture_and_is_never_a_snippets_output(copy):
    name = write(copy, f"{TOPIC}/waits.py", "import time\ntime.sleep(60)\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "densedocs.capture", name],
        cwd=copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # Ctrl-C reaches the terminal's whole group
        # As a terminal starts it: a suite started in the background (`&` in a
        # script, nohup) ignores Ctrl-C, and so would every program it starts.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(5)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, out + err
    assert "stopped (Ctrl-C): nothing was written" in err
    assert not stdout_file(copy, name).exists()
    # In process: KeyboardInterrupt reaches the caller, not the run's stderr.
    code = "import os, signal\nos.kill(os.getpid(), signal.SIGINT)\n"
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # (as above)
    try:
        with pytest.raises(KeyboardInterrupt):
            InProcessRunner().run(copy, write(copy, f"{TOPIC}/interrupted.py", code))
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_stops_the_interpreters_running_and_starts_no_other(copy, monkeypatch):
    """Ctrl-C reaches the process group, but an interpreter a thread starts just
    after it never gets it (one in ten Ctrl-Cs 0.12 s after the start): the
    capture stops those running itself, and starts no other."""
    import threading

    from densedocs.capture import runner

    interpreters = runner._FreshInterpreters()
    monkeypatch.setattr(runner, "FRESH_INTERPRETERS", interpreters)
    name = write(copy, f"{TOPIC}/waits.py", "import time\ntime.sleep(60)\n")
    runs = []
    thread = threading.Thread(target=lambda: runs.append(runner.run_fresh(copy, name)))
    thread.start()
    while thread.is_alive() and not interpreters._running:
        time.sleep(0.01)
    started = time.perf_counter()
    interpreters.stop()
    thread.join(timeout=30)
    assert not thread.is_alive() and time.perf_counter() - started < 10
    assert runs[0].exit_status == -signal.SIGKILL  # never a capture (status not 0)
    with pytest.raises(KeyboardInterrupt):
        runner.run_fresh(copy, name)
    assert not interpreters._running


README_FIGURE = 'import matplotlib.pyplot as plt\n\n{}plt.savefig("plot.svg")\n'


def test_figures_capture_as_written_alone_and_together(copy):
    first = write(
        copy,
        "zz_test_figure_a/plot.py",
        README_FIGURE.format(
            'plt.rcParams["lines.linewidth"] = 5\nplt.plot([0, 1], [0, 1])\n'
        ),
    )
    result = capture(copy, first)
    assert result.returncode == 0, result.stderr
    assert "captured 1 snippets; changed: zz_test_figure_a/plot.py" in result.stdout
    assert "no page or notebook shows them yet" in result.stdout
    assert "also changed: snippets/captured.json\n" in result.stdout  # not the note
    assert "read them again" not in result.stdout  # no empty list of pages
    assert (
        "<dc:date>1970-01-01T00:00:00+00:00</dc:date>"
        in (copy / "snippets/zz_test_figure_a/plot.svg").read_text()
    )
    # Another figure in the same process: no line and no setting of the first.
    second = write(
        copy, "zz_test_figure_b/plot.py", README_FIGURE.format("plt.plot([3, 1])\n")
    )
    result = capture(copy, first, second)
    assert result.returncode == 0, result.stderr
    assert "captured 2 snippets; changed: zz_test_figure_b/plot.py" in result.stdout


def test_a_png_figure_is_refused_by_name(copy):
    code = (
        'import matplotlib.pyplot as plt\nplt.plot([0, 1])\nplt.savefig("plot.png")\n'
    )
    name = write(copy, f"{TOPIC}/png.py", code)
    refused(capture(copy, name), name, "it wrote plot.png, which is not text")


def test_unseeded_random_output_is_named_for_what_it_is(copy):
    name = write(
        copy, f"{TOPIC}/unseeded.py", "import random\nprint(random.random())\n"
    )
    refused(
        capture(copy, name),
        name,
        "prints differently in a fresh interpreter and in process",
        "(fresh interpreter) != ",
        "(in process)",
        "an unseeded random number (keras.utils.set_random_seed(0) at its top)",
    )


@pytest.mark.parametrize(
    "code",
    [
        "import sys\nprint(sys.executable)\n",
        'import os\nprint(os.path.expanduser("~"))\n',
    ],
    ids=["python", "home without a slash"],
)
def test_a_machine_path_in_an_output_is_not_captured(copy, code):
    name = write(copy, f"{TOPIC}/path.py", code)
    refused(capture(copy, name), name, "shows a path of this machine (stdout)")


def test_a_page_with_a_missing_include_stops_a_capture_by_page(copy):
    edit(copy / "docs/check.md", '"check/batch_size.py"', '"check/zz_test_gone.py"')
    result = capture(copy, "--page", "docs/check.md")
    assert result.returncode == 2
    assert (
        "docs/check.md includes snippets/check/zz_test_gone.py, which does not exist"
        in result.stderr
    )


def test_a_hand_edit_within_tolerance_is_found_and_a_capture_undoes_it(copy):
    name = write(copy, f"{TOPIC}/float.py", "print(0.585)\n")
    assert capture(copy, name).returncode == 0
    out = stdout_file(copy, name)
    out.write_text("0.586\n")
    assert (
        f"snippets/{TOPIC}/float.out is not what make outputs wrote (edited by "
        f'hand?): run make outputs SNIPPETS="{name}"' in unwritten_outputs(copy)
    )
    result = capture(copy, name)
    assert result.returncode == 0, result.stderr
    assert out.read_text() == "0.585\n"
    assert not [p for p in unwritten_outputs(copy) if TOPIC in p]
