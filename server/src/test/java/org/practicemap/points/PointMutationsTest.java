package org.practicemap.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Creating, changing and moving points: inside the caller's subtree, outside it, bad input. */
class PointMutationsTest {
  static TestServer server;
  static TestData data;
  static Network net;
  static String admin, centreManager, northManager, northStaff;

  static final String CREATE =
      "mutation($input: CreatePointInput!) { createPoint(input: $input) {"
          + " point { id level name(lang: EN) phone parent { id } themes { code } } } }";
  static final String UPDATE =
      "mutation($id: ID!, $input: UpdatePointInput!) { updatePoint(id: $id, input: $input) {"
          + " point { id name phone description themes { code } coordinates { lat lng } } } }";
  static final String MOVE =
      "mutation($id: ID!, $parentId: ID!) { movePoint(id: $id, parentId: $parentId) {"
          + " movedPoints point { parent { id } ancestors { id } } } }";

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    data = new TestData(server.databaseUrl());
    net = Network.create(data);
    admin = data.token("ADMIN", null);
    centreManager = data.token("MANAGER", net.centre());
    northManager = data.token("MANAGER", net.north());
    northStaff = data.token("STAFF", net.north());
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  static JsonObject newStation(long parent) {
    return new JsonObject()
        .put("parentId", Ids.point(parent))
        .put("level", "STATION")
        .put("name", new JsonObject().put("zh", "新站").put("en", "New station"))
        .put("coordinates", new JsonObject().put("lat", 43.7).put("lng", 122.2))
        .put("phone", "0475-1234567")
        .put("themeCodes", new JsonArray().add("A_THEME"));
  }

  static JsonObject run(String query, Map<String, Object> vars, String token) {
    return server.graphql(query, vars, token);
  }

  @Test
  void aManagerCreatesAPointInsideTheirSubtreeAndItIsAudited() {
    JsonObject point =
        server
            .data(CREATE, Map.of("input", newStation(net.north())), northManager)
            .getJsonObject("createPoint")
            .getJsonObject("point");
    assertEquals("STATION", point.getString("level"));
    assertEquals("New station", point.getString("name"));
    assertEquals(Ids.point(net.north()), point.getJsonObject("parent").getString("id"));
    assertEquals("A_THEME", point.getJsonArray("themes").getJsonObject(0).getString("code"));
    long id = org.practicemap.graphql.GlobalId.decodeLong("id", "Point", point.getString("id"));
    assertEquals(
        net.centre() + "." + net.north() + "." + id,
        data.queryString("SELECT path::text FROM point WHERE id = ?", id));
    assertEquals(
        "新站",
        data.queryString(
            "SELECT after->>'name_zh' FROM audit_log WHERE action = 'createPoint'"
                + " AND target_id = ? AND before IS NULL AND role = 'MANAGER'",
            point.getString("id")));
  }

  @Test
  void creatingOutsideTheSubtreeIsForbiddenAndWritesNothing() {
    long before = data.queryLong("SELECT count(*) FROM point");
    Errors.single(run(CREATE, Map.of("input", newStation(net.south())), northManager), "FORBIDDEN");
    assertEquals(before, data.queryLong("SELECT count(*) FROM point"));
  }

  @Test
  void creatingNeedsAManagerToken() {
    Errors.single(run(CREATE, Map.of("input", newStation(net.north())), null), "UNAUTHENTICATED");
    Errors.single(run(CREATE, Map.of("input", newStation(net.north())), northStaff), "FORBIDDEN");
  }

  @Test
  void onlyAnAdminCreatesARootCentre() {
    JsonObject centre =
        newStation(net.north()).put("level", "CENTER").put("parentId", (Object) null);
    Errors.single(run(CREATE, Map.of("input", centre), centreManager), "FORBIDDEN");
    JsonObject created =
        server.data(CREATE, Map.of("input", centre), admin).getJsonObject("createPoint");
    assertNull(created.getJsonObject("point").getValue("parent"));
  }

