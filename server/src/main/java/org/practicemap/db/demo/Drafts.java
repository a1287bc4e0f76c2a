package org.practicemap.db.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activities as the planners make them, numbered at the end in order of start time, so that ids
 * read chronologically and the same plan always gets the same ids.
 */
final class Drafts {
  private final List<DemoActivity> drafts = new ArrayList<>();
  private final Map<DemoActivity, List<Market.Stall>> stalls = new IdentityHashMap<>();

  /** The numbered activities and the stalls of the market ones, by activity id. */
  record Numbered(List<DemoActivity> activities, Map<Long, List<Market.Stall>> stalls) {}

  void add(DemoActivity a) {
    drafts.add(a);
  }

  void addAll(List<DemoActivity> all) {
    drafts.addAll(all);
  }

  void addMarket(DemoActivity a, List<Market.Stall> marketStalls) {
    drafts.add(a);
    stalls.put(a, marketStalls);
  }

  Numbered numbered() {
    List<DemoActivity> sorted = new ArrayList<>(drafts);
    sorted.sort(
        Comparator.comparing(DemoActivity::startsAt)
            .thenComparingLong(DemoActivity::pointId)
            .thenComparing(a -> a.title().zh()));
    List<DemoActivity> numbered = new ArrayList<>();
    Map<Long, List<Market.Stall>> stallsById = new LinkedHashMap<>();
    for (DemoActivity draft : sorted) {
      DemoActivity a = draft.withId(numbered.size() + 1);
      numbered.add(a);
      if (stalls.containsKey(draft)) {
        stallsById.put(a.id(), stalls.get(draft));
      }
    }
    return new Numbered(List.copyOf(numbered), stallsById);
  }
}
