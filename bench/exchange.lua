-- POST /v1/auth/callback with each pre-minted code exactly once (CODES: a file, one per line).
-- DELAY_MS, when set, makes each connection pause between requests (a steadier, lower rate).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "common"

function init(args)
  codes = {}
  for line in io.lines(os.getenv("CODES")) do
    codes[#codes + 1] = line
  end
  step = tonumber(os.getenv("THREADS"))
  next_index = id + 1
  non200 = 0
  pause = tonumber(os.getenv("DELAY_MS") or "0")
end

function request()
  local code = codes[next_index] or "exhausted"
  next_index = next_index + step
  return wrk.format("POST", "/v1/auth/callback", {["Content-Type"] = "application/json"},
    '{"code":"' .. code .. '"}')
end

function delay()
  return pause
end

function response(status, headers, body)
  count_response(status)
end

function done(summary, latency, requests)
  report(summary, latency)
end
