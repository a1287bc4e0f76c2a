package org.practicemap.points;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;

/** Writes points, their theme boards and opening hours; every method runs inside a transaction. */
final class PointWriter {
  /**
   * The advisory lock on the tree's shape: creating points takes it shared, moving them exclusive,
   * so a point is never created under a parent whose path is being rewritten by a move.
   */
  private static final long TREE_LOCK = 0x70_6d_74_72_65_65L;

  /** The point as JSON for the audit log, with its theme boards. */
  private static final String SNAPSHOT =
      "SELECT to_jsonb(p) - 'version' - 'updated_at' - 'created_at' || jsonb_build_object('themes',"
          + " (SELECT coalesce(jsonb_agg(theme_code ORDER BY theme_code), '[]'::jsonb)"
          + " FROM point_theme WHERE point_id = p.id)) AS json FROM point p WHERE p.id = $1";

  private PointWriter() {}

  static Future<Void> lockTree(Sql tx, boolean exclusive) {
    return tx.query(
            exclusive
                ? "SELECT pg_advisory_xact_lock($1)"
                : "SELECT pg_advisory_xact_lock_shared($1)",
            Tuple.of(TREE_LOCK))
        .mapEmpty();
  }

  /** The point, locked for the rest of the transaction, or null. */
  static Future<Point> lock(Sql tx, long id) {
    return tx.query(
            "SELECT " + Point.COLUMNS + " FROM point p WHERE p.id = $1 FOR UPDATE", Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : Point.from(rows.iterator().next()));
  }

  static Future<Point> find(Sql tx, long id) {
    return tx.query("SELECT " + Point.COLUMNS + " FROM point p WHERE p.id = $1", Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : Point.from(rows.iterator().next()));
  }

  static Future<JsonObject> snapshot(Sql tx, long id) {
    return tx.query(SNAPSHOT, Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getJsonObject("json"));
  }

