package org.practicemap.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.practicemap.graphql.ApiException;

/**
 * An endpoint's settings from a create or update input, checked; a field left out is null (keep
 * it). Each refusal names its field, e.g. {@code input.url}.
 */
record EndpointInput(
    String url, List<EventType> events, String description, Boolean enabled, String secret) {
  static final int MAX_URL = 2000;
  static final int MAX_DESCRIPTION = 500;
  private static final SecureRandom random = new SecureRandom();

  /** A create input: url and events are required; the secret is made when none is given. */
  static EndpointInput forCreate(Map<String, Object> input) {
    EndpointInput read = read(input);
    String secret = read.secret() != null ? read.secret() : newSecret();
    return new EndpointInput(read.url(), read.events(), read.description(), true, secret);
  }

  /** An update input: only the fields given change; {@code rotateSecret} makes a new secret. */
  static EndpointInput forUpdate(Map<String, Object> input) {
    EndpointInput read = read(input);
    boolean rotate = Boolean.TRUE.equals(input.get("rotateSecret"));
    if (rotate && read.secret() != null) {
      throw ApiException.badInput(
          "input.rotateSecret", "Give either a new secret or rotateSecret: true, not both.");
    }
    return new EndpointInput(
        read.url(),
        read.events(),
        read.description(),
        (Boolean) input.get("enabled"),
        rotate ? newSecret() : read.secret());
  }

  private static EndpointInput read(Map<String, Object> input) {
    return new EndpointInput(
        url((String) input.get("url")),
        events(input.get("events")),
        description(input),
        null,
        secret((String) input.get("secret")));
  }

  /** {@code whsec_} and 32 random bytes in base64url: 256 bits, like an API token. */
  static String newSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String url(String value) {
    if (value == null) {
      return null;
    }
    String url = value.strip();
    String problem = urlProblem(url);
    if (problem != null) {
      throw ApiException.badInput("input.url", problem);
    }
    return url;
  }

  private static String urlProblem(String url) {
    if (url.isEmpty() || url.length() > MAX_URL) {
      return "Give the endpoint's URL, at most " + MAX_URL + " characters.";
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "\"" + url + "\" is not a URL; write it like https://example.cn/hooks/practice-map.";
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
        || uri.getHost() == null) {
      return "The URL must start with https:// (or http://) and name a host.";
    }
    if (uri.getRawUserInfo() != null) {
      return "Put no user name or password in the URL: deliveries are signed with the secret.";
    }
    if (uri.getRawFragment() != null) {
      return "The URL must not have a #fragment: it is never sent to the endpoint.";
    }
    return null;
  }

  private static List<EventType> events(Object value) {
    if (value == null) {
      return null;
    }
    List<?> names = (List<?>) value;
    if (names.isEmpty()) {
      throw ApiException.badInput("input.events", "Choose at least one event type.");
    }
    LinkedHashSet<EventType> events = new LinkedHashSet<>();
    names.forEach(name -> events.add(EventType.valueOf(name.toString())));
    return List.copyOf(events);
  }

  /** Null when left out, "" when given as null or blank (clear it), else the text. */
  private static String description(Map<String, Object> input) {
    String value = (String) input.get("description");
    if (value == null) {
      return input.containsKey("description") ? "" : null;
    }
    String text = value.strip();
    if (text.length() > MAX_DESCRIPTION) {
      throw ApiException.badInput(
          "input.description", "Keep the description to " + MAX_DESCRIPTION + " characters.");
    }
    return text;
  }

  private static String secret(String value) {
    if (value == null) {
      return null;
    }
    if (value.length() < 24 || value.length() > 200 || !value.matches("[\\x21-\\x7E]+")) {
      throw ApiException.badInput(
          "input.secret",
          "A secret must be 24 to 200 printable characters without spaces; leave it out and one"
              + " is made for you.");
    }
    return value;
  }
}
