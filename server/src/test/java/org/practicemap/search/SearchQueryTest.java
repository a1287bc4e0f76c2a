package org.practicemap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Errors;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestServer;

/** search: Chinese by characters, pinyin, ranking, languages, what is not found, bad input. */
class SearchQueryTest {
  static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.empty();
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("A_THEME", 1);
      long centre = data.point(null, "CENTER", "科尔沁区新时代文明实践中心", 43.62, 122.26, true);
      data.update("UPDATE point SET description_zh = '区级中心，设非遗展示厅' WHERE id = ?", centre);
      long hall = data.point(centre, "VENUE", "邂逅非遗文化馆", 43.63, 122.27, true);
      data.update(
          "UPDATE point SET name_en = 'Encounter Intangible Heritage Hall',"
              + " address_zh = '西拉木伦大街8号' WHERE id = ?",
          hall);
      data.point(centre, "BASE", "非遗", 43.64, 122.28, true);
      long memorial = data.point(centre, "VENUE", "红色印记纪念馆", 43.65, 122.29, true);
      long cut =
          data.activity(
              memorial, "A_THEME", "CLASS", NOW.plusDays(1), NOW.plusDays(1).plusHours(2), 20);
      data.update("UPDATE activity SET title_zh = '非遗剪纸体验课' WHERE id = ?", cut);
      long past =
          data.activity(
              hall, "A_THEME", "CLASS", NOW.minusDays(3), NOW.minusDays(3).plusHours(2), 20);
      data.update("UPDATE activity SET title_zh = '非遗刺绣课（已结束）' WHERE id = ?", past);
      long called =
          data.activity(
              hall, "A_THEME", "CLASS", NOW.plusDays(2), NOW.plusDays(2).plusHours(2), 20);
      data.update(
          "UPDATE activity SET title_zh = '非遗马头琴课', cancelled_at = now() WHERE id = ?", called);
      long calligraphy =
          data.activity(
              hall, "A_THEME", "CLASS", NOW.plusDays(4), NOW.plusDays(4).plusHours(2), 20);
      data.update(
          "UPDATE activity SET title_zh = '书法课', description_zh = '临摹颜真卿' WHERE id = ?",
          calligraphy);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject search(String text, String more) {
    return server
        .data(
            "query($text: String!) { search(text: $text"
                + more
                + ") { totalCount"
                + " edges { score matchedIn node { __typename"
                + " ... on Point { name } ... on Activity { title } } } } }",
            Map.of("text", text))
        .getJsonObject("search");
  }

  @Test
  void twoChineseCharactersFindNamesTitlesPlacesAndDescriptionsExactFirst() {
    JsonObject result = search("非遗", "");
    // 书法课 is held at 邂逅非遗文化馆: found by its place, below every name.
    assertEquals(
        List.of("非遗", "非遗剪纸体验课", "邂逅非遗文化馆", "书法课", "科尔沁区新时代文明实践中心"), SearchResults.found(result));
    assertEquals(5, result.getInteger("totalCount"));
    List<Integer> scores =
        result.getJsonArray("edges").stream()
            .map(e -> ((JsonObject) e).getInteger("score"))
            .toList();
    assertEquals(List.of(100, 80, 60, 20, 10), scores);
    assertEquals(
        List.of("NAME", "NAME", "NAME", "PLACE", "DESCRIPTION"),
        result.getJsonArray("edges").stream()
            .map(e -> ((JsonObject) e).getString("matchedIn"))
            .toList());
  }

  @Test
  void oneCharacterAndTheMiddleOfAWordAreFound() {
    assertTrue(SearchResults.found(search("遗", "")).contains("邂逅非遗文化馆"));
    assertEquals(List.of("邂逅非遗文化馆", "书法课"), SearchResults.found(search("逅非", "")));
    assertEquals(List.of("书法课"), SearchResults.found(search("颜真卿", "")));
  }

  @Test
  void pinyinFullOrInitialsFindsChineseNames() {
    assertEquals(List.of("非遗", "非遗剪纸体验课", "邂逅非遗文化馆"), SearchResults.found(search("feiyi", "")));
    assertTrue(SearchResults.found(search("xhfy", "")).contains("邂逅非遗文化馆"));
    assertEquals(List.of("科尔沁区新时代文明实践中心"), SearchResults.found(search("keerqin", "")));
    assertEquals(
        "PINYIN",
        search("feiyi", "").getJsonArray("edges").getJsonObject(0).getString("matchedIn"));
    assertEquals(
        List.of(),
        SearchResults.found(search("feiyi", ", lang: EN")),
        "not pinyin when typed as English");
  }

