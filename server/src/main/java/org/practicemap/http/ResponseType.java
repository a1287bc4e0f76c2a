package org.practicemap.http;

/**
 * The media type of a GraphQL response, chosen from the request's Accept header as the
 * GraphQL-over-HTTP specification says: {@code application/graphql-response+json} when the client
 * asks for it (request errors then answer 400), else {@code application/json} (always 200 for a
 * well-formed request, the legacy behaviour clients rely on).
 */
enum ResponseType {
  GRAPHQL_RESPONSE_JSON("application/graphql-response+json"),
  JSON("application/json");

  final String mediaType;

  ResponseType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The preferred acceptable type, or null when the client accepts neither (406). */
  static ResponseType negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return JSON;
    }
    ResponseType best = null;
    double bestQ = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.trim().split(";");
      ResponseType type = match(parts[0].trim().toLowerCase());
      double q = quality(parts);
      if (type != null && q > bestQ) {
        best = type;
        bestQ = q;
      }
    }
    return best;
  }

  private static ResponseType match(String range) {
    return switch (range) {
      case "application/graphql-response+json" -> GRAPHQL_RESPONSE_JSON;
      case "application/json", "application/*", "*/*" -> JSON;
      default -> null;
    };
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.startsWith("q=")) {
        try {
          return Double.parseDouble(param.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  String contentType() {
    return mediaType + "; charset=utf-8";
  }
}
