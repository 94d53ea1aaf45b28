package so.lava.auth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without the browser: plain HTTP with a cookie jar, redirects not followed (so tests can
 * see them), and the CSRF token of the last page kept for the next form.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String baseUrl;
  private String csrf;

  public WebSession(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The same cookies, sent to another server instance from now on. */
  public WebSession at(String otherBaseUrl) {
    this.baseUrl = otherBaseUrl;
    return this;
  }

  public HttpApi.Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** Posts a form with the CSRF token of the last page seen. */
  public HttpApi.Response post(String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    if (csrf != null) {
      withToken.putIfAbsent("_csrf", csrf);
    }
    return postRaw(path, withToken);
  }

  /** Posts a form exactly as given: no CSRF token unless the fields hold one. */
  public HttpApi.Response postRaw(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body)));
  }

  public Optional<String> sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("lava_session"))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /** Signs up a new account and returns its e-mail. */
  public String signUp(String email, String password) {
    get("/signup");
    HttpApi.Response response =
        post("/signup", Map.of("email", email, "password", password, "business", "Test Co"));
    if (response.status() != 302) {
      throw new AssertionError("sign-up failed with " + response.status() + ": " + response.body());
    }
    return email;
  }

  public HttpApi.Response signIn(String email, String password) {
    get("/signin");
    return post("/signin", Map.of("email", email, "password", password));
  }

  private HttpApi.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
      Matcher token = CSRF.matcher(response.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return new HttpApi.Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
