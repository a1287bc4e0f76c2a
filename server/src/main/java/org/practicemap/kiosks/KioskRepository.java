package org.practicemap.kiosks;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.PageRequest;

/** Reads kiosks with where they stand now and their last heartbeat: one statement per batch. */
public final class KioskRepository {
  private static final String CURSOR_PREFIX = "k:";

  private final Sql sql;

  public KioskRepository(Sql sql) {
    this.sql = sql;
  }

  /** The kiosks with these ids; unknown ids are missing from the map. */
  public Future<Map<String, Kiosk>> byIds(List<String> ids) {
    return sql.query(Kiosk.SELECT + " WHERE k.id = ANY($1)", Tuple.of(ids.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Kiosk> byId = new HashMap<>();
              for (Row row : rows) {
                Kiosk kiosk = Kiosk.from(row);
                byId.put(kiosk.id(), kiosk);
              }
              return byId;
            });
  }

  /**
   * Which kiosks to list: those under {@code subtreePath} (null: everywhere), in {@code status}
   * (null: any).
   */
  record Filter(String subtreePath, KioskStatus status) {}

  /** A page of kiosks in id order (byte-wise, as the column's collation). */
  Future<Connection<Kiosk>> list(Filter filter, PageRequest page) {
    Where where = new Where();
    if (filter.subtreePath() != null) {
      where.and("p.path <@ $?::ltree", filter.subtreePath());
    }
    if (filter.status() != null) {
      where.and(KioskStatus.SQL + " = $?", filter.status().name());
    }
    Where count = where.copy();
    if (page.after() != null) {
      where.and("k.id > $?", decodeCursor(page.after()));
    }
    String query =
        Kiosk.SELECT + where.sql() + " ORDER BY k.id LIMIT $" + where.param(page.limit());
    return sql.query(query, where.args())
        .map(
            rows -> {
              List<Kiosk> kiosks = new ArrayList<>();
              rows.forEach(row -> kiosks.add(Kiosk.from(row)));
              return Connection.of(
                  kiosks,
                  page,
                  k -> encodeCursor(k.id()),
                  () ->
                      sql.query(
                              "SELECT count(*) FROM kiosk k JOIN point p ON p.id = k.point_id"
                                  + " LEFT JOIN kiosk_heartbeat h ON h.kiosk_id = k.id"
                                  + count.sql(),
                              count.args())
                          .map(c -> c.iterator().next().getLong(0).intValue()));
            });
  }

  /** Kiosk ids are text, so their cursor is too (graphql's {@code Cursor} holds numbers). */
  static String encodeCursor(String id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
  }

  static String decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(CURSOR_PREFIX) && KioskInput.isId(text.substring(2))) {
        return text.substring(CURSOR_PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // not base64: the same answer as any other foreign cursor
    }
    throw ApiException.badInput(
        "after", "\"" + cursor + "\" is not a cursor of this list; use a returned endCursor.");
  }
}
