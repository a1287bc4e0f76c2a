package org.practicemap.db.demo;

import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.practicemap.db.demo.DemoPoint.Level;

/**
 * What a kiosk in the centre shows right after the first start: two exhibitions and a reading day
 * under way, free haircuts this morning, free health checks and a heritage class this afternoon,
 * and a handful of bookable sessions near the centre on each of the next three days. A place that
 * is closed on the day (the centre and museums on Mondays, offices at weekends) hands its activity
 * to a nearby place that is open, or to the city reading room, open daily.
 */
final class Showcase {
  private static final long SEED = 8L;

  private static final Template ACHIEVEMENTS =
      Template.of(
          Codes.EXHIBITION,
          ThemeBoards.CUSTOMS_REFORM,
          Codes.CULTURE_TOURISM,
          "新时代文明实践成果展",
          "New-era civilization practice: a year in pictures",
          "图片和实物回顾一年来全区1680余场文明实践活动。",
          "Photographs and objects from the year's 1,680 and more practice activities.");
  private static final Template EMBROIDERY_SHOW =
      Template.of(
          Codes.EXHIBITION,
          INTANGIBLE_HERITAGE,
          Codes.CULTURE_TOURISM,
          "科尔沁蒙古族刺绣精品展",
          "Masterpieces of Horqin Mongolian embroidery",
          "百余件刺绣精品，传承人每天下午现场演示。",
          "More than a hundred pieces, with heritage bearers at work every afternoon.");
  private static final Template READING_DAY =
      Template.of(
          Codes.READING,
          SCHOLARLY_HORQIN,
          Codes.CULTURE_TOURISM,
          "书香科尔沁 全天阅读打卡",
          "Scholarly Horqin: a day of reading",
          "来书房读一小时书，打卡领取书签。",
          "Read for an hour and collect a bookmark.");

  private Showcase() {}

  static void plan(ActivityPlanner planner, Network network, LocalDate anchorDay, Drafts out) {
    Random r = new Random(SEED);
    DemoPoint centre = network.centre();
    DemoPoint readingRoom = readingRoom(network);
    out.add(planner.fixed(r, ACHIEVEMENTS, centre, anchorDay.minusDays(3), at(9, 0), days(14)));
    out.add(
        planner.fixed(
            r,
            EMBROIDERY_SHOW,
            network.venue(Venues.MUSEUM_INDEX),
            anchorDay.minusDays(10),
            at(9, 0),
            days(30)));
    out.add(planner.fixed(r, READING_DAY, readingRoom, anchorDay, at(9, 0), 11 * 60));
    List<Template> today =
        List.of(
            named(CommunityTemplates.ALL, "义务理发"),
            named(CommunityTemplates.ALL, "血压血糖免费测量"),
            named(LearningTemplates.ALL, "科尔沁刺绣体验课"));
    LocalTime[] starts = {at(9, 0), at(13, 30), at(14, 0)};
    int[] lengths = {180, 180, 120};
    for (int i = 0; i < today.size(); i++) {
      DemoPoint where = open(centre, anchorDay, readingRoom);
      out.add(planner.fixed(r, today.get(i), where, anchorDay, starts[i], lengths[i]));
    }
    List<DemoPoint> near = nearCentre(network);
    List<Template> soon = soon();
    for (int day = 1; day <= 3; day++) {
      LocalDate d = anchorDay.plusDays(day);
      for (int slot = 0; slot < 4; slot++) {
        Template t = soon.get((day * 4 + slot) % soon.size());
        DemoPoint where = openNear(r, near, d, readingRoom);
        LocalTime start = slot < 2 ? at(9 + slot, 30) : at(14 + slot - 2, 30);
        out.add(planner.fixed(r, t, where, d, start, t.minMinutes()));
      }
    }
  }

  private static List<Template> soon() {
    return List.of(
        named(CommunityTemplates.ALL, "乌力格尔说唱欣赏"),
        named(LearningTemplates.ALL, "老年人智能手机课堂"),
        named(LearningTemplates.ALL, "亲子绘本阅读"),
        named(LearningTemplates.ALL, "书法练习课"),
        named(LearningTemplates.ALL, "健康知识讲座"),
        named(LearningTemplates.ALL, "安代舞教学"),
        named(LearningTemplates.ALL, "科普讲座"),
        named(LearningTemplates.ALL, "科尔沁刺绣体验课"));
  }

  /** The centre, the nearby venues and bases, and the stations of the centre's subdistrict. */
  private static List<DemoPoint> nearCentre(Network network) {
    int horqin = Townships.indexOf("科尔沁街道");
    List<DemoPoint> near = new ArrayList<>();
    near.add(network.centre());
    near.add(network.institute(horqin));
    for (DemoPoint p : network.all()) {
      boolean closeBy = distanceKm(p, network.centre()) < 2.5;
      if (closeBy && (p.level() == Level.VENUE || p.level() == Level.BASE)) {
        near.add(p);
      }
    }
    near.addAll(network.stationsOf(horqin).subList(0, 4));
    return near;
  }

  /** One of the places near the centre that is open on the day. */
  private static DemoPoint openNear(
      Random r, List<DemoPoint> near, LocalDate day, DemoPoint fallback) {
    List<DemoPoint> open =
        near.stream().filter(p -> p.hours().opensOn(day.getDayOfWeek())).toList();
    return open.isEmpty() ? fallback : open.get(r.nextInt(open.size()));
  }

  private static DemoPoint open(DemoPoint preferred, LocalDate day, DemoPoint fallback) {
    return preferred.hours().opensOn(day.getDayOfWeek()) ? preferred : fallback;
  }

  private static DemoPoint readingRoom(Network network) {
    return network.level(Level.VENUE).stream()
        .filter(p -> p.hours() == Hours.READING_ROOM)
        .findFirst()
        .orElseThrow();
  }

  /** Flat-earth distance: good enough within a city. */
  private static double distanceKm(DemoPoint a, DemoPoint b) {
    double dLat = (a.lat() - b.lat()) * 111.2;
    double dLng = (a.lng() - b.lng()) * 111.2 * 0.724;
    return Math.sqrt(dLat * dLat + dLng * dLng);
  }

  private static Template named(List<Template> templates, String zh) {
    return templates.stream().filter(t -> t.title().zh().equals(zh)).findFirst().orElseThrow();
  }

  private static LocalTime at(int hour, int minute) {
    return LocalTime.of(hour, minute);
  }

  private static int days(int n) {
    return n * 24 * 60 + 8 * 60;
  }
}
