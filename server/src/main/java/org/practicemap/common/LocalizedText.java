package org.practicemap.common;

import io.vertx.sqlclient.Row;

/** A text in Chinese, Mongolian and English; Chinese stands in for a missing translation. */
public record LocalizedText(String zh, String mn, String en) {
  public static final LocalizedText NONE = new LocalizedText(null, null, null);

  /** Reads the columns {@code prefix_zh}, {@code prefix_mn} and {@code prefix_en}. */
  public static LocalizedText from(Row row, String prefix) {
    return new LocalizedText(
        row.getString(prefix + "_zh"),
        row.getString(prefix + "_mn"),
        row.getString(prefix + "_en"));
  }

  public String in(Lang lang) {
    String text =
        switch (lang) {
          case ZH -> zh;
          case MN -> mn;
          case EN -> en;
        };
    return text != null ? text : zh;
  }
}
