package org.practicemap.kiosks;

import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.common.Lang;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * A kiosk's heartbeat: one upsert into {@code kiosk_heartbeat}, which has no change trigger, so
 * that thirty-second signs of life never make the screens refetch. Not audited either: it changes
 * no configuration, and an entry per kiosk every 30 s would bury the changes people look for.
 */
final class KioskHeartbeats {
  private static final int MAX_SCREEN = 20_000;
  private static final int MAX_APP_VERSION = 50;

  private final Sql sql;
  private final KioskRepository kiosks;

  KioskHeartbeats(Sql sql) {
    this.sql = sql;
    this.kiosks = new KioskRepository(sql);
  }

  /** A checked {@code KioskHeartbeatInput}. */
  record Beat(
      String id, String appVersion, int screenWidth, int screenHeight, Lang lang, Long version) {

    static Beat read(Map<String, Object> input) {
      String id = KioskInput.id("input.id", (String) input.get("id"));
      String app = (String) input.get("appVersion");
      if (app == null
          || app.isBlank()
          || app.length() > MAX_APP_VERSION
          || app.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        throw ApiException.badInput(
            "input.appVersion",
            "appVersion has 1 to " + MAX_APP_VERSION + " printable characters, e.g. 1.4.2.");
      }
      Integer config = (Integer) input.get("configVersion");
      if (config != null && config < 1) {
        throw ApiException.badInput(
            "input.configVersion", "configVersion is a kiosk's version: 1 or more.");
      }
      return new Beat(
          id,
          app.strip(),
          screen(input, "screenWidth"),
          screen(input, "screenHeight"),
          input.get("lang") == null ? null : Lang.of(input.get("lang")),
          config == null ? null : config.longValue());
    }

    private static int screen(Map<String, Object> input, String key) {
      int value = (Integer) input.get(key);
      if (value < 1 || value > MAX_SCREEN) {
        throw ApiException.badInput(
            "input." + key, key + " must be between 1 and " + MAX_SCREEN + ", not " + value + ".");
      }
      return value;
    }
  }

  /**
   * Fails with UNAUTHENTICATED without a token and FORBIDDEN for any token but this kiosk's own
   * KIOSK token: a manager's token has no business pretending to be a screen.
   */
  static void requireOwnKiosk(Caller caller, String kioskId) {
    if (caller.role() == Role.PUBLIC) {
      throw new ApiException(
          ErrorCode.UNAUTHENTICATED,
          "A heartbeat needs the kiosk's KIOSK token (Authorization: Bearer …).");
    }
    if (caller.role() != Role.KIOSK) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "Only a kiosk's own KIOSK token sends its heartbeat; this token is a "
              + caller.role()
              + "'s.");
    }
    if (!kioskId.equals(caller.kioskId())) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "This KIOSK token belongs to the kiosk \""
              + caller.kioskId()
              + "\", not to \""
              + kioskId
              + "\".");
    }
  }

  Future<Kiosk> beat(Caller caller, Map<String, Object> input) {
    requireOwnKiosk(caller, String.valueOf(input.get("id")));
    Beat beat = Beat.read(input);
    return sql.query(
            "INSERT INTO kiosk_heartbeat AS h (kiosk_id, last_seen_at, app_version, screen_width,"
                + " screen_height, lang, running_version)"
                + " SELECT k.id, now(), $2, $3, $4, $5, $6 FROM kiosk k WHERE k.id = $1"
                + " ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = excluded.last_seen_at,"
                + " app_version = excluded.app_version, screen_width = excluded.screen_width,"
                + " screen_height = excluded.screen_height, lang = excluded.lang,"
                + " running_version = excluded.running_version"
                + " RETURNING h.kiosk_id",
            Tuple.tuple()
                .addValue(beat.id())
                .addValue(beat.appVersion())
                .addValue(beat.screenWidth())
                .addValue(beat.screenHeight())
                .addValue(beat.lang() == null ? null : beat.lang().name())
                .addValue(beat.version()))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.notFound(
                    "There is no kiosk with the ID \""
                        + beat.id()
                        + "\" any more: it was removed from the registry.");
              }
              return kiosks.byIds(List.of(beat.id())).map(m -> m.get(beat.id()));
            });
  }
}
