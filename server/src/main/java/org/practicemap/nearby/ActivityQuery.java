package org.practicemap.nearby;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A nearby-activities question: activities that end after {@code from} and start before {@code to},
 * not cancelled, held within the circle (at their deployment's position when they have one). Lists
 * match any of their values; null does not filter.
 */
public record ActivityQuery(
    Circle circle,
    OffsetDateTime from,
    OffsetDateTime to,
    List<String> themeCodes,
    List<String> categories,
    Boolean hasSeats) {}
