package org.practicemap.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** Creating, changing and cancelling activities: scope both ways, bad input, bookings on cancel. */
class ActivityMutationsTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String admin, northManager, northStaff;
  static final OffsetDateTime START =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0);

  static final String CREATE =
      "mutation($input: CreateActivityInput!) { createActivity(input: $input) {"
          + " activity { id title(lang: EN) category capacity seatsLeft version point { id } theme { code } } } }";
  static final String UPDATE =
      "mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) {"
          + " activity { id title capacity startsAt endsAt version point { id } theme { code } } } }";
  static final String CANCEL =
      "mutation($id: ID!, $reason: String!) { cancelActivity(id: $id, reason: $reason) {"
          + " cancelledBookings activity { status cancelReason seatsLeft bookable } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    admin = data.token("ADMIN", null);
    northManager = data.token("MANAGER", net.north());
    northStaff = data.token("STAFF", net.north());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static Map<String, Object> input(long pointId) {
    Map<String, Object> input = new HashMap<>();
    input.put("pointId", Ids.point(pointId));
    input.put("title", Map.of("zh", "剪纸课", "en", "Paper cutting"));
    input.put("category", "CLASS");
    input.put("themeCode", "A_THEME");
    input.put("startsAt", START.toString());
    input.put("endsAt", START.plusHours(2).toString());
    input.put("capacity", 30);
    return input;
  }

  static JsonObject run(String query, Map<String, Object> vars, String token) {
    return server.graphql(query, vars, token);
  }

  long activity(long pointId, Integer capacity) {
    return data.activity(pointId, "A_THEME", "CLASS", START, START.plusHours(2), capacity);
  }

  @Test
  void aManagerCreatesAnActivityInsideTheirSubtree() {
    JsonObject activity =
        server
            .data(CREATE, Map.of("input", input(net.northStation())), northManager)
            .getJsonObject("createActivity")
            .getJsonObject("activity");
    assertEquals("Paper cutting", activity.getString("title"));
    assertEquals(30, activity.getInteger("seatsLeft"));
    assertEquals(1, activity.getInteger("version"));
    assertEquals("A_THEME", activity.getJsonObject("theme").getString("code"));
    assertEquals(
        "剪纸课",
        data.queryString(
            "SELECT after->>'title_zh' FROM audit_log WHERE action = 'createActivity' AND target_id = ?",
            activity.getString("id")));
  }

  @Test
  void creatingIsForbiddenOutsideTheSubtreeAndNeedsAManagerToken() {
    long before = data.queryLong("SELECT count(*) FROM activity");
    Errors.single(
        run(CREATE, Map.of("input", input(net.southStation())), northManager), "FORBIDDEN");
    Errors.single(run(CREATE, Map.of("input", input(net.northStation())), northStaff), "FORBIDDEN");
    Errors.single(run(CREATE, Map.of("input", input(net.northStation())), null), "UNAUTHENTICATED");
    assertEquals(before, data.queryLong("SELECT count(*) FROM activity"));
    server.data(CREATE, Map.of("input", input(net.southStation())), admin);
  }

  @Test
  void badInputNamesTheField() {
    assertField(with("endsAt", START.minusHours(1).toString()), "input.endsAt");
    assertField(with("endsAt", START.plusDays(400).toString()), "input.endsAt");
    assertField(
        with("startsAt", START.minusDays(10).toString())
            .put("endsAt", START.minusDays(9).toString()),
        "input.endsAt");
    assertField(with("capacity", 0), "input.capacity");
    assertField(with("capacity", 100_001), "input.capacity");
    assertField(with("themeCode", "NO_SUCH"), "input.themeCode");
    assertField(with("title", Map.of("zh", "")), "input.title.zh");
    assertField(with("title", Map.of("zh", "好", "en", "x".repeat(201))), "input.title.en");
    assertField(with("pointId", Ids.point(999999)), "input.pointId");
    assertField(with("pointId", "not-an-id"), "input.pointId");
    assertField(with("pointId", Ids.activity(1)), "input.pointId");
  }

  private static JsonObject with(String key, Object value) {
    JsonObject input = new JsonObject(input(net.northStation()));
    return input.put(key, value);
  }

  private static void assertField(JsonObject input, String field) {
    JsonObject error = Errors.single(run(CREATE, Map.of("input", input), admin), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }

  @Test
  void aManagerUpdatesAnActivityAndTheVersionGuardsAgainstStaleEdits() {
    long id = activity(net.northStation(), 20);
    JsonObject updated =
        server
            .data(
                UPDATE,
                Map.of(
                    "id", Ids.activity(id),
                    "input",
                        Map.of("title", Map.of("zh", "新标题"), "capacity", 25, "expectedVersion", 1)),
                northManager)
            .getJsonObject("updateActivity")
            .getJsonObject("activity");
    assertEquals("新标题", updated.getString("title"));
    assertEquals(25, updated.getInteger("capacity"));
    assertEquals(2, updated.getInteger("version"));
    JsonObject stale =
        Errors.single(
            run(
                UPDATE,
                Map.of(
                    "id", Ids.activity(id), "input", Map.of("capacity", 40, "expectedVersion", 1)),
                northManager),
            "CONFLICT");
    assertEquals("input.expectedVersion", stale.getJsonObject("extensions").getString("field"));
    assertEquals(25, data.queryLong("SELECT capacity FROM activity WHERE id = ?", id));
    assertEquals(
        "活动CLASS",
        data.queryString(
            "SELECT before->>'title_zh' FROM audit_log WHERE action = 'updateActivity' AND target_id = ?",
            Ids.activity(id)));
  }

  @Test
  void updatesAreScopedOnBothTheOldAndTheNewPoint() {
    long north = activity(net.northStation(), 20);
    long south = activity(net.southStation(), 20);
    Errors.single(
        run(
            UPDATE,
            Map.of("id", Ids.activity(south), "input", Map.of("capacity", 5)),
            northManager),
        "FORBIDDEN");
    Errors.single(
        run(
            UPDATE,
            Map.of(
                "id",
                Ids.activity(north),
                "input",
                Map.of("pointId", Ids.point(net.southStation()))),
            northManager),
        "FORBIDDEN");
    assertEquals(
        net.northStation(), data.queryLong("SELECT point_id FROM activity WHERE id = ?", north));
    JsonObject moved =
        server
            .data(
                UPDATE,
                Map.of(
                    "id", Ids.activity(north), "input", Map.of("pointId", Ids.point(net.north()))),
                northManager)
            .getJsonObject("updateActivity")
            .getJsonObject("activity");
    assertEquals(Ids.point(net.north()), moved.getJsonObject("point").getString("id"));
  }

  @Test
  void badUpdatesAreRefused() {
    long id = activity(net.northStation(), 10);
    book(id, "CONFIRMED", 3, "13900000001");
    data.update("UPDATE activity SET seats_taken = 3 WHERE id = ?", id);
    assertUpdateField(id, Map.of("capacity", 2), "input.capacity");
    Map<String, Object> open = new HashMap<>();
    open.put("capacity", null);
    assertUpdateField(id, open, "input.capacity");
    assertUpdateField(id, Map.of("endsAt", START.minusHours(1).toString()), "input.endsAt");
    Map<String, Object> noTitle = new HashMap<>();
    noTitle.put("title", null);
    assertUpdateField(id, noTitle, "input.title");
    Errors.single(
        run(UPDATE, Map.of("id", Ids.activity(999999), "input", Map.of()), admin), "NOT_FOUND");
  }

  private static void assertUpdateField(long id, Map<String, Object> input, String field) {
    JsonObject error =
        Errors.single(
            run(UPDATE, Map.of("id", Ids.activity(id), "input", input), admin), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }

  @Test
  void cancellingCancelsTheBookingsAndFreesTheSeatsInOneGo() {
    long id = activity(net.northStation(), 10);
    book(id, "CONFIRMED", 2, "13900000011");
    book(id, "CONFIRMED", 1, "13900000012");
    book(id, "WAITLISTED", 1, "13900000013");
    book(id, "CHECKED_IN", 1, "13900000014");
    data.update("UPDATE activity SET seats_taken = 4 WHERE id = ?", id);
    JsonObject result =
        server
            .data(CANCEL, Map.of("id", Ids.activity(id), "reason", "暴雪 / Snowstorm"), northManager)
            .getJsonObject("cancelActivity");
    assertEquals(3, result.getInteger("cancelledBookings"));
    assertEquals("CANCELLED", result.getJsonObject("activity").getString("status"));
    assertEquals("暴雪 / Snowstorm", result.getJsonObject("activity").getString("cancelReason"));
    assertFalse(result.getJsonObject("activity").getBoolean("bookable"));
    assertEquals(1, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", id));
    assertEquals(
        3,
        data.queryLong(
            "SELECT count(*) FROM booking WHERE activity_id = ? AND status = 'CANCELLED'", id));
    String audit =
        data.queryString(
            "SELECT after::text FROM audit_log WHERE action = 'cancelActivity' AND target_id = ?",
            Ids.activity(id));
    assertTrue(audit.contains("\"cancelledBookings\": 3"), audit);
    assertFalse(audit.contains("1390000001"), "no phone number in the audit log: " + audit);
    Errors.single(
        run(CANCEL, Map.of("id", Ids.activity(id), "reason", "again"), admin), "CONFLICT");
    Errors.single(
        run(UPDATE, Map.of("id", Ids.activity(id), "input", Map.of("capacity", 12)), admin),
        "CONFLICT");
  }

  @Test
  void raisingTheCapacityConfirmsThoseWaitingFirstComeFirstServed() {
    long id = activity(net.northStation(), 2);
    data.update("UPDATE activity SET has_waitlist = true, seats_taken = 2 WHERE id = ?", id);
    book(id, "CONFIRMED", 2, "13900000021");
    book(id, "WAITLISTED", 3, "13900000022");
    book(id, "WAITLISTED", 1, "13900000023");
    book(id, "WAITLISTED", 2, "13900000024");
    String seats =
        "mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input)"
            + " { activity { capacity seatsLeft } } }";

    // Two more chairs: the party of three still does not fit; the party of one behind it does.
    JsonObject twoMore =
        server
            .data(
                seats, Map.of("id", Ids.activity(id), "input", Map.of("capacity", 4)), northManager)
            .getJsonObject("updateActivity")
            .getJsonObject("activity");
    assertEquals(1, twoMore.getInteger("seatsLeft"));
    assertEquals("WAITLISTED", statusOf(id, "13900000022"));
    assertEquals("CONFIRMED", statusOf(id, "13900000023"));
    assertEquals("WAITLISTED", statusOf(id, "13900000024"));
    assertEquals(3, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", id));

    // Two more again (3 free): the party of three, first in line, goes before the party of two.
    server.data(seats, Map.of("id", Ids.activity(id), "input", Map.of("capacity", 6)), admin);
    assertEquals("CONFIRMED", statusOf(id, "13900000022"));
    assertEquals("WAITLISTED", statusOf(id, "13900000024"));
    assertEquals(6, data.queryLong("SELECT seats_taken FROM activity WHERE id = ?", id));
    String audit =
        data.queryString(
            "SELECT after::text FROM audit_log WHERE action = 'updateActivity' AND target_id = ?"
                + " ORDER BY id LIMIT 1",
            Ids.activity(id));
    assertTrue(audit.contains("\"promotedBookings\": 1"), audit);
  }

  static String statusOf(long activityId, String phone) {
    return data.queryString(
        "SELECT status FROM booking WHERE activity_id = ? AND phone = ?", activityId, phone);
  }

  @Test
  void cancellingIsScopedAndChecked() {
    long south = activity(net.southStation(), 10);
    Errors.single(
        run(CANCEL, Map.of("id", Ids.activity(south), "reason", "x"), northManager), "FORBIDDEN");
    Errors.single(
        run(CANCEL, Map.of("id", Ids.activity(south), "reason", "x"), null), "UNAUTHENTICATED");
    JsonObject blank =
        Errors.single(
            run(CANCEL, Map.of("id", Ids.activity(south), "reason", "  "), admin),
            "BAD_USER_INPUT");
    assertEquals("reason", blank.getJsonObject("extensions").getString("field"));
    long over =
        data.activity(
            net.southStation(), null, "CLASS", START.minusDays(5), START.minusDays(4), 10);
    Errors.single(
        run(CANCEL, Map.of("id", Ids.activity(over), "reason", "late"), admin), "CONFLICT");
    assertEquals(
        0,
        data.queryLong(
            "SELECT count(*) FROM activity WHERE id = ? AND cancelled_at IS NOT NULL", south));
  }

  static void book(long activityId, String status, int party, String phone) {
    data.update(
        "INSERT INTO booking (code, activity_id, status, party_size, name, phone)"
            + " VALUES (md5(random()::text), ?, ?, ?, '测试人', ?)",
        activityId,
        status,
        party,
        phone);
  }
}
