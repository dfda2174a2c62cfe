#!/usr/bin/env python3
"""Hands off one new person at a time at a steady rate, and writes each answer's status and
seconds as a line of --out ("201 0.0142"), until --seconds have passed or the file --stop exists.

One process with one kept-alive connection, as an integration would send them: a curl started per
request costs tens of milliseconds of CPU here, a quarter of a core at 5 requests a second, taken
from the import the probe is there to watch.
"""
import argparse
import http.client
import json
import os
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--rate", type=float, required=True)
    p.add_argument("--seconds", type=float, default=0)
    p.add_argument("--stop")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    name = os.path.basename(args.out)
    headers = {"Authorization": "Bearer " + args.key, "Content-Type": "application/json"}
    interval = 1 / args.rate
    started = next_at = time.monotonic()
    connection = None
    with open(args.out, "a", buffering=1) as out:
        for i in range(1, 1 << 62):
            now = time.monotonic()
            if args.seconds and now - started >= args.seconds:
                break
            if args.stop and os.path.exists(args.stop):
                break
            if next_at > now:
                time.sleep(next_at - now)
            next_at += interval
            body = json.dumps({
                "contact": {"email": f"{name}-{i}-{os.getpid()}@handoff.bench", "firstName": "Ada"},
                "attribution": {"source": "bench", "campaign": "probe"},
                "segment": "smb",
            })
            sent = time.monotonic()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("localhost", args.port, timeout=30)
                connection.request("POST", "/api/v1/leads", body, headers)
                answer = connection.getresponse()
                answer.read()
                out.write(f"{answer.status} {time.monotonic() - sent:.4f}\n")
            except (OSError, http.client.HTTPException):
                if connection is not None:
                    connection.close()
                connection = None
                out.write("000 30\n")


if __name__ == "__main__":
    main()
