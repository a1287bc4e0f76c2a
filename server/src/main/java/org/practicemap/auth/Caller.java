package org.practicemap.auth;

/**
 * Who is calling. {@code scopePath} is the ltree path of the point whose subtree a STAFF or MANAGER
 * acts on (null for ADMIN: everywhere; and for PUBLIC: nowhere).
 */
public record Caller(Role role, String subject, String scopePath) {
  public static final Caller PUBLIC = new Caller(Role.PUBLIC, "public", null);
}
