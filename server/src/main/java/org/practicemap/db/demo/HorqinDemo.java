package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/** Writes the Horqin demo network and its activities. */
final class HorqinDemo {
  private HorqinDemo() {}

  static void write(Connection c, LocalDate anchorDay) throws SQLException {
    // Filled in by the demo-data work.
  }
}
