package org.practicemap.search;

import org.practicemap.nearby.Circle;

/**
 * Where a search keeps to: a circle (nearby search's rule: great-circle distance at most the
 * radius), the subtree of a point given by its path, both, or neither (everywhere).
 */
record SearchPlace(Circle circle, String path) {
  static final SearchPlace EVERYWHERE = new SearchPlace(null, null);

  boolean isEverywhere() {
    return circle == null && path == null;
  }
}
