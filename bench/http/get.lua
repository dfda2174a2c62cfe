-- wrk: GET /api/v1/leads/{id} on random leads from an ids file.  wrk ... -s get.lua -- <ids file>
local key = os.getenv("BENCH_KEY")

function init(args)
  ids = {}
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", "/api/v1/leads/" .. ids[math.random(#ids)],
    { ["Authorization"] = "Bearer " .. key })
end

dofile("bench/http/pace.lua")
