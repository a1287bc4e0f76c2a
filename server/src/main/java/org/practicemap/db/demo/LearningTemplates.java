package org.practicemap.db.demo;

import static org.practicemap.db.demo.Codes.AGRICULTURE;
import static org.practicemap.db.demo.Codes.CIVIL_AFFAIRS;
import static org.practicemap.db.demo.Codes.CLASS;
import static org.practicemap.db.demo.Codes.CULTURE_TOURISM;
import static org.practicemap.db.demo.Codes.ECOLOGY;
import static org.practicemap.db.demo.Codes.EDUCATION;
import static org.practicemap.db.demo.Codes.EXHIBITION;
import static org.practicemap.db.demo.Codes.HEALTH;
import static org.practicemap.db.demo.Codes.JUSTICE;
import static org.practicemap.db.demo.Codes.LECTURE;
import static org.practicemap.db.demo.Codes.READING;
import static org.practicemap.db.demo.Codes.SCIENCE;
import static org.practicemap.db.demo.Codes.SPORTS_DEPT;
import static org.practicemap.db.demo.Codes.VETERANS_DEFENCE;
import static org.practicemap.db.demo.Codes.WOMEN_FEDERATION;
import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;
import static org.practicemap.db.demo.ThemeBoards.SCIENCE_FOR_ALL;

import java.util.List;
import org.practicemap.db.demo.Template.Slot;
import org.practicemap.db.demo.Template.Where;

