package org.practicemap.geo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.GlobalId;
import org.practicemap.routes.Route;
import org.practicemap.routes.RouteStop;

/**
 * A route as a GeoJSON Feature: a LineString through its stops in order, [longitude, latitude]. A
 * route with fewer than two stops has no line (RFC 7946 wants two positions at least), so its
 * geometry is null.
 */
final class RouteFeature {
  private RouteFeature() {}

  static JsonObject of(Route route, Map<Long, LocalizedText> stopNames, Lang lang) {
    String id = GlobalId.of("Route", route.id());
    JsonArray line = new JsonArray();
    JsonArray stops = new JsonArray();
    for (RouteStop stop : route.stops()) {
      line.add(new JsonArray().add(stop.coordinates().lng()).add(stop.coordinates().lat()));
      LocalizedText name = stopNames.getOrDefault(stop.pointId(), LocalizedText.NONE);
      stops.add(
          new JsonObject()
              .put("position", stop.position())
              .put("pointId", GlobalId.of("Point", stop.pointId()))
              .put("name", name.in(lang)));
    }
    JsonObject geometry =
        route.stops().size() < 2
            ? null
            : new JsonObject().put("type", "LineString").put("coordinates", line);
    JsonObject properties =
        new JsonObject()
            .put("id", id)
            .put("name", route.name().in(lang))
            .put("theme", route.themeCode())
            .put("mode", route.mode().name())
            .put("distanceMeters", Math.round(route.distanceMeters() * 10) / 10.0)
            .put("travelMinutes", Math.round(route.travelMinutes()))
            .put("stops", stops);
    return new JsonObject()
        .put("type", "Feature")
        .put("id", id)
        .put("geometry", geometry)
        .put("properties", properties);
  }
}
