package org.practicemap.auth;

/** What a caller may do, from least to most. */
public enum Role {
  /** No token: public data and booking. */
  PUBLIC,
  /** A kiosk's device token: its own configuration and heartbeat. */
  KIOSK,
  /** Check-in and attendance at points in their subtree. */
  STAFF,
  /** Create and edit points, activities, routes, monthly themes and kiosks in their subtree. */
  MANAGER,
  /** Everything, including tokens. */
  ADMIN
}
