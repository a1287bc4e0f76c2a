package org.practicemap.nearby;

import java.time.Instant;
import java.util.List;

/**
 * A nearby-points question. {@code levels} and {@code themeCodes} match any of their values and
 * null does not filter; {@code openNow} is true (open at {@code now}), false (closed) or null.
 * {@code now} also decides which deployment a mobile point stands at.
 */
public record PointQuery(
    Circle circle, List<String> levels, List<String> themeCodes, Boolean openNow, Instant now) {}
