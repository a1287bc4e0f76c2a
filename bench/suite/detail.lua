-- wrk: an activity's detail page (activity with its point and theme) for random activity IDs.
--   wrk -t2 -c32 -d20s -s bench/suite/detail.lua http://127.0.0.1:18095 -- activity-ids.txt
package.path = "bench/suite/?.lua;" .. package.path
local common = require("common")
local ids
setup = common.setup
done = common.done
response = function(status, headers, body) common.count(status, body) end

function init(args)
  ids = common.lines(args[1])
  math.randomseed(os.time() + (tid or 0) * 104729)
end

local query = 'query($id: ID!) { activity(id: $id) { id title description category startsAt endsAt '
  .. 'capacity seatsLeft bookable status theme { code name } point { id name address coordinates { lat lng } } } }'

function request()
  local body = '{"query":"' .. query .. '","variables":{"id":"' .. ids[math.random(#ids)] .. '"}}'
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, body)
end
