package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;
import org.slf4j.LoggerFactory;

/** A whole booking life, errors included, leaves no name or number in the server's log. */
class PersonalDataNotLoggedTest {
  static final String PHONE = "13598765432";
  static final String NAME = "王晓燕";

  @Test
  void bookingCheckingInAndFailingNeverLogANameOrANumber() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try (TestServer server =
            TestServer.start(
                TestPostgres.newEmptyDatabase(),
                Map.of("DEMO_DATA", "false", "BOOKING_LIMIT_PER_PHONE_HOUR", "2"));
        TestData data = new TestData(server.databaseUrl())) {
      Network net = Network.create(data);
      long activity = Bookings.atTheDoor(data, net, 1, false);
      Map<String, Object> input = Bookings.input(activity, PHONE, 1);
      input.put("name", NAME);
      String code =
          server
              .data(Bookings.BOOK, Map.of("input", input))
              .getJsonObject("bookActivity")
              .getJsonObject("booking")
              .getString("code");
      Bookings.book(server, Bookings.input(activity, PHONE, 1)); // already booked
      Bookings.book(server, Bookings.input(activity, PHONE, 1)); // rate limited
      Bookings.book(server, Bookings.input(activity, PHONE + "0", 1)); // malformed
      Bookings.checkIn(server, data.token("STAFF", net.north()), activity, code);
      Bookings.cancel(server, code);
    } finally {
      root.detachAppender(appender);
    }
    assertTrue(
        appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("listening")),
        "the log was captured");
    for (ILoggingEvent event : appender.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertFalse(text.contains(PHONE) || text.contains("98765432"), text);
      assertFalse(text.contains(NAME), text);
    }
  }
}
