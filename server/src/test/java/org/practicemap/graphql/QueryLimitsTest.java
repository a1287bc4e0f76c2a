package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/**
 * Depth, cost, aliases and tokens are limited before a query runs; every answer reports its cost.
 */
class QueryLimitsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of(
                "MAX_QUERY_DEPTH",
                "8",
                "MAX_QUERY_COST",
                "500",
                "MAX_QUERY_ALIASES",
                "3",
                "MAX_QUERY_TOKENS",
                "400",
                "DEMO_DATA",
                "false"));
    try (TestData data = new TestData(server.databaseUrl())) {
      Network.create(data);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject limit(JsonObject response, String limit) {
    JsonObject error = Errors.single(response, "BAD_USER_INPUT");
    assertEquals(limit, error.getJsonObject("extensions").getString("limit"), error.encode());
    assertFalse(
        response.containsKey("data") && response.getValue("data") != null, response.encode());
    return error;
  }

  @Test
  void everyAnswerReportsItsRequestedAndActualCost() {
    JsonObject response =
        server.graphql(
            "{ points(first: 10) { totalCount edges { node { name parent { name } } } } }");
    JsonObject cost = response.getJsonObject("extensions").getJsonObject("cost");
    // points 1 + totalCount 1 + edges 10 + node 10 + parent 10
    assertEquals(32, cost.getLong("requestedQueryCost"));
    // 6 points: the connection, 6 edges, 6 nodes and the 5 parents that exist
    assertEquals(18, cost.getLong("actualQueryCost"));
    assertEquals(500, cost.getInteger("maximumQueryCost"));
    JsonObject throttle = cost.getJsonObject("throttleStatus");
    assertEquals(600, throttle.getInteger("maximumAvailable"));
    assertTrue(throttle.getInteger("currentlyAvailable") < 600);
  }

  @Test
  void nestedPageSizesMultiply() {
    JsonObject error =
        limit(
            server.graphql(
                "{ points(first: 100) { edges { node { children(first: 100) { edges { node { name } } } } } } }"),
            "MAX_QUERY_COST");
    assertTrue(error.getString("message").contains("smaller pages"), error.getString("message"));
    assertEquals(500, error.getJsonObject("extensions").getInteger("maximum"));
  }

  @Test
  void aQueryTooDeepIsRefused() {
    String deep =
        "{ points(first: 1) { edges { node { parent { parent { parent { parent { parent { name } } } } } } } } }";
    JsonObject error = limit(server.graphql(deep), "MAX_QUERY_DEPTH");
    assertTrue(error.getString("message").contains("at most 8"), error.getString("message"));
  }

  @Test
  void tooManyAliasesAreRefused() {
    limit(
        server.graphql(
            "{ a: themes { code } b: themes { code } c: themes { code } d: themes { code } }"),
        "MAX_QUERY_ALIASES");
    assertFalse(
        server
            .graphql("{ a: themes { code } b: themes { code } c: themes { code } }")
            .containsKey("errors"));
  }

  @Test
  void aDocumentWithTooManyTokensIsRefusedBeforeItIsParsedWhole() {
    StringBuilder query = new StringBuilder("{ themes { ");
    for (int i = 0; i < 500; i++) {
      query.append("code ");
    }
    query.append("} }");
    JsonObject error = Errors.single(server.graphql(query.toString()), "BAD_USER_INPUT");
    assertTrue(error.getString("message").contains("400"), error.getString("message"));
  }

  @Test
  void fragmentsAreCountedAsTheyExpand() {
    String query =
        "query { points(first: 50) { ...P } } fragment P on PointConnection { edges { node { ...Q } } }"
            + " fragment Q on Point { children(first: 50) { edges { node { name } } } }";
    limit(server.graphql(query), "MAX_QUERY_COST");
  }

  @Test
  void introspectionStaysOnForThisPublicApi() {
    JsonObject response =
        server.graphql(
            "{ __schema { queryType { name } types { name fields { name type { name kind ofType { name"
                + " kind ofType { name kind } } } } } } }");
    assertFalse(response.containsKey("errors"), response.encode());
    assertEquals(
        "Query",
        response
            .getJsonObject("data")
            .getJsonObject("__schema")
            .getJsonObject("queryType")
            .getString("name"));
  }

  @Test
  void aDeniedQueryStillReportsItsCost() {
    JsonObject response =
        server.graphql(
            "{ points(first: 100) { edges { node { children(first: 100) { edges { node { id } } } } } } }");
    long requested =
        response.getJsonObject("extensions").getJsonObject("cost").getLong("requestedQueryCost");
    assertTrue(requested > 500, "the measure up to the limit is reported: " + requested);
    JsonObject error = limit(response, "MAX_QUERY_COST");
    assertEquals(requested, error.getJsonObject("extensions").getLong("value"));
    assertEquals("ExecutionAborted", error.getJsonObject("extensions").getString("classification"));
  }
}
