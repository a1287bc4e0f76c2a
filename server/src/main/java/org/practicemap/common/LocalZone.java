package org.practicemap.common;

import java.time.ZoneId;

/**
 * The network's local time zone. Opening hours, "today", months and calendar files are in this
 * zone; instants travel as UTC offsets.
 */
public final class LocalZone {
  public static final ZoneId ID = ZoneId.of("Asia/Shanghai");

  private LocalZone() {}
}
