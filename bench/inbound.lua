-- wrk script: push raw messages to POST /api/v1/mail/inbound, as bench/InboundLoad.java does, for bench/inbound.sh
-- (--client wrk). A load client on the same two cores takes CPU from the server it measures; wrk costs a fraction of
-- Java's HttpClient per request. One run is one phase: BENCH_COUNT new messages (k = 1..BENCH_COUNT), or with
-- BENCH_REPLY=1 as many replies, each naming the new message k in In-Reply-To and References. The messages are the
-- same bytes as InboundLoad.message(k, reply), with the run id BENCH_RUN in their Message-IDs. Thread t of T sends
-- k = t, t + T, ...; once it has sent its share, its other connections wait (delay), and when its last message is
-- answered it appends a line to BENCH_DONE_FILE (its first send and last answer on the monotonic clock, and the
-- outcomes: the "result" of each answer) and stops. wrk itself runs for its whole -d, so inbound.sh interrupts it
-- once every thread has written its line; done() then prints the latency percentiles in milliseconds.

local count = tonumber(os.getenv("BENCH_COUNT") or "1000")
local reply = os.getenv("BENCH_REPLY") == "1"
local run = os.getenv("BENCH_RUN") or "run"
local path = os.getenv("BENCH_PATH") or "/api/v1/mail/inbound?queue=inhttp"
local authorization = os.getenv("BENCH_AUTHORIZATION") or ""

local done_file = os.getenv("BENCH_DONE_FILE") or "/dev/null"

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *tp);
]]
local clock = ffi.new("bench_timespec")

local function now() -- seconds on CLOCK_MONOTONIC, the same clock in every thread
  ffi.C.clock_gettime(1, clock)
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local threads_set_up = 0

function setup(thread) -- numbers the threads 1..T, each its own share of the messages
  threads_set_up = threads_set_up + 1
  thread:set("thread_number", threads_set_up)
end

function init(args)
  thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")
  next_k = thread_number
  share = 0
  for k = thread_number, count, thread_count do
    share = share + 1
  end
  answered = 0
  first_sent = nil
  -- wrk asks the first thread's script for one request before it starts, only to check it: that one is never sent
  checked = thread_number ~= 1
  created = 0
  followup = 0
  other = 0
  failed = 0
end

local function message(k)
  local date = os.date("!%a, %d %b %Y %H:%M:%S GMT")
  local original = "<new-" .. k .. "." .. run .. "@customers.bench.example>"
  local subject = "Printer " .. k .. " on floor " .. (k % 7) .. " is out of toner"
  local body = "Hello,\r\n\r\nthe printer " .. k .. " on the " .. (k % 7) .. ". floor shows error E" .. (k % 97)
    .. " again since this morning.\r\nWe replaced the toner cartridge, it did not help.\r\n\r\n"
    .. "Thanks,\r\nCustomer " .. (k % 500) .. "\r\n"
  local m = {}
  table.insert(m, "From: Customer " .. (k % 500) .. " <customer" .. (k % 500) .. "@customers.bench.example>\r\n")
  table.insert(m, "To: support@bench.example\r\n")
  table.insert(m, "Date: " .. date .. "\r\n")
  table.insert(m, "MIME-Version: 1.0\r\n")
  table.insert(m, "Content-Type: text/plain; charset=UTF-8\r\n")
  table.insert(m, "Content-Transfer-Encoding: 8bit\r\n")
  if reply then
    table.insert(m, "Subject: Re: " .. subject .. "\r\n")
    table.insert(m, "Message-ID: <reply-" .. k .. "." .. run .. "@customers.bench.example>\r\n")
    table.insert(m, "In-Reply-To: " .. original .. "\r\n")
    table.insert(m, "References: " .. original .. "\r\n\r\n")
    table.insert(m, "It works again after a restart, thank you. Grüße!\r\n\r\n")
    table.insert(m, "On " .. date .. ", Customer " .. (k % 500) .. " wrote:\r\n")
    for line in string.gmatch(body, "(.-)\r\n") do
      table.insert(m, "> " .. line .. "\r\n")
    end
  else
    table.insert(m, "Subject: " .. subject .. "\r\n")
    table.insert(m, "Message-ID: " .. original .. "\r\n\r\n")
    table.insert(m, body)
  end
  return table.concat(m)
end

function delay()
  return next_k > count and 60000 or 0
end

function request()
  if not checked then
    checked = true
    return wrk.format("GET", "/actuator/health", {})
  end
  if next_k > count then
    return wrk.format("GET", "/actuator/health", {})
  end
  local k = next_k
  next_k = next_k + thread_count
  first_sent = first_sent or now()
  return wrk.format("POST", path, {
    ["Authorization"] = authorization,
    ["Content-Type"] = "message/rfc822",
  }, message(k))
end

function response(status, headers, body)
  if answered >= share then
    return -- the health check of a connection that waited out its delay
  end
  answered = answered + 1
  if status ~= 200 and status ~= 201 then
    failed = failed + 1
    if failed <= 3 then
      io.stderr:write("unexpected " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n")
    end
  else
    local result = string.match(body or "", '"result"%s*:%s*"(%a+)"')
    if result == "created" then
      created = created + 1
    elseif result == "followup" then
      followup = followup + 1
    else
      other = other + 1
    end
  end
  if answered >= share then
    local out = io.open(done_file, "a")
    out:write(string.format("thread=%d first=%.6f last=%.6f answered=%d created=%d followup=%d other=%d failed=%d\n",
      thread_number, first_sent or now(), now(), answered, created, followup, other, failed))
    out:close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH latency_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
