package org.practicemap.common;

/** The languages of human-readable text, as in the schema's {@code Lang} enum. */
public enum Lang {
  ZH,
  MN,
  EN;

  /** Parses a GraphQL enum argument, which graphql-java hands over as its name. */
  public static Lang of(Object value) {
    return value == null ? ZH : Lang.valueOf(value.toString());
  }
}
