-- wrk: with BENCH_RATE set, sends that many requests per second in all (each of the BENCH_THREADS
-- threads its share, on a fixed schedule) instead of as many as the connections can; the scripts
-- load it last (dofile). Without BENCH_RATE it does nothing.
local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate and rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock, bench_timespec *now);
  ]]
  local now = ffi.new("bench_timespec")
  local function millis()
    ffi.C.clock_gettime(1, now) -- CLOCK_MONOTONIC
    return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
  end
  local interval = tonumber(os.getenv("BENCH_THREADS")) * 1000 / rate
  local next_at = nil

  -- wrk asks before each request how many milliseconds to wait: until this thread's next slot.
  function delay()
    local t = millis()
    next_at = (next_at or t) + interval
    if next_at < t then
      return 0 -- behind schedule (a slow answer): catch up at once
    end
    return next_at - t
  end
end
