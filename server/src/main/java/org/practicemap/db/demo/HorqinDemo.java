package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the Horqin demo network and its activities. Everything is computed in memory first, from
 * fixed seeds (one per concern, so that changing one part leaves the others as they were) and the
 * anchor day, then written with multi-row INSERTs; the same anchor day gives the same rows.
 */
final class HorqinDemo {
  /** Tables written with explicit ids, whose identity sequences must then move past them. */
  private static final List<String> TABLES_WITH_IDS =
      List.of("point", "deployment", "activity", "stall", "booking", "attendance");

  private HorqinDemo() {}

  static void write(Connection c, LocalDate anchorDay) throws SQLException {
    Festivals.warnIfNotCovered(anchorDay.minusDays(365), anchorDay.plusDays(365));
    Network network = Network.build();
    Deployments deployments = Deployments.plan(network, anchorDay);
    ActivityPlanner planner = new ActivityPlanner(network, deployments, anchorDay);
    Drafts drafts = new Drafts();
    History.plan(planner, anchorDay, drafts);
    ArticleEvents.plan(planner, network, anchorDay, drafts);
    Ahead.plan(planner, anchorDay, drafts);
    Showcase.plan(planner, network, anchorDay, drafts);
    Drafts.Numbered activities = drafts.numbered();
    Bookings bookings = Bookings.plan(activities.activities(), anchorDay);
    List<Attendance.Row> attendance = Attendance.plan(activities.activities(), bookings, anchorDay);

    ThemeBoards.write(c);
    network.write(c, anchorDay);
    OpeningHours.write(c, network, anchorDay);
    deployments.write(c);
    Kiosks.write(c, network, anchorDay);
    MonthlyThemes.write(c, anchorDay);
    ActivityRows.write(c, activities.activities(), activities.stalls(), bookings, attendance);
    try (Statement st = c.createStatement()) {
      for (String table : TABLES_WITH_IDS) {
        st.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table
                + "', 'id'), (SELECT max(id) FROM "
                + table
                + "))");
      }
    }
  }
}
