package org.practicemap.kiosks;

import java.util.List;
import org.practicemap.common.Coordinates;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;

/**
 * What an operator configures on a kiosk: everything {@code registerKiosk} sets and {@code
 * updateKiosk} changes. A change of any of it bumps the kiosk's version and reaches its screen.
 */
public record KioskSettings(
    long pointId,
    LocalizedText name,
    Coordinates locationOverride,
    Lang defaultLang,
    boolean bilingual,
    List<String> themeCodes,
    Orientation orientation,
    int radiusMeters,
    String tileUrl,
    int idleSeconds) {

  public enum Orientation {
    PORTRAIT,
    LANDSCAPE
  }

  static final int DEFAULT_RADIUS_METERS = 3000;
  static final int DEFAULT_IDLE_SECONDS = 60;
}
