package org.practicemap.db.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spreads a fixed number of "Our Festivals" events over the festival days of a period. A period of
 * 365 days holds each lunar festival once, twice or only in part (the lunar year is 354 or 384 days
 * long), so the events are shared out by weight over the days the period actually holds: the count
 * stays exact whatever the anchor day, and the events cluster where the festivals are.
 */
final class FestivalPlan {
  private record Slot(Festivals festival, LocalDate day, double weight) {}

  private FestivalPlan() {}

  static List<DemoActivity> plan(
      ActivityPlanner planner, Random r, LocalDate from, LocalDate to, int total) {
    List<Slot> slots = slots(from, to);
    int[] counts = share(slots, total);
    List<DemoActivity> events = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      for (int n = 0; n < counts[i]; n++) {
        Template t = weighted(r, FestivalTemplates.BY_FESTIVAL.get(s.festival()));
        events.add(planner.festive(r, t, s.festival(), s.day()));
      }
    }
    return events;
  }

  /** Each festival's days around its date: the day itself weighs most, weekends a little more. */
  private static List<Slot> slots(LocalDate from, LocalDate to) {
    List<Slot> slots = new ArrayList<>();
    for (Festivals.Day f : Festivals.between(from.minusDays(12), to.plusDays(12))) {
      Festivals festival = f.festival();
      double spread = 0;
      for (int k = festival.firstDay; k <= festival.lastDay; k++) {
        spread += dayWeight(k);
      }
      for (int k = festival.firstDay; k <= festival.lastDay; k++) {
        LocalDate day = f.date().plusDays(k);
        if (day.isBefore(from) || day.isAfter(to)) {
          continue;
        }
        double weekend = day.getDayOfWeek().getValue() >= 6 ? 1.5 : 1;
        double w = FestivalTemplates.WEIGHTS.get(festival) * dayWeight(k) / spread * weekend;
        slots.add(new Slot(festival, day, w));
      }
    }
    return slots;
  }

  private static double dayWeight(int fromFestival) {
    int distance = Math.abs(fromFestival);
    return distance == 0 ? 3 : distance == 1 ? 2 : 1;
  }

  /** Largest-remainder shares of {@code total}: exact, and the same for the same slots. */
  private static int[] share(List<Slot> slots, int total) {
    int[] counts = new int[slots.size()];
    if (slots.isEmpty()) {
      return counts;
    }
    double sum = slots.stream().mapToDouble(Slot::weight).sum();
    double[] remainders = new double[slots.size()];
    int given = 0;
    for (int i = 0; i < slots.size(); i++) {
      double exact = total * slots.get(i).weight() / sum;
      counts[i] = (int) exact;
      remainders[i] = exact - counts[i];
      given += counts[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < slots.size(); i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
      given++;
    }
    return counts;
  }

  private static Template weighted(Random r, List<Template> templates) {
    int total = templates.stream().mapToInt(Template::weight).sum();
    int x = r.nextInt(total);
    for (Template t : templates) {
      x -= t.weight();
      if (x < 0) {
        return t;
      }
    }
    throw new IllegalStateException("unreachable");
  }
}
