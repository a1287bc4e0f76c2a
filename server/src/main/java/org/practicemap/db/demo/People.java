package org.practicemap.db.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fake residents who book seats: generated names (common Han surnames and the Mongolian families of
 * Horqin) and mobile numbers that look valid (11 digits, 13x/15x/18x) but belong to nobody we know
 * of. Also the ticket codes: 10 characters from an alphabet without 0/O, 1/I/L.
 */
final class People {
  static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final int CODE_LENGTH = 10;
  private static final int RESIDENTS = 6_000;

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "曹", "许", "邓", "冯", "于", "董",
  };

  /** Surnames many Mongolian families of Horqin use in Chinese. */
  private static final String[] MONGOLIAN_SURNAMES = {"包", "白", "宝", "敖", "鲍", "吴", "韩"};

  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平",
    "刚", "秀英", "桂英", "秀兰", "玉兰", "建华", "建国", "志强", "海燕", "丽娟", "晓东", "春梅", "红梅", "立新", "文博", "子涵",
    "欣怡", "浩然", "宇轩", "梓萱", "雨桐", "淑华", "凤芝", "国庆", "永胜", "玉珍", "晓燕",
  };
  private static final String[] MONGOLIAN_GIVEN = {
    "巴特尔", "其木格", "乌兰", "萨仁", "额尔敦", "苏日娜", "那仁", "格日乐", "斯琴", "图雅", "朝鲁", "阿拉坦", "乌力吉", "娜仁", "高娃",
    "金花", "布和", "宝音", "哈斯", "满都拉",
  };
  private static final int[] PREFIXES = {
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159,
    180, 181, 182, 183, 184, 185, 186, 187, 188, 189,
  };

  record Person(String name, String phone) {}

  private final List<Person> residents;
  private final Set<String> codes = new HashSet<>();
  private final Random r;

  People(Random r) {
    this.r = r;
    Set<String> phones = new HashSet<>();
    List<Person> list = new ArrayList<>();
    while (list.size() < RESIDENTS) {
      String phone =
          PREFIXES[r.nextInt(PREFIXES.length)]
              + String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000));
      if (phones.add(phone)) {
        list.add(new Person(name(), phone));
      }
    }
    this.residents = List.copyOf(list);
  }

  int size() {
    return residents.size();
  }

  Person get(int index) {
    return residents.get(index);
  }

  /** A fresh ticket code, never handed out before in this data set. */
  String code() {
    while (true) {
      StringBuilder code = new StringBuilder(CODE_LENGTH);
      for (int i = 0; i < CODE_LENGTH; i++) {
        code.append(CODE_ALPHABET.charAt(r.nextInt(CODE_ALPHABET.length())));
      }
      if (codes.add(code.toString())) {
        return code.toString();
      }
    }
  }

  private String name() {
    if (r.nextDouble() < 0.3) {
      return pick(MONGOLIAN_SURNAMES) + pick(r.nextDouble() < 0.7 ? MONGOLIAN_GIVEN : GIVEN);
    }
    return pick(SURNAMES) + pick(GIVEN);
  }

  private String pick(String[] items) {
    return items[r.nextInt(items.length)];
  }
}
