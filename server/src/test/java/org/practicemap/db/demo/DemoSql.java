package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small SQL helpers for the demo-data tests. */
final class DemoSql {
  /**
   * The demo's day as an instant (midnight in Asia/Shanghai), as a CTE named {@code anchor} with
   * the column {@code t0}: the history year is {@code [t0 - 365 days, t0)}.
   */
  static final String ANCHOR =
      "WITH anchor AS (SELECT (value::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t0"
          + " FROM app_meta WHERE key = 'demo_anchor_day') ";

  private DemoSql() {}

  static long number(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static List<String> texts(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
