package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Horqin District demo data set: the practice network as the source article describes it, a
 * year of history and a year ahead. Loaded only into an empty database, in one transaction, and
 * deterministic apart from the day it is laid out from (kept in {@code app_meta}).
 */
public final class DemoData {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  public static final String ANCHOR_KEY = "demo_anchor_day";

  private DemoData() {}

  /** Loads the demo data when the database holds no point yet; returns whether it did. */
  public static boolean loadIfEmpty(Database db) {
    try (Connection c = db.openJdbc()) {
      return loadIfEmpty(c, LocalDate.now(LocalZone.ID));
    } catch (SQLException e) {
      throw new IllegalStateException("Could not load the demo data: " + e.getMessage(), e);
    }
  }

  static boolean loadIfEmpty(Connection c, LocalDate anchorDay) throws SQLException {
    c.setAutoCommit(false);
    try (var st = c.createStatement()) {
      // Two replicas starting together on one empty database: only one loads.
      st.execute("LOCK TABLE point IN EXCLUSIVE MODE");
      var rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM point)");
      rs.next();
      if (rs.getBoolean(1)) {
        c.rollback();
        return false;
      }
      long started = System.nanoTime();
      HorqinDemo.write(c, anchorDay);
      CuratedRoutes.write(c);
      try (var meta =
          c.prepareStatement(
              "INSERT INTO app_meta (key, value) VALUES (?, ?)"
                  + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
        meta.setString(1, ANCHOR_KEY);
        meta.setString(2, anchorDay.toString());
        meta.executeUpdate();
      }
      c.commit();
      log.info(
          "Loaded the Horqin demo data, laid out from {}, in {} ms",
          anchorDay,
          (System.nanoTime() - started) / 1_000_000);
      return true;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
