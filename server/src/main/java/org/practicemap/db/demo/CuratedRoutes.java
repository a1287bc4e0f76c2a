package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One recommended walk per theme board ("follow the recommended route"), through the board's map
 * points in the town centre, each under an hour and a half on foot. Stops are found by their
 * Chinese names, so the routes follow the network however its ids are laid out; a stop that is not
 * there is left out, and a route left with fewer than two stops is not written.
 */
final class CuratedRoutes {
  private CuratedRoutes() {}

  record Stop(String pointName, int stayMinutes, Words note) {}

  record Curated(String theme, Words name, Words description, List<Stop> stops) {}

  static final List<Curated> ALL =
      List.of(
          new Curated(
              ThemeBoards.RED_IMPRINT,
              new Words("红色足迹·城区步行线", "Red Footsteps: a walk through town"),
              new Words(
                  "从革命历史纪念馆出发，经科尔沁街道实践所，到通辽市博物馆的近现代史展厅。博物馆周一闭馆。",
                  "From the Revolutionary History Memorial past the Horqin Subdistrict institute to"
                      + " the modern-history galleries of Tongliao Museum. The museum is closed on"
                      + " Mondays."),
              List.of(
                  stop(
                      "科尔沁区红色教育实践基地（革命历史纪念馆）",
                      45,
                      "看革命历史陈列",
                      "The revolutionary history exhibition"),
                  stop("科尔沁街道新时代文明实践所", 20, "红色故事宣讲角", "The red-story corner"),
                  stop("通辽市博物馆", 45, "近现代史展厅", "The modern-history galleries"))),
          new Curated(
              ThemeBoards.INTANGIBLE_HERITAGE,
              new Words("邂逅非遗·手艺与说唱", "Encounter Heritage: crafts and storytelling"),
              new Words(
                  "文化馆非遗展示、乌力格尔说唱、科尔沁蒙古族刺绣传习，最后到博物馆非遗展厅。",
                  "Heritage displays at the Cultural Centre, Urliger storytelling, Horqin Mongolian"
                      + " embroidery, and the museum's intangible-heritage hall to finish."),
              List.of(
                  stop("科尔沁区文化馆", 30, "非遗展示厅", "The heritage display hall"),
                  stop("乌力格尔说唱艺术传习基地", 30, "听一段乌力格尔", "Listen to Urliger storytelling"),
                  stop("科尔沁蒙古族刺绣非遗传习基地", 40, "看刺绣传承人现场教学", "Watch embroidery masters teach"),
                  stop("通辽市博物馆", 40, "非遗展厅", "The intangible-heritage hall"))),
          new Curated(
              ThemeBoards.ECO_CIVILIZATION,
              new Words("西辽河生态·展馆到湿地", "West Liao River: from the gallery to the wetland"),
              new Words(
                  "先在生态文明展示馆了解西辽河，再沿河北行到湿地教育基地观鸟。",
                  "Learn about the West Liao River at the ecology gallery, then walk north along the"
                      + " river to the wetland education base to watch birds."),
              List.of(
                  stop("西辽河生态文明展示馆", 40, "西辽河流域展", "The West Liao River exhibition"),
                  stop("西辽河湿地生态教育实践基地", 60, "湿地观鸟步道", "The birdwatching boardwalk"))),
          new Curated(
              ThemeBoards.CUSTOMS_REFORM,
              new Words("移风易俗·文明新风线", "Reforming Customs: a walk of new ways"),
              new Words(
                  "婚俗实践基地、文明新风主题广场、实践中心，到西拉木伦公园中心广场的文明集市。",
                  "The thrift-wedding base, the New Ways square and the practice centre, ending at"
                      + " the civilization market of Xilamulun Park's central square."),
              List.of(
                  stop("移风易俗文明婚俗实践基地", 30, "简办婚事展示", "Simple-wedding displays"),
                  stop("文明新风主题广场", 20, "新风宣传长廊", "The new-ways gallery"),
                  stop("科尔沁区新时代文明实践中心", 30, "实践中心展厅", "The centre's exhibition hall"),
                  stop("西拉木伦公园中心广场（文明实践广场）", 40, "文明集市", "The civilization market"))),
          new Curated(
              ThemeBoards.ETHNIC_UNITY,
              new Words("民族团结·石榴籽之路", "Ethnic Unity: the pomegranate-seed walk"),
              new Words(
                  "从民族团结主题公园到教育实践基地，再听乌力格尔说唱。",
                  "From Ethnic Unity Park to the unity education base, then Urliger storytelling."),
              List.of(
                  stop("民族团结主题公园", 30, "团结主题雕塑", "The unity sculptures"),
                  stop("民族团结进步教育实践基地", 40, "民族团结进步展", "The ethnic-unity exhibition"),
                  stop("乌力格尔说唱艺术传习基地", 30, "乌力格尔演出", "An Urliger performance"))),
          new Curated(
              ThemeBoards.SCHOLARLY_HORQIN,
              new Words("书香科尔沁·读书人的一天", "Scholarly Horqin: a reader's day"),
              new Words(
                  "老年大学、区图书馆、青少年活动中心，到城市书房结束，老少都能找到一本书。",
                  "The seniors' university, the district library and the youth centre, ending at the"
                      + " city study room: a book for every age."),
              List.of(
                  stop("科尔沁区老年大学", 30, "书画班作品", "Calligraphy class works"),
                  stop("科尔沁区图书馆", 45, "蒙古文图书专区", "The Mongolian-language shelves"),
                  stop("科尔沁区青少年活动中心", 30, "少儿阅读角", "The children's reading corner"),
                  stop("科尔沁区城市书房（明仁店）", 40, "24小时自助借阅", "Self-service lending"))),
          new Curated(
              ThemeBoards.SCIENCE_FOR_ALL,
              new Words("科学普及·动手探索线", "Science for All: hands-on discovery"),
              new Words(
                  "青少年科普基地、青少年活动中心，到通辽市科技馆的互动展区。科技馆周一闭馆。",
                  "The youth science base and the youth centre, then the hands-on halls of the"
                      + " Science and Technology Museum. The museum is closed on Mondays."),
              List.of(
                  stop("青少年科普教育实践基地", 40, "科普实验课", "A science workshop"),
                  stop("科尔沁区青少年活动中心", 30, "创客空间", "The maker space"),
                  stop("通辽市科技馆", 60, "航天互动展区", "The spaceflight hall"))),
          new Curated(
              ThemeBoards.HEALTHY_LIVING,
              new Words("健康生活·运动打卡线", "Healthy Living: an active loop"),
              new Words(
                  "全民健身基地、体育公园、全民健身中心，一路走一路练。",
                  "The fitness base, the sports park and the fitness centre: walk and exercise."),
              List.of(
                  stop("全民健身实践基地", 30, "健身器材区", "The fitness equipment"),
                  stop("科尔沁区体育公园", 40, "健步道", "The walking track"),
                  stop("科尔沁区全民健身中心", 45, "体质监测", "A free fitness check"))));

