package org.practicemap.activities;

import io.vertx.sqlclient.Row;
import org.practicemap.common.LocalizedText;

/** A stall of a market-style event. */
public record Stall(
    long activityId, int number, LocalizedText name, String department, LocalizedText description) {

  static Stall from(Row row) {
    return new Stall(
        row.getLong("activity_id"),
        row.getInteger("number"),
        LocalizedText.from(row, "name"),
        row.getString("department"),
        LocalizedText.from(row, "description"));
  }
}
