package org.practicemap.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;

/**
 * Writes rows straight into a test database over JDBC, so that a test states exactly the data it
 * asserts on. Themes are the codes A_THEME and B_THEME unless a test adds more.
 */
public final class TestData implements AutoCloseable {
  private final Connection c;

  public TestData(String databaseUrl) {
    try {
      this.c = TestPostgres.jdbc(databaseUrl);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public TestData theme(String code, int order) {
    update(
        "INSERT INTO theme (code, sort_order, name_zh, name_en, color, icon)"
            + " VALUES (?, ?, ?, ?, '#112233', 'flag')",
        code,
        order,
        "主题" + code,
        "Theme " + code);
    return this;
  }

  /** Inserts a point under {@code parentId} (null for the root) and returns its id. */
  public long point(
      Long parentId, String level, String nameZh, double lat, double lng, boolean onMap) {
    long id = queryLong("SELECT nextval(pg_get_serial_sequence('point', 'id'))");
    update(
        "INSERT INTO point (id, parent_id, path, level, name_zh, name_en, lat, lng, on_map,"
            + " address_zh) VALUES (?, ?, (COALESCE((SELECT path::text || '.' FROM point WHERE id = ?),"
            + " '') || ?)::ltree, ?, ?, ?, ?, ?, ?, ?)",
        id,
        parentId,
        parentId,
        Long.toString(id),
        level,
        nameZh,
        "EN " + nameZh,
        lat,
        lng,
        onMap,
        nameZh + "路1号");
    return id;
  }

  public TestData pointTheme(long pointId, String themeCode) {
    update("INSERT INTO point_theme (point_id, theme_code) VALUES (?, ?)", pointId, themeCode);
    return this;
  }

  public TestData hours(long pointId, int weekday, String opens, String closes) {
    update(
        "INSERT INTO opening_hours (point_id, weekday, opens, closes) VALUES (?, ?, ?::time, ?::time)",
        pointId,
        weekday,
        opens,
        closes);
    return this;
  }

  public TestData closedOn(long pointId, String day) {
    update(
        "INSERT INTO opening_exception (point_id, day, closed, note_zh, note_en)"
            + " VALUES (?, ?::date, true, '闭馆', 'Closed')",
        pointId,
        day);
    return this;
  }

  /** Inserts an activity and returns its id; {@code capacity} null makes an open event. */
  public long activity(
      long pointId,
      String themeCode,
      String category,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      Integer capacity) {
    return queryLong(
        "INSERT INTO activity (point_id, theme_code, category, title_zh, title_en, starts_at,"
            + " ends_at, capacity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        pointId,
        themeCode,
        category,
        "活动" + category,
        "Activity " + category,
        Timestamp.from(startsAt.toInstant()),
        Timestamp.from(endsAt.toInstant()),
        capacity);
  }

  /**
   * Issues a token for {@code role} scoped to {@code pointId} (null for ADMIN) and returns its
   * plain text, as a client would send it: {@code Authorization: Bearer <token>}.
   */
  public String token(String role, Long pointId) {
    return token(role, pointId, null, "1 day");
  }

  /** A token with a kiosk id and a lifetime such as {@code '30 days'} or {@code '-1 hour'}. */
  public String token(String role, Long pointId, String kioskId, String lifetime) {
    String token = org.practicemap.auth.Tokens.newToken();
    update(
        "INSERT INTO api_token (token_hash, role, point_id, kiosk_id, label, expires_at)"
            + " VALUES (?, ?, ?, ?, 'test', now() + ?::interval)",
        org.practicemap.auth.Tokens.hash(token),
        role,
        pointId,
        kioskId,
        lifetime);
    return token;
  }

  /** Registers a kiosk with the default configuration at {@code pointId}. */
  public TestData kiosk(String id, long pointId) {
    update(
        "INSERT INTO kiosk (id, point_id, name_zh, name_en) VALUES (?, ?, ?, ?)",
        id,
        pointId,
        "屏幕" + id,
        "Screen " + id);
    return this;
  }

  /**
   * Records a heartbeat of {@code kioskId} as if it came {@code ago} (an interval such as {@code '5
   * minutes'}) before now: tests of STALE and OFFLINE set times instead of waiting.
   */
  public TestData heartbeat(String kioskId, String ago) {
    update(
        "INSERT INTO kiosk_heartbeat (kiosk_id, last_seen_at, app_version, screen_width,"
            + " screen_height) VALUES (?, now() - ?::interval, 'test-1', 1080, 1920)"
            + " ON CONFLICT (kiosk_id) DO UPDATE SET last_seen_at = excluded.last_seen_at",
        kioskId,
        ago);
    return this;
  }

  public void update(String sql, Object... args) {
    try (PreparedStatement st = prepare(sql, args)) {
      st.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public long queryLong(String sql, Object... args) {
    try (PreparedStatement st = prepare(sql, args)) {
      var rs = st.executeQuery();
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public String queryString(String sql, Object... args) {
    try (PreparedStatement st = prepare(sql, args)) {
      var rs = st.executeQuery();
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private PreparedStatement prepare(String sql, Object... args) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      st.setObject(i + 1, args[i]);
    }
    return st;
  }

  @Override
  public void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
