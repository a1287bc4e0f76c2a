package org.practicemap.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client on a bare TCP socket, for what a library client does for you and a broken
 * client does not: it never answers a ping, and it shows every frame the server sends.
 */
public final class RawWebSocket implements AutoCloseable {
  public static final int TEXT = 1;
  public static final int CLOSE = 8;
  public static final int PING = 9;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  public record Frame(int opcode, byte[] payload) {
    /** The close code of a close frame. */
    public int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  public RawWebSocket(int port, String subProtocol) {
    try {
      socket = new Socket("localhost", port);
      socket.setSoTimeout(10_000);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      String key = Base64.getEncoder().encodeToString("practice-map-test".getBytes());
      out.write(
          ("GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                  + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                  + key.substring(0, 22)
                  + "==\r\nSec-WebSocket-Protocol: "
                  + subProtocol
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String status = readLine();
      if (!status.contains(" 101 ")) {
        throw new IllegalStateException("no upgrade: " + status);
      }
      while (!readLine().isEmpty()) {
        // response headers
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a text frame, masked as a client must. */
  public void sendText(String text) {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    if (payload.length > 125) {
      throw new IllegalArgumentException("keep test frames short");
    }
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[6 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    try {
      out.write(frame);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next frame from the server (servers do not mask). */
  public Frame read() {
    try {
      int first = in.readUnsignedByte();
      int length = in.readUnsignedByte() & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = (int) in.readLong();
      }
      byte[] payload = new byte[length];
      in.readFully(payload);
      return new Frame(first & 0x0f, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a test socket
    }
  }
}
