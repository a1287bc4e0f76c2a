package org.practicemap.kiosks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.practicemap.common.Coordinates;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Inputs;

/**
 * The inputs of registerKiosk and updateKiosk, checked field by field: every failure is a {@code
 * BAD_USER_INPUT} error naming the input field, so a form can put the message next to it.
 */
final class KioskInput {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  static final int MIN_RADIUS = 100;
  static final int MAX_RADIUS = 50_000;
  static final int MIN_IDLE = 15;
  static final int MAX_IDLE = 600;
  static final int MAX_TILE_URL = 500;
  static final int MAX_THEMES = 20;

  private KioskInput() {}

  /** A registration: the installer's id and the whole configuration. */
  record Registration(String id, KioskSettings settings) {}

  /**
   * An update: the fields sent, to lay over the configuration as it is ({@link #over}); {@code
   * pointId} is null unless the kiosk moves.
   */
  record Update(String id, Long pointId, Integer expectedVersion, Map<String, Object> input) {

    KioskSettings over(KioskSettings s) {
      LocalizedText name = Inputs.text(input, "name", "input.name", 200);
      List<String> themes = themeCodes(input);
      return new KioskSettings(
          pointId != null ? pointId : s.pointId(),
          name != null ? name : s.name(),
          Inputs.has(input, "locationOverride") ? override(input) : s.locationOverride(),
          input.get("defaultLang") != null ? Lang.of(input.get("defaultLang")) : s.defaultLang(),
          input.get("bilingual") != null ? (Boolean) input.get("bilingual") : s.bilingual(),
          themes != null ? themes : s.themeCodes(),
          input.get("orientation") != null ? orientation(input) : s.orientation(),
          input.get("radiusMeters") != null ? radius(input) : s.radiusMeters(),
          Inputs.has(input, "tileUrl") ? tileUrl(input) : s.tileUrl(),
          input.get("idleSeconds") != null ? idle(input) : s.idleSeconds());
    }
  }

  static boolean isId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** A kiosk id argument; a malformed one fails naming {@code field}. */
  static String id(String field, String id) {
    if (!isId(id)) {
      throw ApiException.badInput(
          field,
          "A kiosk ID has 1 to 64 letters, digits, - and _ (e.g. demo-centre), not \""
              + id
              + "\".");
    }
    return id;
  }

  static Registration registration(Map<String, Object> input) {
    String id = id("input.id", (String) input.get("id"));
    long pointId = GlobalId.decodeLong("input.pointId", "Point", (String) input.get("pointId"));
    LocalizedText name = Inputs.text(input, "name", "input.name", 200);
    List<String> themes = themeCodes(input);
    Object lang = input.get("defaultLang");
    Object bilingual = input.get("bilingual");
    return new Registration(
        id,
        new KioskSettings(
            pointId,
            name,
            override(input),
            lang == null ? Lang.ZH : Lang.of(lang),
            bilingual != null && (Boolean) bilingual,
            themes == null ? List.of() : themes,
            input.get("orientation") == null
                ? KioskSettings.Orientation.PORTRAIT
                : orientation(input),
            input.get("radiusMeters") == null ? KioskSettings.DEFAULT_RADIUS_METERS : radius(input),
            tileUrl(input),
            input.get("idleSeconds") == null ? KioskSettings.DEFAULT_IDLE_SECONDS : idle(input)));
  }

  static Update update(Map<String, Object> input) {
    String id = id("input.id", (String) input.get("id"));
    String point = (String) input.get("pointId");
    Update update =
        new Update(
            id,
            point == null ? null : GlobalId.decodeLong("input.pointId", "Point", point),
            (Integer) input.get("expectedVersion"),
            input);
    // Check every field now, before the transaction: over() then only combines.
    update.over(
        new KioskSettings(
            0,
            LocalizedText.NONE,
            null,
            Lang.ZH,
            false,
            List.of(),
            KioskSettings.Orientation.PORTRAIT,
            KioskSettings.DEFAULT_RADIUS_METERS,
            null,
            KioskSettings.DEFAULT_IDLE_SECONDS));
    return update;
  }

  /**
   * The theme codes sent (null when left out), distinct; each must name a board (checked apart).
   */
  static List<String> themeCodes(Map<String, Object> input) {
    return Inputs.codes(input, "themeCodes", "input.themeCodes", MAX_THEMES);
  }

  private static Coordinates override(Map<String, Object> input) {
    return Inputs.coordinates(input, "locationOverride", "input.locationOverride");
  }

  private static KioskSettings.Orientation orientation(Map<String, Object> input) {
    return KioskSettings.Orientation.valueOf(input.get("orientation").toString());
  }

  private static int radius(Map<String, Object> input) {
    return between(input, "radiusMeters", MIN_RADIUS, MAX_RADIUS, " metres");
  }

  private static int idle(Map<String, Object> input) {
    return between(input, "idleSeconds", MIN_IDLE, MAX_IDLE, " seconds");
  }

  private static int between(Map<String, Object> input, String key, int min, int max, String unit) {
    int value = (Integer) input.get(key);
    if (value < min || value > max) {
      throw ApiException.badInput(
          "input." + key,
          key + " must be between " + min + " and " + max + unit + ", not " + value + ".");
    }
    return value;
  }

  /**
   * A tile URL template such as {@code https://tiles.example.cn/{z}/{x}/{y}.png}: the kiosk fills
   * in the placeholders, so they must all be there and the rest must be a web address. Blank counts
   * as none, as forms send it.
   */
  static String tileUrl(Map<String, Object> input) {
    String url = (String) input.get("tileUrl");
    if (url == null || url.isBlank()) {
      return null;
    }
    url = url.strip();
    String field = "input.tileUrl";
    if (url.length() > MAX_TILE_URL) {
      throw ApiException.badInput(field, "A tile URL has at most " + MAX_TILE_URL + " characters.");
    }
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw ApiException.badInput(field, "A tile URL starts with https:// (or http://).");
    }
    for (String placeholder : List.of("{z}", "{x}", "{y}")) {
      if (!url.contains(placeholder)) {
        throw ApiException.badInput(
            field,
            "A tile URL template needs {z}, {x} and {y}, e.g."
                + " https://tiles.example.cn/{z}/{x}/{y}.png; "
                + placeholder
                + " is missing.");
      }
    }
    String filled = url.replaceAll("\\{[a-z]}", "0");
    try {
      URI uri = new URI(filled);
      if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
        throw new URISyntaxException(filled, "no host, or user info or a fragment");
      }
    } catch (URISyntaxException e) {
      throw ApiException.badInput(
          field, "This is not a web address with a host name, once {z}, {x} and {y} are filled.");
    }
    return url;
  }
}
