-- GET a path with Authorization: Bearer, the keys taken in turn from KEYS (one per line);
-- without KEYS, no header (for the route that does no work).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "common"

function init(args)
  keys = {}
  if os.getenv("KEYS") then
    for line in io.lines(os.getenv("KEYS")) do
      keys[#keys + 1] = line
    end
  end
  next_index = id
  non200 = 0
end

function request()
  local headers = {}
  if #keys > 0 then
    next_index = next_index + 1
    headers["Authorization"] = "Bearer " .. keys[(next_index % #keys) + 1]
  end
  return wrk.format("GET", os.getenv("ROUTE"), headers)
end

function response(status, headers, body)
  count_response(status)
end

function done(summary, latency, requests)
  report(summary, latency)
end
