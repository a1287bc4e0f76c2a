package org.practicemap.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.practicemap.common.Lang;

/**
 * The figures of {@code stats} as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line
 * break quoted, quotes doubled), in UTF-8 with a byte-order mark so that Excel opens Chinese names
 * correctly. One row for the totals ({@code by} = {@code TOTAL}), then one per group in the API's
 * order. Rates have six decimals, or an empty field where the API says null.
 */
final class StatsCsv {
  static final String BOM = "\uFEFF";
  static final List<String> HEADER =
      List.of(
          "by",
          "key",
          "label",
          "from",
          "to",
          "activitiesHeld",
          "peopleServed",
          "bookings",
          "noShowRate",
          "fillRate");

  private StatsCsv() {}

  static String of(Stats stats, Lang lang, String scopeLabel) {
    StringBuilder csv = new StringBuilder(BOM);
    line(csv, HEADER);
    String from = stats.request().from().toString();
    String to = stats.request().to().toString();
    String total = lang == Lang.EN ? "Total" : "合计";
    row(
        csv,
        "TOTAL",
        "ALL",
        scopeLabel == null ? total : total + " · " + scopeLabel,
        from,
        to,
        stats.totals());
    for (StatsGroup g : stats.groups()) {
      row(csv, g.by().name(), g.key(), g.label().in(lang), from, to, g.figures());
    }
    return csv.toString();
  }

  private static void row(
      StringBuilder csv, String by, String key, String label, String from, String to, Figures f) {
    line(
        csv,
        List.of(
            by,
            key,
            label,
            from,
            to,
            Long.toString(f.held()),
            Long.toString(f.served()),
            Long.toString(f.bookings()),
            rate(f.noShowRate()),
            rate(f.fillRate())));
  }

  private static String rate(Double rate) {
    return rate == null
        ? ""
        : BigDecimal.valueOf(rate).setScale(6, RoundingMode.HALF_UP).toPlainString();
  }

  private static void line(StringBuilder csv, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(quoted(fields.get(i)));
    }
    csv.append("\r\n");
  }

  /** A field as RFC 4180 wants it; a leading =, +, - or @ is kept out of spreadsheet formulas. */
  static String quoted(String field) {
    String text = field;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
      text = "'" + text;
    }
    boolean quote =
        text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
