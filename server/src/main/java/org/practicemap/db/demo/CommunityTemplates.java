package org.practicemap.db.demo;

import static org.practicemap.db.demo.Codes.AGRICULTURE;
import static org.practicemap.db.demo.Codes.CIVIL_AFFAIRS;
import static org.practicemap.db.demo.Codes.CULTURE_TOURISM;
import static org.practicemap.db.demo.Codes.ECOLOGY;
import static org.practicemap.db.demo.Codes.FREE_CLINIC;
import static org.practicemap.db.demo.Codes.HEALTH;
import static org.practicemap.db.demo.Codes.MARKET;
import static org.practicemap.db.demo.Codes.PERFORMANCE;
import static org.practicemap.db.demo.Codes.SPORTS;
import static org.practicemap.db.demo.Codes.SPORTS_DEPT;
import static org.practicemap.db.demo.Codes.VOLUNTEER_SERVICE;
import static org.practicemap.db.demo.Codes.WOMEN_FEDERATION;
import static org.practicemap.db.demo.Codes.YOUTH_LEAGUE;
import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;
import static org.practicemap.db.demo.ThemeBoards.SCIENCE_FOR_ALL;

import java.util.List;
import org.practicemap.db.demo.Template.Season;
import org.practicemap.db.demo.Template.Slot;
import org.practicemap.db.demo.Template.Where;

