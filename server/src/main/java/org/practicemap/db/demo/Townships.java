package org.practicemap.db.demo;

import java.util.List;

/**
 * The 21 subdistricts and towns of Horqin District, one practice institute (所) each, with how many
 * village or community stations (站) hang under them: 442 in all, as the article counts.
 *
 * <p>Positions are approximate, chosen inside the district's box (43.4–43.9 N, 121.9–122.6 E): the
 * subdistricts around the city centre of Tongliao (about 43.62 N, 122.26 E), the towns spread over
 * the countryside. They are not surveyed positions.
 */
final class Townships {
  /**
   * A subdistrict (urban: community stations) or town (rural: village and gacha stations). {@code
   * gachaShare} is the part of villages that are Mongolian gacha (嘎查) rather than 村.
   */
  record Township(
      Words name, double lat, double lng, boolean urban, int stations, double gachaShare) {}

  static final List<Township> ALL =
      List.of(
          urban("科尔沁街道", "Horqin Subdistrict", 43.6215, 122.2620, 14),
          urban("西门街道", "Ximen Subdistrict", 43.6180, 122.2380, 13),
          urban("明仁街道", "Mingren Subdistrict", 43.6320, 122.2780, 16),
          urban("永清街道", "Yongqing Subdistrict", 43.6105, 122.2700, 15),
          urban("铁南街道", "Tienan Subdistrict", 43.6000, 122.2560, 12),
          urban("建国街道", "Jianguo Subdistrict", 43.6250, 122.2500, 14),
          urban("施介街道", "Shijie Subdistrict", 43.6400, 122.2450, 13),
          urban("红星街道", "Hongxing Subdistrict", 43.6080, 122.2850, 15),
          urban("团结街道", "Tuanjie Subdistrict", 43.6150, 122.2980, 14),
          urban("东郊街道", "Dongjiao Subdistrict", 43.6280, 122.3150, 16),
          urban("清真街道", "Qingzhen Subdistrict", 43.6120, 122.2480, 12),
          rural("大林镇", "Dalin Town", 43.6100, 122.5200, 32, 0.15),
          rural("钱家店镇", "Qianjiadian Town", 43.7450, 122.3600, 31, 0.15),
          rural("余粮堡镇", "Yuliangbao Town", 43.5300, 122.0300, 30, 0.2),
          rural("木里图镇", "Mulitu Town", 43.5200, 122.2600, 29, 0.35),
          rural("丰田镇", "Fengtian Town", 43.5700, 122.1200, 28, 0.2),
          // 清河 and 庆和 are both "Qinghe" without tone marks; the marks keep them apart.
          rural("清河镇", "Qīnghé Town", 43.8200, 122.0800, 27, 0.3),
          rural("育新镇", "Yuxin Town", 43.6900, 122.4300, 29, 0.2),
          rural("庆和镇", "Qìnghé Town", 43.4600, 122.4500, 26, 0.25),
          rural("敖力布皋镇", "Aolibugao Town", 43.7900, 122.5200, 28, 0.5),
          rural("莫力庙苏木", "Molimiao Sumu", 43.7200, 121.9800, 28, 0.8));

  private Townships() {}

  static int indexOf(String zh) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).name().zh().equals(zh)) {
        return i;
      }
    }
    throw new IllegalArgumentException("No township " + zh);
  }

  private static Township urban(String zh, String en, double lat, double lng, int stations) {
    return new Township(new Words(zh, en), lat, lng, true, stations, 0);
  }

  private static Township rural(
      String zh, String en, double lat, double lng, int stations, double gachaShare) {
    return new Township(new Words(zh, en), lat, lng, false, stations, gachaShare);
  }
}
