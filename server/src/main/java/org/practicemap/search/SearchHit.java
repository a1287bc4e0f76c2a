package org.practicemap.search;

import org.practicemap.graphql.Cursor;

/**
 * A point or an activity that matches a search, with its relevance: the sum over the query's words
 * of the best place each was found (see {@link SearchRepository}), and where the best match was.
 * The cursor is the sort key: score (descending), points before activities, shorter names first,
 * id.
 */
record SearchHit(String kind, long refId, int score, String matchedIn, int nameLength) {

  int kindOrder() {
    return "POINT".equals(kind) ? 0 : 1;
  }

  String cursor() {
    return Cursor.encode(-score, kindOrder(), nameLength, refId);
  }

  /** Where a page ends; the first page starts before every hit. */
  record Key(long negScore, long kindOrder, long nameLength, long refId) {
    static final Key START = new Key(Integer.MIN_VALUE, 0, 0, 0);

    static Key decode(Cursor cursor) {
      return cursor == null
          ? START
          : new Key(cursor.key(0), cursor.key(1), cursor.key(2), cursor.key(3));
    }
  }
}
