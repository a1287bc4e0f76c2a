package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Data fetchers batch through DataLoaders: no statement per row (no N+1). */
class BatchingTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1).theme("B_THEME", 2);
      long centre = data.point(null, "CENTER", "中心", 43.6, 122.2, true);
      OffsetDateTime start = OffsetDateTime.parse("2030-01-01T09:00:00+08:00");
      for (int i = 0; i < 20; i++) {
        long institute = data.point(centre, "INSTITUTE", "所" + i, 43.6, 122.2, false);
        for (int j = 0; j < 5; j++) {
          long station = data.point(institute, "STATION", "站" + i + "-" + j, 43.6, 122.2, false);
          data.activity(
              station,
              j % 2 == 0 ? "A_THEME" : "B_THEME",
              "CLASS",
              start.plusHours(i * 5 + j),
              start.plusHours(i * 5 + j + 1),
              10);
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void hundredActivitiesWithPointParentAndThemeTakeAFixedFewStatements() {
    long before = server.server().app().sql().statementCount();
    JsonObject page =
        server
            .data(
                "{ activities(first: 100) { totalCount edges { node { title theme { code name }"
                    + " point { name themes { code } parent { name parent { name } } } } } } }")
            .getJsonObject("activities");
    long statements = server.server().app().sql().statementCount() - before;
    assertEquals(100, page.getJsonArray("edges").size());
    // page + count + themes + points + point themes + parents + grandparents
    assertTrue(statements <= 7, "statements: " + statements);
  }

  @Test
  void theCountIsOnlyQueriedWhenSelected() {
    long before = server.server().app().sql().statementCount();
    server.data("{ activities(first: 5) { edges { node { id } } } }");
    assertEquals(1, server.server().app().sql().statementCount() - before);
  }
}
