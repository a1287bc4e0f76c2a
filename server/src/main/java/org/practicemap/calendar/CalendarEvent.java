package org.practicemap.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * One VEVENT. {@code uid} must stay the same for the same thing across downloads (a calendar then
 * updates the event instead of adding a second one), with {@code sequence} growing on each change.
 * {@code status} is CONFIRMED, TENTATIVE or CANCELLED; {@code alarmBefore} null means no reminder.
 */
public record CalendarEvent(
    String uid,
    int sequence,
    Instant start,
    Instant end,
    String summary,
    String description,
    String location,
    Double lat,
    Double lng,
    String url,
    String status,
    Duration alarmBefore,
    String alarmText) {}
