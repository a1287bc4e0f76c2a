package org.practicemap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** The hourly sweep removes the documents of ended activities, in batches, and nothing else. */
class ExpiredDocumentSweepTest {

  @Test
  void documentsOfEndedActivitiesGoAndThoseOfPointsAndComingActivitiesStay() throws Exception {
    try (TestServer server = TestServer.empty();
        TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1);
      long hall = data.point(null, "CENTER", "邂逅非遗文化馆", 43.63, 122.27, true);
      OffsetDateTime soon = OffsetDateTime.now().plusDays(1);
      long coming = data.activity(hall, "A_THEME", "CLASS", soon, soon.plusHours(2), 20);
      int ended = ExpiredDocumentSweep.BATCH + 7; // more than one batch
      data.update(
          "INSERT INTO search_doc (kind, ref_id, names, places, descriptions, themes, pinyin,"
              + " grams, visible_until)"
              + " SELECT 'ACTIVITY', 1000000 + g, '非遗剪纸课', '', '', '', '', '{非遗}',"
              + " now() - interval '1 hour' FROM generate_series(1, ?) g",
          ended);

      int deleted =
          new ExpiredDocumentSweep(server.server().app().sql())
              .run()
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);

      assertEquals(ended, deleted);
      assertEquals(
          0, data.queryLong("SELECT count(*) FROM search_doc WHERE visible_until <= now()"));
      assertEquals(
          1,
          data.queryLong(
              "SELECT count(*) FROM search_doc WHERE kind = 'POINT' AND ref_id = ?", hall));
      assertEquals(
          1,
          data.queryLong(
              "SELECT count(*) FROM search_doc WHERE kind = 'ACTIVITY' AND ref_id = ?", coming));
    }
  }
}
