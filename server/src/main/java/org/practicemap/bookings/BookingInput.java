package org.practicemap.bookings;

import java.util.Map;
import java.util.regex.Pattern;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.GlobalId;

/** The {@code BookActivityInput}, checked and normalised; personal data stays out of toString. */
record BookingInput(
    long activityId,
    String name,
    String phone,
    int partySize,
    String idempotencyKey,
    String source) {

  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{8,100}");
  private static final Pattern SOURCE = Pattern.compile("web|kiosk:[a-z0-9-]{1,40}");
  static final int MAX_PARTY = 4;

  /**
   * Reads the input; the first problem found is a {@code BAD_USER_INPUT} error naming its field.
   */
  static BookingInput from(Map<String, Object> input) {
    long activityId =
        GlobalId.decodeLong("input.activityId", "Activity", (String) input.get("activityId"));
    String name = PersonalData.normalizeName((String) input.get("name"));
    if (name == null) {
      throw ApiException.badInput(
          "input.name",
          "Give a name of 1 to " + PersonalData.MAX_NAME_LENGTH + " characters, without symbols.");
    }
    String phone = PersonalData.normalizePhone((String) input.get("phone"));
    if (phone == null) {
      throw ApiException.badInput(
          "input.phone",
          "This is not a mainland China mobile number: give its 11 digits, starting with 1"
              + " (+86 may come first).");
    }
    Integer partySize = (Integer) input.get("partySize");
    int party = partySize == null ? 1 : partySize;
    if (party < 1 || party > MAX_PARTY) {
      throw ApiException.badInput(
          "input.partySize", "A booking is for 1 to " + MAX_PARTY + " people, not " + party + ".");
    }
    return new BookingInput(
        activityId,
        name,
        phone,
        party,
        idempotencyKey(input),
        source((String) input.get("source")));
  }

  static String idempotencyKey(Map<String, Object> input) {
    String key = (String) input.get("idempotencyKey");
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throw ApiException.badInput(
          "input.idempotencyKey",
          "An idempotency key is 8 to 100 letters, digits, '-', '_', '.' or ':' (a UUID works).");
    }
    return key;
  }

  private static String source(String source) {
    if (source == null || source.isBlank()) {
      return "web";
    }
    if (!SOURCE.matcher(source).matches()) {
      throw ApiException.badInput(
          "input.source", "source is \"web\" or \"kiosk:\" and a kiosk id of a-z, 0-9 and '-'.");
    }
    return source;
  }

  /** Whether an earlier booking made with the same idempotency key asked for the same thing. */
  boolean sameRequestAs(Booking earlier) {
    return earlier.phone().equals(phone)
        && earlier.name().equals(name)
        && earlier.partySize() == partySize;
  }

  boolean sameRequestAs(BookingInput earlier) {
    return earlier.phone().equals(phone)
        && earlier.name().equals(name)
        && earlier.partySize() == partySize;
  }

  @Override
  public String toString() {
    return "BookingInput[activityId=" + activityId + ", partySize=" + partySize + "]";
  }
}
