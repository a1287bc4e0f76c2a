package org.practicemap.common;

/** A WGS-84 position in degrees. */
public record Coordinates(double lat, double lng) {}
