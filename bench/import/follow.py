#!/usr/bin/env python3
"""Follows GET /api/v1/imports/{id} four times a second over one kept-alive connection until the
job ends (or --timeout seconds pass: exit 1), printing its progress every ten seconds and writing
its last answer to --out. One process instead of a curl and a python per poll, which cost the
import a tenth of a core.
"""
import argparse
import http.client
import json
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--job", required=True)
    p.add_argument("--timeout", type=float, required=True)
    p.add_argument("--since", type=float, default=time.time(), help="when the upload started")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    connection = http.client.HTTPConnection("localhost", args.port, timeout=30)
    headers = {"Authorization": "Bearer " + args.key}
    printed = time.monotonic()
    while True:
        connection.request("GET", "/api/v1/imports/" + args.job, headers=headers)
        answer = connection.getresponse()
        body = answer.read()
        if answer.status != 200:
            print(f"GET /api/v1/imports/{args.job} answered {answer.status}: {body!r}", file=sys.stderr)
            return 1
        with open(args.out, "wb") as out:
            out.write(body)
        job = json.loads(body)
        if job["state"] in ("SUCCEEDED", "FAILED", "CANCELLED"):
            return 0
        if time.time() - args.since > args.timeout:
            print(f"the import did not end within {args.timeout:.0f} s: {body.decode()}", file=sys.stderr)
            return 1
        if time.monotonic() - printed >= 10:
            printed = time.monotonic()
            print(f"   {job['state']}: {job.get('rowsRead')} rows read", flush=True)
        time.sleep(0.25)


if __name__ == "__main__":
    sys.exit(main())
