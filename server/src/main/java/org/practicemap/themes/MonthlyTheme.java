package org.practicemap.themes;

import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import org.practicemap.common.LocalizedText;

/** "One month, one theme": the board a month is dedicated to. */
public record MonthlyTheme(
    LocalDate month, String themeCode, LocalizedText title, LocalizedText description) {

  static MonthlyTheme from(Row row) {
    return new MonthlyTheme(
        row.getLocalDate("month"),
        row.getString("theme_code"),
        LocalizedText.from(row, "title"),
        LocalizedText.from(row, "description"));
  }
}
