package org.practicemap.db.demo;

import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;
import static org.practicemap.db.demo.ThemeBoards.SCIENCE_FOR_ALL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.practicemap.db.demo.DemoPoint.Level;
import org.practicemap.db.demo.PlaceNames.Place;
import org.practicemap.db.demo.Townships.Township;

/**
 * Lays out the network in id order: the centre (1), the 21 institutes, their 442 stations, the 13
 * bases, 6 convenience points, 30 mobile points and the venues. Paths are the ids from the root
 * down, e.g. '1.5.87'.
 */
final class NetworkBuilder {
  private static final long SEED = 20_251_230L;

  /** Institutes on the map, with their boards (the article's 37 resources include some). */
  private static final Map<String, List<String>> MAPPED_INSTITUTES =
      Map.of(
          "科尔沁街道", List.of(RED_IMPRINT),
          "明仁街道", List.of(CUSTOMS_REFORM, HEALTHY_LIVING),
          "钱家店镇", List.of(ECO_CIVILIZATION),
          "莫力庙苏木", List.of(INTANGIBLE_HERITAGE, ETHNIC_UNITY),
          "大林镇", List.of(SCIENCE_FOR_ALL));

  /** Community spaces on the map: the first station of these townships, and what it offers. */
  private static final Map<String, MappedStation> MAPPED_STATIONS =
      Map.of(
          "明仁街道",
          new MappedStation(
              List.of(CUSTOMS_REFORM, HEALTHY_LIVING),
              new Words(
                  "社区邻里中心：邻里互助、健身角和周末文艺活动，曾举办“欢送旧岁 趣味迎新”趣味运动会。",
                  "A neighbourhood centre: neighbours helping neighbours, a fitness corner and"
                      + " weekend shows; home of the New-Year fun games.")),
          "莫力庙苏木",
          new MappedStation(
              List.of(INTANGIBLE_HERITAGE, ETHNIC_UNITY),
              new Words(
                  "嘎查文化室：乌力格尔说唱、马头琴和蒙古族刺绣，牧民的家门口书场。",
                  "A gacha culture room: Urliger storytelling, the horse-head fiddle and Mongolian"
                      + " embroidery at the herders' doorstep.")),
          "钱家店镇",
          new MappedStation(
              List.of(SCHOLARLY_HORQIN),
              new Words(
                  "农家书屋：农技、法律和儿童读物三千余册，周末亲子阅读。",
                  "A village bookshelf: more than 3,000 books on farming, law and for children,"
                      + " with weekend reading for families.")),
          "科尔沁街道",
          new MappedStation(
              List.of(SCIENCE_FOR_ALL),
              new Words(
                  "社区科普e站：科普大屏、VR体验和防灾减灾知识角。",
                  "A community science corner: a science screen, VR experiences and disaster"
                      + " preparedness.")));

  private static final String[] STATION_BOARDS = {
    CUSTOMS_REFORM, CUSTOMS_REFORM, CUSTOMS_REFORM, SCHOLARLY_HORQIN, SCHOLARLY_HORQIN,
    HEALTHY_LIVING, HEALTHY_LIVING, ETHNIC_UNITY, SCIENCE_FOR_ALL, RED_IMPRINT,
    INTANGIBLE_HERITAGE, ECO_CIVILIZATION,
  };

  private record MappedStation(List<String> themes, Words description) {}

  private final Random r = new Random(SEED);
  private final List<DemoPoint> points = new ArrayList<>();
  private final long[] instituteIds = new long[Townships.ALL.size()];

  static List<DemoPoint> build() {
    NetworkBuilder b = new NetworkBuilder();
    b.centre();
    b.institutes();
    b.stations();
    FeaturedBases.BASES.forEach(b::landmark);
    FeaturedBases.SERVICE_POINTS.forEach(b::landmark);
    b.mobilePoints();
    Venues.ALL.forEach(b::landmark);
    return List.copyOf(b.points);
  }

  private void centre() {
    points.add(
        new DemoPoint(
            1,
            null,
            "1",
            Level.CENTER,
            new Words("科尔沁区新时代文明实践中心", "Horqin District New-Era Civilization Practice Centre"),
            new Words(
                "全区新时代文明实践的总窗口：统筹21个实践所、442个实践站，设志愿服务调度中心、百姓大舞台、" + "非遗展厅和文明实践地图导览屏。",
                "The district's front door to civilization practice: it coordinates 21 institutes"
                    + " and 442 stations and houses the volunteer dispatch desk, a community stage,"
                    + " a heritage hall and the practice-map screens."),
            new Words(
                "通辽市科尔沁区建国路与霍林河大街交汇处",
                "Corner of Jianguo Road and Huolinhe Street, Horqin District, Tongliao"),
            43.6172,
            122.2637,
            phone(),
            true,
            Facilities.ALL,
            List.of(CUSTOMS_REFORM, SCHOLARLY_HORQIN),
            Hours.MUSEUM,
            -1,
            null));
  }

