package so.lava.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.WebSession;
import so.lava.client.BrowserOpener;

/**
 * A person at a browser, played over plain HTTP for speed: signed in, it opens the URL the CLI
 * gives it, approves or denies, and follows the redirect to the CLI's listener.
 */
final class ScriptedBrowser implements BrowserOpener {

  private static final Pattern FIELD =
      Pattern.compile(
          "name=\"(state|port|code_challenge|code_challenge_method)\" value=\"([^\"]*)\"");

  private final WebSession session;
  private final String email;
  private final String decision;
  private final CompletableFuture<Integer> listenerStatus = new CompletableFuture<>();
  private volatile Runnable before = () -> {};
  private volatile URI opened;

  private ScriptedBrowser(WebSession session, String email, String decision) {
    this.session = session;
    this.email = email;
    this.decision = decision;
  }

  /** A new account, signed in, that will click {@code decision} ("approve" or "deny"). */
  static ScriptedBrowser signedUp(String decision) {
    WebSession session = new WebSession(TestServer.baseUrl());
    String email =
        session.signUp(
            "cli-" + java.util.UUID.randomUUID() + "@example.com", "a long enough password");
    return new ScriptedBrowser(session, email, decision);
  }

  String email() {
    return email;
  }

  WebSession session() {
    return session;
  }

  /** Something to do at the listener before the real answer (such as a forged one). */
  ScriptedBrowser first(Runnable action) {
    this.before = action;
    return this;
  }

  URI opened() {
    return opened;
  }

  @Override
  public boolean open(URI url) {
    opened = url;
    Thread person =
        new Thread(
            () -> {
              try {
                before.run();
                listenerStatus.complete(decide(url));
              } catch (Throwable t) {
                listenerStatus.completeExceptionally(t);
              }
            },
            "scripted-browser");
    person.setDaemon(true);
    person.start();
    return true;
  }

  /** The status the CLI's listener answered the browser with. */
  int listenerStatus() throws Exception {
    return listenerStatus.get(20, TimeUnit.SECONDS);
  }

  private int decide(URI url) {
    HttpApi.Response consent = session.get(url.getRawPath() + "?" + url.getRawQuery());
    if (consent.status() != 200) {
      throw new AssertionError("consent page answered " + consent.status());
    }
    Map<String, String> form = new LinkedHashMap<>();
    Matcher fields = FIELD.matcher(consent.body());
    while (fields.find()) {
      form.put(fields.group(1), htmlDecode(fields.group(2)));
    }
    form.put("decision", decision);
    HttpApi.Response answer = session.post("/auth/connect", form);
    URI callback = URI.create(answer.header("Location").orElseThrow());
    return new HttpApi("http://" + callback.getHost() + ":" + callback.getPort())
        .send(
            "GET",
            callback.getRawPath() + "?" + callback.getRawQuery(),
            java.util.Optional.empty(),
            java.net.http.HttpRequest.BodyPublishers.noBody())
        .status();
  }

  static Map<String, String> query(URI url) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      parameters.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String htmlDecode(String value) {
    return value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
