package org.practicemap.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicemap.activities.Activity;
import org.practicemap.activities.ActivityRepository;
import org.practicemap.common.Coordinates;
import org.practicemap.live.LiveRepository.Spot;
import org.practicemap.live.LiveRepository.Spots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the activity rows' change events into {@link ActivityChange}s for the hub: two statements
 * per batch whatever its size (the activities, then their points and deployments), one batch in
 * flight at a time so that changes keep their order; what arrives meanwhile joins the next batch.
 * Runs on the change feed's context only.
 */
final class ActivityChanges {
  private static final Logger log = LoggerFactory.getLogger(ActivityChanges.class);

  /** Ids loaded per statement; more wait for the next round. */
  static final int MAX_BATCH = 1_000;

  /** Past this backlog, telling everyone to resync is cheaper than catching up. */
  static final int MAX_BACKLOG = 50_000;

  private final ActivityRepository activities;
  private final LiveRepository spots;
  private final LiveHub<ActivityChange> hub;
  private final PlaceWatcher places;
  private final Map<Long, Pending> pending = new LinkedHashMap<>();
  private final Map<Long, Long> published = new Recent<>(20_000);
  private boolean loading;

  ActivityChanges(
      ActivityRepository activities,
      LiveRepository spots,
      LiveHub<ActivityChange> hub,
      PlaceWatcher places) {
    this.activities = activities;
    this.spots = spots;
    this.hub = hub;
    this.places = places;
  }

  /** The changes of one activity since the last batch, merged. */
  private static final class Pending {
    boolean created;
    boolean cancelled;
    final JsonObject before = new JsonObject();

    void add(Change change) {
      created |= change.inserted();
      cancelled |= change.old().containsKey("cancelled_at");
      // The oldest value of each tracked column is where the activity was before this batch.
      change.old().forEach(e -> before.getMap().putIfAbsent(e.getKey(), e.getValue()));
    }

    boolean moved() {
      return before.containsKey("point_id")
          || before.containsKey("deployment_id")
          || before.containsKey("theme_code");
    }
  }

  void accept(List<Change> changes) {
    boolean placesWanted = places.changing();
    if (hub.size() == 0 && !placesWanted) {
      return; // nobody on this replica listens or keeps answers: no rows to load
    }
    changes.forEach(c -> pending.computeIfAbsent(c.longId(), id -> new Pending()).add(c));
    if (pending.size() > MAX_BACKLOG) {
      log.warn("{} activity changes waiting; telling subscribers to resync", pending.size());
      pending.clear();
      places.lost();
      hub.resync();
      return;
    }
    loadNext();
  }

  private void loadNext() {
    if (loading || pending.isEmpty()) {
      return;
    }
    Map<Long, Pending> batch = new LinkedHashMap<>();
    var it = pending.entrySet().iterator();
    while (it.hasNext() && batch.size() < MAX_BATCH) {
      var e = it.next();
      batch.put(e.getKey(), e.getValue());
      it.remove();
    }
    loading = true;
    resolve(batch)
        .onSuccess(this::publish)
        .onFailure(
            e -> {
              log.warn(
                  "Could not load changed activities ({}); subscribers will resync", e.toString());
              places.lost();
              hub.resync();
            })
        .onComplete(
            ar -> {
              loading = false;
              loadNext();
            });
  }

  private Future<List<ActivityChange>> resolve(Map<Long, Pending> batch) {
    return activities
        .byIds(new ArrayList<>(batch.keySet()))
        .compose(
            rows -> {
              Set<Long> pointIds = new HashSet<>();
              Set<Long> deploymentIds = new HashSet<>();
              rows.values().forEach(a -> pointIds.add(a.pointId()));
              batch.values().stream()
                  .filter(Pending::moved)
                  .forEach(
                      p -> {
                        addLong(pointIds, p.before.getValue("point_id"));
                        addLong(deploymentIds, p.before.getValue("deployment_id"));
                      });
              return spots.spots(pointIds, deploymentIds).map(found -> changes(batch, rows, found));
            });
  }

  private static List<ActivityChange> changes(
      Map<Long, Pending> batch, Map<Long, Activity> rows, Spots spots) {
    List<ActivityChange> changes = new ArrayList<>(batch.size());
    batch.forEach(
        (id, p) -> {
          Activity a = rows.get(id);
          Place now = a == null ? null : place(a, spots);
          Place before = a == null || p.moved() ? before(a, p.before, spots) : null;
          boolean cancelled = p.cancelled && a != null && a.cancelledAt() != null;
          changes.add(new ActivityChange(id, a, now, before, p.created, cancelled));
        });
    return changes;
  }

  private static Place place(Activity a, Spots spots) {
    Spot point = spots.points().get(a.pointId());
    if (point == null) {
      return null;
    }
    return a.deploymentLat() != null
        ? new Place(a.themeCode(), point.path(), a.deploymentLat(), a.deploymentLng())
        : new Place(a.themeCode(), point.path(), point.lat(), point.lng());
  }

  /** Where the activity was before this batch: old values where they changed, else current. */
  private static Place before(Activity a, JsonObject old, Spots spots) {
    if (a == null && !old.containsKey("point_id")) {
      return null; // deleted, and nothing says where it was
    }
    String theme = old.containsKey("theme_code") ? old.getString("theme_code") : a.themeCode();
    Long pointId = old.containsKey("point_id") ? asLong(old.getValue("point_id")) : a.pointId();
    Long deploymentId =
        old.containsKey("deployment_id") ? asLong(old.getValue("deployment_id")) : a.deploymentId();
    Spot point = pointId == null ? null : spots.points().get(pointId);
    if (point == null) {
      return null;
    }
    Spot at = deploymentId == null ? point : spots.deployments().getOrDefault(deploymentId, point);
    return new Place(theme, point.path(), at.lat(), at.lng());
  }

  /**
   * Cached answers are dropped first, so that a client that refetches on a subscription event gets
   * the new state; then subscribers get what they do not have yet (a load can see a version before
   * its event arrives).
   */
  private void publish(List<ActivityChange> changes) {
    dropCachedAnswers(changes);
    List<ActivityChange> fresh = new ArrayList<>(changes.size());
    for (ActivityChange c : changes) {
      long version = c.activity() == null ? Long.MAX_VALUE : c.activity().version();
      Long seen = published.get(c.id());
      if (seen != null && seen >= version && !c.created() && !c.cancelled() && c.before() == null) {
        continue;
      }
      published.put(c.id(), version);
      fresh.add(c);
    }
    if (!fresh.isEmpty()) {
      hub.publish(fresh);
    }
  }

  private void dropCachedAnswers(List<ActivityChange> changes) {
    List<Coordinates> where = new ArrayList<>(changes.size() * 2);
    for (ActivityChange c : changes) {
      if (c.now() == null && c.before() == null) {
        places.lost(); // deleted, and nothing says where it was
        return;
      }
      if (c.now() != null) {
        where.add(new Coordinates(c.now().lat(), c.now().lng()));
      }
      if (c.before() != null) {
        where.add(new Coordinates(c.before().lat(), c.before().lng()));
      }
    }
    places.changedAt(where);
  }

  private static void addLong(Set<Long> ids, Object value) {
    Long id = asLong(value);
    if (id != null) {
      ids.add(id);
    }
  }

  private static Long asLong(Object value) {
    return value instanceof Number n ? n.longValue() : null;
  }

  /** A map that forgets its eldest entries past a size. */
  private static final class Recent<K, V> extends LinkedHashMap<K, V> {
    private final int max;

    Recent(int max) {
      super(16, 0.75f, true);
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > max;
    }
  }
}
