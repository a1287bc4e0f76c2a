package org.practicemap.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import org.practicemap.common.LocalZone;

/** An API token as stored: never its text, which only its holder has. */
public record ApiToken(
    long id,
    String role,
    Long pointId,
    String kioskId,
    String label,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime revokedAt) {

  static final String COLUMNS =
      "t.id, t.role, t.point_id, t.kiosk_id, t.label, t.created_by, t.created_at, t.expires_at,"
          + " t.revoked_at";

  static ApiToken from(Row row) {
    return new ApiToken(
        row.getLong("id"),
        row.getString("role"),
        row.getLong("point_id"),
        row.getString("kiosk_id"),
        row.getString("label"),
        row.getString("created_by"),
        LocalZone.offsetTime(row.getOffsetDateTime("created_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("expires_at")),
        LocalZone.offsetTime(row.getOffsetDateTime("revoked_at")));
  }

  public String status() {
    if (revokedAt != null) {
      return "REVOKED";
    }
    return expiresAt.isAfter(OffsetDateTime.now()) ? "ACTIVE" : "EXPIRED";
  }

  /** What the audit log keeps of it: everything but the hash, which is never read. */
  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("role", role)
        .put("pointId", pointId)
        .put("kioskId", kioskId)
        .put("label", label)
        .put("createdBy", createdBy)
        .put("expiresAt", expiresAt.toString())
        .put("revokedAt", revokedAt == null ? null : revokedAt.toString());
  }
}
