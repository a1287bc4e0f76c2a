package org.practicemap.points;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Weekly hours and exceptions: replaced whole, checked, scoped and audited. */
class OpeningHoursMutationsTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String northManager;

  static final String HOURS =
      "mutation($id: ID!, $hours: [OpeningHoursInput!]!) { setOpeningHours(pointId: $id, hours: $hours)"
          + " { point { openingHours { weekday opens closes } } } }";
  static final String EXCEPTION =
      "mutation($id: ID!, $input: OpeningExceptionInput!) { setOpeningException(pointId: $id,"
          + " input: $input) { point { openingExceptions(from: \"2026-10-01\", to: \"2026-10-31\")"
          + " { date closed opens closes note(lang: EN) } } } }";
  static final String REMOVE =
      "mutation($id: ID!, $date: Date!) { removeOpeningException(pointId: $id, date: $date)"
          + " { point { openingExceptions(from: \"2026-10-01\", to: \"2026-10-31\") { date } } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    northManager = data.token("MANAGER", net.north());
    data.hours(net.northStation(), 1, "09:00", "17:00");
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static Map<String, Object> period(int weekday, String opens, String closes) {
    return Map.of("weekday", weekday, "opens", opens, "closes", closes);
  }

  @Test
  void weeklyHoursAreReplacedWholeAndAudited() {
    List<Object> hours =
        List.of(period(2, "14:00:00", "18:00:00"), period(2, "08:30:00", "12:00:00"));
    JsonArray result =
        server
            .data(HOURS, Map.of("id", Ids.point(net.northStation()), "hours", hours), northManager)
            .getJsonObject("setOpeningHours")
            .getJsonObject("point")
            .getJsonArray("openingHours");
    assertEquals(2, result.size());
    assertEquals("08:30:00", result.getJsonObject(0).getString("opens"));
    assertEquals(
        1,
        data.queryLong(
            "SELECT jsonb_array_length(before->'openingHours') FROM audit_log"
                + " WHERE action = 'setOpeningHours' AND target_id = ?",
            Ids.point(net.northStation())));
  }

  @Test
  void badHoursNameTheirField() {
    assertField(List.of(period(8, "09:00:00", "10:00:00")), "hours[0].weekday");
    assertField(
        List.of(period(1, "09:00:00", "10:00:00"), period(1, "11:00:00", "10:00:00")),
        "hours[1].closes");
    assertField(
        List.of(period(3, "09:00:00", "12:00:00"), period(3, "11:00:00", "13:00:00")), "hours");
  }

  private static void assertField(List<Object> hours, String field) {
    JsonObject error =
        Errors.single(
            server.graphql(
                HOURS, Map.of("id", Ids.point(net.northStation()), "hours", hours), northManager),
            "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"));
  }

  @Test
  void hoursOutsideTheSubtreeAreForbidden() {
    Errors.single(
        server.graphql(
            HOURS, Map.of("id", Ids.point(net.southStation()), "hours", List.of()), northManager),
        "FORBIDDEN");
    Errors.single(
        server.graphql(
            HOURS, Map.of("id", Ids.point(net.northStation()), "hours", List.of()), null),
        "UNAUTHENTICATED");
  }

  @Test
  void anExceptionIsSetReplacedAndRemoved() {
    String id = Ids.point(net.north());
    Map<String, Object> holiday =
        Map.of(
            "date", "2026-10-01", "closed", true, "note", Map.of("zh", "国庆", "en", "National Day"));
    JsonArray days =
        server
            .data(EXCEPTION, Map.of("id", id, "input", holiday), northManager)
            .getJsonObject("setOpeningException")
            .getJsonObject("point")
            .getJsonArray("openingExceptions");
    assertEquals("National Day", days.getJsonObject(0).getString("note"));
    Map<String, Object> shortDay =
        Map.of("date", "2026-10-01", "closed", false, "opens", "10:00:00", "closes", "12:00:00");
    JsonObject replaced =
        server
            .data(EXCEPTION, Map.of("id", id, "input", shortDay), northManager)
            .getJsonObject("setOpeningException")
            .getJsonObject("point")
            .getJsonArray("openingExceptions")
            .getJsonObject(0);
    assertEquals(false, replaced.getBoolean("closed"));
    assertEquals("10:00:00", replaced.getString("opens"));
    assertEquals(
        0,
        server
            .data(REMOVE, Map.of("id", id, "date", "2026-10-01"), northManager)
            .getJsonObject("removeOpeningException")
            .getJsonObject("point")
            .getJsonArray("openingExceptions")
            .size());
    Errors.single(
        server.graphql(REMOVE, Map.of("id", id, "date", "2026-10-01"), northManager), "NOT_FOUND");
    assertEquals(
        3,
        data.queryLong(
            "SELECT count(*) FROM audit_log WHERE target_id = ? AND action LIKE '%Exception'", id));
  }

  @Test
  void badExceptionsNameTheirField() {
    assertExceptionField(
        Map.of("date", "2026-10-02", "closed", true, "opens", "09:00:00"), "input.opens");
    assertExceptionField(
        Map.of("date", "2026-10-02", "closed", false, "opens", "09:00:00"), "input.closes");
    assertExceptionField(
        Map.of("date", "2026-10-02", "closed", false, "opens", "12:00:00", "closes", "09:00:00"),
        "input.closes");
    Errors.single(
        server.graphql(
            EXCEPTION,
            Map.of(
                "id",
                Ids.point(net.south()),
                "input",
                Map.of("date", "2026-10-02", "closed", true)),
            northManager),
        "FORBIDDEN");
    assertEquals(
        0, data.queryLong("SELECT count(*) FROM opening_exception WHERE day = '2026-10-02'"));
    data.closedOn(net.south(), "2026-10-03");
    Map<String, Object> south = Map.of("id", Ids.point(net.south()), "date", "2026-10-03");
    Errors.single(server.graphql(REMOVE, south, northManager), "FORBIDDEN");
    Errors.single(server.graphql(REMOVE, south, null), "UNAUTHENTICATED");
    assertEquals(
        1, data.queryLong("SELECT count(*) FROM opening_exception WHERE day = '2026-10-03'"));
  }

  private static void assertExceptionField(Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(
            server.graphql(
                EXCEPTION, Map.of("id", Ids.point(net.north()), "input", input), northManager),
            "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"));
  }
}
