-- wrk script: GET one full patient record (/api/v1/patients/{id}/record) for random ids,
-- paced so that the total rate is CONNECTIONS * 1000 / DELAY_MS requests per second
-- (wrk 4 has no fixed-rate mode; each connection waits about DELAY_MS before each request).
-- Environment: OSSIFY_TOKEN (bearer token), OSSIFY_IDS (file of patient ids, one a line),
-- OSSIFY_DELAY_MS.
local token = os.getenv("OSSIFY_TOKEN")
local pause = tonumber(os.getenv("OSSIFY_DELAY_MS") or "20")
-- OSSIFY_ENDPOINT=diagnose: POST /api/v1/patients/{id}/diagnose instead (ranks and stores a differential);
-- page: the patient page (/patients/{id}); list: the patient list (/) with a random query; health:
-- GET /api/v1/health (the ceiling of the HTTP stack, no database). The pages
-- are signed in with the session cookie, which names the same session as the bearer token.
local endpoint = os.getenv("OSSIFY_ENDPOINT") or "record"
local diagnose = endpoint == "diagnose"
local sorts = { "id", "pseudonym", "age", "updated" }
local sexes = { "", "female", "male" }
local ids = {}
for line in io.lines(os.getenv("OSSIFY_IDS")) do ids[#ids + 1] = line end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

-- Each pause is drawn from [pause/2, 3 pause/2] (same mean): with a constant pause the connections,
-- opened together, stay in step and the server sees the whole load as one burst per pause instead
-- of an even rate (a fixed-rate tool such as wrk2 spreads the connections' phases the same way).
function delay()
  if pause == 0 then return 0 end
  return math.floor(pause * (0.5 + math.random()))
end

function request()
  local id = ids[math.random(1, #ids)]
  if diagnose then
    return wrk.format("POST", "/api/v1/patients/" .. id .. "/diagnose", { ["Authorization"] = "Bearer " .. token })
  end
  local cookie = { ["Cookie"] = "ossify_session=" .. token }
  if endpoint == "page" then
    return wrk.format("GET", "/patients/" .. id, cookie)
  end
  if endpoint == "health" then
    return wrk.format("GET", "/api/v1/health")
  end
  if endpoint == "list" then
    local path = "/?sort=" .. sorts[math.random(1, #sorts)] .. "&sex=" .. sexes[math.random(1, #sexes)]
      .. "&page=" .. math.random(1, 20)
    if math.random() < 0.3 then path = path .. "&q=" .. math.random(1, 9) end
    return wrk.format("GET", path, cookie)
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
  for _, p in pairs({ 50, 90, 95, 99, 99.9 }) do
    io.write(string.format("p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max: %.2f ms\n", latency.max / 1000))
end
