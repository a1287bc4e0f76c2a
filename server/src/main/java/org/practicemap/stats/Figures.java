package org.practicemap.stats;

import io.vertx.sqlclient.Row;

/**
 * The counts behind one set of figures. Rates are derived here so totals and groups agree, and an
 * empty group has null rates, never NaN.
 *
 * @param seats seats of bookings CONFIRMED, CHECKED_IN or NO_SHOW at bookable activities held
 * @param capacity the capacity of those bookable activities held
 */
public record Figures(
    long held, long served, long bookings, long seats, long capacity, long checkedIn, long noShow) {

  public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0);

  /** Reads the columns held, served, bookings, seats, capacity, checked_in, no_show. */
  static Figures from(Row row) {
    return new Figures(
        number(row, "held"),
        number(row, "served"),
        number(row, "bookings"),
        number(row, "seats"),
        number(row, "capacity"),
        number(row, "checked_in"),
        number(row, "no_show"));
  }

  Figures plus(Figures o) {
    return new Figures(
        held + o.held,
        served + o.served,
        bookings + o.bookings,
        seats + o.seats,
        capacity + o.capacity,
        checkedIn + o.checkedIn,
        noShow + o.noShow);
  }

  /** NO_SHOW seats over CHECKED_IN + NO_SHOW seats; null without either. */
  public Double noShowRate() {
    long decided = checkedIn + noShow;
    return decided == 0 ? null : (double) noShow / decided;
  }

  /** Booked seats over capacity of bookable activities held; null without one. */
  public Double fillRate() {
    return capacity == 0 ? null : (double) seats / capacity;
  }

  private static long number(Row row, String column) {
    Long value = row.getLong(column);
    return value == null ? 0 : value;
  }
}
