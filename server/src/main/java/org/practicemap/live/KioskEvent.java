package org.practicemap.live;

import org.practicemap.kiosks.Kiosk;

/** What a {@code kioskUpdated} subscriber receives: the GraphQL {@code KioskEvent}. */
record KioskEvent(Kind kind, String kioskId, Kiosk kiosk) {

  enum Kind {
    CURRENT,
    UPDATED,
    REMOVED,
    RESYNC
  }

  static KioskEvent of(KioskChange change) {
    return change.kiosk() == null
        ? new KioskEvent(Kind.REMOVED, change.id(), null)
        : new KioskEvent(Kind.UPDATED, change.id(), change.kiosk());
  }

  /** The first event of a subscription: the kiosk as it is when the subscription went live. */
  static KioskEvent current(Kiosk kiosk) {
    return new KioskEvent(Kind.CURRENT, kiosk.id(), kiosk);
  }

  static KioskEvent resync(String kioskId) {
    return new KioskEvent(Kind.RESYNC, kioskId, null);
  }
}
