package org.practicemap.db.demo;

import java.time.LocalTime;
import java.time.Month;
import java.util.List;

/**
 * What a kind of activity looks like: category, board, organising department, bilingual title and
 * description, seats (none for an open event), length, time of day, where it is held and in which
 * season. Built with the small {@code with…} steps below so the catalogues read as a list.
 */
record Template(
    String category,
    String theme,
    String department,
    Words title,
    Words description,
    int minSeats,
    int maxSeats,
    int minMinutes,
    int maxMinutes,
    Slot slot,
    Where where,
    Season season,
    int weight,
    List<Words> variants) {

  /** Typical starting times, local. */
  enum Slot {
    MORNING(t(8, 30), t(9, 0), t(9, 30), t(10, 0)),
    AFTERNOON(t(14, 0), t(14, 30), t(15, 0), t(15, 30)),
    DAYTIME(t(9, 0), t(9, 30), t(10, 0), t(14, 0), t(14, 30), t(15, 0)),
    EVENING(t(18, 30), t(19, 0), t(19, 30));

    final List<LocalTime> starts;

    Slot(LocalTime... starts) {
      this.starts = List.of(starts);
    }

    private static LocalTime t(int h, int m) {
      return LocalTime.of(h, m);
    }
  }

  /** Where it is held (see {@link PointPicker}). */
  enum Where {
    /** The centre, an institute or a station. */
    NETWORK,
    /** A map point on the template's theme board: a museum, a wetland, a sports park. */
    BOARD,
    BOARD_OR_NETWORK,
    /** Where people pass: a mobile point's deployment, a convenience point or a station. */
    STREET,
    /** A town's institute or one of its village stations. */
    RURAL
  }

  /** Inner Mongolian winters reach −20 °C: open-air activities keep to the warm months. */
  enum Season {
    ANY,
    WARM,
    WINTER;

    boolean allows(Month m) {
      return switch (this) {
        case ANY -> true;
        case WARM -> m.getValue() >= 4 && m.getValue() <= 10;
        case WINTER -> m == Month.DECEMBER || m == Month.JANUARY || m == Month.FEBRUARY;
      };
    }
  }

  static Template of(
      String category,
      String theme,
      String department,
      String zh,
      String en,
      String dZh,
      String dEn) {
    return new Template(
        category,
        theme,
        department,
        new Words(zh, en),
        new Words(dZh, dEn),
        0,
        0,
        120,
        120,
        Slot.DAYTIME,
        Where.NETWORK,
        Season.ANY,
        3,
        List.of());
  }

  boolean bookable() {
    return maxSeats > 0;
  }

  Template seats(int min, int max) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        min,
        max,
        minMinutes,
        maxMinutes,
        slot,
        where,
        season,
        weight,
        variants);
  }

  Template minutes(int min, int max) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        min,
        max,
        slot,
        where,
        season,
        weight,
        variants);
  }

  Template at(Slot s) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        minMinutes,
        maxMinutes,
        s,
        where,
        season,
        weight,
        variants);
  }

  Template in(Where w) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        minMinutes,
        maxMinutes,
        slot,
        w,
        season,
        weight,
        variants);
  }

  Template only(Season s) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        minMinutes,
        maxMinutes,
        slot,
        where,
        s,
        weight,
        variants);
  }

  Template weight(int w) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        minMinutes,
        maxMinutes,
        slot,
        where,
        season,
        w,
        variants);
  }

  Template variants(Words... v) {
    return new Template(
        category,
        theme,
        department,
        title,
        description,
        minSeats,
        maxSeats,
        minMinutes,
        maxMinutes,
        slot,
        where,
        season,
        weight,
        List.of(v));
  }
}
