package org.practicemap.db.demo;

import java.util.List;

/**
 * One point of the demo network, as it will be written. {@code township} is the index in {@link
 * Townships#ALL} of the subdistrict or town the point belongs to, or -1 for district-wide points;
 * {@code place} is a station's community or village (e.g. 和平社区), used to name the spots where
 * mobile points stand.
 */
record DemoPoint(
    long id,
    Long parentId,
    String path,
    Level level,
    Words name,
    Words description,
    Words address,
    double lat,
    double lng,
    String phone,
    boolean onMap,
    List<String> facilities,
    List<String> themes,
    Hours hours,
    int township,
    Words place) {

  enum Level {
    CENTER,
    INSTITUTE,
    STATION,
    BASE,
    SERVICE_POINT,
    MOBILE_POINT,
    VENUE
  }

  boolean rural() {
    return township >= 0 && !Townships.ALL.get(township).urban();
  }
}
