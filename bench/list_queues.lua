-- wrk script: POST /api/list_queues/ with per-request credentials in the form body.
-- Counts every non-200 answer per status code and prints the totals in done().

local user = os.getenv("BENCH_USER") or "bench"
local password = os.getenv("BENCH_PASSWORD") or "bench-password-1"

wrk.method = "POST"
wrk.path = "/api/list_queues/"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "user=" .. user .. "&password=" .. password

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  statuses = {}
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
