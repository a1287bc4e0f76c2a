package org.practicemap.routes;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalizedText;
import org.practicemap.db.Sql;
import org.practicemap.db.Where;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Cursor;
import org.practicemap.graphql.PageRequest;

/** Reads curated routes: a page or a batch of routes, then the stops of all of them at once. */
public final class RouteRepository {
  private static final String COLUMNS =
      "r.id, r.owner_point_id, r.theme_code, r.mode, r.name_zh, r.name_mn, r.name_en,"
          + " r.description_zh, r.description_mn, r.description_en, r.sort_order";

  private final Sql sql;

  public RouteRepository(Sql sql) {
    this.sql = sql;
  }

  public Future<Map<Long, Route>> byIds(List<Long> ids) {
    return sql.query(
            "SELECT " + COLUMNS + " FROM route r WHERE r.id = ANY($1)",
            Tuple.of(ids.toArray(Long[]::new)))
        .compose(this::withStops)
        .map(
            routes -> {
              Map<Long, Route> byId = new HashMap<>();
              routes.forEach(r -> byId.put(r.id(), r));
              return byId;
            });
  }

  /** A page of routes in display order (sort order, then id), of one theme board or all. */
  Future<Connection<Route>> list(String themeCode, PageRequest page) {
    Where where = new Where();
    if (themeCode != null) {
      where.and("r.theme_code = $?", themeCode);
    }
    Where count = where.copy();
    Cursor after = page.cursor(2);
    if (after != null) {
      where.and("(r.sort_order, r.id) > ($?, $?)", (int) after.key(0), after.key(1));
    }
    String query =
        "SELECT "
            + COLUMNS
            + " FROM route r"
            + where.sql()
            + " ORDER BY r.sort_order, r.id LIMIT $"
            + where.param(page.limit());
    return sql.query(query, where.args())
        .compose(
            rows -> {
              Map<Long, Integer> sortOrders = new HashMap<>();
              rows.forEach(row -> sortOrders.put(row.getLong("id"), row.getInteger("sort_order")));
              return withStops(rows)
                  .map(
                      routes ->
                          Connection.of(
                              routes,
                              page,
                              r -> Cursor.encode(sortOrders.get(r.id()), r.id()),
                              () ->
                                  sql.query(
                                          "SELECT count(*) FROM route r" + count.sql(),
                                          count.args())
                                      .map(c -> c.iterator().next().getLong(0).intValue())));
            });
  }

  /** The routes of each theme board, in display order. */
  Future<Map<String, List<Route>>> ofThemes(List<String> codes) {
    return sql.query(
            "SELECT "
                + COLUMNS
                + " FROM route r WHERE r.theme_code = ANY($1) ORDER BY r.sort_order, r.id",
            Tuple.of(codes.toArray(String[]::new)))
        .compose(this::withStops)
        .map(
            routes -> {
              Map<String, List<Route>> byTheme = new HashMap<>();
              codes.forEach(code -> byTheme.put(code, new ArrayList<>()));
              routes.forEach(r -> byTheme.get(r.themeCode()).add(r));
              return byTheme;
            });
  }

  /** The routes of these rows, in row order, each with its stops (one statement for all). */
  private Future<List<Route>> withStops(RowSet<Row> routeRows) {
    Map<Long, Row> rows = new LinkedHashMap<>();
    routeRows.forEach(row -> rows.put(row.getLong("id"), row));
    if (rows.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return sql.query(
            "SELECT s.route_id, s.position, s.point_id, s.stay_minutes, s.note_zh, s.note_mn,"
                + " s.note_en, p.lat, p.lng FROM route_stop s JOIN point p ON p.id = s.point_id"
                + " WHERE s.route_id = ANY($1) ORDER BY s.route_id, s.position",
            Tuple.of(rows.keySet().toArray(Long[]::new)))
        .map(
            stopRows -> {
              Map<Long, List<Route.StoredStop>> stops = new HashMap<>();
              for (Row s : stopRows) {
                stops
                    .computeIfAbsent(s.getLong("route_id"), k -> new ArrayList<>())
                    .add(
                        new Route.StoredStop(
                            s.getInteger("position"),
                            s.getLong("point_id"),
                            new Coordinates(s.getDouble("lat"), s.getDouble("lng")),
                            s.getInteger("stay_minutes"),
                            LocalizedText.from(s, "note")));
              }
              List<Route> routes = new ArrayList<>(rows.size());
              rows.forEach((id, row) -> routes.add(route(row, stops.getOrDefault(id, List.of()))));
              return routes;
            });
  }

  private static Route route(Row row, List<Route.StoredStop> stops) {
    return Route.of(
        row.getLong("id"),
        row.getLong("owner_point_id"),
        row.getString("theme_code"),
        TravelMode.valueOf(row.getString("mode")),
        LocalizedText.from(row, "name"),
        LocalizedText.from(row, "description"),
        stops);
  }
}