  @Test
  void badInputNamesTheField() {
    assertField(newStation(net.centre()), "input.level");
    assertField(newStation(net.north()).put("level", "CENTER"), "input.level");
    assertField(
        newStation(net.north()).put("coordinates", new JsonObject().put("lat", 91).put("lng", 1)),
        "input.coordinates.lat");
    assertField(
        newStation(net.north()).put("coordinates", new JsonObject().put("lat", 1).put("lng", 181)),
        "input.coordinates.lng");
    assertField(
        newStation(net.north()).put("name", new JsonObject().put("zh", " ")), "input.name.zh");
    assertField(
        newStation(net.north()).put("name", new JsonObject().put("zh", "x".repeat(201))),
        "input.name.zh");
    assertField(
        newStation(net.north()).put("themeCodes", new JsonArray().add("NO_SUCH")),
        "input.themeCodes");
    assertField(
        newStation(net.north()).put("facilities", new JsonArray().add("lower case")),
        "input.facilities");
    assertField(newStation(net.north()).put("phone", "call me"), "input.phone");
    assertField(newStation(net.north()).put("parentId", Ids.point(999999)), "input.parentId");
    assertField(newStation(net.north()).put("parentId", "garbage!"), "input.parentId");
    assertField(newStation(net.north()).put("parentId", Ids.activity(1)), "input.parentId");
  }

  private static void assertField(JsonObject input, String field) {
    JsonObject error = Errors.single(run(CREATE, Map.of("input", input), admin), "BAD_USER_INPUT");
    assertEquals(field, error.getJsonObject("extensions").getString("field"), error.encode());
  }

  @Test
  void aManagerUpdatesTheirPointAndClearsOptionalFields() {
    long station = data.point(net.north(), "STATION", "改名站", 43.7, 122.2, false);
    JsonObject input =
        new JsonObject()
            .put("name", new JsonObject().put("zh", "新名字"))
            .put("phone", (Object) null)
            .put("coordinates", new JsonObject().put("lat", 43.8).put("lng", 122.3))
            .put("themeCodes", new JsonArray().add("B_THEME"));
    JsonObject point =
        server
            .data(UPDATE, Map.of("id", Ids.point(station), "input", input), northManager)
            .getJsonObject("updatePoint")
            .getJsonObject("point");
    assertEquals("新名字", point.getString("name"));
    assertNull(point.getValue("phone"));
    assertEquals(43.8, point.getJsonObject("coordinates").getDouble("lat"));
    assertEquals("B_THEME", point.getJsonArray("themes").getJsonObject(0).getString("code"));
    JsonObject audit =
        new JsonObject(
            data.queryString(
                "SELECT jsonb_build_object('before', before, 'after', after)::text FROM audit_log"
                    + " WHERE action = 'updatePoint' AND target_id = ?",
                Ids.point(station)));
    assertEquals("改名站", audit.getJsonObject("before").getString("name_zh"));
    assertEquals("新名字", audit.getJsonObject("after").getString("name_zh"));
    assertEquals(
        new JsonArray().add("B_THEME"), audit.getJsonObject("after").getJsonArray("themes"));
  }

  @Test
  void updatingOutsideTheSubtreeIsForbiddenAndBadUpdatesAreRefused() {
    Map<String, Object> rename =
        Map.of("id", Ids.point(net.southStation()), "input", Map.of("name", Map.of("zh", "x")));
    Errors.single(run(UPDATE, rename, northManager), "FORBIDDEN");
    Errors.single(run(UPDATE, rename, null), "UNAUTHENTICATED");
    JsonObject error =
        Errors.single(
            run(
                UPDATE,
                Map.of(
                    "id",
                    Ids.point(net.northStation()),
                    "input",
                    new JsonObject().put("name", (Object) null)),
                northManager),
            "BAD_USER_INPUT");
    assertEquals("input.name", error.getJsonObject("extensions").getString("field"));
    Errors.single(
        run(UPDATE, Map.of("id", Ids.point(424242), "input", Map.of()), admin), "NOT_FOUND");
  }

  @Test
  void anUpdateThatChangesNothingLeavesNoAuditEntry() {
    long before = data.queryLong("SELECT count(*) FROM audit_log");
    server.data(UPDATE, Map.of("id", Ids.point(net.museum()), "input", Map.of()), admin);
    assertEquals(before, data.queryLong("SELECT count(*) FROM audit_log"));
  }

