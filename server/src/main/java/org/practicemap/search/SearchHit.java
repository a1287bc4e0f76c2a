package org.practicemap.search;

import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Cursor;

/**
 * A point or an activity that matches a search, with its relevance: the sum over the query's words
 * of the best place each was found (see {@link SearchRepository}), and where the best match was.
 * The cursor is the sort key: score (descending), points before activities, then a point's name
 * length or an activity's start ({@code startKey}, epoch seconds; {@code lengthKey} is 0 for
 * activities, {@code startKey} 0 for points), then id.
 */
record SearchHit(
    String kind, long refId, int score, String matchedIn, long startKey, int lengthKey) {

  /**
   * The first key of every cursor: the version of the sort. Version 1 (four keys, without the
   * start) sorted activities by name length; its cursors are refused rather than misread.
   */
  static final long SORT_VERSION = 2;

  int kindOrder() {
    return "POINT".equals(kind) ? 0 : 1;
  }

  String cursor() {
    return Cursor.encode(SORT_VERSION, -score, kindOrder(), startKey, lengthKey, refId);
  }

  /** Where a page ends; the first page starts before every hit. */
  record Key(long negScore, long kindOrder, long startKey, long lengthKey, long refId) {
    static final Key START = new Key(Integer.MIN_VALUE, 0, Long.MIN_VALUE, 0, 0);

    /** {@code after} as the end of a page; null for the first page. */
    static Key decode(String after) {
      if (after == null) {
        return START;
      }
      if (Cursor.decodes(after, 4)) {
        throw ApiException.badInput(
            "after",
            "This cursor is from an older version of search, which ordered results differently;"
                + " start again from the first page.");
      }
      Cursor cursor = Cursor.decode(after, 6);
      if (cursor.key(0) != SORT_VERSION) {
        throw ApiException.badInput(
            "after", "\"" + after + "\" is not a cursor of this list; use a returned endCursor.");
      }
      return new Key(cursor.key(1), cursor.key(2), cursor.key(3), cursor.key(4), cursor.key(5));
    }
  }
}
