package so.lava.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The browser login of a command-line program (RFC 8252, loopback redirect, with PKCE): listen on
 * {@code 127.0.0.1} on a free port, open the browser at {@code /auth/connect}, wait for the browser
 * to come back with a code and the same {@code state}, exchange the code with the PKCE verifier.
 *
 * <p>A request with a wrong {@code state} gets {@code 400} and the wait goes on, so a stray or
 * hostile request cannot end the login; a denial in the browser ends it.
 */
public final class BrowserLogin implements AutoCloseable {

  /** What the login should do and whom to tell how it goes. */
  public record Options(Duration timeout, BrowserOpener opener, Progress progress) {

    public static Options defaults() {
      return new Options(Duration.ofSeconds(120), BrowserOpener.system(), Progress.SILENT);
    }
  }

  /** Hears how the login goes, for a program to show its person. */
  public interface Progress {

    Progress SILENT = new Progress() {};

    /** The URL to approve at; {@code opened} says whether a browser was opened at it. */
    default void started(URI url, boolean opened) {}

    /** Still waiting; about this long is left. Called about once a second. */
    default void waiting(Duration left) {}

    /** The browser came back with a code, which is being exchanged now. */
    default void approved() {}
  }

  private final LavaClient client;
  private final Options options;
  private final String state;
  private final Pkce pkce = Pkce.create();
  private final HttpServer server;
  private final CompletableFuture<String> code = new CompletableFuture<>();

  private BrowserLogin(LavaClient client, Options options) {
    this.client = client;
    this.options = options;
    byte[] random = new byte[16];
    Pkce.RANDOM.nextBytes(random);
    this.state = HexFormat.of().formatHex(random);
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
    server.createContext("/", this::handle);
  }

  /** Runs the whole login and returns the new credentials. */
  public static Credentials run(LavaClient client, Options options) {
    try (BrowserLogin login = new BrowserLogin(client, options)) {
      return login.await();
    }
  }

  /** Starts listening; the login then runs in {@link #await}. Close it to stop listening. */
  public static BrowserLogin start(LavaClient client, Options options) {
    return new BrowserLogin(client, options);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The page the person must approve at. */
  public URI url() {
    return URI.create(
        client.baseUrl()
            + "/auth/connect?state="
            + state
            + "&port="
            + port()
            + "&code_challenge="
            + pkce.challenge()
            + "&code_challenge_method=S256");
  }

  public Credentials await() {
    server.start();
    URI url = url();
    options.progress().started(url, options.opener().open(url));
    Instant deadline = Instant.now().plus(options.timeout());
    String received = waitForCode(deadline);
    options.progress().approved();
    return client.exchangeAuthCode(received, Optional.of(pkce.verifier()));
  }

  private String waitForCode(Instant deadline) {
    while (true) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new LoginException(
            LoginException.Reason.TIMED_OUT,
            "nobody approved the login within " + options.timeout().toSeconds() + " seconds");
      }
      options.progress().waiting(left);
      try {
        return code.get(Math.min(1000, left.toMillis()), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        // tick
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoginException(LoginException.Reason.FAILED, "the login was interrupted");
      }
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    // Answer the browser first, then wake the waiting login: it stops the listener when it ends.
    Runnable outcome = () -> {};
    try (exchange) {
      if (!"/callback".equals(exchange.getRequestURI().getPath())) {
        respond(
            exchange, 404, "Not found", "This is the Lava command-line login; nothing is here.");
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "Method not allowed", "Only the browser's GET is expected here.");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!sameState(query.get("state"))) {
        respond(
            exchange,
            400,
            "Not this login",
            "This answer does not belong to the login in progress. It was ignored.");
        return;
      }
      String error = query.get("error");
      String received = query.get("code");
      if (error != null) {
        LoginException ended =
            "access_denied".equals(error)
                ? new LoginException(
                    LoginException.Reason.DENIED, "the login was denied in the browser")
                : new LoginException(LoginException.Reason.FAILED, "the browser reported " + error);
        respond(exchange, 200, "Login cancelled", "No key was created. You can close this tab.");
        outcome = () -> code.completeExceptionally(ended);
      } else if (received == null || received.isEmpty()) {
        respond(exchange, 400, "No code", "The answer has no code. It was ignored.");
      } else {
        respond(exchange, 200, "Logged in", "You can close this tab and go back to your terminal.");
        outcome = () -> code.complete(received);
      }
    } finally {
      outcome.run();
    }
  }

  /** Compares in constant time: the state is what tells our login's answer from anyone else's. */
  private boolean sameState(String presented) {
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String title, String message)
      throws IOException {
    String page =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>"
            + title
            + " · Lava</title></head>"
            + "<body style=\"font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\">"
            + "<h1 style=\"font-size:1.5rem\">"
            + title
            + "</h1><p>"
            + message
            + "</p></body></html>";
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  /** Stops listening. */
  @Override
  public void close() {
    server.stop(0);
  }
}
