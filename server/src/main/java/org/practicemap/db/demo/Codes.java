package org.practicemap.db.demo;

/** Activity categories and organising departments, exactly as the V1 CHECK constraints allow. */
final class Codes {
  static final String CLASS = "CLASS";
  static final String LECTURE = "LECTURE";
  static final String FESTIVAL = "FESTIVAL";
  static final String MARKET = "MARKET";
  static final String FREE_CLINIC = "FREE_CLINIC";
  static final String VOLUNTEER_SERVICE = "VOLUNTEER_SERVICE";
  static final String SPORTS = "SPORTS";
  static final String PERFORMANCE = "PERFORMANCE";
  static final String EXHIBITION = "EXHIBITION";
  static final String READING = "READING";
  static final String OTHER = "OTHER";

  static final String CULTURE_TOURISM = "CULTURE_TOURISM";
  static final String HEALTH = "HEALTH";
  static final String EDUCATION = "EDUCATION";
  static final String SPORTS_DEPT = "SPORTS";
  static final String CIVIL_AFFAIRS = "CIVIL_AFFAIRS";
  static final String JUSTICE = "JUSTICE";
  static final String VETERANS_DEFENCE = "VETERANS_DEFENCE";
  static final String ECOLOGY = "ECOLOGY";
  static final String AGRICULTURE = "AGRICULTURE";
  static final String SCIENCE = "SCIENCE";
  static final String WOMEN_FEDERATION = "WOMEN_FEDERATION";
  static final String YOUTH_LEAGUE = "YOUTH_LEAGUE";

  private Codes() {}
}
