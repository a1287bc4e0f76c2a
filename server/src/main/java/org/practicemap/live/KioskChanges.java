package org.practicemap.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicemap.kiosks.Kiosk;
import org.practicemap.kiosks.KioskRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the kiosk rows' change events into {@link KioskChange}s for the hub: one statement per
 * batch, one batch in flight at a time so that changes keep their order. Only configuration changes
 * arrive here: heartbeats go to a table without a trigger. Runs on the change feed's context only.
 */
final class KioskChanges {
  private static final Logger log = LoggerFactory.getLogger(KioskChanges.class);

  /** Ids loaded per statement; more wait for the next round. */
  static final int MAX_BATCH = 1_000;

  private final KioskRepository kiosks;
  private final LiveHub<KioskChange> hub;
  private final Set<String> pending = new LinkedHashSet<>();
  private boolean loading;

  KioskChanges(KioskRepository kiosks, LiveHub<KioskChange> hub) {
    this.kiosks = kiosks;
    this.hub = hub;
  }

  void accept(List<Change> changes) {
    if (hub.size() == 0) {
      return; // nobody on this replica listens: no rows to load
    }
    changes.forEach(c -> pending.add(c.id()));
    loadNext();
  }

  private void loadNext() {
    if (loading || pending.isEmpty()) {
      return;
    }
    List<String> batch = new ArrayList<>();
    var it = pending.iterator();
    while (it.hasNext() && batch.size() < MAX_BATCH) {
      batch.add(it.next());
      it.remove();
    }
    loading = true;
    kiosks
        .byIds(batch)
        .onSuccess(rows -> hub.publish(changes(batch, rows)))
        .onFailure(
            e -> {
              log.warn("Could not load changed kiosks ({}); subscribers will resync", e.toString());
              hub.resync();
            })
        .onComplete(
            ar -> {
              loading = false;
              loadNext();
            });
  }

  /** The state of each kiosk now: loaded after the commit, so never older than the event. */
  private static List<KioskChange> changes(List<String> ids, Map<String, Kiosk> rows) {
    List<KioskChange> changes = new ArrayList<>(ids.size());
    ids.forEach(id -> changes.add(new KioskChange(id, rows.get(id))));
    return changes;
  }
}
