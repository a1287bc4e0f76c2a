package org.practicemap.db.demo;

import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Random;

/**
 * The events the article tells of: the New-Year fun games of Mingren Subdistrict (held on the last
 * 30 December before the demo's day) and the 76-stall market at the central square of Xilamulun
 * Park (the last summer Saturday before it), plus one market with stalls in the weeks ahead.
 */
final class ArticleEvents {
  private static final long SEED = 76L;

  /** The 76-stall market drew the biggest crowd of the year: a large share of the attendance. */
  private static final double MARKET_CROWD = 150;

  private static final Template GAMES =
      Template.of(
          Codes.SPORTS,
          HEALTHY_LIVING,
          Codes.SPORTS_DEPT,
          "“欢送旧岁 趣味迎新”趣味运动会",
          "\"Farewell to the old year, fun for the new\": neighbourhood games",
          "明仁街道居民欢聚一堂，通过趣味运动拉近距离、融洽感情，让“远亲不如近邻”的老传统焕发新生。",
          "Mingren residents get together for fun games that bring neighbours closer: a near"
              + " neighbour is better than a distant relative.");

  private static final Template MARKET =
      Template.of(
          Codes.MARKET,
          CUSTOMS_REFORM,
          null,
          "文明实践暖心集市：服务惠民 文化润心 公益聚力",
          "Civilization practice market: services, culture and charity for all",
          "国防教育、爱心义诊、政策宣传、法律援助、非遗手工、义务理发等76个暖心摊位一字排开，群众一站逛齐。",
          "76 stalls side by side: national-defence education, free clinics, policy advice,"
              + " legal aid, heritage crafts, free haircuts and more, all in one place.");

  private static final Template UPCOMING_MARKET =
      Template.of(
          Codes.MARKET,
          CUSTOMS_REFORM,
          null,
          "新时代文明实践便民集市",
          "New-era civilization practice community market",
          "38个便民摊位：义诊、政策咨询、法律援助、非遗手作、义务理发和农产品展销。",
          "38 stalls: health checks, policy advice, legal aid, heritage crafts, free haircuts and"
              + " local produce.");

  private ArticleEvents() {}

  static void plan(ActivityPlanner planner, Network network, LocalDate anchorDay, Drafts out) {
    Random r = new Random(SEED);
    DemoPoint mingren = network.institute(Townships.indexOf("明仁街道"));
    out.add(planner.fixed(r, GAMES, mingren, lastDecember30(anchorDay), LocalTime.of(14, 30), 120));

    DemoPoint square = network.venue(Venues.SQUARE_INDEX);
    DemoActivity market =
        planner.fixed(r, MARKET, square, lastSummerSaturday(anchorDay), LocalTime.of(8, 30), 180);
    out.addMarket(market.withCrowd(MARKET_CROWD), Market.articleStalls());

    LocalDate next = anchorDay.plusDays(7);
    while (next.getDayOfWeek() != DayOfWeek.SATURDAY) {
      next = next.plusDays(1);
    }
    boolean cold = !Template.Season.WARM.allows(next.getMonth());
    DemoPoint where = cold ? network.centre() : square;
    out.addMarket(
        planner.fixed(r, UPCOMING_MARKET, where, next, LocalTime.of(9, 0), 180),
        Market.upcomingStalls());
  }

  static LocalDate lastDecember30(LocalDate anchorDay) {
    LocalDate d = LocalDate.of(anchorDay.getYear(), 12, 30);
    return d.isBefore(anchorDay) ? d : d.minusYears(1);
  }

  /** The last Saturday of June to September at least a week before the demo's day. */
  static LocalDate lastSummerSaturday(LocalDate anchorDay) {
    LocalDate d = anchorDay.minusDays(7);
    while (d.getDayOfWeek() != DayOfWeek.SATURDAY
        || d.getMonthValue() < 6
        || d.getMonthValue() > 9) {
      d = d.minusDays(1);
    }
    return d;
  }
}
