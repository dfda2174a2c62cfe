package dev.baton.web;

import dev.baton.testing.Ops;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written raw on a socket and read back byte by byte, exactly as a careless or hostile
 * client would: an HTTP client would fix or refuse such requests first.
 */
final class RawHttp {

  private RawHttp() {}

  /** A connection to the API's port. */
  static Socket socket() throws IOException {
    return socket(RestAssured.port);
  }

  static Socket socket(int port) throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.setSoTimeout(10_000);
    return socket;
  }

  static void write(Socket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Sends a request to the management interface when its target is under /q/, else the API. */
  static Answer send(String request) throws IOException {
    int port = request.contains(" /q/") ? Ops.port() : RestAssured.port;
    try (Socket socket = socket(port)) {
      write(socket, request);
      Answer answer = read(socket.getInputStream());
      return answer.withClosed(Answer.endOfStream(socket.getInputStream()));
    }
  }

  /** One response: its head, its Content-Length body, and whether the server closed after it. */
  static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String sofar = head.toString(StandardCharsets.ISO_8859_1);
      if (sofar.endsWith("\r\n\r\n")) {
        break;
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    int status =
        lines.length > 0 && lines[0].split(" ").length > 1
            ? Integer.parseInt(lines[0].split(" ")[1])
            : -1;
    return new Answer(
        lines.length > 0 ? lines[0] : "",
        status,
        headers,
        new String(body, StandardCharsets.UTF_8),
        false);
  }

  record Answer(
      String statusLine, int status, Map<String, String> headers, String body, boolean closed) {

    String header(String name) {
      return headers.get(name);
    }

    Answer withClosed(boolean closed) {
      return new Answer(statusLine, status, headers, body, closed);
    }

    static boolean endOfStream(InputStream in) throws IOException {
      try {
        return in.read() == -1;
      } catch (SocketTimeoutException e) {
        return false;
      }
    }
  }
}
