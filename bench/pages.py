#!/usr/bin/env python3
"""Times pages of a running helpdesk, one request at a time, as a signed-in agent.

Usage: pages.py BASE_URL USERNAME PASSWORD REQUESTS PATH...
Prints one line per path: p50, p95, p99 and max in milliseconds. Requests are sequential, so on loopback the
time measured is the server's time to produce the page (plus well under a millisecond of transport).

Before every timed request an untimed write adds a follow-up to a random ticket (through the legacy API), as the
agents of a busy helpdesk would. Without it the embedded database would answer repeated identical queries from
its result cache, and the numbers would describe a helpdesk where nothing ever changes. WRITE_TICKETS (default
100000) is the highest ticket id to write to; 0 turns the writes off.
"""
import os
import random
import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request


def main():
    base, user, password, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    paths = sys.argv[5:]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" content="([^"]+)"', login).group(1)
    body = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token}).encode()
    landed = opener.open(base + "/login", body).geturl()
    if "/login" in landed:
        sys.exit("sign-in failed")
    write_tickets = int(os.environ.get("WRITE_TICKETS", "100000"))

    def write():
        if write_tickets <= 1:
            return
        form = urllib.parse.urlencode({"user": user, "password": password,
                                       "ticket": random.randint(2, write_tickets),
                                       "message": "Seen by the page benchmark.", "public": "0"}).encode()
        urllib.request.urlopen(base + "/api/add_followup/", form).read()

    print(f"{'page':60} {'p50_ms':>8} {'p95_ms':>8} {'p99_ms':>8} {'max_ms':>8}")
    failed = False
    for path in paths:
        for _ in range(max(5, count // 10)):  # warm-up
            opener.open(base + path).read()
        times = []
        for _ in range(count):
            write()
            start = time.perf_counter()
            response = opener.open(base + path)
            response.read()
            times.append((time.perf_counter() - start) * 1000)
            if response.status != 200 or "/login" in response.geturl():
                failed = True
        times.sort()
        pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
        print(f"{path:60} {pick(0.50):8.1f} {pick(0.95):8.1f} {pick(0.99):8.1f} {times[-1]:8.1f}")
    if failed:
        sys.exit("some requests failed")


if __name__ == "__main__":
    main()
