package org.practicemap.db.demo;

import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;
import static org.practicemap.db.demo.ThemeBoards.SCIENCE_FOR_ALL;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * "One month, one theme" (一月一主题): each month follows the calendar of Chinese observances. The month
 * of the Spring Festival is the intangible-heritage New Year; the other of January and February is
 * for thrifty, civil celebrations. Written for the 12 months before the anchor month, the anchor
 * month and the 11 after it: 24 months, so the kiosk always has this month's theme.
 */
final class MonthlyThemes {
  record Month(String theme, Words title, Words description) {}

  private static final Month NEW_YEAR =
      new Month(
          INTANGIBLE_HERITAGE,
          new Words("我们的节日·非遗闹新春", "Our Festivals: intangible heritage for the New Year"),
          new Words(
              "写春联、剪窗花、听乌力格尔、跳安代舞，在传统技艺里过一个有年味的春节。",
              "Couplets, paper-cuts, Urliger storytelling and Andai dance: a Spring Festival"
                  + " full of traditional crafts."));

  private static final Month THRIFTY_FESTIVALS =
      new Month(
          CUSTOMS_REFORM,
          new Words("移风易俗 文明过节", "Reforming customs: thrifty and civil festivals"),
          new Words(
              "倡导节俭办事、文明祭祀、拒绝高额彩礼和人情攀比，让文明新风走进千家万户。",
              "Modest celebrations, civil memorials and no lavish bride prices or gift"
                  + " contests: new habits for every home."));

  /** March to December; January and February depend on the Spring Festival. */
  private static final Month[] BY_MONTH = {
    null,
    null,
    null,
    new Month(
        CUSTOMS_REFORM,
        new Words("学雷锋 志愿服务月", "Learn from Lei Feng: volunteer month"),
        new Words(
            "三月学雷锋，义务理发、家电维修、便民服务走进社区和嘎查村。",
            "March honours Lei Feng: free haircuts, appliance repairs and everyday help in"
                + " every community and village.")),
    new Month(
        SCHOLARLY_HORQIN,
        new Words("书香科尔沁 全民阅读月", "Scholarly Horqin: reading month"),
        new Words(
            "迎接4月23日世界读书日，读书分享、经典诵读、亲子阅读遍布城乡书屋。",
            "Around World Book Day on 23 April: book clubs, reading the classics and"
                + " parent-child reading in libraries and village bookshelves.")),
    new Month(
        SCIENCE_FOR_ALL,
        new Words("科技活动周 科普惠民", "Science week: science for all"),
        new Words(
            "全国科技活动周期间，科技馆开放日、科普讲座和青少年科学实验走进社区。",
            "National Science and Technology Week: open days at the science museum, talks and"
                + " hands-on experiments for young people.")),
    new Month(
        ECO_CIVILIZATION,
        new Words("六五环境日 生态文明月", "Environment Day: ecological civilization month"),
        new Words(
            "围绕6月5日环境日，湿地观鸟、垃圾分类和西辽河生态保护实践。",
            "Around World Environment Day on 5 June: wetland bird-watching, waste sorting and"
                + " caring for the West Liao River.")),
    new Month(
        RED_IMPRINT,
        new Words("七一颂党恩 红色印记月", "July 1: Red Imprint month"),
        new Words(
            "迎七一，红色研学、党史宣讲和红色经典歌曲传唱。",
            "For the Party's anniversary on 1 July: red-history study tours, talks and"
                + " classic songs.")),
    new Month(
        RED_IMPRINT,
        new Words("八一拥军 国防教育月", "August 1: national-defence education month"),
        new Words(
            "迎八一建军节，国防教育、拥军优属和退役军人志愿服务。",
            "For Army Day on 1 August: national-defence education, support for military"
                + " families and veterans' volunteering.")),
    new Month(
        ETHNIC_UNITY,
        new Words("民族团结一家亲", "Ethnic unity: one family"),
        new Words(
            "中秋团圆时节，蒙汉各族群众同过节、共联欢，铸牢中华民族共同体意识。",
            "At the Mid-Autumn reunion, neighbours of every ethnic group celebrate together.")),
    new Month(
        HEALTHY_LIVING,
        new Words("重阳敬老 健康生活月", "Double Ninth: healthy living month"),
        new Words(
            "重阳节前后，为老人义诊、健康讲座和登高健步走。",
            "Around the Double Ninth Festival: free clinics for older residents, health talks and"
                + " fitness walks.")),
    new Month(
        SCIENCE_FOR_ALL,
        new Words("冬季安全科普月", "Winter safety science month"),
        new Words(
            "11月9日消防日前后，消防、燃气和冬季出行安全科普进社区。",
            "Around Fire Safety Day on 9 November: fire, gas and winter travel safety in every"
                + " community.")),
    new Month(
        HEALTHY_LIVING,
        new Words("冰雪运动 健康过冬", "Ice and snow: a healthy winter"),
        new Words(
            "冰雪嘉年华、室内健身课和冬季健康讲座，带动群众冬季健身。",
            "Ice and snow carnivals, indoor fitness classes and winter health talks.")),
  };

  private MonthlyThemes() {}

  static Month of(YearMonth month) {
    int m = month.getMonthValue();
    if (m > 2) {
      return BY_MONTH[m];
    }
    int springFestivalMonth = Festivals.springFestivalIn(month.getYear()).getMonthValue();
    return m == springFestivalMonth ? NEW_YEAR : THRIFTY_FESTIVALS;
  }

  static void write(Connection c, LocalDate anchorDay) throws SQLException {
    Rows rows =
        Rows.into(
            "monthly_theme",
            "month",
            "theme_code",
            "title_zh",
            "title_mn",
            "title_en",
            "description_zh",
            "description_mn",
            "description_en");
    YearMonth anchor = YearMonth.from(anchorDay);
    for (YearMonth m = anchor.minusMonths(12);
        m.isBefore(anchor.plusMonths(12));
        m = m.plusMonths(1)) {
      Month t = of(m);
      rows.add(
          m.atDay(1),
          t.theme(),
          t.title().zh(),
          t.title().mn(),
          t.title().en(),
          t.description().zh(),
          t.description().mn(),
          t.description().en());
    }
    rows.write(c);
  }
}
