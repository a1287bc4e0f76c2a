package org.practicemap.db.demo;

import static org.practicemap.db.demo.Codes.CIVIL_AFFAIRS;
import static org.practicemap.db.demo.Codes.CLASS;
import static org.practicemap.db.demo.Codes.CULTURE_TOURISM;
import static org.practicemap.db.demo.Codes.ECOLOGY;
import static org.practicemap.db.demo.Codes.EDUCATION;
import static org.practicemap.db.demo.Codes.FESTIVAL;
import static org.practicemap.db.demo.Codes.FREE_CLINIC;
import static org.practicemap.db.demo.Codes.HEALTH;
import static org.practicemap.db.demo.Codes.LECTURE;
import static org.practicemap.db.demo.Codes.PERFORMANCE;
import static org.practicemap.db.demo.Codes.READING;
import static org.practicemap.db.demo.Codes.SPORTS;
import static org.practicemap.db.demo.Codes.SPORTS_DEPT;
import static org.practicemap.db.demo.Codes.VETERANS_DEFENCE;
import static org.practicemap.db.demo.Codes.VOLUNTEER_SERVICE;
import static org.practicemap.db.demo.Codes.WOMEN_FEDERATION;
import static org.practicemap.db.demo.ThemeBoards.CUSTOMS_REFORM;
import static org.practicemap.db.demo.ThemeBoards.ECO_CIVILIZATION;
import static org.practicemap.db.demo.ThemeBoards.ETHNIC_UNITY;
import static org.practicemap.db.demo.ThemeBoards.HEALTHY_LIVING;
import static org.practicemap.db.demo.ThemeBoards.INTANGIBLE_HERITAGE;
import static org.practicemap.db.demo.ThemeBoards.RED_IMPRINT;
import static org.practicemap.db.demo.ThemeBoards.SCHOLARLY_HORQIN;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.practicemap.db.demo.Template.Slot;
import org.practicemap.db.demo.Template.Where;

/**
 * "Our Festivals" (我们的节日): what each traditional festival brings to the stations and squares.
 * Titles carry the programme's name, as the posters do.
 */
final class FestivalTemplates {
  /** How many events a whole festival draws, relative to the others. */
  static final Map<Festivals, Integer> WEIGHTS = new EnumMap<>(Festivals.class);

  static final Map<Festivals, List<Template>> BY_FESTIVAL = new EnumMap<>(Festivals.class);

