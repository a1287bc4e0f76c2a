package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.demo.DemoPoint.Level;

/** The practice network of Horqin District: "中心—所—站—基地—点" plus venues. */
final class Network {
  private final List<DemoPoint> points;
  private final Map<Level, List<DemoPoint>> byLevel = new EnumMap<>(Level.class);
  private final Map<String, List<DemoPoint>> mapPointsByBoard = new HashMap<>();

  Network(List<DemoPoint> points) {
    this.points = points;
    for (Level level : Level.values()) {
      byLevel.put(level, points.stream().filter(p -> p.level() == level).toList());
    }
    for (ThemeBoards.Board board : ThemeBoards.ALL) {
      mapPointsByBoard.put(
          board.code(),
          points.stream().filter(p -> p.onMap() && p.themes().contains(board.code())).toList());
    }
  }

  static Network build() {
    return new Network(NetworkBuilder.build());
  }

  List<DemoPoint> all() {
    return points;
  }

  DemoPoint centre() {
    return points.get(0);
  }

  List<DemoPoint> level(Level level) {
    return byLevel.get(level);
  }

  /** The map points on a theme board: the places its activities naturally go to. */
  List<DemoPoint> onBoard(String theme) {
    return mapPointsByBoard.get(theme);
  }

  DemoPoint institute(int township) {
    return points.get(township + 1);
  }

  List<DemoPoint> stationsOf(int township) {
    return level(Level.STATION).stream().filter(p -> p.township() == township).toList();
  }

  DemoPoint venue(int index) {
    return level(Level.VENUE).get(index);
  }

  void write(Connection c, LocalDate anchorDay) throws SQLException {
    Rows rows =
        Rows.into(
            "point",
            "id",
            "parent_id",
            "path",
            "level",
            "name_zh",
            "name_mn",
            "name_en",
            "description_zh",
            "description_mn",
            "description_en",
            "address_zh",
            "address_mn",
            "address_en",
            "lat",
            "lng",
            "phone",
            "on_map",
            "facilities",
            "created_at",
            "updated_at");
    Rows themes = Rows.into("point_theme", "point_id", "theme_code");
    // The network was drawn about eighteen months before the demo's day.
    OffsetDateTime drawn = DemoTime.at(anchorDay.minusDays(540), 9, 0);
    for (DemoPoint p : points) {
      OffsetDateTime created = drawn.plusMinutes(p.id());
      rows.add(
          p.id(),
          p.parentId(),
          p.path(),
          p.level().name(),
          p.name().zh(),
          p.name().mn(),
          p.name().en(),
          p.description().zh(),
          p.description().mn(),
          p.description().en(),
          p.address().zh(),
          p.address().mn(),
          p.address().en(),
          p.lat(),
          p.lng(),
          p.phone(),
          p.onMap(),
          p.facilities().toArray(String[]::new),
          created,
          created);
      for (String theme : p.themes()) {
        themes.add(p.id(), theme);
      }
    }
    rows.write(c);
    themes.write(c);
  }
}
