package org.practicemap.points;

import io.vertx.sqlclient.Row;
import java.time.LocalTime;

/** A regular opening period on one ISO weekday (1 = Monday), local time. */
public record OpeningHours(int weekday, LocalTime opens, LocalTime closes) {
  static OpeningHours from(Row row) {
    return new OpeningHours(
        row.getInteger("weekday"), row.getLocalTime("opens"), row.getLocalTime("closes"));
  }
}