  /** Fails with BAD_USER_INPUT on {@code field} when a code names no theme board. */
  static Future<Void> requireThemes(Sql tx, List<String> codes, String field) {
    if (codes == null || codes.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.query(
            "SELECT c FROM unnest($1::text[]) AS c WHERE c NOT IN (SELECT code FROM theme)",
            Tuple.of(codes.toArray(String[]::new)))
        .map(
            rows -> {
              if (rows.size() > 0) {
                throw ApiException.badInput(
                    field,
                    "There is no theme board with the code \""
                        + rows.iterator().next().getString(0)
                        + "\".");
              }
              return null;
            });
  }

  /** Inserts a point under {@code parent} (null for a root) and returns its id. */
  static Future<Long> insert(Sql tx, Point parent, String level, PointDraft d) {
    LocalizedText description = orNone(d.description());
    LocalizedText address = orNone(d.address());
    return tx.query(
            "WITH new AS (SELECT nextval(pg_get_serial_sequence('point', 'id')) AS id)"
                + " INSERT INTO point (id, parent_id, path, level, name_zh, name_mn, name_en,"
                + " description_zh, description_mn, description_en, address_zh, address_mn,"
                + " address_en, lat, lng, phone, on_map, facilities)"
                + " SELECT new.id, $1, (coalesce($2 || '.', '') || new.id)::ltree, $3, $4, $5, $6,"
                + " $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17 FROM new RETURNING id",
            Tuple.tuple()
                .addValue(parent == null ? null : parent.id())
                .addValue(parent == null ? null : parent.path())
                .addValue(level)
                .addValue(d.name().zh())
                .addValue(d.name().mn())
                .addValue(d.name().en())
                .addValue(description.zh())
                .addValue(description.mn())
                .addValue(description.en())
                .addValue(address.zh())
                .addValue(address.mn())
                .addValue(address.en())
                .addValue(d.coordinates().lat())
                .addValue(d.coordinates().lng())
                .addValue(d.phone())
                .addValue(Boolean.TRUE.equals(d.onMap()))
                .addValue(
                    (d.facilities() == null ? List.<String>of() : d.facilities())
                        .toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Changes the fields the client sent; the others stay as they are. */
  static Future<Void> update(Sql tx, long id, PointDraft d) {
    List<String> sets = new ArrayList<>();
    Tuple args = Tuple.of(id);
    if (d.sent("name")) {
      text(sets, args, "name", d.name());
    }
    if (d.sent("description")) {
      text(sets, args, "description", orNone(d.description()));
    }
    if (d.sent("address")) {
      text(sets, args, "address", orNone(d.address()));
    }
    if (d.sent("coordinates")) {
      set(sets, args, "lat", d.coordinates().lat());
      set(sets, args, "lng", d.coordinates().lng());
    }
    if (d.sent("phone")) {
      set(sets, args, "phone", d.phone());
    }
    if (d.sent("onMap")) {
      set(sets, args, "on_map", d.onMap());
    }
    if (d.sent("facilities")) {
      set(sets, args, "facilities", d.facilities().toArray(String[]::new));
    }
    if (sets.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.query("UPDATE point SET " + String.join(", ", sets) + " WHERE id = $1", args)
        .mapEmpty();
  }

  static Future<Void> setThemes(Sql tx, long id, List<String> codes) {
    return tx.query("DELETE FROM point_theme WHERE point_id = $1", Tuple.of(id))
        .compose(
            deleted ->
                codes.isEmpty()
                    ? Future.succeededFuture()
                    : tx.query(
                            "INSERT INTO point_theme (point_id, theme_code)"
                                + " SELECT $1, unnest($2::text[])",
                            Tuple.tuple().addValue(id).addValue(codes.toArray(String[]::new)))
                        .mapEmpty());
  }

  /**
   * Re-parents {@code point} and rewrites the path of every point in its subtree, in one statement;
   * returns how many points moved.
   */
  static Future<Integer> move(Sql tx, Point point, Point parent) {
    return tx.query(
            "UPDATE point SET path = $1::ltree || subpath(path, nlevel($2::ltree) - 1),"
                + " parent_id = CASE WHEN id = $3 THEN $4 ELSE parent_id END"
                + " WHERE path <@ $2::ltree",
            Tuple.of(parent.path(), point.path(), point.id(), parent.id()))
        .map(rows -> rows.rowCount());
  }

  static Future<JsonArray> hours(Sql tx, long id) {
    return tx.query(
            "SELECT coalesce(jsonb_agg(jsonb_build_object('weekday', weekday, 'opens', opens,"
                + " 'closes', closes) ORDER BY weekday, opens), '[]'::jsonb) AS json"
                + " FROM opening_hours WHERE point_id = $1",
            Tuple.of(id))
        .map(rows -> (JsonArray) rows.iterator().next().getValue("json"));
  }

  static Future<Void> replaceHours(Sql tx, long id, List<OpeningHours> hours) {
    return tx.query("DELETE FROM opening_hours WHERE point_id = $1", Tuple.of(id))
        .compose(
            deleted -> {
              if (hours.isEmpty()) {
                return Future.succeededFuture();
              }
              List<Tuple> rows = new ArrayList<>();
              hours.forEach(
                  h -> rows.add(Tuple.of(id, (short) h.weekday(), h.opens(), h.closes())));
              return tx.batch(
                      "INSERT INTO opening_hours (point_id, weekday, opens, closes)"
                          + " VALUES ($1, $2, $3, $4)",
                      rows)
                  .mapEmpty();
            });
  }

  static Future<JsonObject> exception(Sql tx, long id, LocalDate day) {
    return tx.query(
            "SELECT to_jsonb(e) - 'point_id' AS json FROM opening_exception e"
                + " WHERE point_id = $1 AND day = $2",
            Tuple.of(id, day))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getJsonObject("json"));
  }

  static Future<JsonObject> upsertException(Sql tx, long id, OpeningException e) {
    LocalizedText note = orNone(e.note());
    return tx.query(
            "INSERT INTO opening_exception AS e (point_id, day, closed, opens, closes, note_zh,"
                + " note_mn, note_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                + " ON CONFLICT (point_id, day) DO UPDATE SET closed = excluded.closed,"
                + " opens = excluded.opens, closes = excluded.closes, note_zh = excluded.note_zh,"
                + " note_mn = excluded.note_mn, note_en = excluded.note_en"
                + " RETURNING to_jsonb(e) - 'point_id' AS json",
            Tuple.tuple()
                .addValue(id)
                .addValue(e.date())
                .addValue(e.closed())
                .addValue(e.opens())
                .addValue(e.closes())
                .addValue(note.zh())
                .addValue(note.mn())
                .addValue(note.en()))
        .map(rows -> rows.iterator().next().getJsonObject("json"));
  }

  static Future<JsonObject> deleteException(Sql tx, long id, LocalDate day) {
    return tx.query(
            "DELETE FROM opening_exception e WHERE point_id = $1 AND day = $2"
                + " RETURNING to_jsonb(e) - 'point_id' AS json",
            Tuple.of(id, day))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getJsonObject("json"));
  }

  static JsonObject json(Map<String, Object> map) {
    return new JsonObject(map);
  }

  private static void text(List<String> sets, Tuple args, String column, LocalizedText text) {
    set(sets, args, column + "_zh", text.zh());
    set(sets, args, column + "_mn", text.mn());
    set(sets, args, column + "_en", text.en());
  }

  private static void set(List<String> sets, Tuple args, String column, Object value) {
    args.addValue(value);
    sets.add(column + " = $" + args.size());
  }

  private static LocalizedText orNone(LocalizedText text) {
    return text == null ? LocalizedText.NONE : text;
  }
}