  @Test
  void englishIsCaseInsensitiveAndEveryWordMustMatch() {
    assertEquals(List.of("邂逅非遗文化馆"), SearchResults.found(search("HERITAGE hall", ", lang: EN")));
    assertEquals(List.of(), SearchResults.found(search("heritage museum", ", lang: EN")));
    assertEquals(List.of("非遗剪纸体验课"), SearchResults.found(search("非遗 纪念馆", "")), "title and place");
    assertEquals(
        List.of("邂逅非遗文化馆", "书法课"), SearchResults.found(search("非遗　西拉木伦", "")), "ideographic space");
  }

  @Test
  void finishedAndCancelledActivitiesAreNotFound() {
    List<String> found = SearchResults.found(search("非遗", ""));
    assertTrue(
        found.stream().noneMatch(f -> f.contains("刺绣") || f.contains("马头琴")), found.toString());
  }

  @Test
  void pagesFollowTheRanking() {
    List<String> seen = new ArrayList<>();
    String after = null;
    do {
      JsonObject page =
          server
              .data(
                  "query($after: String) { search(text: \"非遗\", first: 1, after: $after) {"
                      + " pageInfo { hasNextPage endCursor } edges { node { __typename"
                      + " ... on Point { name } ... on Activity { title } } } } }",
                  after == null ? Map.of() : Map.of("after", after))
              .getJsonObject("search");
      seen.addAll(SearchResults.found(page));
      JsonObject info = page.getJsonObject("pageInfo");
      after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
    } while (after != null);
    assertEquals(SearchResults.found(search("非遗", "")), seen);
  }

  @Test
  void sessionsThatScoreAlikeComeSoonestFirstAndPagesKeepThatOrder() {
    List<Long> ids = new ArrayList<>();
    // Created in an order that is not their order in time; one is under way.
    int[] hoursFromNow = {240, 72, -1, 168, 5, 30};
    try (TestData data = new TestData(server.databaseUrl())) {
      long centre = data.queryLong("SELECT id FROM point WHERE level = 'CENTER'");
      // A place of its own, so that no other test's words find these sessions by their place.
      long hall = data.point(centre, "VENUE", "青年剧场", 43.66, 122.30, true);
      for (int hours : hoursFromNow) {
        OffsetDateTime start = NOW.plusHours(hours);
        long id = data.activity(hall, "A_THEME", "LECTURE", start, start.plusHours(2), 30);
        data.update("UPDATE activity SET title_zh = '剪影展导览' WHERE id = ?", id);
        ids.add(id);
      }
      List<Long> soonestFirst =
          List.of(ids.get(2), ids.get(4), ids.get(5), ids.get(1), ids.get(3), ids.get(0));
      assertEquals(soonestFirst, searchIds("剪影展", 100, null));
      // Two at a time, the cursor carries the start: the same order, nothing twice or lost.
      List<Long> paged = new ArrayList<>();
      String after = null;
      do {
        JsonObject page = searchPage("剪影展", 2, after);
        page.getJsonArray("edges")
            .forEach(e -> paged.add(activityId(((JsonObject) e).getJsonObject("node"))));
        JsonObject info = page.getJsonObject("pageInfo");
        after = info.getBoolean("hasNextPage") ? info.getString("endCursor") : null;
      } while (after != null);
      assertEquals(soonestFirst, paged);
      // Moved to the front, it leads at once.
      data.update(
          "UPDATE activity SET starts_at = ?, ends_at = ? WHERE id = ?",
          NOW.minusHours(1).minusMinutes(30),
          NOW.plusHours(1),
          ids.get(0));
      assertEquals(ids.get(0), searchIds("剪影展", 1, null).get(0));
    }
    // A cursor of the version before (score, kind, name length, id) is refused plainly.
    String old = org.practicemap.graphql.Cursor.encode(-100, 1, 5, ids.get(0));
    JsonObject error =
        Errors.single(
            server.graphql(
                "query($a: String) { search(text: \"剪影展\", after: $a) { totalCount } }",
                Map.of("a", old)),
            "BAD_USER_INPUT");
    assertEquals("after", error.getJsonObject("extensions").getString("field"));
    assertTrue(error.getString("message").contains("older version"), error.getString("message"));
  }

