package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.practicemap.db.demo.DemoPoint.Level;
import org.practicemap.db.demo.Townships.Township;

/**
 * Where the 30 mobile volunteer service points stand, over the demo's two years: a day to a week at
 * a residential square, a service hall or a market fair, from 08:00 on the first day to 18:00 on
 * the last, then the next spot the following morning or a day or two later. At any daytime hour
 * about nine in ten mobile points have a current deployment.
 */
final class Deployments {
  private static final long SEED = 30_030L;
  private static final int[] LENGTHS = {3, 5, 7, 7, 10, 14, 14, 21};
  private static final int[] GAPS = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2};

  record Deployment(
      long id,
      long pointId,
      double lat,
      double lng,
      Words address,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt) {
    boolean covers(OffsetDateTime from, OffsetDateTime to) {
      return !startsAt.isAfter(from) && !endsAt.isBefore(to);
    }
  }

  private record Spot(double lat, double lng, Words address) {}

  private final List<Deployment> all = new ArrayList<>();
  private final Map<Long, List<Deployment>> byPoint = new LinkedHashMap<>();

  static Deployments plan(Network network, LocalDate anchorDay) {
    Deployments d = new Deployments();
    Random r = new Random(SEED);
    for (DemoPoint p : network.level(Level.MOBILE_POINT)) {
      d.schedule(r, p, spots(r, network, p), anchorDay);
    }
    return d;
  }

  List<Deployment> of(long pointId) {
    return byPoint.getOrDefault(pointId, List.of());
  }

  /** The deployment of a mobile point that covers the whole of a time span, if one does. */
  Deployment covering(long pointId, OffsetDateTime from, OffsetDateTime to) {
    for (Deployment d : of(pointId)) {
      if (d.covers(from, to)) {
        return d;
      }
    }
    return null;
  }

  private void schedule(Random r, DemoPoint p, List<Spot> spots, LocalDate anchorDay) {
    LocalDate start = anchorDay.minusDays(366 + r.nextInt(3));
    LocalDate last = anchorDay.plusDays(366);
    int previous = -1;
    List<Deployment> mine = new ArrayList<>();
    while (!start.isAfter(last)) {
      LocalDate end = start.plusDays(LENGTHS[r.nextInt(LENGTHS.length)] - 1);
      int spot = r.nextInt(spots.size());
      if (spot == previous) {
        spot = (spot + 1) % spots.size();
      }
      previous = spot;
      Spot s = spots.get(spot);
      Deployment d =
          new Deployment(
              all.size() + 1,
              p.id(),
              s.lat(),
              s.lng(),
              s.address(),
              DemoTime.at(start, 8, 0),
              DemoTime.at(end, 18, 0));
      all.add(d);
      mine.add(d);
      start = end.plusDays(1 + GAPS[r.nextInt(GAPS.length)]);
    }
    byPoint.put(p.id(), mine);
  }

  /** Four squares of the point's own communities or villages, and two places of the township. */
  private static List<Spot> spots(Random r, Network network, DemoPoint mobile) {
    Township town = Townships.ALL.get(mobile.township());
    List<DemoPoint> stations = network.stationsOf(mobile.township());
    List<Spot> spots = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      DemoPoint s = stations.get(r.nextInt(stations.size()));
      Words place = s.place();
      spots.add(
          new Spot(
              NetworkBuilder.round(s.lat() + jitter(r, 0.002)),
              NetworkBuilder.round(s.lng() + jitter(r, 0.002)),
              new Words(
                  "通辽市科尔沁区" + town.name().zh() + place.zh() + "文化广场",
                  "Culture square, "
                      + place.en()
                      + ", "
                      + town.name().en()
                      + ", Horqin District")));
    }
    DemoPoint institute = network.institute(mobile.township());
    Words[] townPlaces =
        town.urban()
            ? new Words[] {
              new Words("便民服务大厅门前", "In front of the service hall"),
              new Words("农贸市场入口", "At the farmers' market entrance")
            }
            : new Words[] {
              new Words("大集", "At the market fair"),
              new Words("卫生院门前", "In front of the health centre")
            };
    for (Words where : townPlaces) {
      spots.add(
          new Spot(
              NetworkBuilder.round(institute.lat() + jitter(r, 0.006)),
              NetworkBuilder.round(institute.lng() + jitter(r, 0.006)),
              new Words(
                  "通辽市科尔沁区" + town.name().zh() + where.zh(),
                  where.en() + ", " + town.name().en() + ", Horqin District")));
    }
    return spots;
  }

  private static double jitter(Random r, double max) {
    return (r.nextDouble() * 2 - 1) * max;
  }

  void write(Connection c) throws SQLException {
    Rows rows =
        Rows.into(
            "deployment",
            "id",
            "point_id",
            "lat",
            "lng",
            "address_zh",
            "address_mn",
            "address_en",
            "starts_at",
            "ends_at");
    for (Deployment d : all) {
      rows.add(
          d.id(),
          d.pointId(),
          d.lat(),
          d.lng(),
          d.address().zh(),
          d.address().mn(),
          d.address().en(),
          d.startsAt(),
          d.endsAt());
    }
    rows.write(c);
  }
}
