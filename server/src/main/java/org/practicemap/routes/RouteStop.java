package org.practicemap.routes;

import org.practicemap.common.Coordinates;
import org.practicemap.common.LocalizedText;

/**
 * A stop of a curated route, with the leg that leads to it from the previous stop (none for the
 * first: a route starts at its first stop).
 */
public record RouteStop(
    int position,
    long pointId,
    Coordinates coordinates,
    int stayMinutes,
    LocalizedText note,
    double legDistanceMeters,
    double legMinutes) {}
