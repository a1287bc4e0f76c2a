package org.practicemap.db.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Walk-in attendance of the history year, sized so that the people served match the article:
 * checked-in seats plus recorded attendance come to exactly {@value #PERSON_TIMES}. Open events (no
 * booking) get 50 to 600 people per recorded count, shared out by how large a crowd each draws (the
 * 76-stall market most); booked sessions sometimes record a few walk-ins at the door.
 */
final class Attendance {
  /** The article's "8.1万人次": people served through the points in the year. */
  static final int PERSON_TIMES = 81_260;

  static final int MIN_COUNT = 50;
  static final int MAX_COUNT = 600;
  private static final long SEED = 5_001L;
  private static final String RECORDED_BY = "demo";

  record Row(long id, long activityId, int count, OffsetDateTime recordedAt, String recordedBy) {}

  private Attendance() {}

  static List<Row> plan(List<DemoActivity> activities, Bookings bookings, LocalDate anchorDay) {
    Random r = new Random(SEED);
    OffsetDateTime anchorStart = DemoTime.startOf(anchorDay);
    List<DemoActivity> open = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    int served = 0;
    for (DemoActivity a : activities) {
      boolean held = !a.cancelled() && !a.endsAt().isAfter(anchorStart);
      if (!held) {
        continue;
      }
      if (!a.bookable()) {
        open.add(a);
        continue;
      }
      served += bookings.seatsTaken(a.id());
      if (r.nextDouble() < 0.15) {
        int walkIns = 2 + r.nextInt(9);
        served += walkIns;
        rows.add(new Row(0, a.id(), walkIns, a.endsAt().minusMinutes(5), RECORDED_BY));
      }
    }
    int[] counts = share(open, PERSON_TIMES - served);
    for (int i = 0; i < open.size(); i++) {
      rows.addAll(split(open.get(i), counts[i]));
    }
    rows.sort(Comparator.comparingLong(Row::activityId));
    List<Row> numbered = new ArrayList<>();
    for (Row row : rows) {
      numbered.add(
          new Row(
              numbered.size() + 1,
              row.activityId(),
              row.count(),
              row.recordedAt(),
              row.recordedBy()));
    }
    return numbered;
  }

  /** Every open event gets the minimum, the rest goes by crowd size; the total is exact. */
  private static int[] share(List<DemoActivity> open, int total) {
    int extra = total - MIN_COUNT * open.size();
    if (extra < 0) {
      throw new IllegalStateException(
          "The bookings leave " + total + " people for " + open.size() + " open events");
    }
    double crowd = open.stream().mapToDouble(DemoActivity::crowd).sum();
    int[] counts = new int[open.size()];
    int given = 0;
    for (int i = 0; i < open.size(); i++) {
      counts[i] = MIN_COUNT + (int) (extra * open.get(i).crowd() / crowd);
      given += counts[i];
    }
    for (int i = 0; given < total; i = (i + 1) % counts.length) {
      counts[i]++;
      given++;
    }
    return counts;
  }

  /** A large crowd is counted several times during the event, each count at most 600. */
  private static List<Row> split(DemoActivity a, int count) {
    int parts = (count + MAX_COUNT - 1) / MAX_COUNT;
    long length = Duration.between(a.startsAt(), a.endsAt()).getSeconds();
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = count / parts + (p < count % parts ? 1 : 0);
      OffsetDateTime at = a.startsAt().plusSeconds(length * (p + 1) / (parts + 1));
      rows.add(new Row(0, a.id(), part, at, RECORDED_BY));
    }
    return rows;
  }
}
