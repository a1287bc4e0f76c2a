package org.practicemap.common;

import java.util.Map;
import org.practicemap.graphql.ApiException;

/** A WGS-84 position in degrees. */
public record Coordinates(double lat, double lng) {

  /**
   * Reads a {@code CoordinatesInput} argument; a latitude outside −90..90 or a longitude outside
   * −180..180 is a {@code BAD_USER_INPUT} error naming {@code field.lat} or {@code field.lng}.
   */
  public static Coordinates fromInput(Map<String, Object> input, String field) {
    double lat = ((Number) input.get("lat")).doubleValue();
    double lng = ((Number) input.get("lng")).doubleValue();
    if (!(lat >= -90 && lat <= 90)) {
      throw ApiException.badInput(
          field + ".lat", "The latitude must be between -90 and 90 degrees, not " + lat + ".");
    }
    if (!(lng >= -180 && lng <= 180)) {
      throw ApiException.badInput(
          field + ".lng", "The longitude must be between -180 and 180 degrees, not " + lng + ".");
    }
    return new Coordinates(lat, lng);
  }
}
