package org.practicemap.db.demo;

import java.util.List;
import java.util.Random;
import org.practicemap.db.demo.DemoPoint.Level;
import org.practicemap.db.demo.Template.Where;

/**
 * Chooses where an activity is held. Most of the network's life is in its 442 stations and 21
 * institutes; themed activities go to the map points of their board; street services to where the
 * mobile and convenience points stand.
 */
final class PointPicker {
  private final Network network;
  private final List<DemoPoint> institutes;
  private final List<DemoPoint> stations;
  private final List<DemoPoint> mobile;
  private final List<DemoPoint> servicePoints;
  private final List<DemoPoint> ruralInstitutes;
  private final List<DemoPoint> ruralStations;

  PointPicker(Network network) {
    this.network = network;
    this.institutes = network.level(Level.INSTITUTE);
    this.stations = network.level(Level.STATION);
    this.mobile = network.level(Level.MOBILE_POINT);
    this.servicePoints = network.level(Level.SERVICE_POINT);
    this.ruralInstitutes = institutes.stream().filter(DemoPoint::rural).toList();
    this.ruralStations = stations.stream().filter(DemoPoint::rural).toList();
  }

  DemoPoint pick(Random r, Where where, String theme) {
    return switch (where) {
      case NETWORK -> inNetwork(r);
      case BOARD -> onBoard(r, theme);
      case BOARD_OR_NETWORK -> r.nextBoolean() ? onBoard(r, theme) : inNetwork(r);
      case STREET -> onStreet(r);
      case RURAL -> r.nextDouble() < 0.3 ? any(r, ruralInstitutes) : any(r, ruralStations);
    };
  }

  DemoPoint inNetwork(Random r) {
    double x = r.nextDouble();
    if (x < 0.06) {
      return network.centre();
    }
    return x < 0.34 ? any(r, institutes) : any(r, stations);
  }

  DemoPoint onBoard(Random r, String theme) {
    return any(r, network.onBoard(theme));
  }

  private DemoPoint onStreet(Random r) {
    double x = r.nextDouble();
    if (x < 0.45) {
      return any(r, mobile);
    }
    return x < 0.6 ? any(r, servicePoints) : any(r, stations);
  }

  private static DemoPoint any(Random r, List<DemoPoint> points) {
    return points.get(r.nextInt(points.size()));
  }
}
