package org.practicemap.db.demo;

import static org.practicemap.db.demo.Facilities.CLASSROOM;
import static org.practicemap.db.demo.Facilities.DRINKING_WATER;
import static org.practicemap.db.demo.Facilities.LIBRARY;
import static org.practicemap.db.demo.Facilities.NURSING_ROOM;
import static org.practicemap.db.demo.Facilities.PARKING;
import static org.practicemap.db.demo.Facilities.STAGE;
import static org.practicemap.db.demo.Facilities.TOILETS;
import static org.practicemap.db.demo.Facilities.WHEELCHAIR_ACCESS;
import static org.practicemap.db.demo.Facilities.WIFI;
import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;
import static org.practicemap.db.demo.ThemeBoards.SCIENCE_FOR_ALL;

import java.util.List;
import org.practicemap.db.demo.DemoPoint.Level;

/**
 * The 13 featured practice bases (特色实践基地), all on the map, and the 6 convenience practice points
 * (便民实践点) at places people pass anyway. Names and descriptions are illustrative, after the kind of
 * places the article lists; addresses are made up.
 */
final class FeaturedBases {
  static final List<Landmark> BASES =
      List.of(
          base(
              "科尔沁街道",
              "科尔沁区红色教育实践基地（革命历史纪念馆）",
              "Horqin Red Education Base (Revolutionary History Memorial Hall)",
              "以图片、实物和场景复原讲述科尔沁地区的革命斗争历史，是党史学习和青少年红色研学的基地。",
              "Photographs, objects and reconstructed scenes tell the revolutionary history of"
                  + " Horqin; a base for party-history study and red study tours for young people.",
              "通辽市科尔沁区和平路36号",
              "No. 36 Heping Road, Horqin District, Tongliao",
              43.6230,
              122.2555,
              List.of(RED_IMPRINT),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, PARKING, TOILETS, DRINKING_WATER, CLASSROOM)),
          base(
              "东郊街道",
              "通辽市烈士陵园爱国主义教育基地",
              "Tongliao Martyrs' Cemetery Patriotic Education Base",
              "安葬和纪念为民族解放与国家建设献身的烈士，清明祭扫和入队入团仪式常在这里举行。",
              "Resting place and memorial of those who gave their lives for liberation and the"
                  + " country; Qingming remembrance and youth pledge ceremonies are held here.",
              "通辽市科尔沁区东郊街道陵园路1号",
              "No. 1 Lingyuan Road, Dongjiao Subdistrict, Horqin District, Tongliao",
              43.6390,
              122.3250,
              List.of(RED_IMPRINT),
              Hours.GROUNDS,
              List.of(PARKING, TOILETS)),
          base(
              "明仁街道",
              "科尔沁蒙古族刺绣非遗传习基地",
              "Horqin Mongolian Embroidery Heritage Workshop",
              "非遗传承人常驻授艺，开设科尔沁蒙古族刺绣体验课，展示传统纹样与生活用品。",
              "Heritage bearers teach here: Horqin Mongolian embroidery classes and an exhibition"
                  + " of traditional patterns and everyday pieces.",
              "通辽市科尔沁区明仁大街128号",
              "No. 128 Mingren Street, Horqin District, Tongliao",
              43.6335,
              122.2805,
              List.of(INTANGIBLE_HERITAGE),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, TOILETS, DRINKING_WATER, CLASSROOM)),
          base(
              "施介街道",
              "科尔沁民歌传承实践基地",
              "Horqin Folk Song Heritage Base",
              "传唱《嘎达梅林》《诺恩吉雅》等科尔沁民歌，定期举办民歌教唱和演出。",
              "Horqin folk songs such as Gada Meiren and Nuenjiya are sung and taught here, with"
                  + " regular lessons and concerts.",
              "通辽市科尔沁区西拉木伦大街56号",
              "No. 56 Xilamulun Street, Horqin District, Tongliao",
              43.6425,
              122.2420,
              List.of(INTANGIBLE_HERITAGE, ETHNIC_UNITY),
              Hours.MUSEUM,
              List.of(TOILETS, DRINKING_WATER, STAGE, CLASSROOM)),
          base(
              "科尔沁街道",
              "乌力格尔说唱艺术传习基地",
              "Urliger Storytelling Heritage Base",
              "乌力格尔（蒙古语说书）艺人以四胡伴奏说唱英雄故事，设有书场和传习教室。",
              "Urliger (Mongolian storytelling) artists tell heroic tales to the four-stringed"
                  + " fiddle; a story hall and a teaching room.",
              "通辽市科尔沁区科尔沁大街88号",
              "No. 88 Horqin Street, Horqin District, Tongliao",
              43.6198,
              122.2660,
              List.of(INTANGIBLE_HERITAGE, ETHNIC_UNITY),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, TOILETS, STAGE, CLASSROOM)),
          base(
              "育新镇",
              "西辽河湿地生态教育实践基地",
              "West Liao River Wetland Ecological Education Base",
              "湿地步道、观鸟台和生态科普小馆，春秋两季可观赏迁徙水鸟。",
              "Wetland boardwalks, a bird hide and a small nature centre; migrating water birds in"
                  + " spring and autumn.",
              "通辽市科尔沁区育新镇西辽河北岸湿地",
              "Wetland on the north bank of the West Liao River, Yuxin Town, Horqin District",
              43.6650,
              122.3000,
              List.of(ECO_CIVILIZATION),
              Hours.GROUNDS,
              List.of(PARKING, TOILETS, CLASSROOM)),
          base(
              "莫力庙苏木",
              "莫力庙水库生态文明实践基地",
              "Molimiao Reservoir Ecological Civilization Base",
              "以水源保护和沙地治理为主题，开展植树护绿和生态研学。",
              "Water-source protection and sandy-land restoration: tree planting and ecology"
                  + " study trips.",
              "通辽市科尔沁区莫力庙苏木莫力庙水库",
              "Molimiao Reservoir, Molimiao Sumu, Horqin District, Tongliao",
              43.7350,
              121.9650,
              List.of(ECO_CIVILIZATION),
              Hours.GROUNDS,
              List.of(PARKING, TOILETS)),
          base(
              "永清街道",
              "移风易俗文明婚俗实践基地",
              "Civil Wedding Customs Base",
              "设在婚姻登记处旁的文明婚礼堂，提供集体婚礼、颁证仪式和婚俗新风宣讲。",
              "A wedding hall beside the marriage registry: group weddings, certificate"
                  + " ceremonies and talks on modest wedding customs.",
              "通辽市科尔沁区永清大街66号",
              "No. 66 Yongqing Street, Horqin District, Tongliao",
              43.6090,
              122.2735,
              List.of(CUSTOMS_REFORM),
              Hours.OFFICE,
              List.of(WHEELCHAIR_ACCESS, PARKING, TOILETS, NURSING_ROOM, STAGE)),
          base(
              "清真街道",
              "民族团结进步教育实践基地",
              "Ethnic Unity Education Base",
              "讲述蒙、汉、回等各族群众共居共学共事共乐的故事，开展民族团结进步宣讲。",
              "Stories of Mongolian, Han, Hui and other neighbours living, learning and working"
                  + " together; talks on ethnic unity.",
              "通辽市科尔沁区清真街道民族路18号",
              "No. 18 Minzu Road, Qingzhen Subdistrict, Horqin District, Tongliao",
              43.6105,
              122.2460,
              List.of(ETHNIC_UNITY),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, TOILETS, DRINKING_WATER, CLASSROOM)),
          base(
              "西门街道",
              "科尔沁书香阅读实践基地",
              "Horqin Reading Base",
              "藏书三万余册，设蒙汉双语阅览区、少儿绘本馆和读书会活动室。",
              "More than 30,000 books, a Mongolian-Chinese reading room, a children's"
                  + " picture-book corner and a book-club room.",
              "通辽市科尔沁区新华大街105号",
              "No. 105 Xinhua Street, Horqin District, Tongliao",
              43.6172,
              122.2345,
              List.of(SCHOLARLY_HORQIN),
              Hours.LIBRARY,
              List.of(WHEELCHAIR_ACCESS, WIFI, TOILETS, NURSING_ROOM, DRINKING_WATER, LIBRARY)),
          base(
              "建国街道",
              "青少年科普教育实践基地",
              "Youth Popular Science Base",
              "机器人、天文和航空航天互动展项，周末开设青少年科学实验课。",
              "Hands-on robotics, astronomy and aerospace exhibits, with weekend science lessons"
                  + " for young people.",
              "通辽市科尔沁区建国路210号",
              "No. 210 Jianguo Road, Horqin District, Tongliao",
              43.6265,
              122.2470,
              List.of(SCIENCE_FOR_ALL),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, PARKING, WIFI, TOILETS, DRINKING_WATER, CLASSROOM)),
          base(
              "钱家店镇",
              "钱家店现代农业科技示范基地",
              "Qianjiadian Modern Farming Technology Base",
              "玉米高产、节水灌溉和黑土地保护示范田，农技人员现场授课。",
              "Demonstration fields for high-yield maize, water-saving irrigation and soil"
                  + " protection, with farm technicians teaching on site.",
              "通辽市科尔沁区钱家店镇农业科技示范园",
              "Farming Technology Park, Qianjiadian Town, Horqin District, Tongliao",
              43.7520,
              122.3720,
              List.of(SCIENCE_FOR_ALL, ECO_CIVILIZATION),
              Hours.GROUNDS,
              List.of(PARKING, TOILETS, CLASSROOM)),
          base(
              "红星街道",
              "全民健身实践基地",
              "Fitness-for-All Base",
              "室内篮球馆、乒乓球室和健身步道，提供体质测试和科学健身指导。",
              "Indoor basketball, table tennis and a fitness trail, with fitness tests and"
                  + " coaching.",
              "通辽市科尔沁区红星路99号",
              "No. 99 Hongxing Road, Horqin District, Tongliao",
              43.6060,
              122.2890,
              List.of(HEALTHY_LIVING),
              Hours.SPORTS_HALL,
              List.of(WHEELCHAIR_ACCESS, PARKING, TOILETS, DRINKING_WATER)));

  static final List<Landmark> SERVICE_POINTS =
      List.of(
          service("建国街道", "科尔沁区政务服务中心", "Horqin Government Service Centre", 43.6275, 122.2525),
          service("铁南街道", "通辽站", "Tongliao Railway Station", 43.6035, 122.2610),
          service("西门街道", "科尔沁区汽车客运站", "Horqin Coach Station", 43.6150, 122.2300),
          service("永清街道", "科尔沁区人民医院", "Horqin District People's Hospital", 43.6125, 122.2665),
          service("明仁街道", "明仁农贸市场", "Mingren Farmers' Market", 43.6300, 122.2840),
          service("大林镇", "大林镇便民服务中心", "Dalin Town Service Centre", 43.6120, 122.5180));

  private FeaturedBases() {}

  private static Landmark base(
      String township,
      String zh,
      String en,
      String descriptionZh,
      String descriptionEn,
      String addressZh,
      String addressEn,
      double lat,
      double lng,
      List<String> themes,
      Hours hours,
      List<String> facilities) {
    return new Landmark(
        Level.BASE,
        township,
        new Words(zh, en),
        new Words(descriptionZh, descriptionEn),
        new Words(addressZh, addressEn),
        lat,
        lng,
        themes,
        hours,
        Facilities.ordered(facilities),
        true);
  }

  private static Landmark service(String township, String zh, String en, double lat, double lng) {
    Words place = new Words(zh, en);
    return new Landmark(
        Level.SERVICE_POINT,
        township,
        new Words(zh + "便民实践点", "Convenience Practice Point, " + en),
        new Words(
            "设在" + zh + "的便民实践点：政策咨询、志愿引导、应急药箱和饮水，随到随办。",
            "A convenience point at "
                + en
                + ": policy advice, volunteer guides, a first-aid kit and drinking water, no"
                + " appointment needed."),
        new Words("通辽市科尔沁区" + zh, place.en() + ", Horqin District, Tongliao"),
        lat,
        lng,
        List.of(CUSTOMS_REFORM, HEALTHY_LIVING),
        Hours.SERVICE,
        List.of(WHEELCHAIR_ACCESS, WIFI, TOILETS, DRINKING_WATER),
        false);
  }
}
