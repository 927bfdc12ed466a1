-- wrk script for bench/run.py: headers and bodies from the environment, one parseable line out.
--
--   BENCH_METHOD         GET (default) or POST
--   BENCH_PATHS          one or more request paths, newline-separated; requests rotate over them
--   BENCH_REQUESTS       instead of BENCH_METHOD/BENCH_PATHS: lines "METHOD path" (a mixed workload, such as
--                        mix10: reads with a POST every tenth line); requests rotate over them, POSTs carry BENCH_BODY
--   BENCH_TOKEN          bearer token
--   BENCH_BODY           request body (JSON), optional
--   BENCH_IF_NONE_MATCH  If-None-Match header, optional
--   BENCH_ACCEPT_ENCODING  Accept-Encoding header, optional (the bench sends gzip, as browsers do)
--   BENCH_CACHE_CONTROL  Cache-Control header, optional ("no-cache": the answer is built, not served cached)
--
-- done() prints:  BENCH_JSON {"requests":..,"duration_us":..,"latency_us":{"p50":..},"statuses":{..},"errors":{..}}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local requests_ = {}
local index = 0
statuses = {}

function init(args)
  local method = os.getenv("BENCH_METHOD") or "GET"
  local body = os.getenv("BENCH_BODY")
  if body == "" then body = nil end
  local headers = { ["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or ""),
                    ["Accept"] = "*/*" }
  local inm = os.getenv("BENCH_IF_NONE_MATCH")
  if inm and inm ~= "" then headers["If-None-Match"] = inm end
  local ae = os.getenv("BENCH_ACCEPT_ENCODING")
  if ae and ae ~= "" then headers["Accept-Encoding"] = ae end
  local cc = os.getenv("BENCH_CACHE_CONTROL")
  if cc and cc ~= "" then headers["Cache-Control"] = cc end
  local mixed = os.getenv("BENCH_REQUESTS")
  if mixed and mixed ~= "" then
    local posted = {}
    for k, v in pairs(headers) do posted[k] = v end
    posted["Content-Type"] = "application/json"
    for line in string.gmatch(mixed, "[^\n]+") do
      local m, path = string.match(line, "^(%S+)%s+(%S+)$")
      if m == "GET" then
        table.insert(requests_, wrk.format("GET", path, headers, nil))
      else
        table.insert(requests_, wrk.format(m, path, posted, body))
      end
    end
    return
  end
  if body then headers["Content-Type"] = "application/json" end
  for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^\n]+") do
    table.insert(requests_, wrk.format(method, path, headers, body))
  end
end

function request()
  index = index % #requests_ + 1
  return requests_[index]
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    if s then
      for k, v in pairs(s) do counts[k] = (counts[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(counts) do table.insert(parts, string.format('"%s":%d', k, v)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
    '"statuses":{%s},"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    table.concat(parts, ","), e.connect, e.read, e.write, e.status, e.timeout))
end
