package org.practicemap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.common.Coordinates;
import org.practicemap.db.Sql;
import org.practicemap.nearby.Circle;
import org.practicemap.testing.QueryPlans;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * 100,000 search documents over China (half spread out, half around ten cities), under a hundred
 * institutes, where one word is in every other document: kept to a circle or a subtree, search must
 * reach the documents through the place's index (alone, or ANDed with the gram index in one
 * bitmap), never by scanning the table or by reading every match of the word, and count exactly
 * what a scan counts.
 */
class SearchAtScaleTest {
  static final int DOCUMENTS = 100_000;
  static TestServer server;
  static Sql sql;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    sql = server.server().app().sql();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.queryString("SELECT setseed(0.7)::text");
      // Documents written directly: the texts and the place are what the statements read, and the
      // triggers would take minutes for this many rows.
      data.update(
          "INSERT INTO search_doc (kind, ref_id, names, places, descriptions, themes, pinyin,"
              + " grams, visible_until, lat, lng, path)"
              + " SELECT 'POINT', g, x.names, '', '', '', '', search_grams(x.names), 'infinity',"
              + "  CASE WHEN g % 2 = 0 THEN 18 + random() * 35"
              + "       ELSE 43.62 + ((g / 2) % 10) * 0.5 + (random() - 0.5) * 0.4 END,"
              + "  CASE WHEN g % 2 = 0 THEN 73 + random() * 62"
              + "       ELSE 122.26 - ((g / 2) % 10) * 1.5 + (random() - 0.5) * 0.5 END,"
              + "  ('1.' || (1000000 + g % 100) || '.' || g)::ltree"
              + " FROM generate_series(1, ?) AS g,"
              + " LATERAL (SELECT CASE WHEN g % 2 = 1 THEN '文化站' || (g % 7) ELSE '卫生室' || (g % 7)"
              + "   END || CASE WHEN g % 1000 = 0 THEN '马头琴' ELSE '' END AS names) x",
          DOCUMENTS);
      data.update("ANALYZE search_doc");
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static SearchPlace near(double radius) {
    return new SearchPlace(new Circle(new Coordinates(43.62, 122.26), radius), null);
  }

  static final SearchPlace SUBTREE = new SearchPlace(null, "1.1000007");

  @Test
  void aCommonWordInAPlaceIsReadThroughThePlacesIndex() {
    for (String text : List.of("文化站", "文化", "马头琴")) {
      for (SearchPlace place :
          List.of(
              near(1_000),
              near(5_000),
              SUBTREE,
              new SearchPlace(near(3_000).circle(), "1.1000007"))) {
        List<String> scans =
            QueryPlans.nodes(sql, SearchRepository.countSql(place), countArgs(text, place));
        String all = String.join("\n", scans);
        assertFalse(scans.contains("Seq Scan on search_doc"), all);
        boolean placeIndex =
            scans.stream()
                .anyMatch(
                    s -> s.contains("search_doc_earth_gist") || s.contains("search_doc_path_gist"));
        boolean gramsIndex = scans.stream().anyMatch(s -> s.contains("search_doc_grams_gin"));
        // A rare word may well start from its few matches; a common one must not.
        assertTrue(placeIndex || (gramsIndex && text.equals("马头琴")), text + " " + place + all);
        List<String> page =
            QueryPlans.nodes(
                sql,
                SearchRepository.searchSql(place),
                SearchRepository.placeArgs(
                    Tuple.of(text, true, Integer.MIN_VALUE, 0L, Long.MIN_VALUE)
                        .addValue(0L)
                        .addValue(0L)
                        .addValue(21),
                    place));
        assertFalse(page.contains("Seq Scan on search_doc"), page.toString());
      }
    }
  }

  @Test
  void countsAreWhatAScanCounts() {
    for (SearchPlace place : List.of(near(5_000), near(50_000), SUBTREE)) {
      long counted =
          sql.query(SearchRepository.countSql(place), countArgs("文化站", place))
              .await()
              .iterator()
              .next()
              .getLong(0);
      String where =
          place.circle() != null
              ? "great_circle_m(43.62, 122.26, lat, lng) <= " + place.circle().radiusMeters()
              : "path <@ '" + place.path() + "'";
      long scanned =
          sql.query("SELECT count(*) FROM search_doc WHERE strpos(names, '文化站') > 0 AND " + where)
              .await()
              .iterator()
              .next()
              .getLong(0);
      assertTrue(scanned > 0, place.toString());
      assertEquals(scanned, counted, place.toString());
    }
  }

  private static Tuple countArgs(String text, SearchPlace place) {
    return SearchRepository.placeArgs(Tuple.of(text, true), place);
  }
}
