package org.practicemap.db.demo;

import java.util.ArrayList;
import java.util.List;

/** The regular (non-festival) templates, split into bookable sessions and open events. */
final class TemplatePools {
  static final List<Template> BOOKABLE = pool(true);
  static final List<Template> OPEN = pool(false);

  private TemplatePools() {}

  private static List<Template> pool(boolean bookable) {
    List<Template> all = new ArrayList<>(LearningTemplates.ALL);
    all.addAll(CommunityTemplates.ALL);
    return all.stream().filter(t -> t.bookable() == bookable).toList();
  }
}
