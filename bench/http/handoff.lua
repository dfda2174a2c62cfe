-- wrk: POST /api/v1/leads, each request a new person (a unique email), handed off as GENERATED.
-- The key comes from the environment: BENCH_KEY.
local key = os.getenv("BENCH_KEY")
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function init(args)
  -- thread_id is this thread's own global, set by setup(); the prefix keeps runs apart.
  math.randomseed(os.time() * 1000 + thread_id)
  prefix = "h" .. thread_id .. "-" .. math.random(1, 1000000000)
end

function request()
  counter = counter + 1
  local body = '{"contact":{"email":"' .. prefix .. "-" .. counter .. '@example.com","firstName":"Ada"},'
    .. '"attribution":{"source":"bench","campaign":"wrk"},"segment":"mid-market","score":50}'
  return wrk.format("POST", "/api/v1/leads", {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
  }, body)
end

dofile("bench/http/pace.lua")
