package org.practicemap.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an iCalendar stream the way RFC 5545 says and checks what a feed must satisfy: CRLF line
 * ends, content lines of at most 75 octets with whole UTF-8 characters, unfolding, balanced
 * components, the required VEVENT properties (UID, DTSTAMP in UTC, DTSTART), every TZID defined by
 * a VTIMEZONE, GEO as two floats, UIDs unique.
 */
final class Rfc5545 {
  private static final Pattern UTC_TIME = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final Pattern LOCAL_TIME = Pattern.compile("\\d{8}T\\d{6}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

  /** A component: its name, properties (name → full "NAME;PARAMS:value" lines) and children. */
  record Component(String name, Map<String, List<Property>> properties, List<Component> children) {
    Property one(String property) {
      List<Property> found = properties.getOrDefault(property, List.of());
      assertEquals(1, found.size(), name + " has " + found.size() + " " + property);
      return found.get(0);
    }

    List<Component> all(String child) {
      return children.stream().filter(c -> c.name().equals(child)).toList();
    }
  }

  /** One unfolded content line: name, parameters, value. */
  record Property(String name, Map<String, String> params, String value) {}

  private Rfc5545() {}

  /** Parses and checks the stream; returns the VCALENDAR. */
  static Component parse(String ics) {
    assertTrue(ics.endsWith("\r\n"), "ends with CRLF");
    assertFalse(ics.replace("\r\n", "").contains("\n"), "a bare LF");
    assertFalse(ics.replace("\r\n", "").contains("\r"), "a bare CR");
    String[] physical = ics.split("\r\n");
    List<String> lines = new ArrayList<>();
    for (String line : physical) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertTrue(bytes.length <= 75, "longer than 75 octets: " + line);
      assertFalse(line.contains("\uFFFD"), "a character split by folding: " + line);
      if (line.startsWith(" ") || line.startsWith("\t")) {
        assertFalse(lines.isEmpty(), "a continuation line first");
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
      } else {
        lines.add(line);
      }
    }
    Deque<Component> open = new ArrayDeque<>();
    Component root = null;
    for (String line : lines) {
      Property p = property(line);
      if (p.name().equals("BEGIN")) {
        Component c = new Component(p.value(), new LinkedHashMap<>(), new ArrayList<>());
        if (open.isEmpty()) {
          assertEquals("VCALENDAR", c.name());
          root = c;
        } else {
          open.peek().children().add(c);
        }
        open.push(c);
      } else if (p.name().equals("END")) {
        assertEquals(open.pop().name(), p.value(), "END matches BEGIN");
      } else {
        assertFalse(open.isEmpty(), "a property outside VCALENDAR: " + line);
        open.peek().properties().computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
      }
    }
    assertTrue(open.isEmpty(), "unclosed components");
    checkCalendar(root);
    return root;
  }

  private static void checkCalendar(Component cal) {
    assertEquals("2.0", cal.one("VERSION").value());
    cal.one("PRODID");
    Set<String> zones = new HashSet<>();
    for (Component tz : cal.all("VTIMEZONE")) {
      zones.add(tz.one("TZID").value());
      assertFalse(tz.all("STANDARD").isEmpty() && tz.all("DAYLIGHT").isEmpty(), "an observance");
      for (Component obs : tz.children()) {
        assertTrue(LOCAL_TIME.matcher(obs.one("DTSTART").value()).matches());
        assertTrue(obs.one("TZOFFSETFROM").value().matches("[+-]\\d{4}"));
        assertTrue(obs.one("TZOFFSETTO").value().matches("[+-]\\d{4}"));
      }
    }
    Set<String> uids = new HashSet<>();
    for (Component event : cal.all("VEVENT")) {
      assertTrue(uids.add(event.one("UID").value()), "UIDs are unique");
      assertTrue(UTC_TIME.matcher(event.one("DTSTAMP").value()).matches(), "DTSTAMP in UTC");
      for (String time : List.of("DTSTART", "DTEND")) {
        Property p = event.one(time);
        String tzid = p.params().get("TZID");
        if (tzid == null) {
          assertTrue(UTC_TIME.matcher(p.value()).matches(), time + " " + p.value());
        } else {
          assertTrue(zones.contains(tzid), "TZID " + tzid + " has a VTIMEZONE");
          assertTrue(LOCAL_TIME.matcher(p.value()).matches(), time + " " + p.value());
        }
      }
      if (event.properties().containsKey("GEO")) {
        String[] geo = event.one("GEO").value().split(";");
        assertEquals(2, geo.length);
        Double.parseDouble(geo[0]);
        Double.parseDouble(geo[1]);
      }
    }
  }

  /** Splits "NAME;P=V;Q="V":value" at the first colon outside quotes. */
  static Property property(String line) {
    boolean quoted = false;
    int colon = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        colon = i;
        break;
      }
    }
    assertTrue(colon > 0, "no colon: " + line);
    String[] head = line.substring(0, colon).split(";");
    assertTrue(NAME.matcher(head[0]).matches(), "property name: " + line);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < head.length; i++) {
      String[] kv = head[i].split("=", 2);
      assertEquals(2, kv.length, "parameter: " + line);
      params.put(kv[0], kv[1]);
    }
    return new Property(head[0], params, line.substring(colon + 1));
  }

  /** A TEXT value unescaped (\\n, \\, \\; \\\\). Fails on a bare comma or semicolon. */
  static String text(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        assertFalse(c == ',' || c == ';', "unescaped " + c + " in TEXT: " + value);
        out.append(c);
      }
    }
    return out.toString();
  }
}
