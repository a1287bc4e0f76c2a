package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicemap.activities.Activity;
import org.practicemap.common.LocalizedText;

/** A batch of requests is decided exactly as the same requests one by one would be. */
class BatchDecisionTest {
  static final OffsetDateTime START = OffsetDateTime.parse("2030-01-05T14:00:00+08:00");

  static Activity activity(Integer capacity, int taken, boolean waitlist) {
    return new Activity(
        7,
        1,
        null,
        null,
        "CLASS",
        null,
        null,
        new LocalizedText("课", null, null),
        LocalizedText.NONE,
        START,
        START.plusHours(2),
        capacity,
        taken,
        waitlist,
        null,
        null,
        1,
        null,
        null);
  }

  static BookingInput in(String phone, int party, String key) {
    return new BookingInput(7, "李", phone, party, key, "web");
  }

  @Test
  void seatsAreCountedAcrossTheBatchThenTheRestWaitInOrder() {
    List<BatchDecision.Outcome> outcomes =
        BatchDecision.decide(
            activity(5, 1, true),
            List.of(
                in("13800000001", 3, "k1"),
                in("13800000002", 2, "k2"),
                in("13800000003", 1, "k3"),
                in("13800000004", 1, "k4")),
            List.of(),
            2,
            Instant.now());
    assertEquals("CONFIRMED", ((BatchDecision.Create) outcomes.get(0)).status());
    assertEquals(
        new BatchDecision.Create(in("13800000002", 2, "k2"), "WAITLISTED", 3), outcomes.get(1));
    assertEquals("CONFIRMED", ((BatchDecision.Create) outcomes.get(2)).status());
    assertEquals(
        new BatchDecision.Create(in("13800000004", 1, "k4"), "WAITLISTED", 4), outcomes.get(3));
  }

  @Test
  void theSameKeyTwiceInOneBatchIsOneBookingAndTheSamePhoneTwiceIsRefused() {
    List<BatchDecision.Outcome> outcomes =
        BatchDecision.decide(
            activity(5, 0, true),
            List.of(
                in("13800000001", 1, "same"),
                in("13800000001", 1, "same"),
                in("13800000001", 1, "other"),
                in("13800000009", 1, "same")),
            List.of(),
            0,
            Instant.now());
    assertInstanceOf(BatchDecision.Create.class, outcomes.get(0));
    assertEquals(new BatchDecision.Repeat(0), outcomes.get(1));
    assertEquals("ALREADY_BOOKED", reason(outcomes.get(2)));
    assertEquals("IDEMPOTENCY_KEY_REUSED", reason(outcomes.get(3)));
  }

  @Test
  void withoutAWaitingListTheBatchIsRefusedOnceFull() {
    List<BatchDecision.Outcome> outcomes =
        BatchDecision.decide(
            activity(2, 0, false),
            List.of(
                in("13800000001", 1, "k1"),
                in("13800000002", 2, "k2"),
                in("13800000003", 1, "k3"),
                in("13800000004", 1, "k4")),
            List.of(),
            0,
            Instant.now());
    assertInstanceOf(BatchDecision.Create.class, outcomes.get(0));
    assertEquals("NOT_ENOUGH_SEATS", reason(outcomes.get(1)));
    assertInstanceOf(BatchDecision.Create.class, outcomes.get(2));
    assertEquals("FULLY_BOOKED", reason(outcomes.get(3)));
  }

  @Test
  void aPartyLargerThanTheWholeActivityIsRefusedRatherThanWaitlistedForever() {
    List<BatchDecision.Outcome> outcomes =
        BatchDecision.decide(
            activity(3, 3, true),
            List.of(in("13800000001", 4, "k1"), in("13800000002", 3, "k2")),
            List.of(),
            0,
            Instant.now());
    assertEquals("PARTY_TOO_LARGE", reason(outcomes.get(0)));
    assertEquals(
        new BatchDecision.Create(in("13800000002", 3, "k2"), "WAITLISTED", 1),
        outcomes.get(1),
        "a party the activity can hold still waits, first on the list");
  }

  @Test
  void anEndedActivityRefusesNewRequestsButStillReplaysEarlierOnes() {
    Booking earlier =
        new Booking(
            1,
            "2345623456",
            7,
            "CONFIRMED",
            1,
            "李",
            "13800000001",
            "web",
            "k1",
            START,
            START,
            null,
            null,
            null);
    List<BatchDecision.Outcome> outcomes =
        BatchDecision.decide(
            activity(5, 1, true),
            List.of(in("13800000001", 1, "k1"), in("13800000002", 1, "k2")),
            List.of(earlier),
            0,
            START.plusHours(3).toInstant());
    assertEquals(new BatchDecision.Replay(earlier), outcomes.get(0));
    assertEquals("ACTIVITY_ENDED", reason(outcomes.get(1)));
  }

  private static String reason(BatchDecision.Outcome outcome) {
    return (String) ((BatchDecision.Refuse) outcome).error().extensions().get("reason");
  }
}
