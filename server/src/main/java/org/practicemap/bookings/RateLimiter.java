package org.practicemap.bookings;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicemap.Config.BookingLimits;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;

/**
 * Counts booking attempts per mobile number and per client address in clock-hour windows, in
 * PostgreSQL so that every replica sees the same counts: one upsert per attempt, refused ones
 * included. The counters hold salted hashes, never the number or the address.
 */
final class RateLimiter {
  private static final String COUNT =
      "INSERT INTO booking_attempt AS t (kind, key, window_start, count)"
          + " SELECT k.kind, sha256(convert_to(m.value || ':' || k.kind || ':' || k.value,"
          + " 'UTF8')), date_trunc('hour', now()), 1"
          + " FROM unnest($1::text[], $2::text[]) AS k(kind, value)"
          + " JOIN app_meta m ON m.key = 'booking_attempt_salt'"
          + " ON CONFLICT (kind, key, window_start) DO UPDATE SET count = t.count + 1"
          + " RETURNING kind, count,"
          + " ceil(extract(epoch FROM window_start + interval '1 hour' - now()))::int AS retry";

  private final Sql sql;
  private final BookingLimits limits;

  RateLimiter(Sql sql, BookingLimits limits) {
    this.sql = sql;
    this.limits = limits;
  }

  /** Counts one attempt; fails with {@code RATE_LIMITED} when it is one too many. */
  Future<Void> attempt(String phone, String clientIp) {
    List<String> kinds = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (limits.perPhoneHour() > 0) {
      kinds.add("PHONE");
      values.add(phone);
    }
    if (limits.perIpHour() > 0 && clientIp != null) {
      kinds.add("IP");
      values.add(clientIp);
    }
    if (kinds.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(kinds.toArray(String[]::new))
            .addArrayOfString(values.toArray(String[]::new));
    return sql.query(COUNT, args)
        .map(
            rows -> {
              for (Row row : rows) {
                check(row.getString("kind"), row.getInteger("count"), row.getInteger("retry"));
              }
              return null;
            });
  }

  private void check(String kind, int count, int retryAfterSeconds) {
    boolean phone = kind.equals("PHONE");
    int limit = phone ? limits.perPhoneHour() : limits.perIpHour();
    if (count <= limit) {
      return;
    }
    int minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
    String who = phone ? "with this mobile number" : "from this network";
    throw new ApiException(
        ErrorCode.RATE_LIMITED,
        "Too many booking attempts "
            + who
            + " in the last hour; please try again in "
            + minutes
            + (minutes == 1 ? " minute." : " minutes."),
        Map.of("retryAfterSeconds", Math.max(1, retryAfterSeconds), "limit", kind));
  }
}
