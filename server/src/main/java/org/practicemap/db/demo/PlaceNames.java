package org.practicemap.db.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generated names for the 442 community and village stations: plausible names of the kind found in
 * northeast China and Inner Mongolia, not a register of real communities. Each name is unique
 * within its subdistrict or town, and the station's full name carries the township, so every
 * station name is unique in the district.
 */
final class PlaceNames {
  private static final Words[] COMMUNITIES = {
    w("和平", "Heping"), w("永安", "Yong'an"), w("新华", "Xinhua"), w("光明", "Guangming"),
    w("幸福", "Xingfu"), w("民主", "Minzhu"), w("胜利", "Shengli"), w("建设", "Jianshe"),
    w("东风", "Dongfeng"), w("朝阳", "Chaoyang"), w("兴隆", "Xinglong"), w("富民", "Fumin"),
    w("育才", "Yucai"), w("红光", "Hongguang"), w("文化", "Wenhua"), w("金叶", "Jinye"),
    w("银河", "Yinhe"), w("福园", "Fuyuan"), w("康乐", "Kangle"), w("滨河", "Binhe"),
    w("铁路", "Tielu"), w("站前", "Zhanqian"), w("华夏", "Huaxia"), w("嘉和", "Jiahe"),
    w("安居", "Anju"), w("丽苑", "Liyuan"), w("翠园", "Cuiyuan"), w("锦绣", "Jinxiu"),
    w("祥和", "Xianghe"), w("新城", "Xincheng"), w("明珠", "Mingzhu"), w("春晖", "Chunhui"),
    w("晨光", "Chenguang"), w("书香", "Shuxiang"), w("园丁", "Yuanding"), w("桃源", "Taoyuan"),
    w("惠民", "Huimin"), w("长青", "Changqing"), w("振兴", "Zhenxing"), w("创业", "Chuangye"),
    w("南苑", "Nanyuan"), w("北苑", "Beiyuan"), w("西苑", "Xiyuan"), w("东苑", "Dongyuan"),
    w("花园", "Huayuan"), w("怡和", "Yihe"), w("瑞丰", "Ruifeng"), w("泰和", "Taihe"),
    w("德顺", "Deshun"), w("永兴", "Yongxing"), w("金桥", "Jinqiao"), w("绿洲", "Lüzhou"),
    w("青年", "Qingnian"), w("工农", "Gongnong"), w("前进", "Qianjin"), w("西顺", "Xishun"),
    w("南环", "Nanhuan"), w("北环", "Beihuan"), w("通达", "Tongda"), w("龙泉", "Longquan"),
  };

  /** Halves of a grown community, e.g. 幸福东 (Xingfu East): real cities split them so. */
  private static final Words[] QUARTERS = {
    w("东", "East"), w("西", "West"), w("南", "South"), w("北", "North"),
  };

  private static final Words[] VILLAGES = {
    w("前进", "Qianjin"), w("新立", "Xinli"), w("三合", "Sanhe"), w("双山", "Shuangshan"),
    w("东升", "Dongsheng"), w("太平", "Taiping"), w("永兴", "Yongxing"), w("长胜", "Changsheng"),
    w("宏伟", "Hongwei"), w("红旗", "Hongqi"), w("福兴", "Fuxing"), w("丰收", "Fengshou"),
    w("兴隆", "Xinglong"), w("胜利", "Shengli"), w("新发", "Xinfa"), w("友谊", "Youyi"),
    w("和平", "Heping"), w("富裕", "Fuyu"), w("五家子", "Wujiazi"), w("八家子", "Bajiazi"),
    w("腰屯", "Yaotun"), w("后屯", "Houtun"), w("前屯", "Qiantun"), w("西营子", "Xiyingzi"),
    w("东营子", "Dongyingzi"), w("新农", "Xinnong"), w("合力", "Heli"), w("光荣", "Guangrong"),
    w("永胜", "Yongsheng"), w("双胜", "Shuangsheng"), w("东兴", "Dongxing"), w("西兴", "Xixing"),
  };

  private static final Words[] SURNAMES = {
    w("王", "Wang"), w("李", "Li"), w("张", "Zhang"), w("刘", "Liu"), w("赵", "Zhao"),
    w("孙", "Sun"), w("周", "Zhou"), w("郑", "Zheng"), w("马", "Ma"), w("胡", "Hu"),
    w("郭", "Guo"), w("高", "Gao"), w("罗", "Luo"), w("梁", "Liang"), w("宋", "Song"),
    w("唐", "Tang"), w("许", "Xu"), w("韩", "Han"), w("杨", "Yang"), w("邢", "Xing"),
  };

