package org.practicemap.themes;

import io.vertx.sqlclient.Row;
import org.practicemap.common.LocalizedText;

/** One of the eight theme boards. */
public record Theme(
    String code,
    int sortOrder,
    LocalizedText name,
    LocalizedText description,
    String color,
    String icon) {

  static final String COLUMNS =
      "code, sort_order, name_zh, name_mn, name_en, description_zh, description_mn,"
          + " description_en, color, icon";

  static Theme from(Row row) {
    return new Theme(
        row.getString("code"),
        row.getInteger("sort_order"),
        LocalizedText.from(row, "name"),
        LocalizedText.from(row, "description"),
        row.getString("color"),
        row.getString("icon"));
  }
}
