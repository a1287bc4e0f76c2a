package org.practicemap.stats;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.practicemap.common.Lang;
import org.practicemap.common.LocalZone;
import org.practicemap.db.Sql;
import org.practicemap.graphql.ApiException;
import org.practicemap.graphql.ErrorCode;
import org.practicemap.http.HttpError;
import org.practicemap.http.HttpRoutes;

/**
 * The dashboard page ({@code /dashboard}, static, from {@code kiosk/dashboard/}) and the CSV export
 * {@code GET /reports/stats.csv?scope=…&from=2026-01-01&to=2026-12-31&groupBy=THEME,MONTH&lang=zh}:
 * the same question and the same figures as the {@code stats} query, and as public.
 */
public final class ReportRoutes implements HttpRoutes {
  /** Scripts, styles and data only from this server; no inline code, no framing. */
  private static final String POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  private final StatsRepository stats;
  private final Sql sql;

  public ReportRoutes(Sql sql) {
    this.sql = sql;
    this.stats = new StatsRepository(sql);
  }

  @Override
  public void mount(Router router) {
    router.get("/dashboard").handler(ReportRoutes::page);
    router.get("/reports/stats.csv").handler(this::csv);
  }

  private static void page(RoutingContext rc) {
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("Content-Security-Policy", POLICY)
        // A manager's token may sit in the address (#token=…): never in a Referer.
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Content-Type-Options", "nosniff")
        .sendFile("kiosk/dashboard/index.html")
        .onFailure(rc::fail);
  }

  private void csv(RoutingContext rc) {
    StatsRequest request;
    Lang lang;
    try {
      request = request(rc);
      lang = lang(rc.queryParams().get("lang"));
    } catch (ApiException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    stats
        .stats(request)
        .compose(result -> scopeName(request, lang).map(name -> StatsCsv.of(result, lang, name)))
        .onSuccess(
            body ->
                rc.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8; header=present")
                    .putHeader(
                        "Content-Disposition", "attachment; filename=\"" + fileName(request) + "\"")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(body))
        .onFailure(
            e -> {
              if (e instanceof ApiException api && api.code() == ErrorCode.NOT_FOUND) {
                rc.fail(new HttpError(404, ErrorCode.NOT_FOUND, api.getMessage()));
              } else {
                rc.fail(e);
              }
            });
  }

  private io.vertx.core.Future<String> scopeName(StatsRequest request, Lang lang) {
    if (request.scopeId() == null) {
      return io.vertx.core.Future.succeededFuture(null);
    }
    return sql.query(
            "SELECT name_zh, name_mn, name_en FROM point WHERE id = $1",
            io.vertx.sqlclient.Tuple.of(request.scopeId()))
        .map(
            rows ->
                rows.size() == 0
                    ? null
                    : org.practicemap.common.LocalizedText.from(rows.iterator().next(), "name")
                        .in(lang));
  }

  /** practice-map-stats-2026-01-01-2026-12-04.csv: ASCII only, nothing that needs quoting. */
  static String fileName(StatsRequest request) {
    String scope = request.scopeId() == null ? "" : "-point" + request.scopeId();
    return "practice-map-stats" + scope + "-" + request.from() + "-" + request.to() + ".csv";
  }

  private static StatsRequest request(RoutingContext rc) {
    var params = rc.queryParams();
    return StatsRequest.of(
        blankToNull(params.get("scope")),
        date(params.get("from"), "from"),
        date(params.get("to"), "to"),
        groupBy(params.getAll("groupBy")),
        maxGroups(params.get("maxGroups")),
        LocalDate.now(LocalZone.ID));
  }

  private static List<GroupBy> groupBy(List<String> values) {
    List<GroupBy> dims = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        String name = part.trim().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        try {
          dims.add(GroupBy.valueOf(name));
        } catch (IllegalArgumentException e) {
          throw ApiException.badInput(
              "groupBy",
              "groupBy takes THEME, LEVEL, MONTH, POINT, CATEGORY, DEPARTMENT or FESTIVAL,"
                  + " comma-separated, not \""
                  + part.trim()
                  + "\".");
        }
      }
    }
    return dims;
  }

  private static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badInput(
          field, field + " is a day written 2026-03-01, not \"" + value + "\".");
    }
  }

  private static Integer maxGroups(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badInput("maxGroups", "maxGroups is a number, 1 to 1000.");
    }
  }

  private static Lang lang(String value) {
    if (value == null || value.isBlank()) {
      return Lang.ZH;
    }
    try {
      return Lang.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badInput("lang", "lang is zh, mn or en.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
