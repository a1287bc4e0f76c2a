package org.practicemap.points;

import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.time.LocalTime;
import org.practicemap.common.LocalizedText;

/** A day whose hours differ from the weekly ones: closed, or special hours. */
public record OpeningException(
    LocalDate date, boolean closed, LocalTime opens, LocalTime closes, LocalizedText note) {
  static OpeningException from(Row row) {
    return new OpeningException(
        row.getLocalDate("day"),
        row.getBoolean("closed"),
        row.getLocalTime("opens"),
        row.getLocalTime("closes"),
        LocalizedText.from(row, "note"));
  }
}
