package org.practicemap.db.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows for one table, written with one {@code COPY … FROM STDIN}. Measured on the 2-core machine,
 * multi-row INSERTs spent most of the load parsing and planning the statements; COPY streams the
 * rows straight into the table and leaves only the index work.
 *
 * <p>Values are written in COPY's text format through each column's input function, so an ltree
 * path or a text[] goes in as its text form without casts.
 */
final class Rows {
  private final String table;
  private final String[] columns;
  private final List<Object[]> rows = new ArrayList<>();

  private Rows(String table, String[] columns) {
    this.table = table;
    this.columns = columns;
  }

  static Rows into(String table, String... columns) {
    return new Rows(table, columns);
  }

  Rows add(Object... values) {
    if (values.length != columns.length) {
      throw new IllegalArgumentException(
          table + ": " + values.length + " values for " + columns.length + " columns");
    }
    rows.add(values);
    return this;
  }

  void write(Connection c) throws SQLException {
    StringBuilder data = new StringBuilder(rows.size() * 64 * columns.length);
    for (Object[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          data.append('\t');
        }
        append(data, row[i]);
      }
      data.append('\n');
    }
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    try {
      c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
    } catch (IOException e) {
      throw new SQLException("Could not copy rows into " + table, e);
    }
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("\\N");
    } else if (value instanceof String s) {
      escape(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b ? 't' : 'f');
    } else if (value instanceof String[] array) {
      escape(out, arrayLiteral(array));
    } else {
      // Numbers, LocalDate, LocalTime and OffsetDateTime print in forms PostgreSQL reads.
      escape(out, value.toString());
    }
  }

  private static String arrayLiteral(String[] items) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < items.length; i++) {
      literal.append(i == 0 ? "\"" : ",\"");
      literal.append(items[i].replace("\\", "\\\\").replace("\"", "\\\""));
      literal.append('"');
    }
    return literal.append('}').toString();
  }

  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(ch);
      }
    }
  }
}