  private static Stop stop(String pointName, int stayMinutes, String noteZh, String noteEn) {
    return new Stop(pointName, stayMinutes, new Words(noteZh, noteEn));
  }

  static void write(Connection c) throws SQLException {
    long owner = centreId(c);
    int sortOrder = 0;
    for (Curated route : ALL) {
      List<long[]> stops = stopIds(c, route);
      if (stops.size() >= 2) {
        writeRoute(c, owner, route, sortOrder++, stops);
      }
    }
  }

  private static long centreId(Connection c) throws SQLException {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery("SELECT id FROM point WHERE level = 'CENTER' ORDER BY id")) {
      if (!rs.next()) {
        throw new IllegalStateException("The demo network has no centre to own its routes");
      }
      return rs.getLong(1);
    }
  }

  /** {point id, stop index} of the stops found, in route order. */
  private static List<long[]> stopIds(Connection c, Curated route) throws SQLException {
    List<long[]> found = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement("SELECT id FROM point WHERE name_zh = ? AND on_map ORDER BY id")) {
      for (int i = 0; i < route.stops().size(); i++) {
        st.setString(1, route.stops().get(i).pointName());
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next()) {
            found.add(new long[] {rs.getLong(1), i});
          }
        }
      }
    }
    return found;
  }

  private static void writeRoute(
      Connection c, long owner, Curated route, int sortOrder, List<long[]> stops)
      throws SQLException {
    long routeId;
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO route (owner_point_id, theme_code, mode, name_zh, name_mn, name_en,"
                + " description_zh, description_mn, description_en, sort_order)"
                + " VALUES (?, ?, 'WALK', ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      st.setLong(1, owner);
      st.setString(2, route.theme());
      st.setString(3, route.name().zh());
      st.setString(4, route.name().mn());
      st.setString(5, route.name().en());
      st.setString(6, route.description().zh());
      st.setString(7, route.description().mn());
      st.setString(8, route.description().en());
      st.setInt(9, sortOrder);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        routeId = rs.getLong(1);
      }
    }
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO route_stop (route_id, position, point_id, stay_minutes, note_zh, note_mn,"
                + " note_en) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int position = 1;
      for (long[] stop : stops) {
        Stop s = route.stops().get((int) stop[1]);
        st.setLong(1, routeId);
        st.setInt(2, position++);
        st.setLong(3, stop[0]);
        st.setInt(4, s.stayMinutes());
        st.setString(5, s.note().zh());
        st.setString(6, s.note().mn());
        st.setString(7, s.note().en());
        st.addBatch();
      }
      st.executeBatch();
    }
  }
}
