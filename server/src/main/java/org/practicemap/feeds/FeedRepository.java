package org.practicemap.feeds;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;

/**
 * The activities of a feed: those that ended at most a week ago (so today's do not vanish from a
 * calendar the moment they end) and start within the next 180 days, by start time, at most {@link
 * #MAX_EVENTS}. Cancelled ones stay in, marked cancelled, so that calendar apps strike them out.
 */
final class FeedRepository {
  static final int MAX_EVENTS = 1000;
  private static final String WINDOW =
      " AND a.ends_at > now() - interval '7 days' AND a.starts_at < now() + interval '180 days'"
          + " ORDER BY a.starts_at, a.id LIMIT "
          + MAX_EVENTS;

  /** A point or a theme board: its name, and for a point its ltree path. */
  record Owner(LocalizedText name, String path) {}

  private final Sql sql;

  FeedRepository(Sql sql) {
    this.sql = sql;
  }

  Future<Owner> point(long id) {
    return sql.query(
            "SELECT name_zh, name_mn, name_en, path::text FROM point WHERE id = $1", Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : owner(rows.iterator().next()));
  }

  Future<Owner> theme(String code) {
    return sql.query(
            "SELECT name_zh, name_mn, name_en, NULL AS path FROM theme WHERE code = $1",
            Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : owner(rows.iterator().next()));
  }

  Future<List<FeedActivity>> atPoint(long pointId) {
    return activities(" WHERE a.point_id = $1", Tuple.of(pointId));
  }

  /** The point's own activities and those of every point below it (one GiST probe on paths). */
  Future<List<FeedActivity>> inSubtree(String path) {
    return activities(" WHERE p.path <@ $1::ltree", Tuple.of(path));
  }

  Future<List<FeedActivity>> onTheme(String code) {
    return activities(" WHERE a.theme_code = $1", Tuple.of(code));
  }

  private Future<List<FeedActivity>> activities(String where, Tuple args) {
    return sql.query("SELECT " + FeedActivity.COLUMNS + FeedActivity.FROM + where + WINDOW, args)
        .map(
            rows -> {
              List<FeedActivity> list = new ArrayList<>(rows.size());
              rows.forEach(row -> list.add(FeedActivity.from(row)));
              return list;
            });
  }

  private static Owner owner(Row row) {
    return new Owner(
        new LocalizedText(
            row.getString("name_zh"), row.getString("name_mn"), row.getString("name_en")),
        row.getString("path"));
  }
}
