package org.practicemap.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The network's local time zone. Opening hours, "today", months and calendar files are in this
 * zone; instants travel with their UTC offset, which the API shows as local (+08:00).
 */
public final class LocalZone {
  public static final ZoneId ID = ZoneId.of("Asia/Shanghai");

  private LocalZone() {}

  /** The same instant with the local offset, or null for null. */
  public static OffsetDateTime offsetTime(OffsetDateTime instant) {
    return instant == null ? null : instant.atZoneSameInstant(ID).toOffsetDateTime();
  }
}
