-- wrk: one funnel move per request, each on another lead: POST /api/v1/leads/{id}/<action>.
--   wrk ... -s move.lua -- <ids file> <action>
-- The ids are split between the threads, so that a lead is never moved twice by one run. A thread
-- that runs out of leads asks for a path that does not exist: its 404s show in wrk's non-2xx
-- count, and the run needs more leads. Key: BENCH_KEY.
local key = os.getenv("BENCH_KEY")
local threads = {}
local bodies = {
  qualify = '{"score":70}',
  accept = '{"owner":"jane@acme.com"}',
  convert = '{"amount":1200.00,"currency":"EUR"}',
}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

function init(args)
  local file, action = args[1], args[2]
  local all = {}
  for line in io.lines(file) do
    all[#all + 1] = line
  end
  -- This thread's share: every n-th id. The thread count is in the environment.
  local count = tonumber(os.getenv("BENCH_THREADS"))
  ids = {}
  for i = thread_index, #all, count do
    ids[#ids + 1] = all[i]
  end
  path_suffix = "/" .. action
  body = bodies[action]
  next_index = 0
end

function request()
  next_index = next_index + 1
  local id = ids[next_index]
  if id == nil then
    return wrk.format("GET", "/out-of-leads", { ["Authorization"] = "Bearer " .. key })
  end
  return wrk.format("POST", "/api/v1/leads/" .. id .. path_suffix, {
    ["Authorization"] = "Bearer " .. key,
    ["Content-Type"] = "application/json",
  }, body)
end

dofile("bench/http/pace.lua")
