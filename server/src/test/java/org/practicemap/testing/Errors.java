package org.practicemap.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Assertions on GraphQL errors. */
public final class Errors {
  private Errors() {}

  /** Asserts that the response has exactly one error, of this code, and returns it. */
  public static JsonObject single(JsonObject response, String code) {
    JsonArray errors = response.getJsonArray("errors");
    assertNotNull(errors, "expected an error in " + response.encode());
    assertEquals(1, errors.size(), errors.encodePrettily());
    JsonObject error = errors.getJsonObject(0);
    assertEquals(code, error.getJsonObject("extensions").getString("code"), error.encode());
    return error;
  }
}
