package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/**
 * bookActivity and cancelBooking sent with a token are audited like every other mutation by a
 * non-public caller, without the name or number; without a token they are not.
 */
class BookingAuditTest {
  static TestServer server;
  static TestData data;
  static Network net;

  @BeforeAll
  static void start() {
    server = Bookings.serverWithoutLimits();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  /** Every audit row of this booking, as the JSON text of the whole row. */
  private static String auditRows(String action, String code) {
    return data.queryString(
        "SELECT coalesce(json_agg(l)::text, '') FROM audit_log l WHERE l.action = ?"
            + " AND (l.after ->> 'code' = ? OR l.before ->> 'code' = ?)",
        action,
        code,
        code);
  }

  private static long count(String action, String code) {
    return data.queryLong(
        "SELECT count(*) FROM audit_log WHERE action = ? AND after ->> 'code' = ?", action, code);
  }

  @Test
  void aBookingAndItsCancellationWithATokenAreAuditedWithoutNameOrNumber() {
    long activity = Bookings.activity(data, net, 1, true);
    String staff = data.token("STAFF", net.north());
    String phone = "13712345678";
    JsonObject booked =
        Bookings.graphqlAs(
            server, staff, Bookings.BOOK, Map.of("input", Bookings.input(activity, phone, 1)));
    assertNull(booked.getValue("errors"), booked::encode);
    String code =
        booked
            .getJsonObject("data")
            .getJsonObject("bookActivity")
            .getJsonObject("booking")
            .getString("code");
    assertEquals(1, count("bookActivity", code));
    JsonObject entry =
        new JsonObject(
            data.queryString(
                "SELECT json_build_object('actor', actor, 'role', role, 'targetType', target_type,"
                    + " 'before', before, 'after', after)::text FROM audit_log"
                    + " WHERE action = 'bookActivity' AND after ->> 'code' = ?",
                code));
    assertEquals("STAFF", entry.getString("role"));
    assertEquals("Booking", entry.getString("targetType"));
    assertNull(entry.getValue("before"));
    assertEquals(
        new JsonObject()
            .put("code", code)
            .put("status", "CONFIRMED")
            .put("partySize", 1)
            .put("activityId", activity)
            .put("source", "web"),
        entry.getJsonObject("after"));

    JsonObject cancelled = Bookings.graphqlAs(server, staff, Bookings.CANCEL, Map.of("code", code));
    assertNull(cancelled.getValue("errors"), cancelled::encode);
    assertEquals(1, count("cancelBooking", code));
    // cancelling again changes nothing and records nothing
    Bookings.graphqlAs(server, staff, Bookings.CANCEL, Map.of("code", code));
    assertEquals(1, count("cancelBooking", code));

    String rows = auditRows("bookActivity", code) + auditRows("cancelBooking", code);
    assertFalse(rows.isEmpty());
    assertFalse(rows.contains(phone), rows);
    assertFalse(rows.contains("12345678"), rows);
    assertFalse(rows.contains("小明"), rows);
  }

  @Test
  void aRetryWithTheSameKeyIsNotAuditedTwice() {
    long activity = Bookings.activity(data, net, 3, false);
    String admin = data.token("ADMIN", null);
    Map<String, Object> input = Bookings.input(activity, "13712340001", 2);
    Bookings.graphqlAs(server, admin, Bookings.BOOK, Map.of("input", input));
    JsonObject again = Bookings.graphqlAs(server, admin, Bookings.BOOK, Map.of("input", input));
    JsonObject payload = again.getJsonObject("data").getJsonObject("bookActivity");
    assertEquals(true, payload.getBoolean("replayed"));
    assertEquals(1, count("bookActivity", payload.getJsonObject("booking").getString("code")));
  }

  @Test
  void withoutATokenNothingIsAudited() {
    long activity = Bookings.activity(data, net, 3, true);
    String code =
        Bookings.booked(server, activity, "13712349999", 1)
            .getJsonObject("booking")
            .getString("code");
    JsonObject cancelled = Bookings.cancel(server, code);
    assertNull(cancelled.getValue("errors"), cancelled::encode);
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM audit_log WHERE after ->> 'code' = ? OR before ->> 'code' = ?",
            code,
            code));
  }

  /**
   * Requests that arrive together are decided in one batch (docs/BOOKINGS.md); the entries must
   * still match each booking to its own caller: exactly the bookings made with a token are audited.
   */
  @Test
  void aRushWithAndWithoutTokensAuditsExactlyTheBookingsMadeWithAToken() {
    long activity = Bookings.activity(data, net, 20, false);
    String staff = data.token("STAFF", net.northStation());
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(server.url("/graphql")))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      new JsonObject()
                          .put("query", Bookings.BOOK)
                          .put(
                              "variables",
                              Map.of(
                                  "input", Bookings.input(activity, Bookings.phone(5000 + i), 1)))
                          .encode()));
      if (i % 2 == 0) {
        request.header("Authorization", "Bearer " + staff);
      }
      calls.add(
          http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
              .thenApply(r -> new JsonObject(r.body())));
    }
    Set<String> withToken = new HashSet<>();
    int booked = 0;
    for (int i = 0; i < calls.size(); i++) {
      JsonObject answer = calls.get(i).join();
      if (answer.getValue("errors") != null) {
        continue;
      }
      booked++;
      String code =
          answer
              .getJsonObject("data")
              .getJsonObject("bookActivity")
              .getJsonObject("booking")
              .getString("code");
      if (i % 2 == 0) {
        withToken.add(code);
      }
    }
    assertEquals(20, booked);
    Set<String> audited =
        new HashSet<>(
            List.of(
                data.queryString(
                        "SELECT coalesce(string_agg(after ->> 'code', ','), '') FROM audit_log"
                            + " WHERE action = 'bookActivity' AND (after ->> 'activityId')::bigint = ?",
                        activity)
                    .split(",")));
    audited.remove("");
    assertEquals(withToken, audited);
  }
}
