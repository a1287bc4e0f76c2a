package org.practicemap.db.demo;

import static org.practicemap.db.demo.Codes.AGRICULTURE;
import static org.practicemap.db.demo.Codes.CIVIL_AFFAIRS;
import static org.practicemap.db.demo.Codes.CULTURE_TOURISM;
import static org.practicemap.db.demo.Codes.ECOLOGY;
import static org.practicemap.db.demo.Codes.EDUCATION;
import static org.practicemap.db.demo.Codes.HEALTH;
import static org.practicemap.db.demo.Codes.JUSTICE;
import static org.practicemap.db.demo.Codes.SCIENCE;
import static org.practicemap.db.demo.Codes.SPORTS_DEPT;
import static org.practicemap.db.demo.Codes.VETERANS_DEFENCE;
import static org.practicemap.db.demo.Codes.WOMEN_FEDERATION;
import static org.practicemap.db.demo.Codes.YOUTH_LEAGUE;

import java.util.ArrayList;
import java.util.List;

/**
 * The stalls of the article's market at the central square of Xilamulun Park: 76 "warm-hearted
 * stalls" (暖心摊位) from national-defence education and free clinics to policy explanation, run by the
 * "Civilization Practice +" partner departments. Stall departments use the activity department
 * codes, so the API speaks one vocabulary.
 */
final class Market {
  static final int ARTICLE_STALLS = 76;

  record Stall(int number, Words name, String department, Words description) {}

  private record Kind(Words name, String department, Words description, Words... specialties) {}

  private static final List<Kind> KINDS =
      List.of(
          kind(
              "国防教育",
              "National-defence education",
              VETERANS_DEFENCE,
              "国防知识展板、征兵咨询和退役军人服务。",
              "Defence panels, conscription advice and veterans' services.",
              w("征兵政策咨询", "conscription advice"),
              w("国防知识问答", "defence quiz"),
              w("军事装备模型", "military models"),
              w("退役军人服务", "veterans' services")),
          kind(
              "爱心义诊",
              "Free clinic",
              HEALTH,
              "区医院和社区卫生服务中心医生免费问诊。",
              "Doctors of the district hospital and community clinics, free of charge.",
              w("内科", "internal medicine"),
              w("中医", "traditional Chinese medicine"),
              w("蒙医", "traditional Mongolian medicine"),
              w("口腔", "dental"),
              w("眼科", "eyes"),
              w("骨科", "bones and joints"),
              w("血压血糖测量", "blood pressure and sugar"),
              w("儿科", "children's health")),
          kind(
              "政策宣传",
              "Policy explanation",
              null,
              "面对面解读与群众切身相关的政策，现场答疑。",
              "Policies that matter to residents, explained face to face.",
              w("医保政策", "medical insurance"),
              w("社保养老", "pensions"),
              w("就业创业", "jobs and start-ups"),
              w("惠农补贴", "farm subsidies"),
              w("民族政策", "ethnic policy"),
              w("教育资助", "student aid"),
              w("残疾人帮扶", "disability support"),
              w("生态补偿", "ecological compensation")),
          kind(
              "法律援助",
              "Legal aid",
              JUSTICE,
              "律师和人民调解员免费提供法律咨询。",
              "Lawyers and mediators give free legal advice.",
              w("法律咨询", "legal advice"),
              w("民法典宣传", "the Civil Code"),
              w("人民调解", "mediation"),
              w("反电信诈骗", "anti-fraud")),
          kind(
              "非遗手工",
              "Intangible heritage crafts",
              CULTURE_TOURISM,
              "非遗传承人现场展示技艺，可体验制作。",
              "Heritage bearers at work; have a go yourself.",
              w("蒙古族刺绣", "Mongolian embroidery"),
              w("剪纸", "paper-cutting"),
              w("皮艺", "leatherwork"),
              w("烙画", "pyrography"),
              w("面塑", "dough figures"),
              w("柳编", "wicker weaving"),
              w("马鬃绕线", "horsehair coiling"),
              w("蒙古族银饰", "Mongolian silverwork")),
          kind(
              "义务理发",
              "Free haircuts",
              YOUTH_LEAGUE,
              "志愿理发师免费理发。",
              "Volunteer barbers, free of charge.",
              w("一号理发位", "chair 1"),
              w("二号理发位", "chair 2"),
              w("三号理发位", "chair 3"),
              w("四号理发位", "chair 4")),
          kind(
              "家电维修",
              "Appliance repairs",
              YOUTH_LEAGUE,
              "小家电、手机和钟表免费检修。",
              "Small appliances, phones and clocks checked free.",
              w("小家电", "small appliances"),
              w("手机", "phones"),
              w("钟表眼镜", "clocks and glasses")),
          kind(
              "便民服务",
              "Everyday repairs",
              CIVIL_AFFAIRS,
              "磨刀、修伞、缝补，随到随修。",
              "Knife sharpening, umbrella repair and mending.",
              w("磨刀", "knife sharpening"),
              w("修伞", "umbrella repair"),
              w("缝补", "mending")),
          kind(
              "科普宣传",
              "Popular science",
              SCIENCE,
              "科普展板和互动小实验。",
              "Science panels and small experiments.",
              w("防灾减灾", "disaster preparedness"),
              w("食品安全", "food safety"),
              w("天文科普", "astronomy"),
              w("青少年科学实验", "experiments for children")),
          kind(
              "生态环保",
              "Environment",
              ECOLOGY,
              "垃圾分类游戏和旧物换绿植。",
              "Waste-sorting games and plants for old things.",
              w("垃圾分类", "waste sorting"),
              w("旧物换绿植", "swap old things for plants"),
              w("节水宣传", "saving water")),
          kind(
              "书香阅读",
              "Reading",
              EDUCATION,
              "图书漂流和亲子阅读角。",
              "A book swap and a reading corner for families.",
              w("图书漂流", "book swap"),
              w("亲子阅读", "family reading"),
              w("书法写福", "calligraphy")),
          kind(
              "心理咨询",
              "Counselling",
              HEALTH,
              "心理咨询师倾听与疏导。",
              "Counsellors listen and help.",
              w("心理健康", "mental health"),
              w("青少年心理", "young people"),
              w("老年心理关爱", "older people")),
          kind(
              "禁毒宣传",
              "Drug prevention",
              JUSTICE,
              "禁毒知识展示与互动问答。",
              "Drug-prevention panels and a quiz.",
              w("禁毒知识", "drug prevention")),
          kind(
              "安全宣传",
              "Safety",
              CIVIL_AFFAIRS,
              "消防和燃气安全知识演示。",
              "Fire and gas safety, demonstrated.",
              w("灭火器使用", "using an extinguisher"),
              w("燃气安全", "gas safety")),
          kind(
              "就业服务",
              "Job services",
              CIVIL_AFFAIRS,
              "岗位推荐和技能培训报名。",
              "Job offers and training sign-ups.",
              w("岗位招聘", "job offers"),
              w("技能培训报名", "training sign-up")),
          kind(
              "移风易俗",
              "Reforming customs",
              CIVIL_AFFAIRS,
              "红白理事会现场宣讲婚丧新风。",
              "The customs council on modest weddings and funerals.",
              w("文明婚俗", "modest weddings"),
              w("节俭办丧", "modest funerals")),
          kind(
              "妇女儿童权益",
              "Women's and children's rights",
              WOMEN_FEDERATION,
              "妇联工作人员提供维权咨询。",
              "The Women's Federation gives advice on rights.",
              w("妇女维权", "women's rights"),
              w("儿童保护", "child protection")),
          kind(
              "农技咨询",
              "Farm technology",
              AGRICULTURE,
              "农技人员答疑，农产品展销。",
              "Farm technicians answer questions; local produce.",
              w("种植技术", "crops"),
              w("畜牧养殖", "livestock"),
              w("农机服务", "machinery"),
              w("电商助农", "selling online")),
          kind(
              "民族团结",
              "Ethnic unity",
              EDUCATION,
              "民族团结知识问答和蒙古文书法。",
              "An ethnic-unity quiz and Mongolian calligraphy.",
              w("知识问答", "quiz"),
              w("蒙古文书法", "Mongolian calligraphy")),
          kind(
              "志愿者招募",
              "Volunteer sign-up",
              YOUTH_LEAGUE,
              "加入新时代文明实践志愿服务队。",
              "Join the civilization-practice volunteers.",
              w("志愿者注册", "registration")),
          kind(
              "健身指导",
              "Fitness coaching",
              SPORTS_DEPT,
              "体质测试和科学健身指导。",
              "Fitness tests and coaching.",
              w("体质测试", "fitness test"),
              w("科学健身", "exercise advice"),
              w("八段锦教学", "Baduanjin")),
          kind(
              "文旅推介",
              "Culture and tourism",
              CULTURE_TOURISM,
              "科尔沁旅游线路和文创产品推介。",
              "Tours of Horqin and local creative products.",
              w("文旅推介", "tourism")),
          kind(
              "无偿献血",
              "Blood donation",
              HEALTH,
              "无偿献血知识和预约登记。",
              "Blood donation: facts and appointments.",
              w("献血登记", "appointments")));

