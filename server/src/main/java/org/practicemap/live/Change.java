package org.practicemap.live;

import io.vertx.core.json.JsonObject;

/**
 * One changed row, as the {@code notify_change} trigger reports it: ids and a version, never the
 * row itself (the listening side loads what it needs).
 *
 * @param op {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param id the row's key as text (numbers and text keys alike)
 * @param old the previous values of the tracked columns that changed (all of them for a delete)
 */
public record Change(String table, String op, String id, long version, JsonObject old) {

  /** Reads a notification payload; null when it is not one of ours. */
  static Change parse(String payload) {
    JsonObject json;
    try {
      json = new JsonObject(payload);
    } catch (RuntimeException e) {
      return null;
    }
    Object id = json.getValue("id");
    if (!(json.getValue("table") instanceof String table)
        || !(json.getValue("op") instanceof String op)
        || id == null) {
      return null;
    }
    Object version = json.getValue("version");
    Object old = json.getValue("old");
    return new Change(
        table,
        op,
        id.toString(),
        version instanceof Number n ? n.longValue() : 0,
        old instanceof JsonObject o ? o : new JsonObject());
  }

  public long longId() {
    return Long.parseLong(id);
  }

  public boolean inserted() {
    return op.equals("INSERT");
  }

  public boolean deleted() {
    return op.equals("DELETE");
  }
}
