package org.practicemap.auth;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.practicemap.Config;
import org.practicemap.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can administer a new installation. With {@code ADMIN_TOKEN} set, that token is
 * stored (as its hash) as an ADMIN token; otherwise, when the database has never had a token, a
 * first ADMIN token is made and printed once, framed, on standard output. It is never logged and
 * never shown again: whoever starts the server first holds it.
 */
public final class AdminBootstrap {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  static final int FIRST_TOKEN_DAYS = 30;
  static final int CONFIGURED_TOKEN_DAYS = 365;

  private AdminBootstrap() {}

  /** Returns the token printed, or null when none was made. */
  public static String run(Database db, Config.Access access, PrintStream out) {
    try (Connection c = db.openJdbc()) {
      c.setAutoCommit(false);
      try {
        // Replicas starting together on one new database: only the first makes a token.
        c.createStatement().execute("LOCK TABLE api_token IN SHARE ROW EXCLUSIVE MODE");
        String printed = null;
        if (access.adminToken() != null) {
          storeConfigured(c, access.adminToken());
        } else if (isFirstStart(c)) {
          printed = createFirst(c);
        }
        c.commit();
        if (printed != null) {
          print(out, printed);
        }
        return printed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set up the ADMIN token: " + e.getMessage(), e);
    }
  }

  private static boolean isFirstStart(Connection c) throws SQLException {
    ResultSet rs = c.createStatement().executeQuery("SELECT EXISTS (SELECT 1 FROM api_token)");
    rs.next();
    return !rs.getBoolean(1);
  }

  private static String createFirst(Connection c) throws SQLException {
    String token = Tokens.newToken();
    insert(c, token, "first ADMIN token", "start-up", FIRST_TOKEN_DAYS);
    return token;
  }

  /**
   * Stores the configured token, or extends it for another year on each start. A configured token
   * that was revoked stays revoked (restarting must not undo a revocation): it is reported.
   */
  private static void storeConfigured(Connection c, String token) throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT id, role, revoked_at IS NOT NULL FROM api_token WHERE token_hash = ?")) {
      st.setBytes(1, Tokens.hash(token));
      ResultSet rs = st.executeQuery();
      if (!rs.next()) {
        insert(c, token, "ADMIN_TOKEN (configuration)", "configuration", CONFIGURED_TOKEN_DAYS);
        log.info("ADMIN_TOKEN stored as an ADMIN token (its hash only)");
        return;
      }
      long id = rs.getLong(1);
      if (!rs.getString(2).equals("ADMIN") || rs.getBoolean(3)) {
        log.warn(
            "ADMIN_TOKEN is token {}, which is revoked or not an ADMIN token: it is not renewed",
            id);
        return;
      }
      try (PreparedStatement renew =
          c.prepareStatement(
              "UPDATE api_token SET expires_at = greatest(expires_at, ?) WHERE id = ?")) {
        renew.setTimestamp(1, inDays(CONFIGURED_TOKEN_DAYS));
        renew.setLong(2, id);
        renew.executeUpdate();
      }
    }
  }

  private static void insert(Connection c, String token, String label, String by, int days)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO api_token (token_hash, role, label, created_by, expires_at)"
                + " VALUES (?, 'ADMIN', ?, ?, ?)")) {
      st.setBytes(1, Tokens.hash(token));
      st.setString(2, label);
      st.setString(3, by);
      st.setTimestamp(4, inDays(days));
      st.executeUpdate();
    }
  }

  private static Timestamp inDays(int days) {
    return Timestamp.from(Instant.now().plus(days, ChronoUnit.DAYS));
  }

  private static void print(PrintStream out, String token) {
    String rule = "=".repeat(78);
    out.println(rule);
    out.println("  Practice Map: the first ADMIN token of this database. It is shown only now.");
    out.println();
    out.println("    " + token);
    out.println();
    out.println(
        "  Send it as  Authorization: Bearer <token>.  It expires in "
            + FIRST_TOKEN_DAYS
            + " days.");
    out.println("  Issue named tokens with it (mutation createApiToken, or");
    out.println(
        "  java -jar practice-map.jar token create --role ADMIN --label ...), then revoke it.");
    out.println(rule);
    out.flush();
  }
}
