package org.practicemap.testing;

/**
 * A small practice network for query tests: a centre with two institutes, a station under each, a
 * venue on the map, and two theme boards.
 *
 * <pre>
 *   centre (CENTER)                  themes A_THEME, B_THEME
 *   ├── north (INSTITUTE) ── north station (STATION, A_THEME)
 *   ├── south (INSTITUTE) ── south station (STATION, B_THEME)
 *   └── museum (VENUE, on map, A_THEME + B_THEME)
 * </pre>
 */
public record Network(
    long centre, long north, long south, long northStation, long southStation, long museum) {

  public static Network create(TestData data) {
    data.theme("A_THEME", 1).theme("B_THEME", 2);
    long centre = data.point(null, "CENTER", "实践中心", 43.62, 122.26, true);
    long north = data.point(centre, "INSTITUTE", "北街道实践所", 43.70, 122.25, false);
    long south = data.point(centre, "INSTITUTE", "南街道实践所", 43.55, 122.27, false);
    long northStation = data.point(north, "STATION", "北社区实践站", 43.71, 122.24, false);
    long southStation = data.point(south, "STATION", "南嘎查实践站", 43.54, 122.28, false);
    long museum = data.point(centre, "VENUE", "通辽博物馆_100%", 43.63, 122.27, true);
    data.pointTheme(northStation, "A_THEME")
        .pointTheme(southStation, "B_THEME")
        .pointTheme(museum, "A_THEME")
        .pointTheme(museum, "B_THEME");
    return new Network(centre, north, south, northStation, southStation, museum);
  }
}
