package org.practicemap.bookings;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.Config.BookingLimits;
import org.practicemap.activities.ActivitiesFeature;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.common.Lang;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.Feature;
import org.practicemap.graphql.GlobalId;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.RequestContext;
import org.practicemap.graphql.Results;

/** Bookings: booking, the waiting list, cancelling, tickets, check-in and walk-in attendance. */
public final class BookingsFeature implements Feature {
  private static final String POSITION = "booking.position";
  private static final String POINT_PATH = "booking.pointPath";

  private final BookingService service;
  private final StaffDesk desk;
  private final BookingCounters counters;
  private final BookingLists lists;

  public BookingsFeature(Sql sql, BookingLimits limits, MeterRegistry metrics) {
    this.service = new BookingService(sql, limits);
    this.desk = new StaffDesk(sql);
    this.counters = new BookingCounters(metrics);
    this.lists = new BookingLists(sql);
  }

  @Override
  public void registerLoaders(DataLoaderRegistry registry, RequestContext request) {
    BookingRepository repository = service.repository();
    registry.register(POSITION, Loaders.mapped(repository::positions));
    registry.register(POINT_PATH, Loaders.mapped(repository::pointPaths));
    ActivityBookingsField.registerLoaders(registry, lists);
  }

  @Override
  public void wire(RuntimeWiring.Builder wiring) {
    wiring.type("Query", t -> t.dataFetcher("booking", this::booking));
    wiring.type(
        "Activity",
        t -> t.dataFetcher("bookings", env -> ActivityBookingsField.fetch(env, POINT_PATH)));
    wiring.type(
        "Mutation",
        t ->
            t.dataFetcher("bookActivity", this::bookActivity)
                .dataFetcher("cancelBooking", this::cancelBooking)
                .dataFetcher("checkIn", this::checkIn)
                .dataFetcher("recordAttendance", this::recordAttendance));
    wiring.type(
        "Booking",
        t ->
            t.dataFetcher("name", env -> personal(env, Booking::name, PersonalData::maskName))
                .dataFetcher("phone", env -> personal(env, Booking::phone, PersonalData::maskPhone))
                .dataFetcher("position", BookingsFeature::position)
                .dataFetcher(
                    "activity",
                    env -> ActivitiesFeature.load(env, env.<Booking>getSource().activityId())));
    wiring.type(
        "BookActivityPayload",
        t ->
            t.dataFetcher("booking", env -> env.<BookingService.Booked>getSource().booking())
                .dataFetcher("activity", env -> env.<BookingService.Booked>getSource().activity())
                .dataFetcher("replayed", env -> env.<BookingService.Booked>getSource().replayed()));
    wiring.type(
        "CancelBookingPayload",
        t ->
            t.dataFetcher("booking", env -> env.<BookingService.Cancelled>getSource().booking())
                .dataFetcher(
                    "activity", env -> env.<BookingService.Cancelled>getSource().activity())
                .dataFetcher(
                    "promoted", env -> env.<BookingService.Cancelled>getSource().promoted()));
    wiring.type(
        "CheckInResult",
        t ->
            t.dataFetcher("outcome", env -> env.<CheckInResult>getSource().outcome())
                .dataFetcher("admitted", env -> env.<CheckInResult>getSource().admitted())
                .dataFetcher(
                    "message",
                    env -> env.<CheckInResult>getSource().message(Lang.of(env.getArgument("lang"))))
                .dataFetcher("checkedInAt", env -> env.<CheckInResult>getSource().checkedInAt())
                .dataFetcher("booking", env -> env.<CheckInResult>getSource().booking()));
    wiring.type(
        "RecordAttendancePayload",
        t ->
            t.dataFetcher(
                    "activity",
                    env ->
                        ActivitiesFeature.load(
                            env, env.<StaffDesk.Recorded>getSource().activityId()))
                .dataFetcher("count", env -> env.<StaffDesk.Recorded>getSource().count())
                .dataFetcher("totalRecorded", env -> env.<StaffDesk.Recorded>getSource().total())
                .dataFetcher("replayed", env -> env.<StaffDesk.Recorded>getSource().replayed()));
  }

  private Object booking(DataFetchingEnvironment env) {
    String code = ticketCode(env.getArgument("code"));
    return service
        .repository()
        .byCode(code)
        .map(b -> Results.orNotFound(env, b, BookingService.ticketNotFound().getMessage()));
  }

  private Object bookActivity(DataFetchingEnvironment env) {
    BookingInput input = BookingInput.from(env.getArgument("input"));
    RequestContext request = RequestContext.of(env);
    return service.book(input, request.clientIp(), request.caller()).onComplete(counters::booked);
  }

  private Object cancelBooking(DataFetchingEnvironment env) {
    return service
        .cancel(ticketCode(env.getArgument("code")), RequestContext.of(env).caller())
        .onComplete(counters::cancelled);
  }

  private Object checkIn(DataFetchingEnvironment env) {
    long activityId = GlobalId.decodeLong("activityId", "Activity", env.getArgument("activityId"));
    return desk.checkIn(RequestContext.of(env).caller(), activityId, env.getArgument("code"));
  }

  private Object recordAttendance(DataFetchingEnvironment env) {
    Map<String, Object> input = env.getArgument("input");
    long activityId =
        GlobalId.decodeLong("input.activityId", "Activity", (String) input.get("activityId"));
    return desk.recordAttendance(
        RequestContext.of(env).caller(),
        activityId,
        (Integer) input.get("count"),
        BookingInput.idempotencyKey(input));
  }

  /** A ticket code as stored; a text that cannot be one is a {@code BAD_USER_INPUT} error. */
  private static String ticketCode(String text) {
    String code = BookingCodes.normalize(text);
    if (code == null) {
      throw ApiException.badInput(
          "code",
          "A ticket code is "
              + BookingCodes.LENGTH
              + " letters and digits, e.g. K7M2QX9PHT; check it and try again.");
    }
    return code;
  }

  private static Object position(DataFetchingEnvironment env) {
    Booking booking = env.getSource();
    if (!booking.status().equals("WAITLISTED")) {
      return null;
    }
    if (booking.position() != null) {
      return booking.position();
    }
    return Loaders.load(env, POSITION, booking.id());
  }

  /**
   * The name or number in full for staff whose part of the network holds the activity, masked for
   * everyone else, the ticket's holder included (a screenshot of a ticket should not leak them).
   */
  private static Object personal(
      DataFetchingEnvironment env,
      java.util.function.Function<Booking, String> field,
      UnaryOperator<String> mask) {
    Booking booking = env.getSource();
    String value = field.apply(booking);
    Caller caller = RequestContext.of(env).caller();
    if (caller.role() == Role.ADMIN) {
      return value;
    }
    if (caller.role() != Role.STAFF && caller.role() != Role.MANAGER) {
      return mask.apply(value);
    }
    CompletableFuture<String> path = Loaders.load(env, POINT_PATH, booking.activityId());
    return path.thenApply(p -> p != null && caller.covers(p) ? value : mask.apply(value));
  }
}
