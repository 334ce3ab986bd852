"""Serve a built site on 127.0.0.1, gzipping text as GitHub Pages does, so that what
the bench measures (weights, Lighthouse) is what a reader of the hosted site gets.

Usage: python -m densedocs.bench.gzip_server SITE_DIR [PORT]
"""

import functools
import gzip
import http.server
import io
import sys
import threading
from pathlib import Path

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Files of a folder, text ones gzipped when the client accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.partition("?")[0].endswith("/"):
                return super().send_head()  # the redirect to folder/
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        kind = self.guess_type(str(path))
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as Pages sends it
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(folder: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve a folder from a thread; returns the server (its port: server_port)."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    site = serve(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {sys.argv[1]} gzipped at http://127.0.0.1:{site.server_port}/")
    threading.Event().wait()
