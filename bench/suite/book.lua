-- wrk: bookActivity on random activities read from a file of activity IDs; every request has its
-- own phone number and idempotency key (thread number and a counter), so none is a duplicate.
--   wrk -t2 -c64 -d20s -s bench/suite/book.lua http://127.0.0.1:18095 -- bookable-ids.txt
package.path = "bench/suite/?.lua;" .. package.path
local common = require("common")
local ids
local n = 0
setup = common.setup
done = common.done
response = function(status, headers, body) common.count(status, body) end

function init(args)
  ids = common.lines(args[1])
  run = args[2] or tostring(os.time() % 1000)
  math.randomseed(os.time() + (tid or 0) * 15485863)
end

local query = 'mutation($input: BookActivityInput!) { bookActivity(input: $input) '
  .. '{ booking { code status } activity { seatsLeft } } }'

function request()
  n = n + 1
  local phone = string.format("13%1d%08d", tid % 10, (tonumber(run) * 100000 + n) % 100000000)
  local body = '{"query":"' .. query .. '","variables":{"input":{"activityId":"' .. ids[math.random(#ids)]
    .. '","name":"压测","phone":"' .. phone .. '","idempotencyKey":"bench-' .. run .. '-' .. tid .. '-' .. n .. '"}}}'
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, body)
end
