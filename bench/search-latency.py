#!/usr/bin/env python3
"""Keyword-search latency of the ticket list over HTTP, as a signed-in agent: each search in turn, N rounds, one
connection at a time. Prints p50/p95/max per search and overall. Usage:
  bench/search-latency.py BASE_URL USER PASSWORD [ROUNDS]
Only for a helpdesk on this machine (bench/README.md)."""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

SEARCHES = ["printers floor 3", "label printer second floor", "\"docking station\"", "teams OR zoom berlin",
            "print* -london", "title:printer settings", "queue:hw printer", "status:open vpn", "#4711", "printr"]

def main():
    base, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    login = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login).group(1)
    data = urllib.parse.urlencode({"username": user, "password": password, "_csrf": token}).encode()
    opener.open(base + "/login", data)
    times = {s: [] for s in SEARCHES}
    for i in range(rounds + 2):
        for s in SEARCHES:
            start = time.perf_counter()
            body = opener.open(base + "/tickets?q=" + urllib.parse.quote(s)).read()
            elapsed = (time.perf_counter() - start) * 1000
            if i >= 2:  # two rounds of warm-up
                times[s].append(elapsed)
    def line(name, t):
        t = sorted(t)
        return f"{name:32} p50 {statistics.median(t):7.1f} ms  p95 {t[int(len(t) * 0.95) - 1]:7.1f} ms  max {t[-1]:7.1f} ms"
    for s in SEARCHES:
        print(line(s, times[s]))
    print(line("all", [x for t in times.values() for x in t]))

main()
