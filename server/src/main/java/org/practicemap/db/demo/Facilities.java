package org.practicemap.db.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The small, fixed vocabulary of on-site facilities, always listed in this order. */
final class Facilities {
  static final String WHEELCHAIR_ACCESS = "WHEELCHAIR_ACCESS";
  static final String PARKING = "PARKING";
  static final String WIFI = "WIFI";
  static final String TOILETS = "TOILETS";
  static final String NURSING_ROOM = "NURSING_ROOM";
  static final String DRINKING_WATER = "DRINKING_WATER";
  static final String LIBRARY = "LIBRARY";
  static final String STAGE = "STAGE";
  static final String CLASSROOM = "CLASSROOM";

  static final List<String> ALL =
      List.of(
          WHEELCHAIR_ACCESS,
          PARKING,
          WIFI,
          TOILETS,
          NURSING_ROOM,
          DRINKING_WATER,
          LIBRARY,
          STAGE,
          CLASSROOM);

  private Facilities() {}

  /** {@code always}, plus each of {@code maybe} with the given chance; in vocabulary order. */
  static List<String> pick(Random r, List<String> always, List<String> maybe, double chance) {
    List<String> chosen = new ArrayList<>(always);
    for (String f : maybe) {
      if (r.nextDouble() < chance) {
        chosen.add(f);
      }
    }
    return ordered(chosen);
  }

  static List<String> ordered(List<String> facilities) {
    return ALL.stream().filter(facilities::contains).toList();
  }
}
