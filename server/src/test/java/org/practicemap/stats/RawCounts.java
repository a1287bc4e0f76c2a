package org.practicemap.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicemap.testing.Ids;
import org.practicemap.testing.TestPostgres;

/**
 * The figures of {@code stats} counted again from the base tables (activity, booking, attendance,
 * point) with nothing of the report tables: the independent answer tests compare with the API's.
 */
final class RawCounts implements AutoCloseable {
  /** A group's figures, rates rounded so a float and an exact fraction compare. */
  record Figure(long held, long served, long bookings, Long noShowRate, Long fillRate) {
    boolean empty() {
      return held == 0 && served == 0 && bookings == 0 && noShowRate == null && fillRate == null;
    }

    static Long rate(Double value) {
      return value == null ? null : Math.round(value * 1e9);
    }
  }

  static final Map<String, String> KEYS =
      Map.of(
          "TOTAL", "'ALL'",
          "THEME", "coalesce(theme_code, 'NONE')",
          "LEVEL", "level",
          "MONTH", "to_char(day, 'YYYY-MM')",
          "POINT", "point_id::text",
          "CATEGORY", "category",
          "DEPARTMENT", "coalesce(department, 'NONE')",
          "FESTIVAL", "coalesce(festival, 'NONE')");

  private static final String RAW =
      "SELECT %s AS key, count(*) FILTER (WHERE fin) AS held,"
          + " coalesce(sum(ci + walk) FILTER (WHERE fin), 0) AS served,"
          + " coalesce(sum(nb), 0) AS bookings,"
          + " coalesce(sum(seats) FILTER (WHERE fin AND capacity IS NOT NULL), 0) AS seats,"
          + " coalesce(sum(capacity) FILTER (WHERE fin), 0) AS capacity,"
          + " coalesce(sum(ci) FILTER (WHERE fin), 0) AS checked_in,"
          + " coalesce(sum(ns) FILTER (WHERE fin), 0) AS no_show"
          + " FROM (SELECT a.*, p.level, (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date AS day,"
          + "  a.ends_at <= now() AS fin,"
          + "  (SELECT count(*) FROM booking b WHERE b.activity_id = a.id"
          + "    AND b.status IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW')) AS nb,"
          + "  (SELECT coalesce(sum(party_size), 0) FROM booking b WHERE b.activity_id = a.id"
          + "    AND b.status IN ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW')) AS seats,"
          + "  (SELECT coalesce(sum(party_size), 0) FROM booking b WHERE b.activity_id = a.id"
          + "    AND b.status = 'CHECKED_IN') AS ci,"
          + "  (SELECT coalesce(sum(party_size), 0) FROM booking b WHERE b.activity_id = a.id"
          + "    AND b.status = 'NO_SHOW') AS ns,"
          + "  (SELECT coalesce(sum(count), 0) FROM attendance w WHERE w.activity_id = a.id) AS walk"
          + "  FROM activity a JOIN point p ON p.id = a.point_id"
          + "  WHERE a.cancelled_at IS NULL"
          + "   AND (a.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ?::date AND ?::date"
          + "   AND (?::text IS NULL OR p.path <@ ?::ltree)) x GROUP BY 1";

  private final Connection c;

  RawCounts(String databaseUrl) {
    try {
      c = TestPostgres.jdbc(databaseUrl);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** dimension ("TOTAL", "THEME"…) → key → figures, for the subtree of {@code scope} or all. */
  Map<String, Map<String, Figure>> count(
      Long scope, LocalDate from, LocalDate to, List<String> dimensions) {
    Map<String, Map<String, Figure>> all = new TreeMap<>();
    for (String dim : dimensions) {
      all.put(dim, count(dim, scope, from, to));
    }
    return all;
  }

  private Map<String, Figure> count(String dim, Long scope, LocalDate from, LocalDate to) {
    String path = scope == null ? null : path(scope);
    Map<String, Figure> figures = new TreeMap<>();
    try (var st = c.prepareStatement(RAW.formatted(KEYS.get(dim)))) {
      st.setString(1, from.toString());
      st.setString(2, to.toString());
      st.setString(3, path);
      st.setString(4, path);
      var rs = st.executeQuery();
      while (rs.next()) {
        long seats = rs.getLong("seats");
        long capacity = rs.getLong("capacity");
        long in = rs.getLong("checked_in");
        long out = rs.getLong("no_show");
        Figure f =
            new Figure(
                rs.getLong("held"),
                rs.getLong("served"),
                rs.getLong("bookings"),
                in + out == 0 ? null : Figure.rate((double) out / (in + out)),
                capacity == 0 ? null : Figure.rate((double) seats / capacity));
        String key = rs.getString("key");
        if (!f.empty()) {
          figures.put(dim.equals("POINT") ? Ids.point(Long.parseLong(key)) : key, f);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return figures;
  }

  private String path(long point) {
    try (var st = c.prepareStatement("SELECT path::text FROM point WHERE id = ?")) {
      st.setLong(1, point);
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API's answer in the same shape (all-zero groups left out, as here). */
  static Map<String, Map<String, Figure>> of(JsonObject stats, List<String> dimensions) {
    Map<String, Map<String, Figure>> all = new TreeMap<>();
    for (String dim : dimensions) {
      all.put(dim, new TreeMap<>());
    }
    Figure total = figure(stats);
    all.get("TOTAL").put("ALL", total);
    if (total.empty()) {
      all.get("TOTAL").clear();
    }
    JsonArray groups = stats.getJsonArray("groups");
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      JsonObject g = groups.getJsonObject(i);
      Figure f = figure(g);
      String key = g.getString("key");
      if (seen.merge(g.getString("by") + "/" + key, 1, Integer::sum) > 1) {
        throw new AssertionError("Group " + g.getString("by") + "/" + key + " appears twice");
      }
      if (!f.empty()) {
        all.get(g.getString("by")).put(key, f);
      }
    }
    return all;
  }

  private static Figure figure(JsonObject o) {
    return new Figure(
        o.getLong("activitiesHeld"),
        o.getLong("peopleServed"),
        o.getLong("bookings"),
        Figure.rate(o.getDouble("noShowRate")),
        Figure.rate(o.getDouble("fillRate")));
  }

  @Override
  public void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
