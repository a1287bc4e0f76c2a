package org.practicemap.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicemap.testing.Ids;
import org.practicemap.testing.Network;
import org.practicemap.testing.TestData;
import org.practicemap.testing.TestPostgres;
import org.practicemap.testing.TestServer;

/** The QR code endpoints, read back with zxing's own decoder as a phone would. */
class QrRoutesTest {
  static TestServer server;
  static TestData data;
  static long activity;
  static String code;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestPostgres.newEmptyDatabase(),
            Map.of("DEMO_DATA", "false", "PUBLIC_BASE_URL", "https://map.example.cn"));
    data = new TestData(server.databaseUrl());
    activity = Bookings.activity(data, Network.create(data), 10, true);
    code =
        Bookings.booked(server, activity, "13800138000", 1)
            .getJsonObject("booking")
            .getString("code");
  }

  @AfterAll
  static void stop() {
    data.close();
    server.close();
  }

  @Test
  void anActivityPngDecodesToItsBookingUrlWithTheKiosk() throws Exception {
    HttpResponse<byte[]> response =
        bytes("/qr/activity/" + Ids.activity(activity) + ".png?kiosk=hall-1");
    assertEquals(200, response.statusCode());
    assertEquals("image/png", response.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
    Result result = decode(response.body());
    assertEquals(
        "https://map.example.cn/b/" + Ids.activity(activity) + "?k=hall-1", result.getText());
    assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
  }

  @Test
  void withoutAKioskTheUrlHasNoKioskParameter() throws Exception {
    Result result = decode(bytes("/qr/activity/" + Ids.activity(activity) + ".png").body());
    assertEquals("https://map.example.cn/b/" + Ids.activity(activity), result.getText());
  }

  @Test
  void thePngHasAFourModuleQuietZoneDarkOnLight() throws Exception {
    int scale = 5;
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                bytes("/qr/activity/" + Ids.activity(activity) + ".png?scale=" + scale).body()));
    int quiet = 4 * scale;
    for (int i = 0; i < image.getWidth(); i++) {
      for (int band = 0; band < quiet; band++) {
        assertEquals(0xFFFFFFFF, image.getRGB(i, band), "top quiet zone");
        assertEquals(0xFFFFFFFF, image.getRGB(band, i), "left quiet zone");
        assertEquals(
            0xFFFFFFFF, image.getRGB(i, image.getHeight() - 1 - band), "bottom quiet zone");
      }
    }
    // The finder pattern's corner module is dark, just inside the quiet zone.
    assertEquals(0xFF000000, image.getRGB(quiet, quiet));
    assertEquals(0, image.getWidth() % scale);
  }

  @Test
  void aTicketPngDecodesToItsTicketPageAndIsPrivate() throws Exception {
    HttpResponse<byte[]> response = bytes("/qr/ticket/" + code + ".png");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"));
    assertEquals("https://map.example.cn/t/" + code, decode(response.body()).getText());
  }

  @Test
  void svgsAreOnePathWithAWhiteBackground() {
    HttpResponse<String> svg = server.get("/qr/ticket/" + code + ".svg");
    assertEquals(200, svg.statusCode());
    assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "));
    assertEquals(1, svg.body().split("<path").length - 1);
    assertTrue(svg.body().contains("fill=\"#fff\""));
    assertEquals(
        200, server.get("/qr/activity/" + Ids.activity(activity) + ".svg?kiosk=k1").statusCode());
  }

  @Test
  void unknownActivitiesAndTicketsAre404() {
    assertStatus(404, "/qr/activity/" + Ids.activity(987654) + ".png");
    assertStatus(404, "/qr/ticket/2345623456.svg");
    assertStatus(404, "/qr/ticket/not-a-code.svg");
    assertStatus(404, "/qr/activity/" + Ids.activity(activity) + ".gif");
  }

  @Test
  void badParametersAre400WithAReason() {
    HttpResponse<String> response =
        server.get("/qr/activity/" + Ids.activity(activity) + ".png?kiosk=Hall%201");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("kiosk"), response.body());
    assertStatus(400, "/qr/activity/" + Ids.activity(activity) + ".png?scale=0");
    assertStatus(400, "/qr/activity/" + Ids.activity(activity) + ".png?scale=big");
    assertStatus(400, "/qr/activity/" + Ids.point(1) + ".png");
    assertStatus(400, "/qr/activity/bm90LWFuLWlk.png");
  }

  private static void assertStatus(int status, String path) {
    HttpResponse<String> response = server.get(path);
    assertEquals(status, response.statusCode(), path + " → " + response.body());
    assertTrue(
        response.body().contains("\"errors\"") || response.body().contains("\"error\""),
        response.body());
  }

  private static HttpResponse<byte[]> bytes(String path) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(server.url(path))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Result decode(byte[] png) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    var source =
        new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(DecodeHintType.PURE_BARCODE, true));
  }
}
