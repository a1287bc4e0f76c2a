package org.practicemap.db.demo;

/**
 * A demo text in Chinese and English. The Mongolian column gets a marked placeholder: no verified
 * Mongolian translations are available, and a machine guess on a public sign would be worse than an
 * honest "to be translated" marker that a translator can find with one query.
 */
record Words(String zh, String en) {
  /** Marks a Mongolian column whose text still waits for a translator ("Mongolian to be added"). */
  static final String MONGOLIAN_PLACEHOLDER = "【蒙译待补】";

  String mn() {
    return zh == null ? null : MONGOLIAN_PLACEHOLDER + zh;
  }

  /** This text with a variant appended, e.g. "义诊（中医）" / "Free clinic: traditional medicine". */
  Words with(Words variant) {
    return new Words(zh + "（" + variant.zh + "）", en + ": " + variant.en);
  }
}
