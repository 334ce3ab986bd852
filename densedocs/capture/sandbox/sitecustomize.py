"""While a snippet runs: no network, and no write outside its working folder.

One audit hook (`sys.addaudithook`, PEP 578) sees every `open`, every file
removal, rename or new folder, and every connection or name look-up that Python
code makes. While a snippet runs it refuses, with a PermissionError that names
what was refused:
- a connection or a look-up of a host other than this one (the isolated build
  has no network either, and a call that fails the same way on every machine is
  one a capture can refuse);
- a write outside the snippet's working folder and its temporary folder, except
  the caches libraries keep under the home folder (Keras's keras.json,
  matplotlib's font list) and Python's bytecode.
Each refusal is also recorded, so a snippet that catches the error is refused
all the same (densedocs.capture.runner reports it as the run's `refused`).

Two ways in, one hook:
- a fresh interpreter (`run_fresh`) imports this file as Python's sitecustomize:
  the runner puts this folder on PYTHONPATH and names the report file and the
  allowed folders in DENSEDOCS_GUARD, so the guard is on from the snippet's first
  line and no frame of it shows in a traceback the snippet prints itself;
- in process (`InProcessRunner`), `guarded()` turns it on around one run. An
  audit hook cannot be removed, so it is installed once and does nothing while
  off, or on another thread than the snippet's.
It imports the standard library only.
"""

import contextlib
import os
import socket
import sys
import threading

ENV = "DENSEDOCS_GUARD"  # the report file, then the allowed folders, one a line
WRITING = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
FILE_EVENTS = {"os.remove", "os.rename", "os.mkdir", "os.rmdir", "os.symlink"}
HOST_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}
SEND_EVENTS = {"socket.connect", "socket.sendto", "socket.sendmsg"}
THIS_HOST = {None, "", "localhost", "127.0.0.1", "::1", b"localhost"}


class _State:
    def __init__(self) -> None:
        self.thread: int | None = None  # the snippet's thread; None: off
        self.allowed: list[str] = []
        self.refused: list[str] = []
        self.report: int | None = None  # a file descriptor, in a fresh interpreter
        self.inside = threading.local()


_state = _State()
_installed = False


def _real(path) -> str:
    return os.path.realpath(os.path.abspath(os.fsdecode(path)))


def _caches() -> list[str]:
    home = os.path.expanduser("~")
    caches = [os.path.join(home, n) for n in (".keras", ".cache", ".config")]
    caches += [os.environ[v] for v in ("MPLCONFIGDIR", "KERAS_HOME") if v in os.environ]
    return [_real(p) for p in caches] + [os.devnull]


def _may_write(path) -> bool:
    if isinstance(path, int):  # an open file descriptor: opened before
        return True
    real = _real(path)
    if "__pycache__" in real.split(os.sep):
        return True
    return any(
        real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)
        for folder in _state.allowed
    )


def _network_target(event: str, args: tuple) -> str | None:
    """The host a network event reaches, or None if it stays on this machine."""
    if event in HOST_EVENTS:
        host = args[0]
        return None if host in THIS_HOST else str(host)
    sock, address = args[0], args[1]
    if getattr(sock, "family", None) not in (socket.AF_INET, socket.AF_INET6):
        return None  # a Unix socket, a socket pair: not the network
    host = address[0] if isinstance(address, tuple) and address else address
    return None if host in THIS_HOST else str(address)


def _refusal(event: str, args: tuple) -> str | None:
    if event == "open":
        path, _mode, flags = args
        if flags & WRITING and path is not None and not _may_write(path):
            return f"a snippet writes only in its working folder, not to {path}"
    elif event in FILE_EVENTS:
        for path in args[:2] if event in ("os.rename", "os.symlink") else args[:1]:
            if isinstance(path, (str, bytes, os.PathLike)) and not _may_write(path):
                return f"a snippet writes only in its working folder, not to {path}"
    elif event in HOST_EVENTS or event in SEND_EVENTS:
        target = _network_target(event, args)
        if target is not None:
            return f"snippets run without the network ({event} {target})"
    return None


def _hook(event: str, args: tuple) -> None:
    if _state.thread != threading.get_ident() or getattr(_state.inside, "on", False):
        return
    if event != "open" and event not in FILE_EVENTS | HOST_EVENTS | SEND_EVENTS:
        return
    _state.inside.on = True  # what the hook itself calls is not the snippet's
    try:
        message = _refusal(event, args)
        if message is None:
            return
        _state.refused.append(message)
        if _state.report is not None:
            os.write(_state.report, (message + "\n").encode("utf-8", "replace"))
    finally:
        _state.inside.on = False
    raise PermissionError(message)


def _install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


@contextlib.contextmanager
def guarded(*folders):
    """Refuse, while the block runs on this thread, the network and writes outside
    `folders` (and the libraries' caches); gives the list of what was refused."""
    _install()
    _state.allowed = [_real(f) for f in folders] + _caches()
    _state.refused = []
    _state.thread = threading.get_ident()
    try:
        yield _state.refused
    finally:
        _state.thread = None


def _start_from_environment() -> None:
    """In a fresh interpreter: on from here to its end, as DENSEDOCS_GUARD says."""
    report, *folders = os.environ.pop(ENV).split("\n")
    _state.report = os.open(report, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    _install()
    _state.allowed = [_real(f) for f in folders] + _caches()
    _state.thread = threading.get_ident()


if ENV in os.environ:
    _start_from_environment()
