package org.practicemap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** The audit log: who changed what, before and after, newest first, for ADMIN only. */
class AuditLogQueryTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String admin, manager;

  static final String LOG =
      "query($f: AuditLogFilter, $after: String) { auditLog(filter: $f, first: 2, after: $after) {"
          + " totalCount pageInfo { hasNextPage endCursor }"
          + " edges { node { id at actor actorLabel role action targetType targetId before after } } } }";
  static final String RENAME =
      "mutation($id: ID!, $zh: String!) { updatePoint(id: $id, input: {name: {zh: $zh}}) { point { id } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    admin = data.token("ADMIN", null);
    manager = data.token("MANAGER", net.north());
    for (String name : new String[] {"一", "二", "三"}) {
      server.data(RENAME, Map.of("id", Ids.point(net.northStation()), "zh", name), manager);
    }
    server.data(RENAME, Map.of("id", Ids.point(net.museum()), "zh", "博物馆"), admin);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void anAdminReadsWhoChangedWhatNewestFirst() {
    JsonObject log =
        server
            .data(LOG, Map.of("f", Map.of("targetId", Ids.point(net.northStation()))), admin)
            .getJsonObject("auditLog");
    assertEquals(3, log.getInteger("totalCount"));
    JsonObject newest = log.getJsonArray("edges").getJsonObject(0).getJsonObject("node");
    assertEquals("updatePoint", newest.getString("action"));
    assertEquals("MANAGER", newest.getString("role"));
    assertEquals("test", newest.getString("actorLabel"));
    assertTrue(newest.getString("actor").startsWith("token:"));
    assertEquals("Point", newest.getString("targetType"));
    assertEquals("二", newest.getJsonObject("before").getString("name_zh"));
    assertEquals("三", newest.getJsonObject("after").getString("name_zh"));
    assertTrue(newest.getString("at").matches("\\d{4}-.*\\+08:00"), newest.getString("at"));
    JsonArray rest =
        server
            .data(
                LOG,
                Map.of(
                    "f", Map.of("targetId", Ids.point(net.northStation())),
                    "after", log.getJsonObject("pageInfo").getString("endCursor")),
                admin)
            .getJsonObject("auditLog")
            .getJsonArray("edges");
    assertEquals(1, rest.size());
    assertEquals(
        "一",
        rest.getJsonObject(0).getJsonObject("node").getJsonObject("after").getString("name_zh"));
  }

  @Test
  void filtersCombine() {
    String managerActor =
        server
            .data(LOG, Map.of("f", Map.of("targetId", Ids.point(net.northStation()))), admin)
            .getJsonObject("auditLog")
            .getJsonArray("edges")
            .getJsonObject(0)
            .getJsonObject("node")
            .getString("actor");
    assertEquals(
        3,
        server
            .data(LOG, Map.of("f", Map.of("actor", managerActor, "action", "updatePoint")), admin)
            .getJsonObject("auditLog")
            .getInteger("totalCount"));
    assertEquals(
        0,
        server
            .data(LOG, Map.of("f", Map.of("targetType", "Activity")), admin)
            .getJsonObject("auditLog")
            .getInteger("totalCount"));
    JsonObject empty =
        Errors.single(
            server.graphql(
                LOG,
                Map.of(
                    "f",
                    Map.of("from", "2026-01-02T00:00:00+08:00", "to", "2026-01-01T00:00:00+08:00")),
                admin),
            "BAD_USER_INPUT");
    assertEquals("filter.to", empty.getJsonObject("extensions").getString("field"));
  }

  @Test
  void onlyAnAdminReadsTheLog() {
    Errors.single(server.graphql(LOG, Map.of(), manager), "FORBIDDEN");
    Errors.single(server.graphql(LOG, Map.of(), null), "UNAUTHENTICATED");
    Errors.single(server.graphql(LOG, Map.of("after", "bogus"), admin), "BAD_USER_INPUT");
  }
}
