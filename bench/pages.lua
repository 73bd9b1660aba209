-- wrk script: GET a staff page as a signed-in agent (bench/lists.sh sets the session cookie in BENCH_COOKIE).
-- BENCH_PATH is the page; a path ending in "/{random}" asks for a random ticket between 1 and BENCH_MAX_ID on every
-- request (so that the ticket page is measured over many tickets, not one that stays in every cache). Counts the
-- answers that are not 200 (a 302 to /login would mean the session was lost) and prints, in done(), the totals and
-- the latency percentiles wrk's own report leaves out (p95).

local path = os.getenv("BENCH_PATH") or "/tickets"
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
local random_ticket = string.sub(path, -9) == "/{random}"
local prefix = random_ticket and string.sub(path, 1, -9) or path

wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  non200 = 0
  math.randomseed(os.time() * 1000 + thread_number)
end

if random_ticket then
  function request()
    return wrk.format(nil, prefix .. math.random(1, max_id))
  end
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    if non200 <= 3 then
      io.stderr:write("non-200 " .. status .. " " .. (headers["Location"] or "") .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("non200") or 0)
  end
  io.write(string.format("BENCH non200=%d\n", total))
  io.write(string.format("BENCH p50=%.1f p95=%.1f p99=%.1f max=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
