-- wrk: nearbyActivities around random positions read from a file of "lat lng" lines.
--   wrk -t2 -c32 -d20s -s bench/suite/nearby.lua http://127.0.0.1:18095 -- positions.txt 3000 [jitter [rate connections]]
-- With a jitter in metres, each request moves its position by up to that much in each direction,
-- so that no two questions are alike and the server's response cache cannot answer them.
-- With a rate (requests/s over all connections), each connection waits connections/rate seconds
-- before each request, so that the load stays near that rate (a little under it: the wait comes
-- on top of the answer's latency) and latency is measured at that rate rather than at saturation.
package.path = "bench/suite/?.lua;" .. package.path
local common = require("common")
local positions, radius, jitter, pause
setup = common.setup
done = common.done
response = function(status, headers, body) common.count(status, body) end

function init(args)
  positions = common.lines(args[1])
  radius = args[2] or "3000"
  jitter = tonumber(args[3] or "0")
  local rate, connections = tonumber(args[4] or "0"), tonumber(args[5] or "1")
  pause = rate > 0 and 1000 * connections / rate or 0
  math.randomseed(os.time() + (tid or 0) * 7919)
end

local query = 'query($at: CoordinatesInput!, $r: Float!) { nearbyActivities(at: $at, radiusMeters: $r, first: 20) '
  .. '{ edges { distanceMeters node { id title startsAt seatsLeft } } pageInfo { endCursor hasNextPage } } }'

function delay()
  return pause
end

function request()
  local lat, lng = positions[math.random(#positions)]:match("([^ ]+) ([^ ]+)")
  if jitter > 0 then
    local dlat = (math.random() * 2 - 1) * jitter / 111195
    lat = string.format("%.7f", tonumber(lat) + dlat)
    lng = string.format("%.7f", tonumber(lng) + dlat / math.cos(math.rad(tonumber(lat))) * (math.random() * 2 - 1))
  end
  local body = '{"query":"' .. query .. '","variables":{"at":{"lat":' .. lat .. ',"lng":' .. lng
    .. '},"r":' .. radius .. '}}'
  return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json" }, body)
end
