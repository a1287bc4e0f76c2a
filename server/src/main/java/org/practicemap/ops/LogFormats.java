package org.practicemap.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.practicemap.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LOG_FORMAT=json}: the console appender of {@code logback.xml} writes one JSON object per
 * line (logback's own {@link JsonEncoder}: timestamp in epoch milliseconds, level, thread, logger,
 * the formatted message, MDC, key-value pairs and the exception with its frames), which log
 * collectors (Loki, Elasticsearch, CloudWatch) read without parsing rules.
 *
 * <p>The message is the formatted one only: the raw arguments are left out, so that nothing a
 * message chose not to show reaches the collector. Nothing the server logs holds personal data (see
 * {@code PersonalDataLoggingTest}), and that stays true here: the same messages, another shape.
 */
public final class LogFormats {
  static final String APPENDER = "STDOUT";

  private LogFormats() {}

  public static void apply(Config.LogFormat format) {
    if (format != Config.LogFormat.JSON
        || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> appender)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    appender.stop();
    appender.setEncoder(encoder);
    appender.start();
  }
}
