package org.practicemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.Failures;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;
import org.slf4j.LoggerFactory;

/**
 * Names and phone numbers never reach the log: the log output is captured while bookings-like data
 * goes through mutations, refused input, broken requests and errors, and then searched.
 */
class PersonalDataLoggingTest {
  static final String NAME = "王秀英";
  static final String PHONE = "13912345678";

  static final List<String> lines = new CopyOnWriteArrayList<>();
  static final AppenderBase<ILoggingEvent> capture =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          String thrown =
              event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy());
          lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown);
        }
      };

  static TestServer server;
  static TestData data;
  static Network net;
  static String manager;

  @BeforeAll
  static void start() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    manager = data.token("MANAGER", net.north());
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(capture);
    data.close();
    server.close();
  }

  static void assertNothingPersonalLogged() {
    assertFalse(lines.isEmpty(), "the capture works: the server logs its start at least");
    for (String line : lines) {
      assertFalse(line.contains(PHONE) || line.contains(NAME), "personal data in the log: " + line);
    }
  }

  @Test
  void cancellingAnActivityWithBookingsLogsNoNameOrPhone() {
    OffsetDateTime start = OffsetDateTime.now().plusDays(2);
    long activity = data.activity(net.northStation(), null, "CLASS", start, start.plusHours(1), 10);
    data.update(
        "INSERT INTO booking (code, activity_id, status, party_size, name, phone)"
            + " VALUES ('T-1', ?, 'CONFIRMED', 1, ?, ?)",
        activity,
        NAME,
        PHONE);
    server.data(
        "mutation($id: ID!) { cancelActivity(id: $id, reason: \"停电\") { cancelledBookings } }",
        Map.of("id", Ids.activity(activity)),
        manager);
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM audit_log WHERE before::text LIKE ? OR after::text LIKE ?",
            "%" + PHONE + "%",
            "%" + PHONE + "%"));
    assertNothingPersonalLogged();
  }

  @Test
  void refusedAndBrokenRequestsCarryingPersonalDataLogNothingOfIt() {
    String create =
        "mutation($input: CreatePointInput!) { createPoint(input: $input) { point { id } } }";
    Map<String, Object> input =
        Map.of(
            "parentId", Ids.point(net.north()),
            "level", "STATION",
            "name", Map.of("zh", NAME + " " + PHONE),
            "coordinates", Map.of("lat", 200, "lng", 0),
            "phone", PHONE);
    Errors.single(server.graphql(create, Map.of("input", input), manager), "BAD_USER_INPUT");
    Errors.single(
        server.graphql(create, Map.of("input", Map.of("name", PHONE)), manager), "BAD_USER_INPUT");
    JsonObject nul =
        server.graphql(
            "mutation($id: ID!, $r: String!) { cancelActivity(id: $id, reason: $r) { cancelledBookings } }",
            Map.of("id", Ids.activity(999999), "r", NAME + "\u0000" + PHONE),
            manager);
    assertTrue(nul.containsKey("errors"));
    assertEquals(401, server.post("{ viewer { role } }", Map.of(), PHONE).statusCode());
    server.send(
        HttpRequest.newBuilder(URI.create(server.url("/graphql")))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + NAME + PHONE)));
    server.get("/graphql?query=" + PHONE + "&variables=" + NAME);
    assertNothingPersonalLogged();
  }

  @Test
  void unexpectedFailuresAreLoggedWithoutTheirMessages() {
    var failure =
        new IllegalStateException("value " + PHONE, new IllegalArgumentException("name " + NAME));
    String described = Failures.describe(failure);
    assertTrue(described.contains("IllegalStateException"), described);
    assertTrue(described.contains("caused by java.lang.IllegalArgumentException"), described);
    assertTrue(described.contains("\tat org.practicemap"), described);
    assertFalse(described.contains(PHONE) || described.contains(NAME), described);
  }
}