  @Test
  void movingReparentsTheWholeSubtreeInOneGo() {
    long institute = data.point(net.centre(), "INSTITUTE", "搬迁所", 43.6, 122.2, false);
    long station = data.point(institute, "STATION", "搬迁站", 43.6, 122.2, false);
    Map<String, Object> root =
        Map.of(
            "input", newStation(net.north()).put("level", "CENTER").put("parentId", (Object) null));
    String otherCentre =
        server
            .data(CREATE, root, admin)
            .getJsonObject("createPoint")
            .getJsonObject("point")
            .getString("id");
    long otherCentreId = org.practicemap.graphql.GlobalId.decodeLong("id", "Point", otherCentre);
    JsonObject moved =
        server
            .data(MOVE, Map.of("id", Ids.point(institute), "parentId", otherCentre), admin)
            .getJsonObject("movePoint");
    assertEquals(2, moved.getInteger("movedPoints"));
    assertEquals(otherCentre, moved.getJsonObject("point").getJsonObject("parent").getString("id"));
    assertEquals(
        otherCentreId + "." + institute + "." + station,
        data.queryString("SELECT path::text FROM point WHERE id = ?", station));
    assertEquals(
        Long.toString(otherCentreId),
        data.queryString(
            "SELECT after->>'parentId' FROM audit_log WHERE action = 'movePoint' AND target_id = ?",
            Ids.point(institute)));
  }

  @Test
  void aManagerMovesWithinTheirSubtreeButNotOutOfItNorIntoIt() {
    long station = data.point(net.north(), "STATION", "流动站", 43.6, 122.2, false);
    Map<String, Object> toSouth =
        Map.of("id", Ids.point(station), "parentId", Ids.point(net.south()));
    Errors.single(run(MOVE, toSouth, northManager), "FORBIDDEN");
    Map<String, Object> fromSouth =
        Map.of("id", Ids.point(net.southStation()), "parentId", Ids.point(net.north()));
    Errors.single(run(MOVE, fromSouth, northManager), "FORBIDDEN");
    Map<String, Object> ownScope =
        Map.of("id", Ids.point(net.north()), "parentId", Ids.point(net.museum()));
    Errors.single(run(MOVE, ownScope, northManager), "FORBIDDEN");
    assertEquals(
        1,
        server
            .data(MOVE, toSouth, centreManager)
            .getJsonObject("movePoint")
            .getInteger("movedPoints"));
    assertEquals(
        net.centre() + "." + net.south() + "." + station,
        data.queryString("SELECT path::text FROM point WHERE id = ?", station));
  }

  @Test
  void movesThatWouldBreakTheTreeAreRefused() {
    JsonObject cycle =
        Errors.single(
            run(
                MOVE,
                Map.of("id", Ids.point(net.north()), "parentId", Ids.point(net.northStation())),
                admin),
            "BAD_USER_INPUT");
    assertEquals("parentId", cycle.getJsonObject("extensions").getString("field"));
    assertTrue(cycle.getString("message").contains("below itself"), cycle.encode());
    JsonObject self =
        Errors.single(
            run(
                MOVE,
                Map.of("id", Ids.point(net.north()), "parentId", Ids.point(net.north())),
                admin),
            "BAD_USER_INPUT");
    assertEquals("parentId", self.getJsonObject("extensions").getString("field"));
    JsonObject level =
        Errors.single(
            run(
                MOVE,
                Map.of("id", Ids.point(net.northStation()), "parentId", Ids.point(net.centre())),
                admin),
            "BAD_USER_INPUT");
    assertTrue(
        level.getString("message").contains("STATION cannot sit under a CENTER"), level.encode());
    JsonObject root =
        Errors.single(
            run(
                MOVE,
                Map.of("id", Ids.point(net.centre()), "parentId", Ids.point(net.north())),
                admin),
            "BAD_USER_INPUT");
    assertEquals("id", root.getJsonObject("extensions").getString("field"));
    Errors.single(
        run(MOVE, Map.of("id", Ids.point(777777), "parentId", Ids.point(net.north())), admin),
        "NOT_FOUND");
  }
}
