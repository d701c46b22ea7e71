#!/usr/bin/env python3
"""Reads WARC files with warcio (an independent WARC 1.1 reader) and checks what --record promises:
a warcinfo record, request/response pairs linked by WARC-Concurrent-To, application/http content
types, HTTP status lines, and bodies whose length matches Content-Length. Exit 1 on any problem."""
import sys
from warcio.archiveiterator import ArchiveIterator


def check(path):
    problems, pairs, ids, links = [], 0, {}, []
    with open(path, "rb") as stream:
        it = ArchiveIterator(stream, check_digests=True)
        for record in it:
            kind = record.rec_type
            rid = record.rec_headers.get_header("WARC-Record-ID")
            ids[rid] = kind
            if kind == "warcinfo":
                record.content_stream().read()
                continue
            if kind not in ("request", "response"):
                problems.append(f"unexpected record type {kind}")
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = record.rec_headers.get_header("Content-Type")
            if ctype != f"application/http;msgtype={kind}":
                problems.append(f"{uri}: Content-Type {ctype!r}")
            if record.http_headers is None:
                problems.append(f"{uri}: no HTTP message")
                continue
            links.append((rid, record.rec_headers.get_header("WARC-Concurrent-To"), uri))
            body = record.content_stream().read()
            if kind == "response":
                pairs += 1
                status = record.http_headers.get_statuscode()
                if not status or not status.isdigit():
                    problems.append(f"{uri}: bad status line")
                declared = record.http_headers.get_header("Content-Length")
                if declared is not None and int(declared) != len(body):
                    problems.append(f"{uri}: body {len(body)} bytes, Content-Length {declared}")
            if kind == "request" and record.http_headers.get_header("Authorization"):
                problems.append(f"{uri}: Authorization recorded")
    for rid, other, uri in links:
        if other not in ids:
            problems.append(f"{uri}: WARC-Concurrent-To {other} names no record")
    if "warcinfo" not in ids.values():
        problems.append("no warcinfo record")
    if pairs == 0:
        problems.append("no response record")
    for p in problems:
        print(f"{path}: {p}", file=sys.stderr)
    print(f"warc: {path}: {pairs} exchanges read by warcio, {len(problems)} problem(s)")
    return not problems


if __name__ == "__main__":
    ok = all([check(p) for p in sys.argv[1:]]) and len(sys.argv) > 1
    sys.exit(0 if ok else 1)
