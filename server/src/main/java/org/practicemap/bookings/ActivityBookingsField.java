package org.practicemap.bookings;

import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.practicemap.activities.Activity;
import org.practicemap.auth.Caller;
import org.practicemap.auth.Role;
import org.practicemap.graphql.Connection;
import org.practicemap.graphql.Loaders;
import org.practicemap.graphql.PageRequest;
import org.practicemap.graphql.RequestContext;

/**
 * {@code Activity.bookings}: the list staff work from at the door and managers plan with. It needs
 * STAFF, MANAGER or ADMIN over the activity's point; names and numbers then come back in full
 * through the same {@code Booking} fetchers as everywhere ({@link PersonalData}'s masking decides,
 * and for these callers it finds them covered).
 */
final class ActivityBookingsField {
  static final String PAGES = "booking.activityPages";
  static final String COUNTS = "booking.activityCounts";

  private ActivityBookingsField() {}

  static void registerLoaders(DataLoaderRegistry registry, BookingLists lists) {
    registry.register(PAGES, Loaders.mapped(lists::pages));
    registry.register(COUNTS, Loaders.mapped(lists::counts));
  }

  /**
   * The page, and the activity's point path to check the caller against: both loads start in the
   * same dispatch (a load issued after the path arrived would never be dispatched). A caller
   * without a staff role is refused before anything is read.
   */
  static CompletableFuture<Connection<Booking>> fetch(
      DataFetchingEnvironment env, String pointPathLoader) {
    Caller caller = RequestContext.of(env).caller();
    caller.requireRole(Role.STAFF);
    Activity activity = env.getSource();
    BookingLists.Filter filter = filter(env.getArgument("status"));
    PageRequest page = PageRequest.from(env);
    BookingLists.PageKey key = BookingLists.PageKey.of(activity.id(), filter, page);
    CompletableFuture<String> path = Loaders.load(env, pointPathLoader, activity.id());
    CompletableFuture<List<Booking>> rows = Loaders.load(env, PAGES, key);
    DataLoader<BookingLists.CountKey, Integer> counts = env.getDataLoader(COUNTS);
    BookingLists.CountKey countKey = new BookingLists.CountKey(activity.id(), filter);
    return path.thenCombine(
        rows,
        (p, r) -> {
          caller.require(Role.STAFF, p);
          // The count loads when totalCount's own fetcher runs, so its load is dispatched with
          // every other activity's count of that level: one statement for the list.
          return Connection.of(
              r,
              page,
              BookingLists::cursor,
              () -> Future.fromCompletionStage(counts.load(countKey)));
        });
  }

  /** Null (every status) or the statuses asked for, in one order so that equal sets batch. */
  private static BookingLists.Filter filter(List<String> statuses) {
    return new BookingLists.Filter(statuses == null ? null : List.copyOf(new TreeSet<>(statuses)));
  }
}
