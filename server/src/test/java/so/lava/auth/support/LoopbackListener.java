package so.lava.auth.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Plays the command-line program's side of the login, as the Node SDK does: listens on {@code
 * 127.0.0.1} on a free port and waits for the browser to land on {@code /callback}.
 */
public final class LoopbackListener implements AutoCloseable {

  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> callback = new CompletableFuture<>();

  public LoopbackListener() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/callback",
        exchange -> {
          callback.complete(query(exchange.getRequestURI().getRawQuery()));
          byte[] page =
              "<!DOCTYPE html><title>Done</title><p>You can close this tab.</p>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The query parameters the browser arrived with. */
  public Map<String, String> awaitCallback() {
    try {
      return callback.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the browser never reached the listener", e);
    }
  }

  public boolean called() {
    return callback.isDone();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.put(name, value);
    }
    return parameters;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
