package org.practicemap.feeds;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicemap.Config;
import org.practicemap.calendar.CalendarEvent;
import org.practicemap.calendar.ICalendar;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.graphql.GlobalId;
import org.practicemap.http.HttpError;
import org.practicemap.http.HttpRoutes;

/**
 * Calendar feeds that calendar apps subscribe to: {@code GET /ics/points/{id}.ics[?subtree=true]}
 * (a point's activities, or its whole part of the network) and {@code GET /ics/themes/{code}.ics}
 * (a theme board's), with {@code ?lang=zh|mn|en}. Apps poll them for as long as they are
 * subscribed, so answers carry an ETag and Last-Modified, and a poll that finds nothing new gets
 * 304 with no body.
 */
public final class FeedRoutes implements HttpRoutes {
  static final Duration REFRESH = Duration.ofHours(1);
  private static final Pattern POINT_FILE = Pattern.compile("([A-Za-z0-9_-]{1,64})\\.ics");
  private static final Pattern THEME_FILE = Pattern.compile("([A-Z][A-Z_]{0,63})\\.ics");
  private static final String CACHE = "public, max-age=300";

  /** An HTTP-date (RFC 9110 §5.6.7): two-digit day, English names, GMT. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Config config;
  private final FeedRepository repository;

  public FeedRoutes(Config config, Sql sql) {
    this.config = config;
    this.repository = new FeedRepository(sql);
  }

  @Override
  public void mount(Router router) {
    router.get("/ics/points/:file").handler(this::pointFeed);
    router.get("/ics/themes/:file").handler(this::themeFeed);
  }

  private void pointFeed(RoutingContext rc) {
    String id = file(rc, POINT_FILE, "/ics/points/{point ID}.ics, e.g. /ics/points/UG9pbnQ6MQ.ics");
    long pointId = pointId(id);
    boolean subtree = flag(rc, "subtree");
    Lang lang = lang(rc);
    repository
        .point(pointId)
        .compose(
            point -> {
              if (point == null) {
                return Future.failedFuture(notFound("There is no point with the ID " + id + "."));
              }
              Future<List<FeedActivity>> activities =
                  subtree ? repository.inSubtree(point.path()) : repository.atPoint(pointId);
              return activities.map(list -> new Feed(point.name().in(lang), list));
            })
        .map(feed -> render(rc, feed, lang, "point-" + id))
        .onSuccess(answer -> answer.send(rc))
        .onFailure(rc::fail);
  }

  private void themeFeed(RoutingContext rc) {
    String code =
        file(rc, THEME_FILE, "/ics/themes/{theme code}.ics, e.g. /ics/themes/RED_IMPRINT.ics");
    Lang lang = lang(rc);
    repository
        .theme(code)
        .compose(
            theme -> {
              if (theme == null) {
                return Future.failedFuture(notFound("There is no theme board " + code + "."));
              }
              return repository.onTheme(code).map(list -> new Feed(theme.name().in(lang), list));
            })
        .map(feed -> render(rc, feed, lang, "theme-" + code))
        .onSuccess(answer -> answer.send(rc))
        .onFailure(rc::fail);
  }

  private record Feed(String name, List<FeedActivity> activities) {
    /** The newest change among the activities, to the second (HTTP dates have no more). */
    Instant lastModified() {
      return activities.stream()
          .map(a -> a.updatedAt().toInstant())
          .max(Instant::compareTo)
          .orElse(Instant.EPOCH)
          .truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** A rendered feed: its bytes and validators, answered in full or as 304. */
  private record Answer(String body, String etag, Instant lastModified, String fileName) {
    void send(RoutingContext rc) {
      HttpServerResponse response =
          rc.response()
              .putHeader(HttpHeaders.ETAG, etag)
              .putHeader(HttpHeaders.CACHE_CONTROL, CACHE)
              .putHeader(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(lastModified))
              .putHeader(HttpHeaders.VARY, "Accept-Encoding");
      if (notModified(rc, etag, lastModified)) {
        response.setStatusCode(304).end();
        return;
      }
      response
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
          .putHeader(
              "Content-Disposition", "inline; filename=\"practice-map-" + fileName + ".ics\"")
          .putHeader("X-Content-Type-Options", "nosniff")
          .end(body);
    }
  }

  /**
   * Renders inside the future chain, so that any failure becomes an error answer, never a request
   * left hanging. DTSTAMP is the newest change, not the time of the request: the same data gives
   * the same bytes, hence the same ETag, however often an app polls.
   */
  private Answer render(RoutingContext rc, Feed feed, Lang lang, String fileName) {
    Instant lastModified = feed.lastModified();
    String baseUrl = config.publicBaseUrl(rc.request().localAddress().port());
    String host = URI.create(baseUrl).getHost();
    List<CalendarEvent> events =
        feed.activities().stream().map(a -> FeedEvents.of(a, lang, baseUrl, host)).toList();
    String body =
        ICalendar.feed(
            new ICalendar.Feed(feed.name(), lastModified, LocalZone.ID, REFRESH), events);
    return new Answer(body, etag(body), lastModified, fileName);
  }

  /** If-None-Match wins when sent (RFC 9110 §13.2.2); If-Modified-Since is the fallback. */
  private static boolean notModified(RoutingContext rc, String etag, Instant lastModified) {
    String ifNoneMatch = rc.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String t = tag.trim();
        if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
          return true;
        }
      }
      return false;
    }
    String since = rc.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE);
    if (since == null || lastModified.equals(Instant.EPOCH)) {
      return false;
    }
    try {
      Instant when = ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !lastModified.isAfter(when);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String etag(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String file(RoutingContext rc, Pattern pattern, String expected) {
    Matcher m = pattern.matcher(rc.pathParam("file"));
    if (!m.matches()) {
      throw new HttpError(404, ErrorCode.NOT_FOUND, "Nothing here; feeds are at " + expected + ".");
    }
    return m.group(1);
  }

  private static long pointId(String id) {
    try {
      return GlobalId.decodeLong("id", "Point", id);
    } catch (ApiException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  private static boolean flag(RoutingContext rc, String name) {
    String value = rc.queryParams().get(name);
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw HttpError.badRequest(name + " is true or false, not \"" + value + "\".");
  }

  private static Lang lang(RoutingContext rc) {
    String value = rc.queryParams().get("lang");
    if (value == null) {
      return Lang.ZH;
    }
    try {
      return Lang.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("lang is zh, mn or en, not \"" + value + "\".");
    }
  }

  private static HttpError notFound(String message) {
    return new HttpError(404, ErrorCode.NOT_FOUND, message);
  }
}
