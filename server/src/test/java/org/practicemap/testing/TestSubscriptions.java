package org.practicemap.testing;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/** Helpers for subscription tests: activities to follow, and waiting for the server to follow. */
public final class TestSubscriptions {
  /** What the tests select of an activity event. */
  public static final String EVENT =
      "{ kind activityId activity { id version seatsLeft status startsAt cancelReason } }";

  /** Follows one activity ({@code $id}), with {@link #EVENT}'s selection. */
  public static final String ONE =
      "subscription($id: ID!) { activityChanged(id: $id) " + EVENT + " }";

  /** Follows the activities a filter ({@code $f}) covers, with {@link #EVENT}'s selection. */
  public static final String MANY =
      "subscription($f: ActivityChangeFilter) { activitiesChanged(filter: $f) " + EVENT + " }";

  private TestSubscriptions() {}

  /** A {@code subscription} document following a new activity at the north station. */
  public static String activityChanged(TestServer server, Network net) {
    long id = newActivity(server, net.northStation(), "A_THEME", 30);
    return "subscription { activityChanged(id: \"" + Ids.activity(id) + "\") " + EVENT + " }";
  }

  /** A new activity tomorrow at {@code pointId} with {@code capacity} seats; its id. */
  public static long newActivity(TestServer server, long pointId, String theme, Integer capacity) {
    OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
    try (TestData data = new TestData(server.databaseUrl())) {
      return data.activity(pointId, theme, "CLASS", start, start.plusHours(2), capacity);
    }
  }

  /**
   * The first event of operation {@code id} (its root field {@code field}) that passes {@code
   * test}. An activity made just before a subscription started may still send its creation's event
   * to it: tests skip that one this way.
   */
  public static JsonObject until(WsClient ws, String id, String field, Predicate<JsonObject> test) {
    while (true) {
      JsonObject event = ws.nextData(id).getJsonObject(field);
      if (test.test(event)) {
        return event;
      }
    }
  }

  /** The version of the activity in an event; 0 when it has none. */
  public static long version(JsonObject event) {
    JsonObject activity = event.getJsonObject("activity");
    return activity == null ? 0 : activity.getLong("version");
  }

  /** Waits until the server's hub holds {@code count} subscriptions. */
  public static void awaitFollowers(TestServer server, int count) {
    long deadline = System.nanoTime() + WsClient.ARRIVES.toNanos();
    while (server.server().live().activities().size() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " subscriptions, have "
                + server.server().live().activities().size());
      }
      sleep(Duration.ofMillis(20));
    }
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
