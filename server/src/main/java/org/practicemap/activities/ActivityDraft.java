package org.practicemap.activities;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.practicemap.common.LocalizedText;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Inputs;

/**
 * An activity's fields from a {@code CreateActivityInput} or {@code UpdateActivityInput}, checked
 * field by field; {@link #checkTimes} checks the times once merged with the stored ones.
 */
record ActivityDraft(
    LocalizedText title,
    LocalizedText description,
    String category,
    String themeCode,
    String festival,
    String department,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    Integer capacity,
    Boolean hasWaitlist,
    Set<String> sent) {

  static final int MAX_CAPACITY = 100_000;
  static final Duration MAX_LENGTH = Duration.ofDays(366);

  static ActivityDraft from(Map<String, Object> input, boolean create) {
    ActivityDraft draft =
        new ActivityDraft(
            Inputs.text(input, "title", "input.title", 200),
            Inputs.text(input, "description", "input.description", 5000),
            (String) input.get("category"),
            (String) input.get("themeCode"),
            (String) input.get("festival"),
            (String) input.get("department"),
            (OffsetDateTime) input.get("startsAt"),
            (OffsetDateTime) input.get("endsAt"),
            (Integer) input.get("capacity"),
            (Boolean) input.get("hasWaitlist"),
            input.keySet());
    for (String required :
        new String[] {"title", "category", "startsAt", "endsAt", "hasWaitlist"}) {
      if (draft.sent(required) && input.get(required) == null) {
        throw ApiException.badInput("input." + required, required + " cannot be cleared.");
      }
    }
    Integer capacity = draft.capacity();
    if (capacity != null && (capacity < 1 || capacity > MAX_CAPACITY)) {
      throw ApiException.badInput(
          "input.capacity",
          "capacity is 1 to "
              + MAX_CAPACITY
              + " seats, or null for an open event; not "
              + capacity
              + ".");
    }
    if (create) {
      checkTimes(draft.startsAt(), draft.endsAt(), true);
    }
    return draft;
  }

  /** The times an activity will have: ending after it starts, lasting at most a year. */
  static void checkTimes(OffsetDateTime startsAt, OffsetDateTime endsAt, boolean create) {
    if (!endsAt.isAfter(startsAt)) {
      throw ApiException.badInput("input.endsAt", "The activity must end after it starts.");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw ApiException.badInput("input.endsAt", "An activity lasts at most 366 days.");
    }
    if (create && !endsAt.isAfter(OffsetDateTime.now())) {
      throw ApiException.badInput("input.endsAt", "This activity would already be over.");
    }
  }

  boolean sent(String field) {
    return sent.contains(field);
  }
}
