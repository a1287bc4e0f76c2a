package org.practicemap.stats;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.practicemap.common.LocalizedText;

/**
 * Names for the keys of groups whose values are enums or months. Mongolian names are left out
 * (null: the Chinese one is shown, as for every untranslated text) until a verified translation
 * exists.
 */
final class Labels {
  private Labels() {}

  private static final Map<String, LocalizedText> LEVELS =
      Map.of(
          "CENTER", zhEn("实践中心", "Practice centre"),
          "INSTITUTE", zhEn("实践所", "Practice institute"),
          "STATION", zhEn("实践站", "Practice station"),
          "BASE", zhEn("实践基地", "Practice base"),
          "SERVICE_POINT", zhEn("便民实践点", "Convenience point"),
          "MOBILE_POINT", zhEn("流动志愿服务点", "Mobile service point"),
          "VENUE", zhEn("场馆", "Venue"));

  private static final Map<String, LocalizedText> CATEGORIES =
      Map.ofEntries(
          Map.entry("CLASS", zhEn("课堂", "Class")),
          Map.entry("LECTURE", zhEn("宣讲", "Lecture")),
          Map.entry("FESTIVAL", zhEn("节日活动", "Festival event")),
          Map.entry("MARKET", zhEn("文明集市", "Market")),
          Map.entry("FREE_CLINIC", zhEn("义诊", "Free clinic")),
          Map.entry("VOLUNTEER_SERVICE", zhEn("志愿服务", "Volunteer service")),
          Map.entry("SPORTS", zhEn("体育", "Sports")),
          Map.entry("PERFORMANCE", zhEn("演出", "Performance")),
          Map.entry("EXHIBITION", zhEn("展览", "Exhibition")),
          Map.entry("READING", zhEn("阅读", "Reading")),
          Map.entry("OTHER", zhEn("其他", "Other")));

  private static final Map<String, LocalizedText> FESTIVALS =
      Map.of(
          "SPRING_FESTIVAL", zhEn("春节", "Spring Festival"),
          "LANTERN_FESTIVAL", zhEn("元宵节", "Lantern Festival"),
          "QINGMING", zhEn("清明节", "Qingming Festival"),
          "DRAGON_BOAT", zhEn("端午节", "Dragon Boat Festival"),
          "QIXI", zhEn("七夕节", "Qixi Festival"),
          "MID_AUTUMN", zhEn("中秋节", "Mid-Autumn Festival"),
          "DOUBLE_NINTH", zhEn("重阳节", "Double Ninth Festival"),
          "LABA", zhEn("腊八节", "Laba Festival"));

  private static final Map<String, LocalizedText> DEPARTMENTS =
      Map.ofEntries(
          Map.entry("CULTURE_TOURISM", zhEn("文化旅游", "Culture and tourism")),
          Map.entry("HEALTH", zhEn("卫生健康", "Health")),
          Map.entry("EDUCATION", zhEn("教育", "Education")),
          Map.entry("SPORTS", zhEn("体育", "Sports")),
          Map.entry("CIVIL_AFFAIRS", zhEn("民政", "Civil affairs")),
          Map.entry("JUSTICE", zhEn("司法", "Justice")),
          Map.entry("VETERANS_DEFENCE", zhEn("退役军人事务与国防教育", "Veterans and defence")),
          Map.entry("ECOLOGY", zhEn("生态环境", "Ecology")),
          Map.entry("AGRICULTURE", zhEn("农牧业", "Agriculture")),
          Map.entry("SCIENCE", zhEn("科协", "Science")),
          Map.entry("WOMEN_FEDERATION", zhEn("妇联", "Women's federation")),
          Map.entry("YOUTH_LEAGUE", zhEn("团委", "Youth League")));

  private static final Map<GroupBy, LocalizedText> NONE =
      Map.of(
          GroupBy.THEME, zhEn("未分主题", "No theme board"),
          GroupBy.FESTIVAL, zhEn("非节日活动", "Not a festival event"),
          GroupBy.DEPARTMENT, zhEn("未注明部门", "No department"));

  /** The name of an enum key of {@code by}; the key itself when it is unknown. */
  static LocalizedText of(GroupBy by, String key) {
    if (key.equals(GroupBy.NONE) && NONE.containsKey(by)) {
      return NONE.get(by);
    }
    Map<String, LocalizedText> names =
        switch (by) {
          case LEVEL -> LEVELS;
          case CATEGORY -> CATEGORIES;
          case FESTIVAL -> FESTIVALS;
          case DEPARTMENT -> DEPARTMENTS;
          default -> Map.of();
        };
    return names.getOrDefault(key, new LocalizedText(key, null, null));
  }

  /** 2026年3月, March 2026. */
  static LocalizedText month(LocalDate month) {
    return zhEn(
        month.getYear() + "年" + month.getMonthValue() + "月",
        month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear());
  }

  private static LocalizedText zhEn(String zh, String en) {
    return new LocalizedText(zh, null, en);
  }
}
