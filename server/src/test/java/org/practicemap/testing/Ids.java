package org.practicemap.testing;

import org.practicemap.graphql.GlobalId;

/** Global IDs of test rows, as the API gives them. */
public final class Ids {
  private Ids() {}

  public static String point(long id) {
    return GlobalId.of("Point", id);
  }

  public static String activity(long id) {
    return GlobalId.of("Activity", id);
  }
}
