-- wrk script for bench/'s intake benchmark (dev.closeloop.bench.Wrk writes the request file).
-- Argument: REQUEST_FILE_PREFIX. Thread t (1, 2, ...) reads PREFIX-t, which holds whole, already
-- signed HTTP/1.1 requests, each as "<byte length>\n<bytes>", and sends each once (a repeat would
-- be a duplicate ticket, answered 200; repeats are counted as ran_out). Statuses are counted per
-- thread and printed by done() on one line that the harness parses.
local counter = 1
local threads = {}

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1] .. "-" .. tid, "rb"))
  local data = f:read("*a")
  f:close()
  reqs, idx, ran_out, statuses = {}, 0, 0, {}
  local pos = 1
  while pos <= #data do
    local nl = data:find("\n", pos, true)
    local len = tonumber(data:sub(pos, nl - 1))
    reqs[#reqs + 1] = data:sub(nl + 1, nl + len)
    pos = nl + 1 + len
  end
end

function request()
  idx = idx + 1
  if idx > #reqs then
    ran_out = ran_out + 1
    idx = 1
  end
  return reqs[idx]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total, ran = {}, 0
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("statuses")) do
      total[s] = (total[s] or 0) + n
    end
    ran = ran + t:get("ran_out")
  end
  local parts = {}
  for s, n in pairs(total) do
    parts[#parts + 1] = s .. "=" .. n
  end
  io.write(string.format(
    "WRK duration_us=%d requests=%d errors=%d ran_out=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d statuses=%s\n",
    summary.duration, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout,
    ran, latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    table.concat(parts, ",")))
end