  private void institutes() {
    for (int t = 0; t < Townships.ALL.size(); t++) {
      Township town = Townships.ALL.get(t);
      long id = points.size() + 1;
      instituteIds[t] = id;
      List<String> mapped = MAPPED_INSTITUTES.get(town.name().zh());
      String kind = town.urban() ? "社区" : "村（嘎查）";
      String kindEn = town.urban() ? "community" : "village";
      points.add(
          new DemoPoint(
              id,
              1L,
              "1." + id,
              Level.INSTITUTE,
              new Words(
                  town.name().zh() + "新时代文明实践所",
                  town.name().en() + " New-Era Civilization Practice Institute"),
              new Words(
                  "统筹辖区" + town.stations() + "个" + kind + "实践站，开展理论宣讲、志愿服务和文体活动。",
                  "Coordinates the "
                      + town.stations()
                      + " "
                      + kindEn
                      + " stations of "
                      + town.name().en()
                      + " and runs talks, volunteer services, culture and sports."),
              new Words(
                  "通辽市科尔沁区" + town.name().zh() + "综合文化站",
                  town.name().en() + " Comprehensive Culture Station, Horqin District, Tongliao"),
              round(town.lat()),
              round(town.lng()),
              phone(),
              mapped != null,
              Facilities.pick(
                  r,
                  List.of(Facilities.TOILETS, Facilities.DRINKING_WATER, Facilities.CLASSROOM),
                  List.of(
                      Facilities.WHEELCHAIR_ACCESS,
                      Facilities.PARKING,
                      Facilities.WIFI,
                      Facilities.LIBRARY,
                      Facilities.STAGE),
                  0.6),
              mapped != null ? mapped : twoBoards(),
              Hours.OFFICE,
              t,
              null));
    }
  }

  private void stations() {
    for (int t = 0; t < Townships.ALL.size(); t++) {
      Township town = Townships.ALL.get(t);
      List<Place> places =
          town.urban()
              ? PlaceNames.communities(r, town.stations())
              : PlaceNames.villages(r, town.stations(), town.gachaShare());
      MappedStation mapped = MAPPED_STATIONS.get(town.name().zh());
      int mappedIndex = mapped == null ? -1 : mappedIndex(places, town);
      for (int s = 0; s < places.size(); s++) {
        station(t, places.get(s), s == mappedIndex ? mapped : null);
      }
    }
  }

  /** The first gacha in a Mongolian sumu (its culture room is the point), else the first place. */
  private static int mappedIndex(List<Place> places, Township town) {
    if (town.gachaShare() < 0.5) {
      return 0;
    }
    for (int i = 0; i < places.size(); i++) {
      if (places.get(i).name().zh().endsWith("嘎查")) {
        return i;
      }
    }
    return 0;
  }

  private void station(int t, Place place, MappedStation mapped) {
    Township town = Townships.ALL.get(t);
    long id = points.size() + 1;
    double spreadLat = town.urban() ? 0.010 : 0.060;
    double spreadLng = town.urban() ? 0.014 : 0.080;
    Words description =
        mapped != null
            ? mapped.description()
            : new Words(
                place.name().zh() + "的文明实践阵地：理论宣讲、志愿服务、文体活动和便民服务就在家门口。",
                "The practice station of "
                    + place.name().en()
                    + ": talks, volunteer services, culture, sports and everyday help on the"
                    + " doorstep.");
    points.add(
        new DemoPoint(
            id,
            instituteIds[t],
            "1." + instituteIds[t] + "." + id,
            Level.STATION,
            new Words(
                town.name().zh() + place.name().zh() + "新时代文明实践站",
                place.name().en() + " New-Era Civilization Practice Station, " + town.name().en()),
            description,
            new Words(
                "通辽市科尔沁区" + town.name().zh() + place.name().zh() + place.office().zh(),
                place.office().en()
                    + ", "
                    + place.name().en()
                    + ", "
                    + town.name().en()
                    + ", Horqin District, Tongliao"),
            inBox(town.lat() + spread(spreadLat), true),
            inBox(town.lng() + spread(spreadLng), false),
            phone(),
            mapped != null,
            Facilities.pick(
                r,
                List.of(Facilities.TOILETS),
                List.of(
                    Facilities.WHEELCHAIR_ACCESS,
                    Facilities.WIFI,
                    Facilities.DRINKING_WATER,
                    Facilities.LIBRARY,
                    Facilities.CLASSROOM),
                0.5),
            mapped != null ? mapped.themes() : List.of(stationBoard(place)),
            Hours.OFFICE,
            t,
            place.name()));
  }