  private Market() {}

  /** The 76 stalls of the article's market, numbered 1 to 76. */
  static List<Stall> articleStalls() {
    List<Stall> stalls = new ArrayList<>();
    for (Kind k : KINDS) {
      for (Words s : k.specialties()) {
        String department = k.department() != null ? k.department() : policyDepartment(s);
        stalls.add(new Stall(stalls.size() + 1, k.name().with(s), department, k.description()));
      }
    }
    if (stalls.size() != ARTICLE_STALLS) {
      throw new IllegalStateException(stalls.size() + " stalls, the article counts 76");
    }
    return stalls;
  }

  /** A smaller market ahead: every other stall of the article's, renumbered from 1. */
  static List<Stall> upcomingStalls() {
    List<Stall> stalls = new ArrayList<>();
    List<Stall> all = articleStalls();
    for (int i = 0; i < all.size(); i += 2) {
      Stall s = all.get(i);
      stalls.add(new Stall(stalls.size() + 1, s.name(), s.department(), s.description()));
    }
    return stalls;
  }

  /** Who explains which policy: the department that runs it. */
  private static String policyDepartment(Words policy) {
    return switch (policy.en()) {
      case "medical insurance", "disability support" -> HEALTH;
      case "farm subsidies" -> AGRICULTURE;
      case "student aid", "ethnic policy" -> EDUCATION;
      case "ecological compensation" -> ECOLOGY;
      case "jobs and start-ups" -> YOUTH_LEAGUE;
      default -> CIVIL_AFFAIRS;
    };
  }

  private static Kind kind(
      String zh, String en, String department, String dZh, String dEn, Words... specialties) {
    return new Kind(new Words(zh, en), department, new Words(dZh, dEn), specialties);
  }

  private static Words w(String zh, String en) {
    return new Words(zh, en);
  }
}
