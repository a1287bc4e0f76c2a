package org.practicemap.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as SVG or PNG (zxing-core only): error correction M, a quiet zone of four modules, dark
 * modules on white. M survives a scuffed sticker or a screen's glare while keeping a URL small
 * enough (version 4–5) for a phone to read from a metre away.
 */
public final class QrCode {
  public static final int QUIET_ZONE = 4;
  private final BitMatrix matrix;

  private QrCode(BitMatrix matrix) {
    this.matrix = matrix;
  }

  public static QrCode of(String text) {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
    hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
    }
    try {
      // Size 0 gives one pixel per module, quiet zone included: the SVG and PNG scale it.
      return new QrCode(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " chars", e);
    }
  }

  /** Modules per side, quiet zone included. */
  public int size() {
    return matrix.getWidth();
  }

  /** An SVG of one path, one unit per module: it scales to any size without blur. */
  public String svg() {
    int n = size();
    StringBuilder path = new StringBuilder(n * n * 4);
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + n
        + " "
        + n
        + "\" shape-rendering=\"crispEdges\" role=\"img\">"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path fill=\"#000\" d=\""
        + path
        + "\"/></svg>";
  }

  /** A black-and-white PNG with {@code scale} pixels per module. */
  public byte[] png(int scale) {
    int n = size();
    BufferedImage image = new BufferedImage(n * scale, n * scale, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < n * scale; y++) {
      for (int x = 0; x < n * scale; x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
