package org.practicemap.themes;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.Sql;

/** Reads theme boards and monthly themes. */
final class ThemeRepository {
  private final Sql sql;

  ThemeRepository(Sql sql) {
    this.sql = sql;
  }

  Future<List<Theme>> all() {
    return sql.query("SELECT " + Theme.COLUMNS + " FROM theme ORDER BY sort_order, code")
        .map(ThemeRepository::themes);
  }

  Future<Map<String, Theme>> byCodes(List<String> codes) {
    return sql.query(
            "SELECT " + Theme.COLUMNS + " FROM theme WHERE code = ANY($1)",
            Tuple.of(codes.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Theme> byCode = new HashMap<>();
              themes(rows).forEach(t -> byCode.put(t.code(), t));
              return byCode;
            });
  }

  /** The theme boards of each point, in display order. */
  Future<Map<Long, List<Theme>>> ofPoints(List<Long> pointIds) {
    return sql.query(
            "SELECT pt.point_id, "
                + Theme.COLUMNS
                + " FROM point_theme pt"
                + " JOIN theme ON theme.code = pt.theme_code"
                + " WHERE pt.point_id = ANY($1) ORDER BY sort_order",
            Tuple.of(pointIds.toArray(Long[]::new)))
        .map(
            rows -> {
              Map<Long, List<Theme>> byPoint = new HashMap<>();
              pointIds.forEach(id -> byPoint.put(id, new ArrayList<>()));
              rows.forEach(row -> byPoint.get(row.getLong("point_id")).add(Theme.from(row)));
              return byPoint;
            });
  }

  Future<List<MonthlyTheme>> monthlyThemes(int year) {
    return sql.query(
            "SELECT month, theme_code, title_zh, title_mn, title_en, description_zh,"
                + " description_mn, description_en FROM monthly_theme"
                + " WHERE month >= make_date($1, 1, 1) AND month < make_date($1 + 1, 1, 1)"
                + " ORDER BY month",
            Tuple.of(year))
        .map(
            rows -> {
              List<MonthlyTheme> months = new ArrayList<>();
              rows.forEach(row -> months.add(MonthlyTheme.from(row)));
              return months;
            });
  }

  private static List<Theme> themes(RowSet<Row> rows) {
    List<Theme> themes = new ArrayList<>();
    rows.forEach(row -> themes.add(Theme.from(row)));
    return themes;
  }
}
