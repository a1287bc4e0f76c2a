package org.practicemap.bench.search;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.Config;
import org.practicemap.Server;
import org.practicemap.bench.Stats;

/**
 * search over the Horqin demo, then over the demo plus a generated set of upcoming activities
 * (titles and descriptions drawn from a vocabulary of the demo's kind), one client, sequential.
 * Also reports what writing the generated activities cost (the search triggers run per row), and
 * times the same texts again within 3 km of the demo centre ({@code near}).
 *
 * <pre>
 *   java -cp bench/target/practice-map-bench.jar org.practicemap.bench.search.SearchBench [activities]
 * </pre>
 */
public final class SearchBench {
  private static final List<String> QUERIES =
      List.of("非遗", "书法", "剪纸 体验", "科尔沁", "feiyi", "museum", "遗", "义诊 中医");

  /** The demo centre (科尔沁区新时代文明实践中心) and a walk's radius, as a kiosk there would ask. */
  private static final JsonObject NEAR_AT =
      new JsonObject().put("lat", 43.6172).put("lng", 122.2637);

  private static final double NEAR_RADIUS_M = 3000;
  private static final JsonObject NEAR =
      new JsonObject().put("at", NEAR_AT).put("radiusMeters", NEAR_RADIUS_M);

  public static void main(String[] args) throws Exception {
    int generated = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("PORT", "0");
    env.put("EMBEDDED_PG_PORT", "0");
    env.put("DATA_DIR", Files.createTempDirectory("pm-bench-").toString());
    // 230 requests a text from one address: the per-address limit (600 a minute) would answer
    // RATE_LIMITED from the third text on.
    env.put("RATE_LIMIT_PER_IP_MINUTE", "0");
    try (Server server = Server.start(Config.fromEnv(env))) {
      System.out.println("demo data:");
      run(server, null);
      long t0 = System.nanoTime();
      generate(server, generated);
      System.out.printf(
          "generated %d upcoming activities with their search documents in %.1f s%n",
          generated, (System.nanoTime() - t0) / 1e9);
      System.out.println("demo data + generated activities:");
      run(server, null);
      System.out.printf(
          "demo data + generated activities, near: %.0f m of the demo centre %s:%n",
          NEAR_RADIUS_M, NEAR_AT);
      run(server, NEAR);
    }
  }

  /** Each text, 200 requests after 30 warm-up; within {@code near} when it is not null. */
  private static void run(Server server, JsonObject near) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String text : QUERIES) {
      String body =
          new JsonObject()
              .put(
                  "query",
                  "query($t: String!, $near: NearInput) { search(text: $t, first: 20, near: $near)"
                      + " { totalCount edges { score node { __typename } } } }")
              .put("variables", new JsonObject().put("t", text).put("near", near))
              .encode();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/graphql"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      for (int i = 0; i < 30; i++) {
        http.send(request, HttpResponse.BodyHandlers.ofString());
      }
      Stats stats = new Stats();
      String last = "";
      for (int i = 0; i < 200; i++) {
        long t = System.nanoTime();
        last = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        stats.record(System.nanoTime() - t);
      }
      JsonObject answer = new JsonObject(last);
      if (answer.getJsonArray("errors") != null) {
        throw new IllegalStateException("search answered with errors: " + last);
      }
      int total = answer.getJsonObject("data").getJsonObject("search").getInteger("totalCount");
      System.out.printf("  %-8s matches=%-6d %s%n", text, total, stats.summary());
    }
  }

  /** Upcoming activities at random points, titles and descriptions from a small vocabulary. */
  private static void generate(Server server, int count) throws Exception {
    String url = server.database().jdbcUrl();
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      c.createStatement()
          .execute(
              "SELECT setseed(0.5); INSERT INTO activity (point_id, theme_code, category, title_zh,"
                  + " title_en, description_zh, starts_at, ends_at, capacity)"
                  + " SELECT p.id, NULL, 'CLASS',"
                  + "  (ARRAY['剪纸','书法','刺绣','马头琴','安代舞','民歌','国画','太极','义诊','读书会'])[1 + (random() * 9)::int]"
                  + "  || (ARRAY['体验课','讲座','工作坊','展演','培训','沙龙'])[1 + (random() * 5)::int],"
                  + "  'Community class ' || g,"
                  + "  (ARRAY['面向社区居民，免费报名。','由非遗传承人授课，材料免费提供。','适合老人和儿童参加。',"
                  + "    '中医专家现场义诊，请带好医保卡。','志愿者全程陪同，欢迎家长陪同孩子。'])[1 + (random() * 4)::int],"
                  + "  now() + random() * interval '60 days', now() + interval '61 days', 30"
                  + " FROM generate_series(1, "
                  + count
                  + ") AS g"
                  + " JOIN LATERAL (SELECT id FROM point OFFSET (random() * 500)::int + g * 0 LIMIT 1) p ON true");
    }
  }

  private SearchBench() {}
}
