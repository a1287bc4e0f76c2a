package org.practicemap.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.VertxException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Exceptions are logged without the values their messages quote. */
class RedactedTest {

  @Test
  void aDriverMessageQuotingAPhoneNumberIsLoggedWithoutIt() {
    // The very message the pg client gave when a bound parameter had the wrong type.
    VertxException driver =
        new VertxException(
            "Parameter at position[1] with class = [java.lang.String] and value = [13700000001]"
                + " can not be coerced to the expected class = [[Ljava.lang.String;] for encoding.");
    Throwable logged = Redacted.of(new IllegalStateException("wrapped +86 138-1234-5678", driver));
    StringWriter out = new StringWriter();
    logged.printStackTrace(new PrintWriter(out));
    String text = out.toString();
    assertFalse(text.contains("13700000001"), text);
    assertFalse(text.contains("5678"), text);
    assertTrue(text.contains("io.vertx.core.VertxException: Parameter at position[1]"), text);
    assertTrue(text.contains("RedactedTest.java"), "keeps the stack frames");
  }

  @Test
  void shortNumbersAndTextStay() {
    assertEquals("port 5432 refused", Redacted.redact("port 5432 refused"));
    assertEquals("", Redacted.redact(null));
  }
}
