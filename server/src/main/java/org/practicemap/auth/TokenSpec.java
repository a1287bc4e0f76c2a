package org.practicemap.auth;

import org.practicemap.graphql.ApiException;

/**
 * What a new token is for, checked: the role's rules on point and kiosk, a label, a lifetime. The
 * same rules hold for the {@code createApiToken} mutation and the command line.
 */
public record TokenSpec(Role role, Long pointId, String kioskId, String label, int days) {
  public static final int MAX_DAYS = 365;

  public TokenSpec checked() {
    if (role == null || role == Role.PUBLIC) {
      throw ApiException.badInput(
          "input.role", "A token is for KIOSK, STAFF, MANAGER or ADMIN; PUBLIC needs no token.");
    }
    if ((role == Role.STAFF || role == Role.MANAGER) && pointId == null) {
      throw ApiException.badInput(
          "input.pointId", "A " + role + " token needs the point whose subtree it covers.");
    }
    if (role == Role.ADMIN && pointId != null) {
      throw ApiException.badInput(
          "input.pointId", "An ADMIN token acts everywhere: leave the point out.");
    }
    if (role == Role.KIOSK && kioskId == null) {
      throw ApiException.badInput("input.kioskId", "A KIOSK token needs the kiosk it belongs to.");
    }
    if (role != Role.KIOSK && kioskId != null) {
      throw ApiException.badInput("input.kioskId", "Only a KIOSK token belongs to a kiosk.");
    }
    if (kioskId != null && !kioskId.matches("[A-Za-z0-9_-]{1,64}")) {
      throw ApiException.badInput(
          "input.kioskId", "A kiosk ID has 1 to 64 letters, digits, - and _.");
    }
    if (label == null || label.isBlank() || label.length() > 100 || hasControl(label)) {
      throw ApiException.badInput(
          "input.label", "The label must have 1 to 100 characters, on one line.");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.badInput(
          "input.days", "A token lasts 1 to " + MAX_DAYS + " days, not " + days + ".");
    }
    return new TokenSpec(role, pointId, kioskId, label.strip(), days);
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
