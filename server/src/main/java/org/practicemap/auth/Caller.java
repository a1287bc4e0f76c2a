package org.practicemap.auth;

import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Who is calling. {@code scopePath} is the ltree path of the point whose subtree a STAFF or MANAGER
 * acts on; an ADMIN acts everywhere, PUBLIC and KIOSK callers on no subtree. {@code kioskId} is set
 * for a KIOSK caller only.
 */
public record Caller(Role role, String subject, String scopePath, String kioskId) {
  public static final Caller PUBLIC = new Caller(Role.PUBLIC, "public", null, null);

  /** The id of the API token this caller presented, or null for a public caller. */
  public Long tokenId() {
    return subject != null && subject.startsWith("token:")
        ? Long.valueOf(subject.substring("token:".length()))
        : null;
  }

  /** Whether this caller's part of the network includes the point at {@code pointPath}. */
  public boolean covers(String pointPath) {
    if (role == Role.ADMIN) {
      return true;
    }
    if ((role != Role.STAFF && role != Role.MANAGER) || scopePath == null) {
      return false;
    }
    return pointPath.equals(scopePath) || pointPath.startsWith(scopePath + ".");
  }

  /**
   * Fails with {@code UNAUTHENTICATED} for a caller without a token, and with {@code FORBIDDEN} for
   * one whose role is below {@code atLeast} (STAFF &lt; MANAGER &lt; ADMIN; KIOSK is a device and
   * holds none of them) or whose subtree does not include {@code pointPath}.
   */
  public void require(Role atLeast, String pointPath) {
    requireRole(atLeast);
    if (pointPath != null && !covers(pointPath)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This is outside the part of the network your token covers.");
    }
  }

  /** Like {@link #require(Role, String)} without a place: the role alone decides. */
  public void requireRole(Role atLeast) {
    if (role == Role.PUBLIC) {
      throw new ApiException(
          ErrorCode.UNAUTHENTICATED, "This needs a token (Authorization: Bearer …).");
    }
    if (role.ordinal() < atLeast.ordinal() || (role == Role.KIOSK && atLeast != Role.KIOSK)) {
      throw new ApiException(
          ErrorCode.FORBIDDEN, "This needs the " + atLeast + " role; your token has " + role + ".");
    }
  }
}
