package org.practicemap.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.practicemap.common.GreatCircle;

/** The haversine distance behind {@code near}, against distances known independently. */
class GreatCircleTest {

  @Test
  void oneDegreeOfLatitudeIsAboutOneHundredAndElevenKilometres() {
    // 2πR / 360 with R = 6,371,008.8 m
    assertEquals(111_195.08, GreatCircle.meters(43, 122, 44, 122), 0.5);
  }

  @Test
  void tongliaoToBeijingIsAboutSixHundredAndThirtySevenKilometres() {
    // The same formula computed independently (Python, double precision): 637,186.08 m.
    assertEquals(637_186.08, GreatCircle.meters(43.6174, 122.2631, 39.9042, 116.4074), 0.01);
  }

  @Test
  void distanceIsSymmetricAndZeroAtTheSamePlace() {
    assertEquals(0, GreatCircle.meters(43.62, 122.26, 43.62, 122.26), 1e-9);
    assertEquals(
        GreatCircle.meters(43.62, 122.26, 43.70, 122.25),
        GreatCircle.meters(43.70, 122.25, 43.62, 122.26),
        1e-9);
  }

  @Test
  void aFilterMatchesOnTheCircleAndNotJustOutside() {
    double d = GreatCircle.meters(43.70, 122.25, 43.71, 122.24);
    Place station = new Place("A_THEME", "1.2.4", 43.71, 122.24);
    assertTrue(new ChangeFilter(null, null, null, 43.70, 122.25, d + 0.01).matches(station));
    assertFalse(new ChangeFilter(null, null, null, 43.70, 122.25, d - 1).matches(station));
  }

  @Test
  void aPointFilterMatchesItsSubtreeButNotASiblingWithALongerId() {
    ChangeFilter north = new ChangeFilter(null, "1.2", null, null, null, null);
    assertTrue(north.matches(new Place(null, "1.2", 0, 0)));
    assertTrue(north.matches(new Place(null, "1.2.7", 0, 0)));
    assertFalse(north.matches(new Place(null, "1.22", 0, 0)));
    assertFalse(north.matches(new Place(null, "1", 0, 0)));
  }
}
