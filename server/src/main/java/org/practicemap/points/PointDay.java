package org.practicemap.points;

import java.time.LocalDate;

/** A point on a local calendar day: the key of an opening exception. */
record PointDay(long pointId, LocalDate day) {}
