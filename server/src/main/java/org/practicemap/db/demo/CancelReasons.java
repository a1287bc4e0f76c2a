package org.practicemap.db.demo;

import java.time.Month;
import java.util.List;
import java.util.Random;

/**
 * Why an activity was called off. The column holds one text, so it carries both languages, the way
 * a notice on a kiosk would.
 */
final class CancelReasons {
  private static final List<String> ANY_SEASON =
      List.of(
          "因场地维修取消 / Cancelled: the venue is under repair",
          "因主讲人临时有事取消 / Cancelled: the speaker cannot come",
          "因报名人数不足取消 / Cancelled: too few sign-ups",
          "因大风黄色预警取消 / Cancelled: strong-wind warning");
  private static final String SNOW = "因暴雪天气取消 / Cancelled: heavy snow";
  private static final String RAIN = "因暴雨预警取消 / Cancelled: rainstorm warning";

  private CancelReasons() {}

  static String pick(Random r, Month month) {
    int m = month.getValue();
    if (r.nextDouble() < 0.4) {
      if (m >= 11 || m <= 3) {
        return SNOW;
      }
      if (m >= 6 && m <= 8) {
        return RAIN;
      }
    }
    return ANY_SEASON.get(r.nextInt(ANY_SEASON.size()));
  }
}
