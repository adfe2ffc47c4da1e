-- wrk script for the rolling-restart proof: a mix of fast and slow requests on keep-alive connections, and a
-- count of every response outside 2xx, per status. Arguments (after `--`): FAST_PATH SLOW_PATH SLOW_EVERY, where
-- one request in SLOW_EVERY goes to SLOW_PATH (0: none). At the end it prints one machine-readable line:
--   FLUX-LOAD requests=N non2xx=N connect=N read=N write=N timeout=N duration_us=N p50_us=N p99_us=N statuses=S:N,...

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   fast_path = args[1] or "/"
   slow_path = args[2] or fast_path
   slow_every = tonumber(args[3] or "0")
   sent = 0
   non2xx = {}
end

function request()
   sent = sent + 1
   if slow_every > 0 and sent % slow_every == 0 then
      return wrk.format("GET", slow_path)
   end
   return wrk.format("GET", fast_path)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx[status] = (non2xx[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local total = 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      local counts = thread:get("non2xx")
      for status, n in pairs(counts) do
         by_status[status] = (by_status[status] or 0) + n
         total = total + n
      end
   end
   local parts = {}
   for status, n in pairs(by_status) do
      table.insert(parts, status .. ":" .. n)
   end
   table.sort(parts)
   local e = summary.errors
   io.write(string.format(
      "FLUX-LOAD requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d duration_us=%d p50_us=%d p99_us=%d statuses=%s\n",
      summary.requests, total, e.connect, e.read, e.write, e.timeout, summary.duration,
      latency:percentile(50), latency:percentile(99), (#parts > 0) and table.concat(parts, ",") or "-"))
end