/** Classes, talks, reading sessions and guided exhibitions: mostly booked seats. */
final class LearningTemplates {
  static final List<Template> ALL =
      List.of(
          Template.of(
                  CLASS,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "科尔沁刺绣体验课",
                  "Horqin embroidery class",
                  "非遗传承人手把手教授蒙古族刺绣针法，材料免费提供，作品可带走。",
                  "A heritage bearer teaches Mongolian embroidery stitches; materials are free and"
                      + " you keep what you make.")
              .seats(12, 24)
              .minutes(90, 150)
              .in(Where.BOARD_OR_NETWORK)
              .weight(8)
              .variants(
                  w("绣荷包", "a pouch"),
                  w("绣书签", "a bookmark"),
                  w("绣杯垫", "a coaster"),
                  w("云纹图案", "cloud patterns")),
          Template.of(
                  CLASS,
                  INTANGIBLE_HERITAGE,
                  WOMEN_FEDERATION,
                  "蒙古族剪纸体验课",
                  "Mongolian paper-cutting class",
                  "从吉祥纹样到草原动物，一把剪刀剪出民族风情。",
                  "From lucky patterns to grassland animals: Mongolian motifs cut from red paper.")
              .seats(15, 30)
              .minutes(90, 120)
              .weight(6),
          Template.of(
                  CLASS,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "马头琴入门课",
                  "Horse-head fiddle (morin khuur) for beginners",
                  "认识马头琴，学会持琴、运弓和一首简单的民歌。",
                  "Meet the morin khuur: how to hold it, how to bow, and a first folk tune.")
              .seats(8, 16)
              .minutes(90, 90)
              .at(Slot.AFTERNOON)
              .in(Where.BOARD_OR_NETWORK)
              .weight(4),
          Template.of(
                  CLASS,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "安代舞教学",
                  "Andai dance lessons",
                  "安代舞是科尔沁的国家级非遗，挥动绸巾，跟着节拍一起跳。",
                  "Andai, a national intangible heritage of Horqin: wave the silk scarf and dance"
                      + " to the beat.")
              .seats(20, 40)
              .minutes(90, 90)
              .weight(5),
          Template.of(
                  CLASS,
                  SCIENCE_FOR_ALL,
                  SCIENCE,
                  "老年人智能手机课堂",
                  "Smartphone class for older residents",
                  "手把手学会扫码、视频通话、网上挂号和识别诈骗短信。",
                  "Step by step: scanning codes, video calls, booking a doctor online and"
                      + " spotting scam messages.")
              .seats(15, 30)
              .minutes(90, 120)
              .at(Slot.MORNING)
              .weight(7),
          Template.of(
                  CLASS,
                  HEALTHY_LIVING,
                  SPORTS_DEPT,
                  "八段锦健身课",
                  "Baduanjin qigong class",
                  "传统健身功法，动作舒缓，适合各年龄段，请穿运动鞋。",
                  "A gentle traditional exercise routine for every age; wear trainers.")
              .seats(20, 40)
              .minutes(60, 60)
              .at(Slot.MORNING)
              .weight(5),
          Template.of(
                  CLASS,
                  SCHOLARLY_HORQIN,
                  EDUCATION,
                  "书法练习课",
                  "Calligraphy class",
                  "从楷书基本笔画练起，体验笔墨之美；笔墨纸砚现场提供。",
                  "Start from the basic strokes of regular script; brushes, ink and paper provided.")
              .seats(15, 25)
              .minutes(90, 120)
              .in(Where.BOARD_OR_NETWORK)
              .weight(5)
              .variants(w("楷书入门", "regular script"), w("蒙古文书法", "Mongolian script")),
          Template.of(
                  CLASS,
                  SCIENCE_FOR_ALL,
                  SCIENCE,
                  "青少年机器人编程课",
                  "Robotics and coding for young people",
                  "8至14岁，动手搭建并编程一台小机器人。",
                  "Ages 8 to 14: build a small robot and program it.")
              .seats(12, 24)
              .minutes(120, 120)
              .in(Where.BOARD)
              .weight(4),
          Template.of(
                  CLASS,
                  HEALTHY_LIVING,
                  HEALTH,
                  "急救技能培训（心肺复苏与AED）",
                  "First-aid training: CPR and the AED",
                  "急救医生讲解并带练心肺复苏、AED使用和海姆立克急救法。",
                  "Emergency doctors teach and practise CPR, the AED and the Heimlich manoeuvre.")
              .seats(20, 40)
              .minutes(120, 120)
              .weight(4),
          Template.of(
                  CLASS,
                  ETHNIC_UNITY,
                  EDUCATION,
                  "蒙古语日常会话课",
                  "Everyday Mongolian conversation",
                  "问候、购物、问路，学几句常用蒙古语，和邻里说上话。",
                  "Greetings, shopping, asking the way: useful Mongolian for talking with"
                      + " neighbours.")
              .seats(15, 30)
              .minutes(90, 90)
              .weight(4),
          Template.of(
                  CLASS,
                  ECO_CIVILIZATION,
                  ECOLOGY,
                  "家庭垃圾分类实践课",
                  "Household waste-sorting workshop",
                  "四类垃圾怎么分？厨余怎么处理？动手分一分就明白。",
                  "Which bin for what, and what to do with kitchen waste: learn by sorting.")
              .seats(20, 40)
              .minutes(60, 90)
              .weight(4),
          Template.of(
                  LECTURE,
                  RED_IMPRINT,
                  EDUCATION,
                  "党史学习教育宣讲",
                  "Talk: Party history",
                  "宣讲员结合本地红色故事讲党史，欢迎党员群众参加。",
                  "A speaker tells Party history through local red stories; all are welcome.")
              .seats(40, 100)
              .minutes(60, 90)
              .in(Where.BOARD_OR_NETWORK)
              .weight(6)
              .variants(
                  w("科尔沁革命斗争史", "the revolutionary struggle in Horqin"),
                  w("嘎达梅林的故事", "the story of Gada Meiren"),
                  w("新时代的伟大变革", "the changes of the new era")),
          Template.of(
                  LECTURE,
                  CUSTOMS_REFORM,
                  CIVIL_AFFAIRS,
                  "移风易俗文明婚俗宣讲",
                  "Talk: civil wedding and funeral customs",
                  "抵制高额彩礼、大操大办和薄养厚葬，红白理事会成员现身说法。",
                  "Against lavish bride prices, showy banquets and costly funerals: members of the"
                      + " village customs council share their experience.")
              .seats(30, 80)
              .minutes(60, 90)
              .weight(6),
          Template.of(
                  LECTURE,
                  SCIENCE_FOR_ALL,
                  SCIENCE,
                  "科普讲座",
                  "Popular science talk",
                  "科技工作者用通俗语言讲解身边的科学，现场互动答题。",
                  "Scientists explain the science of everyday life in plain words, with a quiz.")
              .seats(40, 100)
              .minutes(60, 90)
              .in(Where.BOARD_OR_NETWORK)
              .weight(6)
              .variants(
                  w("气象与防灾减灾", "weather and disaster prevention"),
                  w("食品安全", "food safety"),
                  w("星空与天文", "stars and astronomy"),
                  w("人工智能与生活", "AI in everyday life"),
                  w("科尔沁沙地治理", "restoring the Horqin sandy land")),
          Template.of(
                  LECTURE,
                  HEALTHY_LIVING,
                  HEALTH,
                  "健康知识讲座",
                  "Health talk",
                  "社区医生讲解常见病预防和健康生活方式，现场答疑。",
                  "Community doctors on preventing common illnesses and healthy habits, with"
                      + " questions answered.")
              .seats(30, 80)
              .minutes(60, 90)
              .at(Slot.MORNING)
              .weight(6)
              .variants(
                  w("高血压防治", "managing high blood pressure"),
                  w("糖尿病饮食", "eating well with diabetes"),
                  w("冬季防跌倒", "preventing falls in winter"),
                  w("蒙医药养生", "wellbeing in traditional Mongolian medicine")),
          Template.of(
                  LECTURE,
                  CUSTOMS_REFORM,
                  JUSTICE,
                  "防范电信网络诈骗宣讲",
                  "Talk: spotting phone and online fraud",
                  "民警结合真实案例，教大家识破冒充客服、刷单返利等骗局。",
                  "Police officers use real cases to show how fake customer-service and"
                      + " order-brushing scams work.")
              .seats(40, 100)
              .minutes(60, 60)
              .weight(5),
          Template.of(
                  LECTURE,
                  CUSTOMS_REFORM,
                  JUSTICE,
                  "民法典进社区",
                  "The Civil Code in the community",
                  "律师解读婚姻家庭、继承和邻里纠纷相关条款。",
                  "Lawyers explain the Civil Code on marriage, inheritance and neighbour disputes.")
              .seats(30, 80)
              .minutes(60, 90)
              .weight(4),
          Template.of(
                  LECTURE,
                  ETHNIC_UNITY,
                  EDUCATION,
                  "民族团结进步宣讲",
                  "Talk: ethnic unity and progress",
                  "讲述科尔沁各族群众守望相助的故事。",
                  "Stories of Horqin's ethnic groups helping each other.")
              .seats(40, 100)
              .minutes(60, 60)
              .in(Where.BOARD_OR_NETWORK)
              .weight(4),
          Template.of(
                  LECTURE,
                  SCIENCE_FOR_ALL,
                  AGRICULTURE,
                  "惠农惠牧政策宣讲",
                  "Briefing: support for farmers and herders",
                  "耕地地力保护补贴、农机购置补贴和草原生态补奖政策解读。",
                  "Farmland, machinery and grassland subsidies explained.")
              .seats(30, 80)
              .minutes(60, 90)
              .at(Slot.MORNING)
              .in(Where.RURAL)
              .weight(4),
          Template.of(
                  LECTURE,
                  ECO_CIVILIZATION,
                  ECOLOGY,
                  "生态环境保护讲座",
                  "Talk: protecting the environment",
                  "西辽河流域保护、节水和减塑，从身边做起。",
                  "Protecting the West Liao River, saving water and cutting plastic, starting at"
                      + " home.")
              .seats(30, 80)
              .minutes(60, 90)
              .in(Where.BOARD_OR_NETWORK)
              .weight(3),
          Template.of(
                  EXHIBITION,
                  RED_IMPRINT,
                  VETERANS_DEFENCE,
                  "红色记忆主题展讲解",
                  "Guided tour: red memories exhibition",
                  "讲解员带领参观革命文物和历史照片，讲述背后的故事。",
                  "A guide leads you through revolutionary relics and photographs and the stories"
                      + " behind them.")
              .seats(20, 40)
              .minutes(60, 90)
              .in(Where.BOARD)
              .weight(4),
          Template.of(
                  EXHIBITION,
                  INTANGIBLE_HERITAGE,
                  CULTURE_TOURISM,
                  "非遗精品展导览",
                  "Guided tour: intangible heritage exhibition",
                  "刺绣、皮艺、银饰和马鬃绕线作品导览，传承人现场演示。",
                  "Embroidery, leatherwork, silverwork and horsehair coiling, with heritage bearers"
                      + " at work.")
              .seats(20, 40)
              .minutes(60, 60)
              .in(Where.BOARD)
              .weight(4),
          Template.of(
                  EXHIBITION,
                  ECO_CIVILIZATION,
                  ECOLOGY,
                  "湿地生态摄影展",
                  "Wetland photo exhibition",
                  "摄影爱好者镜头里的西辽河湿地四季。",
                  "The West Liao River wetlands through the year, by local photographers.")
              .minutes(180, 180)
              .in(Where.BOARD)
              .weight(2),
          Template.of(
                  EXHIBITION,
                  SCIENCE_FOR_ALL,
                  SCIENCE,
                  "科技馆开放日专场",
                  "Science museum open-day session",
                  "科学表演、互动展项和科技辅导员讲解，适合亲子参加。",
                  "Science shows, hands-on exhibits and explainers; good for families.")
              .seats(40, 80)
              .minutes(120, 120)
              .in(Where.BOARD)
              .weight(3),
          Template.of(
                  EXHIBITION,
                  RED_IMPRINT,
                  VETERANS_DEFENCE,
                  "国防教育主题展",
                  "National-defence education exhibition",
                  "国防知识展板、征兵政策和军事装备模型。",
                  "Panels on national defence, conscription policy and military models.")
              .minutes(180, 180)
              .weight(2),
          Template.of(
                  READING,
                  SCHOLARLY_HORQIN,
                  CULTURE_TOURISM,
                  "书香科尔沁读书分享会",
                  "Scholarly Horqin book club",
                  "每期一本好书，读者轮流分享，欢迎带书交换。",
                  "One good book each time, readers take turns to share; bring a book to swap.")
              .seats(20, 40)
              .minutes(90, 120)
              .at(Slot.AFTERNOON)
              .in(Where.BOARD_OR_NETWORK)
              .weight(5),
          Template.of(
                  READING,
                  SCHOLARLY_HORQIN,
                  EDUCATION,
                  "亲子绘本阅读",
                  "Picture-book reading for parents and children",
                  "故事妈妈带读绘本，适合3至8岁儿童和家长一起参加。",
                  "Storytellers read picture books with children aged 3 to 8 and their parents.")
              .seats(10, 24)
              .minutes(60, 60)
              .at(Slot.MORNING)
              .in(Where.BOARD_OR_NETWORK)
              .weight(5),
          Template.of(
                  READING,
                  SCHOLARLY_HORQIN,
                  EDUCATION,
                  "经典诵读",
                  "Reading the classics aloud",
                  "诵读《论语》、唐诗宋词和蒙古族经典诗篇。",
                  "Reading aloud the Analects, Tang and Song poems and classic Mongolian verse.")
              .seats(20, 40)
              .minutes(60, 90)
              .weight(3));

  private LearningTemplates() {}

  private static Words w(String zh, String en) {
    return new Words(zh, en);
  }
}
