package org.practicemap.graphql;

import graphql.schema.DataFetchingEnvironment;

/** The {@code first} and {@code after} arguments of a connection field, checked. */
public record PageRequest(int first, String after) {
  public static final int MAX_FIRST = 100;

  public static PageRequest from(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    String after = env.getArgument("after");
    return of(first == null ? 20 : first, after);
  }

  public static PageRequest of(int first, String after) {
    if (first < 0 || first > MAX_FIRST) {
      throw ApiException.badInput(
          "first", "first must be between 0 and " + MAX_FIRST + ", not " + first + ".");
    }
    return new PageRequest(first, after);
  }

  /** The SQL LIMIT: one row more than asked, to learn whether a next page exists. */
  public int limit() {
    return first + 1;
  }

  /** The decoded {@code after} cursor with {@code parts} keys, or null on the first page. */
  public Cursor cursor(int parts) {
    return after == null ? null : Cursor.decode(after, parts);
  }
}
