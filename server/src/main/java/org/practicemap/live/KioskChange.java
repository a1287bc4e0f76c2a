package org.practicemap.live;

import org.practicemap.kiosks.Kiosk;

/**
 * One kiosk's configuration after a batch of changes; {@code kiosk} is null when it was removed.
 */
record KioskChange(String id, Kiosk kiosk) {}
