package org.practicemap.kiosks;

/** Whether a kiosk is heard from, by the age of its last heartbeat. */
public enum KioskStatus {
  ONLINE,
  STALE,
  OFFLINE;

  /** A heartbeat at most this old: ONLINE (three heartbeats of 30 s may be late or lost). */
  static final int ONLINE_SECONDS = 90;

  /** A heartbeat at most this old: STALE; older or none: OFFLINE. */
  static final int STALE_SECONDS = 600;

  /** The status as SQL over {@code h.last_seen_at}: one definition for the field and filter. */
  static final String SQL =
      "(CASE WHEN h.last_seen_at >= now() - interval '"
          + ONLINE_SECONDS
          + " seconds' THEN 'ONLINE' WHEN h.last_seen_at >= now() - interval '"
          + STALE_SECONDS
          + " seconds' THEN 'STALE' ELSE 'OFFLINE' END)";
}
