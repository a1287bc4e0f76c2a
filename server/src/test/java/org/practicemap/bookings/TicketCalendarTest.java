package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** GET /ics/booking/{code}.ics: the ticket in the phone's calendar, with place and reminder. */
class TicketCalendarTest {
  static TestServer server;
  static TestData data;
  static long activity;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("DEMO_DATA", "false", "PUBLIC_BASE_URL", "https://map.example.cn"));
    data = new TestData(server.databaseUrl());
    activity = Bookings.activity(data, Network.create(data), 10, true);
    data.update("UPDATE activity SET title_zh = '剪纸课, 第一讲; 入门' WHERE id = ?", activity);
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void theCalendarFileHasTheActivityThePlaceWithItsAddressAndAReminder() {
    String code = book(1);
    HttpResponse<String> response = server.get("/ics/booking/" + code + ".ics");
    assertEquals(200, response.statusCode());
    assertEquals(
        "text/calendar; charset=utf-8",
        response.headers().firstValue("Content-Type").orElseThrow());
    String ics = response.body();
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ics);
    assertEquals("SUMMARY:剪纸课\\, 第一讲\\; 入门", line(ics, "SUMMARY"));
    assertEquals("LOCATION:北社区实践站\\, 北社区实践站路1号", line(ics, "LOCATION"));
    assertEquals("GEO:43.71;122.24", line(ics, "GEO"));
    assertEquals("URL:https://map.example.cn/t/" + code, line(ics, "URL"));
    assertEquals("STATUS:CONFIRMED", line(ics, "STATUS"));
    assertTrue(ics.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n"), ics);
    assertTrue(line(ics, "UID").startsWith("UID:booking-"));
    assertFalse(line(ics, "UID").contains(code), "the UID must not carry the ticket's secret");
    assertTrue(line(ics, "DTSTART").matches("DTSTART:\\d{8}T\\d{6}Z"));
    for (String l : ics.split("\r\n")) {
      assertTrue(l.getBytes(StandardCharsets.UTF_8).length <= 75, l);
    }
  }

  @Test
  void englishIsAskedWithLangAndACancelledTicketIsACancelledEventWithoutReminder() {
    String code = book(2);
    server.data(Bookings.CANCEL, Map.of("code", code));
    String ics = server.get("/ics/booking/" + code + ".ics?lang=en").body();
    assertEquals("STATUS:CANCELLED", line(ics, "STATUS"));
    assertFalse(ics.contains("VALARM"));
    assertTrue(line(ics, "DESCRIPTION").startsWith("DESCRIPTION:Ticket " + code + " for 1 person"));
    assertTrue(line(ics, "SEQUENCE").compareTo("SEQUENCE:1") > 0, "a change raises the sequence");
  }

  @Test
  void unknownCodesAre404AndABadLanguage400() {
    assertEquals(404, server.get("/ics/booking/2345623456.ics").statusCode());
    assertEquals(404, server.get("/ics/booking/nonsense.ics").statusCode());
    assertEquals(404, server.get("/ics/booking/" + book(3) + ".txt").statusCode());
    HttpResponse<String> bad = server.get("/ics/booking/" + book(4) + ".ics?lang=fr");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("lang"));
  }

  private static String book(int phone) {
    return Bookings.booked(server, activity, Bookings.phone(phone), 1)
        .getJsonObject("booking")
        .getString("code");
  }

  private static String line(String ics, String name) {
    return ics.replace("\r\n ", "")
        .lines()
        .filter(l -> l.startsWith(name + ":"))
        .findFirst()
        .orElseThrow();
  }
}