  private void landmark(Landmark l) {
    long id = points.size() + 1;
    int t = l.township() == null ? -1 : Townships.indexOf(l.township());
    long parent = t < 0 ? 1 : instituteIds[t];
    points.add(
        new DemoPoint(
            id,
            parent,
            (t < 0 ? "1." : "1." + parent + ".") + id,
            l.level(),
            l.name(),
            l.description(),
            l.address(),
            l.lat(),
            l.lng(),
            phone(),
            l.onMap(),
            l.facilities(),
            l.themes(),
            l.hours(),
            t,
            null));
  }

  /** Two mobile points per subdistrict, one in each of the first eight towns: 30 in all. */
  private void mobilePoints() {
    int[] perTownship = new int[Townships.ALL.size()];
    for (int t = 0; t < perTownship.length; t++) {
      perTownship[t] = Townships.ALL.get(t).urban() ? 2 : (t < 19 ? 1 : 0);
    }
    for (int t = 0; t < perTownship.length; t++) {
      for (int n = 1; n <= perTownship[t]; n++) {
        mobilePoint(t, n);
      }
    }
  }

  private void mobilePoint(int t, int n) {
    Township town = Townships.ALL.get(t);
    long id = points.size() + 1;
    points.add(
        new DemoPoint(
            id,
            instituteIds[t],
            "1." + instituteIds[t] + "." + id,
            Level.MOBILE_POINT,
            new Words(
                town.name().zh() + "流动志愿服务点" + n + "号",
                town.name().en() + " Mobile Volunteer Service Point No. " + n),
            new Words(
                "在居民聚集区、窗口单位和集市轮流驻点，提供义务理发、义诊、政策咨询等志愿服务；当前位置见部署信息。",
                "Moves between residential areas, service windows and markets with free haircuts,"
                    + " health checks and policy advice; its deployment says where it stands now."),
            new Words(
                "通辽市科尔沁区" + town.name().zh() + "新时代文明实践所（流动服务点驻地）",
                "Based at the "
                    + town.name().en()
                    + " practice institute, Horqin District, Tongliao"),
            inBox(town.lat() + spread(0.004), true),
            inBox(town.lng() + spread(0.004), false),
            phone(),
            false,
            List.of(Facilities.DRINKING_WATER),
            List.of(CUSTOMS_REFORM, HEALTHY_LIVING),
            Hours.NONE,
            t,
            null));
  }

  private List<String> twoBoards() {
    List<String> boards = new ArrayList<>();
    while (boards.size() < 2) {
      String b = ThemeBoards.ALL.get(r.nextInt(ThemeBoards.ALL.size())).code();
      if (!boards.contains(b)) {
        boards.add(b);
      }
    }
    return ThemeBoards.ALL.stream().map(ThemeBoards.Board::code).filter(boards::contains).toList();
  }

  private String stationBoard(Place place) {
    if (place.name().zh().endsWith("嘎查") && r.nextDouble() < 0.4) {
      return ETHNIC_UNITY;
    }
    return STATION_BOARDS[r.nextInt(STATION_BOARDS.length)];
  }

  /** A public landline of Tongliao (area code 0475, seven-digit local numbers). */
  private String phone() {
    int[] firstDigits = {2, 6, 8};
    return String.format(
        Locale.ROOT,
        "0475-%d%06d",
        firstDigits[r.nextInt(firstDigits.length)],
        r.nextInt(1_000_000));
  }

  private double spread(double max) {
    return (r.nextDouble() * 2 - 1) * max;
  }

  /** Keeps generated positions inside the district's box, a little in from its edges. */
  private static double inBox(double value, boolean latitude) {
    double min = latitude ? 43.42 : 121.92;
    double max = latitude ? 43.88 : 122.58;
    return round(Math.max(min, Math.min(max, value)));
  }

  static double round(double degrees) {
    return Math.round(degrees * 1_000_000) / 1_000_000.0;
  }
}