/** Free clinics, volunteer services, sports, performances and outings. */
final class CommunityTemplates {
  static final List<Template> ALL =
      List.of(
          Template.of(
                  FREE_CLINIC,
                  HEALTHY_LIVING,
                  HEALTH,
                  "义诊",
                  "Free clinic",
                  "区医院专家坐诊，免费问诊、量血压、测血糖，请携带既往病历。",
                  "Specialists from the district hospital: free consultations, blood pressure and"
                      + " blood sugar checks; bring your medical records.")
              .seats(30, 60)
              .minutes(120, 180)
              .at(Slot.MORNING)
              .in(Where.STREET)
              .weight(6)
              .variants(
                  w("内科", "internal medicine"),
                  w("中医", "traditional Chinese medicine"),
                  w("蒙医", "traditional Mongolian medicine"),
                  w("口腔", "dental check"),
                  w("眼科", "eye check")),
          Template.of(
                  FREE_CLINIC,
                  HEALTHY_LIVING,
                  HEALTH,
                  "血压血糖免费测量",
                  "Free blood-pressure and blood-sugar checks",
                  "志愿医护人员现场测量并给出健康建议，随到随测。",
                  "Volunteer nurses measure and advise; just drop by.")
              .minutes(120, 180)
              .at(Slot.MORNING)
              .in(Where.STREET)
              .weight(3),
          Template.of(
                  VOLUNTEER_SERVICE,
                  CUSTOMS_REFORM,
                  CIVIL_AFFAIRS,
                  "义务理发",
                  "Free haircuts",
                  "志愿理发师为老人、儿童和行动不便的居民免费理发，预约可免排队。",
                  "Volunteer barbers cut hair for free, first for older people, children and"
                      + " those who find it hard to get out; book to skip the queue.")
              .seats(15, 30)
              .minutes(120, 180)
              .at(Slot.MORNING)
              .in(Where.STREET)
              .weight(7),
          Template.of(
                  VOLUNTEER_SERVICE,
                  CUSTOMS_REFORM,
                  YOUTH_LEAGUE,
                  "家电义务维修",
                  "Free appliance repairs",
                  "电饭锅、电风扇、台灯等小家电免费检修，只收零件成本。",
                  "Rice cookers, fans, lamps and other small appliances repaired free; you pay only"
                      + " for parts.")
              .minutes(120, 180)
              .at(Slot.MORNING)
              .in(Where.STREET)
              .weight(3),
          Template.of(
                  VOLUNTEER_SERVICE,
                  ECO_CIVILIZATION,
                  YOUTH_LEAGUE,
                  "环境清洁志愿活动",
                  "Neighbourhood clean-up",
                  "报名做志愿者，一起清理楼道、绿地和河岸垃圾，工具现场发放。",
                  "Sign up to clear stairwells, green spaces and river banks; tools provided.")
              .seats(20, 50)
              .minutes(120, 120)
              .at(Slot.MORNING)
              .only(Season.WARM)
              .weight(4),
          Template.of(
                  VOLUNTEER_SERVICE,
                  SCHOLARLY_HORQIN,
                  WOMEN_FEDERATION,
                  "留守儿童陪伴课堂",
                  "Homework and reading club for left-behind children",
                  "大学生志愿者辅导作业、共读绘本。",
                  "Student volunteers help with homework and read with the children.")
              .seats(10, 25)
              .minutes(120, 120)
              .at(Slot.AFTERNOON)
              .in(Where.RURAL)
              .weight(3),
          Template.of(
                  VOLUNTEER_SERVICE,
                  ECO_CIVILIZATION,
                  ECOLOGY,
                  "植树护绿志愿活动",
                  "Tree-planting volunteers",
                  "在科尔沁沙地边缘种下樟子松和杨树，为防风固沙出一份力。",
                  "Plant Mongolian pines and poplars at the edge of the Horqin sandy land to hold"
                      + " back the sand.")
              .seats(30, 60)
              .minutes(150, 180)
              .at(Slot.MORNING)
              .in(Where.BOARD)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  VOLUNTEER_SERVICE,
                  CUSTOMS_REFORM,
                  CIVIL_AFFAIRS,
                  "敬老助老上门服务",
                  "Home visits for older residents",
                  "志愿者结对上门，打扫卫生、陪伴聊天、代购药品。",
                  "Volunteers pair up to clean, chat and fetch medicine for older neighbours.")
              .seats(10, 20)
              .minutes(120, 120)
              .at(Slot.MORNING)
              .weight(3),
          Template.of(
                  SPORTS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "全民健身篮球赛",
                  "Community basketball game",
                  "社区队之间的友谊赛，欢迎到场加油。",
                  "Friendly games between community teams; come and cheer.")
              .minutes(120, 120)
              .at(Slot.AFTERNOON)
              .in(Where.BOARD_OR_NETWORK)
              .weight(4),
          Template.of(
                  SPORTS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "广场舞展示",
                  "Square dance showcase",
                  "各社区广场舞队轮番登场，欢迎加入。",
                  "Square-dance teams of the communities take turns; join in.")
              .minutes(90, 90)
              .at(Slot.EVENING)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  SPORTS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "全民健步走",
                  "Fitness walk",
                  "5公里健步走，沿途设补给点，完成可领纪念徽章。",
                  "A 5 km walk with water stops and a badge for finishing.")
              .seats(50, 120)
              .minutes(90, 90)
              .at(Slot.MORNING)
              .in(Where.BOARD_OR_NETWORK)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  SPORTS,
                  ETHNIC_UNITY,
                  SPORTS_DEPT,
                  "搏克（蒙古式摔跤）友谊赛",
                  "Bökh (Mongolian wrestling) friendly",
                  "身着摔跤服的搏克手同场较技，展现草原儿女的力量与礼仪。",
                  "Wrestlers in traditional jackets show the strength and courtesy of the"
                      + " grassland.")
              .minutes(120, 120)
              .at(Slot.AFTERNOON)
              .in(Where.RURAL)
              .only(Season.WARM)
              .weight(2),
          Template.of(
                  SPORTS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "乒乓球友谊赛",
                  "Table tennis friendly",
                  "单打、双打混合赛制，报名即可参赛，球拍可借用。",
                  "Singles and doubles; sign up to play, bats to borrow.")
              .seats(16, 32)
              .minutes(120, 180)
              .weight(3),
          Template.of(
                  SPORTS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "冰雪嘉年华",
                  "Ice and snow carnival",
                  "雪圈、冰车和雪雕，冬天一起动起来。",
                  "Snow tubes, ice carts and snow sculptures: keep moving in winter.")
              .minutes(180, 180)
              .in(Where.BOARD)
              .only(Season.WINTER)
              .weight(3),
          Template.of(
                  PERFORMANCE,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "乌力格尔说唱欣赏",
                  "Urliger storytelling",
                  "四胡一响，说书艺人用蒙古语演绎英雄传奇，现场配汉语字幕。",
                  "To the four-stringed fiddle, a storyteller performs heroic legends in"
                      + " Mongolian, with Chinese subtitles.")
              .seats(60, 150)
              .minutes(90, 120)
              .at(Slot.AFTERNOON)
              .in(Where.BOARD_OR_NETWORK)
              .weight(4),
          Template.of(
                  PERFORMANCE,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "科尔沁民歌演唱会",
                  "Horqin folk song concert",
                  "《嘎达梅林》《诺恩吉雅》《达古拉》，听科尔沁草原的歌。",
                  "Gada Meiren, Nuenjiya, Dagula: the songs of the Horqin grassland.")
              .seats(80, 200)
              .minutes(90, 120)
              .at(Slot.EVENING)
              .in(Where.BOARD_OR_NETWORK)
              .weight(3),
          Template.of(
                  PERFORMANCE,
                  ETHNIC_UNITY,
                  CULTURE_TOURISM,
                  "好来宝表演",
                  "Haolaibao rhymed storytelling",
                  "蒙古族说唱艺术好来宝，四胡伴奏，妙语连珠。",
                  "Haolaibao, Mongolian rhymed storytelling to the four-stringed fiddle.")
              .minutes(90, 90)
              .at(Slot.AFTERNOON)
              .weight(2),
          Template.of(
                  PERFORMANCE,
                  RED_IMPRINT,
                  CULTURE_TOURISM,
                  "红色经典歌曲合唱",
                  "Choir: classic red songs",
                  "社区合唱团演唱红色经典歌曲，重温峥嵘岁月。",
                  "Community choirs sing the classic red songs.")
              .minutes(90, 90)
              .at(Slot.EVENING)
              .in(Where.BOARD_OR_NETWORK)
              .weight(3),
          Template.of(
                  PERFORMANCE,
                  CUSTOMS_REFORM,
                  CULTURE_TOURISM,
                  "文明实践文艺进社区",
                  "Community variety show",
                  "小品、快板和歌舞，把文明新风演给街坊邻居看。",
                  "Sketches, clapper talk, songs and dances about good civic habits.")
              .minutes(120, 120)
              .at(Slot.EVENING)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  Codes.OTHER,
                  ECO_CIVILIZATION,
                  ECOLOGY,
                  "湿地观鸟",
                  "Wetland bird-watching",
                  "跟着观鸟志愿者认识西辽河湿地的候鸟，望远镜现场提供。",
                  "Meet the migrating birds of the West Liao River wetlands with volunteer guides;"
                      + " binoculars provided.")
              .seats(12, 25)
              .minutes(120, 120)
              .at(Slot.MORNING)
              .in(Where.BOARD)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  Codes.OTHER,
                  RED_IMPRINT,
                  Codes.EDUCATION,
                  "红色研学",
                  "Red history study trip",
                  "走进红色教育基地，听讲解、看文物、重温入党誓词。",
                  "Visit a red education base: a guided tour, relics and the oath.")
              .seats(20, 40)
              .minutes(150, 180)
              .at(Slot.MORNING)
              .in(Where.BOARD)
              .weight(3),
          Template.of(
                  Codes.CLASS,
                  SCIENCE_FOR_ALL,
                  AGRICULTURE,
                  "农技田间课堂",
                  "Farm-technology field class",
                  "农技人员在田间讲解玉米密植、测土配方和病虫害防治。",
                  "Farm technicians in the field: close planting of maize, soil testing and pest"
                      + " control.")
              .seats(20, 50)
              .minutes(120, 120)
              .at(Slot.MORNING)
              .in(Where.RURAL)
              .only(Season.WARM)
              .weight(3),
          Template.of(
                  MARKET,
                  CUSTOMS_REFORM,
                  CIVIL_AFFAIRS,
                  "文明实践便民集市",
                  "Community civilization market",
                  "政策咨询、义诊、理发、维修和农产品展销，一站逛齐。",
                  "Policy advice, health checks, haircuts, repairs and farm produce in one place.")
              .minutes(180, 180)
              .at(Slot.MORNING)
              .only(Season.WARM)
              .weight(2));

  private CommunityTemplates() {}

  private static Words w(String zh, String en) {
    return new Words(zh, en);
  }
}
