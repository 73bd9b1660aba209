-- wrk script: POST /api/<BENCH_METHOD>/ of the legacy API with per-request credentials in the form body, as
-- integrations call it. BENCH_METHOD is create_ticket (into the queue BENCH_QUEUE) or list_queues; bench/run.sh
-- sets it. Every create_ticket carries a submitter_email of its own (thread, counter and BENCH_TAG, so no two
-- requests of any run share one), as real tickets do: with the queue's new_ticket_cc that makes two mails per
-- ticket. Counts every non-200 answer per status code and prints the totals in done().

local method = os.getenv("BENCH_METHOD") or "list_queues"
local user = os.getenv("BENCH_USER") or "bench"
local password = os.getenv("BENCH_PASSWORD") or "bench-password-1"
local queue = os.getenv("BENCH_QUEUE") or "1"
local tag = os.getenv("BENCH_TAG") or tostring(os.time())

local fields = {
  create_ticket = "&queue=" .. queue .. "&title=Bench+ticket" ..
    "&body=Created+by+the+wrk+benchmark.+The+printer+on+the+third+floor+is+out+of+toner+again." ..
    "&priority=3",
  list_queues = "",
}
if fields[method] == nil then
  error("BENCH_METHOD must be create_ticket or list_queues, not " .. method)
end

wrk.method = "POST"
wrk.path = "/api/" .. method .. "/"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "user=" .. user .. "&password=" .. password .. fields[method]

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

function init(args)
  non200 = 0
  statuses = {}
  sent = 0
end

if method == "create_ticket" then
  function request()
    sent = sent + 1
    local email = "customer-" .. tag .. "-" .. thread_number .. "-" .. sent .. "%40example.test"
    return wrk.format(nil, nil, nil, wrk.body .. "&submitter_email=" .. email)
  end
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
    statuses[status] = (statuses[status] or 0) + 1
    if non200 <= 3 then
      io.stderr:write("non-200 " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  local by_status = {}
  for _, t in ipairs(threads) do
    total = total + (t:get("non200") or 0)
    local s = t:get("statuses")
    if s then
      for code, n in pairs(s) do
        by_status[code] = (by_status[code] or 0) + n
      end
    end
  end
  io.write(string.format("BENCH non200=%d\n", total))
  for code, n in pairs(by_status) do
    io.write(string.format("BENCH status %s=%d\n", tostring(code), n))
  end
end
