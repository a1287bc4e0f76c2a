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
 * Venues: cultural venues, parks and community spaces that are map resources outside the five-level
 * hierarchy; they hang under the centre. The first is the central square of Xilamulun Park, where
 * the article's 76-stall market stood.
 */
final class Venues {
  static final int SQUARE_INDEX = 0;
  static final int MUSEUM_INDEX = 1;

  static final List<Landmark> ALL =
      List.of(
          venue(
              "西拉木伦公园中心广场（文明实践广场）",
              "Xilamulun Park Central Square (Civilization Practice Square)",
              "城区最大的公园广场，文明集市、广场舞和节庆活动的主会场。",
              "The largest park square of the city: the main ground for civilization markets,"
                  + " square dancing and festival events.",
              "通辽市科尔沁区西拉木伦公园中心广场",
              "Central Square, Xilamulun Park, Horqin District, Tongliao",
              43.6440,
              122.2640,
              List.of(CUSTOMS_REFORM, HEALTHY_LIVING),
              Hours.PARK,
              List.of(WHEELCHAIR_ACCESS, PARKING, TOILETS, DRINKING_WATER, STAGE)),
          venue(
              "通辽市博物馆",
              "Tongliao Museum",
              "展示科尔沁历史文化、契丹辽文化和蒙古族民俗的综合性博物馆，设非遗展厅。",
              "A museum of Horqin history, the Khitan Liao dynasty and Mongolian folk life, with"
                  + " an intangible-heritage hall.",
              "通辽市科尔沁区霍林河大街东段",
              "East section of Huolinhe Street, Horqin District, Tongliao",
              43.6290,
              122.2930,
              List.of(INTANGIBLE_HERITAGE, RED_IMPRINT),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, PARKING, WIFI, TOILETS, NURSING_ROOM, DRINKING_WATER)),
          venue(
              "科尔沁区图书馆",
              "Horqin District Library",
              "区级公共图书馆，设蒙古文图书专区、少儿阅览室和读者活动厅。",
              "The district's public library, with Mongolian-language shelves, a children's"
                  + " reading room and a hall for readers' events.",
              "通辽市科尔沁区科尔沁大街156号",
              "No. 156 Horqin Street, Horqin District, Tongliao",
              43.6215,
              122.2720,
              List.of(SCHOLARLY_HORQIN),
              Hours.LIBRARY,
              List.of(WHEELCHAIR_ACCESS, WIFI, TOILETS, NURSING_ROOM, DRINKING_WATER, LIBRARY)),
          venue(
              "通辽市科技馆",
              "Tongliao Science and Technology Museum",
              "力学、电磁、生命科学和航天互动展区，定期举办科普讲座和科学秀。",
              "Hands-on halls of mechanics, electromagnetism, life science and spaceflight, with"
                  + " regular talks and science shows.",
              "通辽市科尔沁区霍林河大街东段888号",
              "No. 888 Huolinhe Street (east), Horqin District, Tongliao",
              43.6310,
              122.3010,
              List.of(SCIENCE_FOR_ALL),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, PARKING, WIFI, TOILETS, NURSING_ROOM, CLASSROOM)),
          venue(
              "科尔沁区体育公园",
              "Horqin Sports Park",
              "室外篮球场、足球场、健身步道和儿童游乐区，全天开放。",
              "Outdoor basketball and football pitches, a fitness trail and a children's"
                  + " playground.",
              "通辽市科尔沁区团结路东段",
              "East section of Tuanjie Road, Horqin District, Tongliao",
              43.6020,
              122.2980,
              List.of(HEALTHY_LIVING),
              Hours.PARK,
              List.of(PARKING, TOILETS, DRINKING_WATER)),
          venue(
              "孝庄河湿地公园",
              "Xiaozhuang River Wetland Park",
              "城市河道湿地，芦苇荡、亲水栈道和生态科普标识。",
              "A wetland along the city's river: reed beds, boardwalks and nature trail signs.",
              "通辽市科尔沁区孝庄河南岸",
              "South bank of the Xiaozhuang River, Horqin District, Tongliao",
              43.5960,
              122.2700,
              List.of(ECO_CIVILIZATION),
              Hours.PARK,
              List.of(TOILETS)),
          venue(
              "科尔沁区文化馆",
              "Horqin District Culture Hall",
              "群众文艺排练、非遗展演和公益培训的场所，设小剧场。",
              "Rehearsal rooms, heritage performances and free training, with a small theatre.",
              "通辽市科尔沁区民主路45号",
              "No. 45 Minzhu Road, Horqin District, Tongliao",
              43.6185,
              122.2590,
              List.of(INTANGIBLE_HERITAGE),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, TOILETS, DRINKING_WATER, STAGE, CLASSROOM)),
          venue(
              "民族团结主题公园",
              "Ethnic Unity Park",
              "以民族团结为主题的街区公园，设石榴籽雕塑和民族文化长廊。",
              "A neighbourhood park on ethnic unity, with a pomegranate-seed sculpture and a"
                  + " gallery of ethnic cultures.",
              "通辽市科尔沁区清真街道南环路",
              "Nanhuan Road, Qingzhen Subdistrict, Horqin District, Tongliao",
              43.6130,
              122.2400,
              List.of(ETHNIC_UNITY),
              Hours.PARK,
              List.of(TOILETS, DRINKING_WATER)),
          venue(
              "科尔沁区城市书房（明仁店）",
              "Horqin City Reading Room (Mingren)",
              "24小时自助借还、安静阅读区和周末读书会。",
              "Self-service lending, a quiet reading area and weekend book clubs.",
              "通辽市科尔沁区明仁大街76号",
              "No. 76 Mingren Street, Horqin District, Tongliao",
              43.6345,
              122.2760,
              List.of(SCHOLARLY_HORQIN),
              Hours.READING_ROOM,
              List.of(WHEELCHAIR_ACCESS, WIFI, TOILETS, DRINKING_WATER, LIBRARY)),
          venue(
              "科尔沁区青少年活动中心",
              "Horqin Youth Activity Centre",
              "科技制作、编程、书法和阅读课程，服务全区中小学生。",
              "Science making, coding, calligraphy and reading courses for school children.",
              "通辽市科尔沁区胜利路120号",
              "No. 120 Shengli Road, Horqin District, Tongliao",
              43.6235,
              122.2810,
              List.of(SCIENCE_FOR_ALL, SCHOLARLY_HORQIN),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, WIFI, TOILETS, DRINKING_WATER, LIBRARY, CLASSROOM)),
          venue(
              "科尔沁区全民健身中心",
              "Horqin Fitness Centre",
              "室内游泳馆、羽毛球馆和健身房，冬季室内健身的去处。",
              "Indoor pool, badminton courts and a gym: where the district keeps fit in winter.",
              "通辽市科尔沁区团结路188号",
              "No. 188 Tuanjie Road, Horqin District, Tongliao",
              43.6160,
              122.3050,
              List.of(HEALTHY_LIVING),
              Hours.SPORTS_HALL,
              List.of(WHEELCHAIR_ACCESS, PARKING, TOILETS, DRINKING_WATER)),
          venue(
              "西辽河生态文明展示馆",
              "West Liao River Ecological Civilization Hall",
              "讲述西辽河流域治理、科尔沁沙地修复和湿地保护的展馆。",
              "An exhibition on restoring the West Liao River basin, the Horqin sandy land and its"
                  + " wetlands.",
              "通辽市科尔沁区西拉木伦公园北门",
              "North gate, Xilamulun Park, Horqin District, Tongliao",
              43.6480,
              122.2700,
              List.of(ECO_CIVILIZATION),
              Hours.MUSEUM,
              List.of(WHEELCHAIR_ACCESS, TOILETS, DRINKING_WATER)),
          venue(
              "文明新风主题广场",
              "New Civic Customs Square",
              "移风易俗主题雕塑和宣传长廊，社区文艺活动常在此举办。",
              "Sculptures and a gallery on reforming customs; a favourite ground for community"
                  + " shows.",
              "通辽市科尔沁区永清大街与和平路交汇处",
              "Corner of Yongqing Street and Heping Road, Horqin District, Tongliao",
              43.6100,
              122.2620,
              List.of(CUSTOMS_REFORM),
              Hours.PARK,
              List.of(TOILETS, STAGE)),
          venue(
              "科尔沁区老年大学",
              "Horqin Senior Citizens' University",
              "为老年人开设书法、声乐、养生和智能手机课程。",
              "Courses in calligraphy, singing, healthy living and smartphones for older"
                  + " residents.",
              "通辽市科尔沁区建国路58号",
              "No. 58 Jianguo Road, Horqin District, Tongliao",
              43.6200,
              122.2530,
              List.of(HEALTHY_LIVING, SCHOLARLY_HORQIN),
              Hours.OFFICE,
              List.of(WHEELCHAIR_ACCESS, TOILETS, DRINKING_WATER, LIBRARY, CLASSROOM)));

  private Venues() {}

  private static Landmark venue(
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
        Level.VENUE,
        null,
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
}
