package org.practicemap.webhooks;

import java.util.Arrays;

/**
 * What an endpoint can be told. The GraphQL enum is {@code ACTIVITY_CREATED}; payloads and headers
 * carry the wire name {@code activity.created}, the usual webhook spelling.
 */
public enum EventType {
  ACTIVITY_CREATED("activity.created"),
  ACTIVITY_UPDATED("activity.updated"),
  ACTIVITY_CANCELLED("activity.cancelled"),
  BOOKING_CONFIRMED("booking.confirmed"),
  BOOKING_CANCELLED("booking.cancelled");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static EventType fromWire(String wire) {
    return Arrays.stream(values())
        .filter(t -> t.wire.equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown webhook event type " + wire));
  }
}
