-- Shared by the suite's wrk scripts: reads one value a line from the file named by the first
-- script argument, counts answers that are not 200 or carry GraphQL errors, and prints them.
local M = {}
local threads = {}

function M.lines(path)
  local values = {}
  for line in io.lines(path) do
    if #line > 0 then values[#values + 1] = line end
  end
  assert(#values > 0, "no values in " .. path)
  return values
end

function M.setup(thread)
  thread:set("tid", #threads + 1)
  threads[#threads + 1] = thread
end

function M.count(status, body)
  if status ~= 200 then
    bad_status = (bad_status or 0) + 1
  elseif body:find('"errors"', 1, true) then
    errors = (errors or 0) + 1
    if not first_error then first_error = body:sub(1, 300) end
  end
end

function M.done(summary, latency, requests)
  local bad, errs, sample = 0, 0, nil
  for _, t in ipairs(threads) do
    bad = bad + (t:get("bad_status") or 0)
    errs = errs + (t:get("errors") or 0)
    sample = sample or t:get("first_error")
  end
  io.write(string.format("SUITE requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d graphql_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, errs,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if sample then io.write("SUITE first error: " .. sample .. "\n") end
end

return M