  /** 王家屯, 李家窝堡…: villages named after a founding family, common in the northeast. */
  private static final Words[] FAMILY_SUFFIXES = {
    w("家屯", "jiatun"), w("家窝堡", "jiawopu"), w("家店", "jiadian"), w("家营子", "jiayingzi"),
  };

  private static final Words[] GACHAS = {
    w("巴彦塔拉", "Bayantala"),
    w("乌兰敖都", "Wulanaodu"),
    w("查干花", "Chaganhua"),
    w("哈拉乌苏", "Halawusu"),
    w("白音花", "Baiyinhua"),
    w("宝力根", "Baoligen"),
    w("塔本扎兰", "Tabenzhalan"),
    w("伊和淖尔", "Yihenaoer"),
    w("额尔顿", "Eerdun"),
    w("希伯花", "Xibohua"),
    w("敖包", "Aobao"),
    w("哈日干图", "Harigantu"),
    w("胡硕", "Hushuo"),
    w("乌兰哈达", "Wulanhada"),
    w("阿拉坦", "Alatan"),
    w("那木斯莱", "Namusilai"),
    w("好力宝", "Haolibao"),
    w("巴彦胡硕", "Bayanhushuo"),
    w("包日温都", "Baoriwendu"),
    w("宝日呼吉尔", "Baorihujier"),
    w("哈根", "Hagen"),
    w("协日嘎", "Xieriga"),
    w("毛都", "Maodu"),
    w("图布信", "Tubuxin"),
    w("格日勒", "Gerile"),
    w("朝鲁", "Chaolu"),
    w("德力格尔", "Deligeer"),
    w("呼和", "Huhe"),
    w("温都", "Wendu"),
    w("乌力吉", "Wuliji"),
    w("苏木图", "Sumutu"),
    w("浩坦", "Haotan"),
    w("珠日河", "Zhurihe"),
    w("扎木", "Zhamu"),
    w("西热", "Xire"),
    w("那仁", "Naren"),
    w("宝格吐", "Baogetu"),
    w("哈达图", "Hadatu"),
    w("乌逊", "Wuxun"),
    w("巴嘎塔拉", "Bagatala"),
  };

  /** A station's place: its short name (e.g. 和平社区 / Heping Community) and committee office. */
  record Place(Words name, Words office) {}

  private PlaceNames() {}

  /** {@code count} community names, unique among themselves: plain names first, then quarters. */
  static List<Place> communities(Random r, int count) {
    List<Words> plain = shuffled(r, List.of(COMMUNITIES));
    List<Words> quarters = new ArrayList<>();
    for (Words c : COMMUNITIES) {
      for (Words q : QUARTERS) {
        quarters.add(new Words(c.zh() + q.zh(), c.en() + " " + q.en()));
      }
    }
    List<Words> names = new ArrayList<>(plain);
    names.addAll(shuffled(r, quarters));
    List<Place> places = new ArrayList<>();
    for (Words n : names.subList(0, count)) {
      places.add(
          new Place(
              new Words(n.zh() + "社区", n.en() + " Community"),
              new Words("社区党群服务中心", "Community Party-and-People Service Centre")));
    }
    return places;
  }

  /** {@code count} village names for a town, about {@code gachaShare} of them gacha (嘎查). */
  static List<Place> villages(Random r, int count, double gachaShare) {
    int gachas = (int) Math.round(count * gachaShare);
    List<Place> places = new ArrayList<>();
    for (Words g : shuffled(r, List.of(GACHAS)).subList(0, gachas)) {
      places.add(
          new Place(
              new Words(g.zh() + "嘎查", g.en() + " Gacha"), new Words("嘎查委员会", "Gacha Committee")));
    }
    List<Words> han = new ArrayList<>(List.of(VILLAGES));
    for (Words s : SURNAMES) {
      for (Words suffix : FAMILY_SUFFIXES) {
        han.add(new Words(s.zh() + suffix.zh(), s.en() + suffix.en()));
      }
    }
    for (Words v : shuffled(r, han).subList(0, count - gachas)) {
      places.add(
          new Place(
              new Words(v.zh() + "村", v.en() + " Village"),
              new Words("村民委员会", "Village Committee")));
    }
    return shuffled(r, places);
  }

  private static <T> List<T> shuffled(Random r, List<T> items) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, r);
    return copy;
  }

  private static Words w(String zh, String en) {
    return new Words(zh, en);
  }
}
