package org.practicemap.db;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the WHERE clause of a filtered query with numbered parameters. Each condition is written
 * with {@code $?} where a value goes; it becomes {@code $1}, {@code $2}… in order. Values are
 * always parameters, never spliced into the SQL.
 */
public final class Where {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();

  /** Adds a condition whose {@code $?} placeholders take {@code values} in order. */
  public Where and(String condition, Object... values) {
    StringBuilder sql = new StringBuilder();
    int from = 0;
    int used = 0;
    for (int at = condition.indexOf("$?"); at >= 0; at = condition.indexOf("$?", from)) {
      sql.append(condition, from, at).append('$').append(param(values[used++]));
      from = at + 2;
    }
    if (used != values.length) {
      throw new IllegalArgumentException("Placeholders and values differ in: " + condition);
    }
    conditions.add(sql.append(condition.substring(from)).toString());
    return this;
  }

  /** Adds a value used elsewhere in the statement (e.g. LIMIT) and returns its number. */
  public int param(Object value) {
    args.add(value);
    return args.size();
  }

  /** {@code " WHERE a AND b"}, or an empty string when there is no condition. */
  public String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  public Tuple args() {
    return Tuple.from(args);
  }

  /** An independent copy, e.g. to count the rows before a cursor and a limit are added. */
  public Where copy() {
    Where copy = new Where();
    copy.conditions.addAll(conditions);
    copy.args.addAll(args);
    return copy;
  }

  /** Escapes LIKE's wildcards so that user text matches literally inside {@code %…%}. */
  public static String likeContaining(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