  private static JsonObject searchPage(String text, int first, String after) {
    Map<String, Object> vars = new java.util.HashMap<>(Map.of("t", text, "n", first));
    if (after != null) {
      vars.put("a", after);
    }
    return server
        .data(
            "query($t: String!, $n: Int, $a: String) { search(text: $t, first: $n, after: $a) {"
                + " pageInfo { hasNextPage endCursor } edges { node { ... on Activity { id } } } } }",
            vars)
        .getJsonObject("search");
  }

  private static List<Long> searchIds(String text, int first, String after) {
    List<Long> ids = new ArrayList<>();
    searchPage(text, first, after)
        .getJsonArray("edges")
        .forEach(e -> ids.add(activityId(((JsonObject) e).getJsonObject("node"))));
    return ids;
  }

  private static long activityId(JsonObject node) {
    String decoded =
        new String(
            java.util.Base64.getUrlDecoder().decode(node.getString("id")),
            java.nio.charset.StandardCharsets.UTF_8);
    return Long.parseLong(decoded.substring(decoded.indexOf(':') + 1));
  }

  @Test
  void renamingAPointIsSearchableAtOnce() {
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update("UPDATE point SET name_zh = '生态文明教育基地' WHERE name_zh = '非遗'");
    }
    assertEquals(List.of("生态文明教育基地"), SearchResults.found(search("生态", "")));
    assertTrue(!SearchResults.found(search("非遗", "")).contains("非遗"));
    try (TestData data = new TestData(server.databaseUrl())) {
      data.update("UPDATE point SET name_zh = '非遗' WHERE name_zh = '生态文明教育基地'");
    }
  }

  @Test
  void theNameOfAThemeBoardFindsItsPointsAndActivitiesAndFollowsChanges() {
    try (TestData data = new TestData(server.databaseUrl())) {
      data.theme("STEPPE", 9);
      data.update("UPDATE theme SET name_zh = '草原书香' WHERE code = 'STEPPE'");
      long hut = data.point(null, "VENUE", "无名小屋", 43.7, 122.3, true);
      data.update("UPDATE point SET parent_id = NULL WHERE id = ?", hut);
      data.pointTheme(hut, "STEPPE");
      data.activity(hut, "STEPPE", "READING", NOW.plusDays(1), NOW.plusDays(1).plusHours(1), 10);
      JsonObject result = search("书香", "");
      assertEquals(List.of("无名小屋", "活动READING"), SearchResults.found(result));
      assertEquals("THEME", result.getJsonArray("edges").getJsonObject(0).getString("matchedIn"));
      assertEquals(30, result.getJsonArray("edges").getJsonObject(0).getInteger("score"));

      data.update("UPDATE theme SET name_zh = '草原读书' WHERE code = 'STEPPE'");
      assertEquals(List.of(), SearchResults.found(search("书香", "")));
      assertEquals(List.of("无名小屋", "活动READING"), SearchResults.found(search("读书", "")));
      data.update("DELETE FROM point_theme WHERE point_id = ?", hut);
      assertEquals(List.of("活动READING"), SearchResults.found(search("读书", "")));
    }
  }

  @Test
  void textsTheIndexCannotServeAreBadUserInput() {
    for (String text : List.of("", "   ", "a", "!!", "x".repeat(101), "a b c d e f g h i")) {
      JsonObject error =
          Errors.single(
              server.graphql(
                  "query($t: String!) { search(text: $t) { totalCount } }", Map.of("t", text)),
              "BAD_USER_INPUT");
      assertEquals("text", error.getJsonObject("extensions").getString("field"));
    }
    Errors.single(
        server.graphql("{ search(text: \"非遗\", first: 101) { totalCount } }"), "BAD_USER_INPUT");
    Errors.single(
        server.graphql("{ search(text: \"非遗\", after: \"x\") { totalCount } }"), "BAD_USER_INPUT");
  }

  @Test
  void wildcardsAndQuotesAreOrdinaryCharacters() {
    assertEquals(List.of(), SearchResults.found(search("非遗%'_", "")));
    assertEquals(List.of(), SearchResults.found(search("ab\\", "")));
  }
}
