-- wrk script: GET one full patient record (/api/v1/patients/{id}/record) for random ids,
-- paced so that the total rate is CONNECTIONS * 1000 / DELAY_MS requests per second
-- (wrk 4 has no fixed-rate mode; each connection waits DELAY_MS before each request).
-- Environment: OSSIFY_TOKEN (bearer token), OSSIFY_IDS (file of patient ids, one a line),
-- OSSIFY_DELAY_MS.
local token = os.getenv("OSSIFY_TOKEN")
local pause = tonumber(os.getenv("OSSIFY_DELAY_MS") or "20")
-- OSSIFY_ENDPOINT=diagnose: POST /api/v1/patients/{id}/diagnose instead (ranks and stores a differential).
local diagnose = os.getenv("OSSIFY_ENDPOINT") == "diagnose"
local ids = {}
for line in io.lines(os.getenv("OSSIFY_IDS")) do ids[#ids + 1] = line end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

function delay()
  return pause
end

function request()
  local id = ids[math.random(1, #ids)]
  if diagnose then
    return wrk.format("POST", "/api/v1/patients/" .. id .. "/diagnose", { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", "/api/v1/patients/" .. id .. "/record", { ["Authorization"] = "Bearer " .. token })
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d in %.1f s = %.0f req/s; errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
