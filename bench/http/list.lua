-- wrk: GET the path given on wrk's command line (a filtered list). Key: BENCH_KEY.
local key = os.getenv("BENCH_KEY")

function request()
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. key })
end

dofile("bench/http/pace.lua")
