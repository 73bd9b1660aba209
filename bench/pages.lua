-- wrk script: GET a staff page as a signed-in agent (bench/lists.sh sets the session cookie in BENCH_COOKIE).
-- BENCH_PATH is the page; a path ending in "/{random}" asks for a random ticket between 1 and BENCH_MAX_ID on every
-- request (so that the ticket page is measured over many tickets, not one that stays in every cache). Counts the
-- answers that are not 200 (a 302 to /login would mean the session was lost) and prints, in done(), the totals and
-- the latency percentiles wrk's own report leaves out (p95).
-- bench/api.sh uses it for the JSON API: BENCH_AUTHORIZATION is sent as the Authorization header (a bearer token),
-- BENCH_BODY, when set, makes every request a POST of that JSON body, and BENCH_EXPECT is the status that counts as
-- success (201 for a create; 200 by default).

local path = os.getenv("BENCH_PATH") or "/tickets"
local max_id = tonumber(os.getenv("BENCH_MAX_ID") or "1")
local random_ticket = string.sub(path, -9) == "/{random}"
local prefix = random_ticket and string.sub(path, 1, -9) or path

local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local body = os.getenv("BENCH_BODY")

wrk.method = body and "POST" or "GET"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
if os.getenv("BENCH_AUTHORIZATION") then
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
end
if body then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

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
  if status ~= expect then
    non200 = non200 + 1
    if non200 <= 3 then
      io.stderr:write("unexpected " .. status .. " " .. (headers["Location"] or "") .. " " .. string.sub(body or "", 1, 200) .. "\n")
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
