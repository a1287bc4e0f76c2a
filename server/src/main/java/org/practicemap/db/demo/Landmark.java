package org.practicemap.db.demo;

import java.util.List;

/**
 * A hand-described point: a featured base, a venue or a convenience point. {@code township} is the
 * subdistrict or town it hangs under (its Chinese name), or null for the centre.
 */
record Landmark(
    DemoPoint.Level level,
    String township,
    Words name,
    Words description,
    Words address,
    double lat,
    double lng,
    List<String> themes,
    Hours hours,
    List<String> facilities,
    boolean onMap) {}
