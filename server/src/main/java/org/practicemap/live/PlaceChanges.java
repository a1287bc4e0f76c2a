package org.practicemap.live;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.common.Coordinates;
import org.practicemap.live.LiveRepository.Positions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locates the change events of points and mobile deployments (V9_1) for the {@link PlaceWatcher}:
 * where a changed row stands now, where it stood before if it moved, and — for a point — where its
 * mobile deployments stand, since activities held there show the point too. One statement per
 * batch, one batch in flight. Runs on the change feed's context only.
 */
final class PlaceChanges {
  private static final Logger log = LoggerFactory.getLogger(PlaceChanges.class);

  private final LiveRepository spots;
  private final PlaceWatcher watcher;

  /** By id: the old position columns of the row's events since the last batch (oldest first). */
  private final Map<Long, JsonObject> pendingPoints = new LinkedHashMap<>();

  private final Map<Long, JsonObject> pendingDeployments = new LinkedHashMap<>();
  private boolean loading;

  PlaceChanges(LiveRepository spots, PlaceWatcher watcher) {
    this.spots = spots;
    this.watcher = watcher;
  }

  void points(List<Change> changes) {
    accept(changes, pendingPoints);
  }

  void deployments(List<Change> changes) {
    accept(changes, pendingDeployments);
  }

  private void accept(List<Change> changes, Map<Long, JsonObject> pending) {
    if (!watcher.changing()) {
      return;
    }
    for (Change change : changes) {
      JsonObject old = pending.computeIfAbsent(change.longId(), id -> new JsonObject());
      change.old().forEach(e -> old.getMap().putIfAbsent(e.getKey(), e.getValue()));
    }
    loadNext();
  }

  private void loadNext() {
    if (loading || (pendingPoints.isEmpty() && pendingDeployments.isEmpty())) {
      return;
    }
    Map<Long, JsonObject> points = new LinkedHashMap<>(pendingPoints);
    Map<Long, JsonObject> deployments = new LinkedHashMap<>(pendingDeployments);
    pendingPoints.clear();
    pendingDeployments.clear();
    loading = true;
    spots
        .positions(points.keySet(), deployments.keySet())
        .onSuccess(found -> watcher.changedAt(places(points, deployments, found)))
        .onFailure(
            e -> {
              log.warn(
                  "Could not locate changed places ({}); dropping cached answers", e.toString());
              watcher.lost();
            })
        .onComplete(
            ar -> {
              loading = false;
              loadNext();
            });
  }

  private static List<Coordinates> places(
      Map<Long, JsonObject> points, Map<Long, JsonObject> deployments, Positions found) {
    List<Coordinates> places = new ArrayList<>(found.deploymentsOfPoints());
    points.forEach((id, old) -> addBoth(places, found.points().get(id), old));
    deployments.forEach((id, old) -> addBoth(places, found.deployments().get(id), old));
    return places;
  }

  /**
   * Where the row stands now (null when deleted) and, when it moved, where it stood: the payload
   * holds the old value of each column that changed (both for a delete).
   */
  private static void addBoth(List<Coordinates> places, Coordinates now, JsonObject old) {
    if (now != null) {
      places.add(now);
    }
    Double lat = number(old, "lat", now == null ? null : now.lat());
    Double lng = number(old, "lng", now == null ? null : now.lng());
    if ((old.containsKey("lat") || old.containsKey("lng")) && lat != null && lng != null) {
      places.add(new Coordinates(lat, lng));
    }
  }

  private static Double number(JsonObject old, String key, Double current) {
    return old.getValue(key) instanceof Number n ? Double.valueOf(n.doubleValue()) : current;
  }
}
