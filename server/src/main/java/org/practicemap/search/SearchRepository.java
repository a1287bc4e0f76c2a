package org.practicemap.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.db.Sql;

/**
 * Text search over {@code search_doc} (migration V4_3): the GIN index finds the documents holding
 * every gram of the query, then each word of the query must occur in the document's texts, and the
 * documents are ranked by where the words occur. A word scores, at best:
 *
 * <pre>
 *   100  a name equals it            50  the pinyin starts with it   20  the place (address) has it
 *    80  a name starts with it       40  the pinyin contains it      10  the description has it
 *    60  a name contains it          30  a theme board's name has it
 * </pre>
 *
 * so an exact name beats a partial one, a name beats the board it is on, and the board (a curated
 * classification) beats a passing mention in an address or a description. Pinyin is compared only
 * when the text is searched as Chinese. Finished and cancelled activities are not found.
 *
 * <p>Among equal scores points come first (shorter names first), then activities by their start,
 * soonest first (one under way before one to come), then by id: the 36 sessions of one exhibition
 * that all match alike no longer fill the first page in the order they were created, the next one
 * leads. The start is read from {@code activity} by its key, so a moved activity sorts by its new
 * time at once.
 */
final class SearchRepository {
  private static final String MATCHES =
      "SELECT d.kind, d.ref_id, s.score, s.best, length(d.names) AS name_length,"
          + " CASE d.kind WHEN 'POINT' THEN 0 ELSE 1 END AS kind_order,"
          + " coalesce(floor(extract(epoch FROM a.starts_at))::bigint, 0) AS start_key,"
          + " CASE d.kind WHEN 'POINT' THEN length(d.names) ELSE 0 END AS length_key"
          + " FROM search_doc d"
          + " LEFT JOIN activity a ON d.kind = 'ACTIVITY' AND a.id = d.ref_id,"
          + " LATERAL (SELECT sum(m.tier)::int AS score, max(m.tier) AS best"
          + "   FROM unnest(string_to_array(lower($1), ' ')) AS w (word),"
          + "   LATERAL (SELECT CASE"
          + "     WHEN strpos(E'\\n' || d.names || E'\\n', E'\\n' || w.word || E'\\n') > 0 THEN 100"
          + "     WHEN strpos(E'\\n' || d.names, E'\\n' || w.word) > 0 THEN 80"
          + "     WHEN strpos(d.names, w.word) > 0 THEN 60"
          + "     WHEN $2 AND strpos(' ' || d.pinyin, ' ' || w.word) > 0 THEN 50"
          + "     WHEN $2 AND strpos(d.pinyin, w.word) > 0 THEN 40"
          + "     WHEN strpos(d.themes, w.word) > 0 THEN 30"
          + "     WHEN strpos(d.places, w.word) > 0 THEN 20"
          + "     WHEN strpos(d.descriptions, w.word) > 0 THEN 10"
          + "     ELSE -1000000 END AS tier) AS m) AS s"
          + " WHERE d.grams @> search_query_grams($1) AND d.visible_until > now()";

  private static final String PAGE =
      ") hits WHERE score > 0"
          + " AND (-score, kind_order, start_key, length_key, ref_id) > ($3, $4, $5, $6, $7)"
          + " ORDER BY score DESC, kind_order, start_key, length_key, ref_id"
          + " LIMIT $8";

  static final String SEARCH_SQL = "SELECT * FROM (" + MATCHES + PAGE;

  private static final String COUNT_SQL =
      "SELECT count(*) FROM (" + MATCHES + ") hits WHERE score > 0";

  /**
   * The statement of a search kept to {@code place}: the same as without, plus the place's
   * conditions on the document's own columns, which its GiST indexes serve (search_doc_earth_gist,
   * search_doc_path_gist) so that PostgreSQL can AND them with the gram index in one bitmap, or
   * start from the circle: the cost follows the matches in the place, not all matches. The circle
   * is nearby search's: the earth box finds the candidates, the haversine distance decides.
   *
   * <p>The planner cannot tell how many documents a circle holds (cube's {@code @>} is estimated at
   * 0.1% of the table whatever the box), so it ANDs the circle with the words nearly always. The
   * place's bitmap then costs about 0.25 µs a document in the box: in a dense district a rare word
   * answers slower within 3 km than everywhere (剪纸 体验 on the demo plus 100,000 activities: 38,000
   * documents in the box, 10 ms to read them from the GiST index, against 0.6 ms for its 622
   * matches in the gram index). A common word, or a country's worth of documents, is what it is
   * for.
   */
  static String searchSql(SearchPlace place) {
    return place.isEverywhere()
        ? SEARCH_SQL
        : "SELECT * FROM (" + MATCHES + conditions(place, 9) + PAGE;
  }

  static String countSql(SearchPlace place) {
    return place.isEverywhere()
        ? COUNT_SQL
        : "SELECT count(*) FROM (" + MATCHES + conditions(place, 3) + ") hits WHERE score > 0";
  }

  /** The place's conditions, numbering its parameters from {@code n} (see {@link #placeArgs}). */
  private static String conditions(SearchPlace place, int n) {
    StringBuilder where = new StringBuilder();
    if (place.circle() != null) {
      where.append(
          (" AND earth_box(ll_to_earth($%1$d, $%2$d), $%4$d) @> d.earth"
                  + " AND great_circle_m($%1$d, $%2$d, d.lat, d.lng) <= $%3$d")
              .formatted(n, n + 1, n + 2, n + 3));
      n += 4;
    }
    if (place.path() != null) {
      where.append(" AND d.path <@ $").append(n).append("::ltree");
    }
    return where.toString();
  }

  /** Adds the place's parameters, in the order {@link #conditions} numbers them. */
  static Tuple placeArgs(Tuple args, SearchPlace place) {
    if (place.circle() != null) {
      args.addValue(place.circle().lat())
          .addValue(place.circle().lng())
          .addValue(place.circle().radiusMeters())
          .addValue(place.circle().boxRadius());
    }
    if (place.path() != null) {
      args.addValue(place.path());
    }
    return args;
  }

  private final Sql sql;

  SearchRepository(Sql sql) {
    this.sql = sql;
  }

  Future<List<SearchHit>> search(
      String text, boolean pinyin, SearchPlace place, SearchHit.Key after, int limit) {
    Tuple args =
        Tuple.of(text, pinyin, after.negScore(), after.kindOrder(), after.startKey())
            .addValue(after.lengthKey())
            .addValue(after.refId())
            .addValue(limit);
    return sql.query(searchSql(place), placeArgs(args, place))
        .map(
            rows -> {
              List<SearchHit> hits = new ArrayList<>(rows.size());
              for (Row row : rows) {
                hits.add(
                    new SearchHit(
                        row.getString("kind"),
                        row.getLong("ref_id"),
                        row.getInteger("score"),
                        field(row.getInteger("best")),
                        row.getLong("start_key"),
                        row.getInteger("length_key")));
              }
              return hits;
            });
  }

  Future<Integer> count(String text, boolean pinyin, SearchPlace place) {
    return sql.query(countSql(place), placeArgs(Tuple.of(text, pinyin), place))
        .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  private static String field(int tier) {
    if (tier >= 60) {
      return "NAME";
    }
    if (tier >= 40) {
      return "PINYIN";
    }
    if (tier >= 30) {
      return "THEME";
    }
    return tier >= 20 ? "PLACE" : "DESCRIPTION";
  }
}
