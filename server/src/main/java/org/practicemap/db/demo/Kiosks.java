package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.practicemap.db.demo.DemoPoint.Level;

/**
 * The demo's kiosks: {@code demo-centre}, a portrait screen in the practice centre's lobby, and one
 * landscape screen at each mobile volunteer service point, {@code mobile-01} to {@code mobile-30}
 * in the points' order. The mobile ones have no location override: they stand wherever their point
 * is deployed, so they follow the deployments by themselves.
 */
final class Kiosks {
  static final String CENTRE_ID = "demo-centre";

  /** Mobile screens reach further: the villages they serve are spread out. */
  private static final int MOBILE_RADIUS_METERS = 5000;

  private Kiosks() {}

  record Kiosk(
      String id, long pointId, Words name, String orientation, int radiusMeters, int minute) {}

  static List<Kiosk> plan(Network network) {
    List<DemoPoint> mobiles = network.level(Level.MOBILE_POINT);
    List<Kiosk> kiosks = new ArrayList<>();
    kiosks.add(
        new Kiosk(
            CENTRE_ID,
            network.centre().id(),
            new Words("实践中心大厅触摸屏", "Practice Centre lobby screen"),
            "PORTRAIT",
            3000,
            0));
    for (int i = 0; i < mobiles.size(); i++) {
      DemoPoint p = mobiles.get(i);
      kiosks.add(
          new Kiosk(
              String.format("mobile-%02d", i + 1),
              p.id(),
              new Words(p.name().zh() + "服务屏", p.name().en() + " screen"),
              "LANDSCAPE",
              MOBILE_RADIUS_METERS,
              i + 1));
    }
    return List.copyOf(kiosks);
  }

  static void write(Connection c, Network network, LocalDate anchorDay) throws SQLException {
    Rows rows =
        Rows.into(
            "kiosk",
            "id",
            "point_id",
            "name_zh",
            "name_mn",
            "name_en",
            "orientation",
            "radius_meters",
            "created_at",
            "updated_at");
    // Installed a month before the demo's day, a minute apart: the same rows for the same day.
    OffsetDateTime installed = DemoTime.at(anchorDay.minusDays(30), 10, 0);
    for (Kiosk k : plan(network)) {
      OffsetDateTime at = installed.plusMinutes(k.minute());
      rows.add(
          k.id(),
          k.pointId(),
          k.name().zh(),
          k.name().mn(),
          k.name().en(),
          k.orientation(),
          k.radiusMeters(),
          at,
          at);
    }
    rows.write(c);
  }
}
