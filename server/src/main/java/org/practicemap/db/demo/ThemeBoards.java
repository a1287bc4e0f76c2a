package org.practicemap.db.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The eight theme boards (八大主题板块). The article names four (Red Imprint, Encounter Intangible
 * Heritage, Ecological Civilization, Reforming Customs); the other four follow the programmes it
 * describes: ethnic unity, reading, popular science, fitness and health.
 *
 * <p>Colours are dark enough for white text and icons on them (contrast at least 4.5:1) and sit on
 * distinct hues, so a board stays recognisable on a small kiosk map; the icon name carries the
 * board for colour-blind readers.
 */
final class ThemeBoards {
  static final String RED_IMPRINT = "RED_IMPRINT";
  static final String INTANGIBLE_HERITAGE = "INTANGIBLE_HERITAGE";
  static final String ECO_CIVILIZATION = "ECO_CIVILIZATION";
  static final String CUSTOMS_REFORM = "CUSTOMS_REFORM";
  static final String ETHNIC_UNITY = "ETHNIC_UNITY";
  static final String SCHOLARLY_HORQIN = "SCHOLARLY_HORQIN";
  static final String SCIENCE_FOR_ALL = "SCIENCE_FOR_ALL";
  static final String HEALTHY_LIVING = "HEALTHY_LIVING";

  record Board(String code, Words name, Words description, String color, String icon) {}

  static final List<Board> ALL =
      List.of(
          new Board(
              RED_IMPRINT,
              new Words("红色印记", "Red Imprint"),
              new Words(
                  "革命历史纪念场馆、烈士陵园和红色教育基地，讲述科尔沁大地的红色故事。",
                  "Memorials, martyrs' cemeteries and revolutionary-history bases that tell"
                      + " the red history of Horqin."),
              "#B71C1C",
              "flag"),
          new Board(
              INTANGIBLE_HERITAGE,
              new Words("邂逅非遗", "Encounter Intangible Heritage"),
              new Words(
                  "蒙古族刺绣、科尔沁民歌、乌力格尔、安代舞等非物质文化遗产的传习与体验。",
                  "Learn and try the intangible heritage of Horqin: Mongolian embroidery,"
                      + " Horqin folk songs, Urliger storytelling and Andai dance."),
              "#6A1B9A",
              "scissors"),
          new Board(
              ECO_CIVILIZATION,
              new Words("生态文明", "Ecological Civilization"),
              new Words(
                  "西辽河湿地、水库与公园里的生态教育、观鸟、植树和垃圾分类实践。",
                  "Ecological education, bird-watching, tree planting and waste sorting at the"
                      + " West Liao River wetlands, reservoirs and parks."),
              "#2E7D32",
              "leaf"),
          new Board(
              CUSTOMS_REFORM,
              new Words("移风易俗", "Reforming Customs"),
              new Words(
                  "倡导婚事新办、丧事简办、节俭过节和文明新风，志愿服务进社区。",
                  "Thrifty weddings and funerals, modest celebrations, civic habits and"
                      + " volunteer services in every community."),
              "#A84300",
              "handshake"),
          new Board(
              ETHNIC_UNITY,
              new Words("民族团结", "Ethnic Unity"),
              new Words(
                  "蒙汉等各族群众交往交流交融，共建共享美好家园。",
                  "Mongolian, Han, Hui and other neighbours meeting, learning and celebrating"
                      + " together."),
              "#1565C0",
              "people"),
          new Board(
              SCHOLARLY_HORQIN,
              new Words("书香科尔沁", "Scholarly Horqin"),
              new Words(
                  "图书馆、城市书房和农家书屋里的全民阅读、经典诵读和读书分享。",
                  "Reading for everyone: libraries, city reading rooms and village bookshelves,"
                      + " book clubs and reading the classics aloud."),
              "#5D4037",
              "book"),
          new Board(
              SCIENCE_FOR_ALL,
              new Words("科普惠民", "Science for All"),
              new Words(
                  "科技馆、科普教育基地和农业科技示范，让科学走近每个人。",
                  "Science museums, popular-science bases and farm-technology demonstrations"
                      + " that bring science to everyone."),
              "#00695C",
              "flask"),
          new Board(
              HEALTHY_LIVING,
              new Words("健康生活", "Healthy Living"),
              new Words(
                  "全民健身、义诊和健康讲座，体育公园和健身中心就在身边。",
                  "Fitness for all, free clinics and health talks, with sports parks and fitness"
                      + " centres close to home."),
              "#AD1457",
              "heart"));

  private ThemeBoards() {}

  static void write(Connection c) throws SQLException {
    Rows rows =
        Rows.into(
            "theme",
            "code",
            "sort_order",
            "name_zh",
            "name_mn",
            "name_en",
            "description_zh",
            "description_mn",
            "description_en",
            "color",
            "icon");
    int order = 1;
    for (Board b : ALL) {
      rows.add(
          b.code(),
          order++,
          b.name().zh(),
          b.name().mn(),
          b.name().en(),
          b.description().zh(),
          b.description().mn(),
          b.description().en(),
          b.color(),
          b.icon());
    }
    rows.write(c);
  }
}
