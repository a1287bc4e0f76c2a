package org.practicemap.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.graphql.GlobalId;
import org.practicemap.testing.TestServer;

/** A route's QR code and its phone page; bad and unknown ids are told apart, never a 500. */
class RoutePagesTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.withDemoData();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aRoutesQrCodeIsAnSvgAndItsPageIsTheStaticRoutePage() {
    String id =
        server
            .data("{ routes(first: 1) { edges { node { id } } } }")
            .getJsonObject("routes")
            .getJsonArray("edges")
            .getJsonObject(0)
            .getJsonObject("node")
            .getString("id");
    HttpResponse<String> qr = server.get("/qr/route/" + id + ".svg");
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.headers().firstValue("Content-Type").orElse(""));
    assertTrue(qr.body().startsWith("<svg") || qr.body().startsWith("<?xml"), qr.body());
    HttpResponse<String> page = server.get("/r/" + id);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<pm-route-page>"), page.body());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("'self'"));
  }

  @Test
  void malformedUnknownAndWrongKindIdsAreClientErrors() {
    assertEquals(400, server.get("/qr/route/not-an-id.svg").statusCode());
    assertEquals(400, server.get("/qr/route/" + GlobalId.of("Point", 1) + ".svg").statusCode());
    HttpResponse<String> unknown =
        server.get("/qr/route/" + GlobalId.of("Route", 999_999) + ".svg");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no route"), unknown.body());
    assertEquals(404, server.get("/qr/route/" + GlobalId.of("Route", 1) + ".png").statusCode());
  }
}