  static {
    WEIGHTS.put(Festivals.SPRING_FESTIVAL, 200);
    WEIGHTS.put(Festivals.LANTERN_FESTIVAL, 130);
    WEIGHTS.put(Festivals.QINGMING, 80);
    WEIGHTS.put(Festivals.DRAGON_BOAT, 100);
    WEIGHTS.put(Festivals.QIXI, 45);
    WEIGHTS.put(Festivals.MID_AUTUMN, 110);
    WEIGHTS.put(Festivals.DOUBLE_NINTH, 80);
    WEIGHTS.put(Festivals.LABA, 45);

    BY_FESTIVAL.put(
        Festivals.SPRING_FESTIVAL,
        List.of(
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CULTURE_TOURISM,
                    "我们的节日·春节 写春联送福字",
                    "Our Festivals · Spring Festival: couplets and 'fu' for every home",
                    "书法志愿者现场写春联、送福字，把新春祝福送到居民手中。",
                    "Calligraphy volunteers write New Year couplets and 'fu' characters for"
                        + " residents to take home.")
                .weight(5),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·春节 邻里包饺子",
                    "Our Festivals · Spring Festival: neighbours make dumplings",
                    "邻里围坐包饺子、话家常，倡导节俭过年。",
                    "Neighbours make dumplings together and chat: a warm, modest New Year.")
                .weight(4),
            t(
                    PERFORMANCE,
                    INTANGIBLE_HERITAGE,
                    CULTURE_TOURISM,
                    "我们的节日·春节 新春文艺汇演",
                    "Our Festivals · Spring Festival gala",
                    "安代舞、好来宝、二人转和民歌，群众自编自演。",
                    "Andai dance, Haolaibao, duets and folk songs, by and for residents.")
                .at(Slot.AFTERNOON)
                .weight(3),
            t(
                    CLASS,
                    INTANGIBLE_HERITAGE,
                    WOMEN_FEDERATION,
                    "我们的节日·春节 剪窗花",
                    "Our Festivals · Spring Festival: paper-cut window flowers",
                    "剪一对窗花贴在自家窗上，材料现场提供。",
                    "Cut a pair of window flowers for your own window; materials provided.")
                .seats(15, 30)
                .minutes(90, 90)
                .weight(3),
            t(
                    SPORTS,
                    HEALTHY_LIVING,
                    SPORTS_DEPT,
                    "我们的节日·春节 新春趣味运动会",
                    "Our Festivals · Spring Festival fun games",
                    "踢毽子、拔河、夹弹珠，老少同乐迎新春。",
                    "Shuttlecock kicking, tug of war and marble races for young and old.")
                .weight(2),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "移风易俗 文明过大年倡议",
                    "A thrifty, civil New Year: the customs-reform pledge",
                    "倡议不燃放烟花爆竹、不比阔气、不大操大办，签名承诺文明过年。",
                    "A pledge to skip fireworks, showing-off and lavish feasts this New Year.")
                .weight(2)));

    BY_FESTIVAL.put(
        Festivals.LANTERN_FESTIVAL,
        List.of(
            t(
                    FESTIVAL,
                    INTANGIBLE_HERITAGE,
                    CULTURE_TOURISM,
                    "我们的节日·元宵 猜灯谜闹元宵",
                    "Our Festivals · Lantern Festival riddles",
                    "灯谜挂满长廊，猜中即可领取小礼品。",
                    "Riddles hang along the corridor; solve one for a small prize.")
                .at(Slot.EVENING)
                .weight(5),
            t(
                    CLASS,
                    INTANGIBLE_HERITAGE,
                    WOMEN_FEDERATION,
                    "我们的节日·元宵 手工花灯制作",
                    "Our Festivals · Lantern Festival: make your own lantern",
                    "用彩纸和竹条扎一盏花灯，亲子家庭优先。",
                    "Build a lantern from coloured paper and bamboo; families first.")
                .seats(15, 30)
                .minutes(90, 90)
                .weight(3),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·元宵 邻里滚元宵",
                    "Our Festivals · Lantern Festival: rolling yuanxiao together",
                    "滚元宵、煮元宵，邻里共品团圆味。",
                    "Roll and cook sweet rice dumplings and share them with the neighbours.")
                .weight(3),
            t(
                    PERFORMANCE,
                    ETHNIC_UNITY,
                    CULTURE_TOURISM,
                    "我们的节日·元宵 安代舞展演",
                    "Our Festivals · Lantern Festival Andai dance show",
                    "各族群众同跳安代舞，共庆元宵佳节。",
                    "Neighbours of every ethnic group dance the Andai together.")
                .at(Slot.AFTERNOON)
                .weight(2)));

    BY_FESTIVAL.put(
        Festivals.QINGMING,
        List.of(
            t(
                    LECTURE,
                    RED_IMPRINT,
                    VETERANS_DEFENCE,
                    "我们的节日·清明 祭英烈红色故事会",
                    "Our Festivals · Qingming: honouring the martyrs",
                    "向烈士敬献鲜花，聆听英烈事迹。",
                    "Lay flowers for the martyrs and hear their stories.")
                .seats(40, 100)
                .minutes(60, 90)
                .in(Where.BOARD_OR_NETWORK)
                .weight(4),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·清明 文明祭扫 鲜花换纸钱",
                    "Our Festivals · Qingming: flowers instead of paper money",
                    "倡导鲜花祭扫、网上祭扫，志愿者现场用鲜花兑换纸钱。",
                    "Civil remembrance: volunteers swap paper money for flowers.")
                .at(Slot.MORNING)
                .weight(4),
            t(
                    VOLUNTEER_SERVICE,
                    ECO_CIVILIZATION,
                    ECOLOGY,
                    "我们的节日·清明 植树添绿",
                    "Our Festivals · Qingming tree planting",
                    "清明时节种下一棵树，寄托哀思，绿化家园。",
                    "Plant a tree at Qingming in memory of loved ones.")
                .seats(30, 60)
                .minutes(120, 150)
                .at(Slot.MORNING)
                .weight(2)));

    BY_FESTIVAL.put(
        Festivals.DRAGON_BOAT,
        List.of(
            t(
                    CLASS,
                    INTANGIBLE_HERITAGE,
                    WOMEN_FEDERATION,
                    "我们的节日·端午 包粽子",
                    "Our Festivals · Dragon Boat Festival: wrapping zongzi",
                    "学包粽子，煮好的粽子送给社区独居老人。",
                    "Learn to wrap zongzi; the cooked ones go to older neighbours who live alone.")
                .seats(15, 30)
                .minutes(90, 120)
                .weight(5),
            t(
                    CLASS,
                    SCHOLARLY_HORQIN,
                    EDUCATION,
                    "我们的节日·端午 香囊制作与经典诵读",
                    "Our Festivals · Dragon Boat Festival: sachets and poems",
                    "缝一只艾草香囊，读一读屈原的诗篇。",
                    "Sew a mugwort sachet and read the poems of Qu Yuan.")
                .seats(15, 30)
                .minutes(90, 90)
                .weight(3),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·端午 邻里节",
                    "Our Festivals · Dragon Boat neighbourhood day",
                    "挂艾草、系五彩绳、品粽子，邻里同过端午。",
                    "Mugwort on the doors, five-colour threads and zongzi for the neighbours.")
                .weight(4)));

    BY_FESTIVAL.put(
        Festivals.QIXI,
        List.of(
            t(
                    LECTURE,
                    CUSTOMS_REFORM,
                    WOMEN_FEDERATION,
                    "我们的节日·七夕 婚恋新风宣讲",
                    "Our Festivals · Qixi: new customs for love and marriage",
                    "倡导抵制高额彩礼，分享简约婚礼的幸福故事。",
                    "Against lavish bride prices: stories of happy, simple weddings.")
                .seats(30, 80)
                .minutes(60, 90)
                .weight(4),
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·七夕 集体婚礼",
                    "Our Festivals · Qixi group wedding",
                    "新人们在亲友见证下举行简约而庄重的集体婚礼。",
                    "Couples marry together in a simple, dignified ceremony.")
                .in(Where.BOARD)
                .weight(1),
            t(
                    CLASS,
                    INTANGIBLE_HERITAGE,
                    WOMEN_FEDERATION,
                    "我们的节日·七夕 乞巧手工",
                    "Our Festivals · Qixi craft workshop",
                    "穿针乞巧、编同心结，体验七夕传统习俗。",
                    "Needle threading and love knots: the old Qixi customs.")
                .seats(15, 30)
                .minutes(90, 90)
                .weight(3)));

    BY_FESTIVAL.put(
        Festivals.MID_AUTUMN,
        List.of(
            t(
                    FESTIVAL,
                    ETHNIC_UNITY,
                    CIVIL_AFFAIRS,
                    "我们的节日·中秋 月满邻里情",
                    "Our Festivals · Mid-Autumn: a full moon for good neighbours",
                    "赏月、分月饼、拉家常，各族邻里共度中秋。",
                    "Moon-watching, mooncakes and chat with neighbours of every ethnic group.")
                .at(Slot.EVENING)
                .weight(5),
            t(
                    CLASS,
                    INTANGIBLE_HERITAGE,
                    WOMEN_FEDERATION,
                    "我们的节日·中秋 手作月饼",
                    "Our Festivals · Mid-Autumn: make your own mooncakes",
                    "揉面、包馅、压模，亲手做一盒月饼。",
                    "Knead, fill and press a box of mooncakes of your own.")
                .seats(15, 30)
                .minutes(120, 120)
                .weight(4),
            t(
                    READING,
                    SCHOLARLY_HORQIN,
                    CULTURE_TOURISM,
                    "我们的节日·中秋 诗会",
                    "Our Festivals · Mid-Autumn poetry evening",
                    "吟诵咏月诗词，蒙汉双语朗诵。",
                    "Moon poems read in Chinese and Mongolian.")
                .at(Slot.EVENING)
                .weight(2)));

    BY_FESTIVAL.put(
        Festivals.DOUBLE_NINTH,
        List.of(
            t(
                    VOLUNTEER_SERVICE,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·重阳 敬老志愿服务",
                    "Our Festivals · Double Ninth: volunteers for older residents",
                    "为老人理发、测血压、包饺子，陪老人过节。",
                    "Haircuts, blood-pressure checks and dumplings with older residents.")
                .weight(5),
            t(
                    FREE_CLINIC,
                    HEALTHY_LIVING,
                    HEALTH,
                    "我们的节日·重阳 老年健康义诊",
                    "Our Festivals · Double Ninth free health checks",
                    "医生为老年人免费体检并讲解慢病管理。",
                    "Doctors give older residents free checks and advice on chronic illness.")
                .at(Slot.MORNING)
                .weight(3),
            t(
                    SPORTS,
                    HEALTHY_LIVING,
                    SPORTS_DEPT,
                    "我们的节日·重阳 登高健步走",
                    "Our Festivals · Double Ninth walk",
                    "重阳登高，老年健步队带头走。",
                    "The Double Ninth climb, led by the seniors' walking team.")
                .at(Slot.MORNING)
                .weight(2)));

    BY_FESTIVAL.put(
        Festivals.LABA,
        List.of(
            t(
                    FESTIVAL,
                    CUSTOMS_REFORM,
                    CIVIL_AFFAIRS,
                    "我们的节日·腊八 施粥暖邻里",
                    "Our Festivals · Laba porridge for the neighbourhood",
                    "熬一锅腊八粥，送给环卫工人和邻里。",
                    "A pot of Laba porridge for street cleaners and neighbours.")
                .at(Slot.MORNING)
                .weight(5),
            t(
                    LECTURE,
                    INTANGIBLE_HERITAGE,
                    CULTURE_TOURISM,
                    "我们的节日·腊八 民俗文化讲座",
                    "Our Festivals · Laba folk customs talk",
                    "讲述腊八节的由来和科尔沁的年俗。",
                    "Where Laba comes from, and the New Year customs of Horqin.")
                .seats(30, 80)
                .minutes(60, 90)
                .weight(2)));
  }

  private FestivalTemplates() {}

  private static Template t(
      String category,
      String theme,
      String department,
      String zh,
      String en,
      String dZh,
      String dEn) {
    return Template.of(category, theme, department, zh, en, dZh, dEn).minutes(120, 150);
  }
}
