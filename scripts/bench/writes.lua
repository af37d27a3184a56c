-- wrk script: a registry write mix at a paced rate (see record.lua for the pacing): per request,
-- 40% a new patient (unique pseudonym), 40% a new visit of a seeded patient, 20% a read of a full
-- record. Counts every status; a non-2xx answer is an error of the soak.
-- Environment: OSSIFY_TOKEN, OSSIFY_IDS (file of patient ids), OSSIFY_DELAY_MS.
local token = os.getenv("OSSIFY_TOKEN")
local pause = tonumber(os.getenv("OSSIFY_DELAY_MS") or "20")
local ids = {}
for line in io.lines(os.getenv("OSSIFY_IDS")) do ids[#ids + 1] = line end
local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
  thread:set("name", "t" .. tostring(#threads + 1))
  table.insert(threads, thread)
end

local counter = 0
local bad = 0
function init(args)
  math.randomseed(seed)
end

function delay()
  return pause
end

local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

function request()
  counter = counter + 1
  local r = math.random()
  if r < 0.4 then
    local body = string.format('{"pseudonym":"SOAK-%s-%d-%d","sex":"female","status":"alive","birthDate":"2015-06-01"}',
      name, seed, counter)
    return wrk.format("POST", "/api/v1/patients", headers, body)
  elseif r < 0.8 then
    local id = ids[math.random(1, #ids)]
    return wrk.format("POST", "/api/v1/patients/" .. id .. "/visits", headers, '{"date":"2024-05-01"}')
  else
    local id = ids[math.random(1, #ids)]
    return wrk.format("GET", "/api/v1/patients/" .. id .. "/record", headers)
  end
end

function response(status, hdrs, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, t in ipairs(threads) do non2xx = non2xx + (t:get("bad") or 0) end
  io.write(string.format("requests: %d in %.1f s = %.0f req/s; errors: connect %d, read %d, write %d, timeout %d, non-2xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, non2xx))
  for _, p in pairs({ 50, 99 }) do
    io.write(string.format("p%g: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
