package so.lava.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the Lava Auth API: exchange a login code, and with a secret key, ask who it is and
 * manage the merchant's keys. Built on the JDK's HTTP client; thread-safe.
 *
 * <pre>{@code
 * LavaClient lava = LavaClient.create(URI.create("http://localhost:8080"));
 * Credentials credentials = BrowserLogin.run(lava, BrowserLogin.Options.defaults());
 * Whoami me = lava.withSecretKey(credentials.secretKey()).whoami();
 * }</pre>
 */
public final class LavaClient {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final URI baseUrl;
  private final Optional<String> secretKey;

  private LavaClient(URI baseUrl, Optional<String> secretKey) {
    this.baseUrl = baseUrl;
    this.secretKey = secretKey;
  }

  /**
   * A client of the server at {@code baseUrl}, the origin that serves both the pages and, under
   * {@code /v1/}, the API (for example {@code http://localhost:8080}).
   */
  public static LavaClient create(URI baseUrl) {
    String url = baseUrl.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return new LavaClient(URI.create(url), Optional.empty());
  }

  /** The same server, calling with this secret key. */
  public LavaClient withSecretKey(String key) {
    return new LavaClient(baseUrl, Optional.of(key));
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** Exchanges a one-time login code for a secret key (no PKCE). */
  public Credentials exchangeAuthCode(String code) {
    return exchangeAuthCode(code, Optional.empty());
  }

  /** Exchanges a one-time login code, with the PKCE verifier when the code was bound to one. */
  public Credentials exchangeAuthCode(String code, Optional<String> codeVerifier) {
    Map<String, String> body =
        codeVerifier
            .map(v -> Map.of("code", code, "code_verifier", v))
            .orElse(Map.of("code", code));
    JsonNode json = call("POST", "/v1/auth/callback", JSON.writeValueAsString(body), false);
    return new Credentials(
        text(json, "secret_key_id"),
        text(json, "secret_key"),
        text(json, "merchant_id"),
        text(json, "wallet_id"));
  }

  public Whoami whoami() {
    JsonNode json = call("GET", "/v1/auth/whoami", null, true);
    return new Whoami(
        text(json, "secret_key_id"),
        text(json, "name"),
        text(json, "merchant_id"),
        text(json, "wallet_id"),
        text(json, "account_email"),
        text(json, "created_at"));
  }

  /** One page of the merchant's keys, newest first. */
  public SecretKeyPage listKeys(int limit, Optional<String> cursor) {
    String query =
        "?limit="
            + limit
            + cursor.map(c -> "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    JsonNode json = call("GET", "/v1/secret_keys" + query, null, true);
    List<SecretKey> keys = new ArrayList<>();
    json.path("data").forEach(item -> keys.add(key(item)));
    return new SecretKeyPage(
        keys,
        json.path("has_more").asBoolean(),
        json.hasNonNull("next_cursor")
            ? Optional.of(json.get("next_cursor").asString())
            : Optional.empty());
  }

  /** All the merchant's keys, page after page. */
  public List<SecretKey> listAllKeys() {
    List<SecretKey> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      SecretKeyPage page = listKeys(100, cursor);
      all.addAll(page.data());
      cursor = page.hasMore() ? page.nextCursor() : Optional.empty();
    } while (cursor.isPresent());
    return all;
  }

  public CreatedSecretKey createKey(String name) {
    JsonNode json =
        call("POST", "/v1/secret_keys", JSON.writeValueAsString(Map.of("name", name)), true);
    return new CreatedSecretKey(key(json), text(json, "secret_key"));
  }

  /** Revokes one of the merchant's keys (this client's own key included). */
  public void revokeKey(String secretKeyId) {
    call(
        "DELETE",
        "/v1/secret_keys/" + URLEncoder.encode(secretKeyId, StandardCharsets.UTF_8),
        null,
        true);
  }

  private JsonNode call(String method, String path, String body, boolean authenticated) {
    URI url = URI.create(baseUrl + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authenticated) {
      request.header(
          "Authorization",
          "Bearer "
              + secretKey.orElseThrow(
                  () -> new IllegalStateException("no secret key: use withSecretKey")));
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new LavaUnreachableException(baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LavaUnreachableException(baseUrl, e);
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      throw error(response.statusCode(), json);
    }
    if (json == null) {
      throw new LavaApiException(
          response.statusCode(),
          "unexpected_answer",
          "the server's answer was not JSON",
          List.of());
    }
    return json;
  }

  private static LavaApiException error(int status, JsonNode json) {
    JsonNode error = json == null ? null : json.get("error");
    if (error == null || !error.isObject()) {
      return new LavaApiException(
          status, "http_" + status, "the server answered " + status, List.of());
    }
    List<LavaApiException.Issue> issues = new ArrayList<>();
    error
        .path("issues")
        .forEach(
            issue -> {
              List<String> path = new ArrayList<>();
              issue.path("path").forEach(p -> path.add(p.asString()));
              issues.add(new LavaApiException.Issue(path, issue.path("message").asString()));
            });
    return new LavaApiException(
        status,
        error.path("code").asString("http_" + status),
        error.path("message").asString("the server answered " + status),
        issues);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static SecretKey key(JsonNode json) {
    return new SecretKey(
        text(json, "secret_key_id"),
        text(json, "name"),
        text(json, "secret_key_hint"),
        text(json, "created_at"));
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isString()) {
      throw new LavaApiException(
          200, "unexpected_answer", "the server's answer has no " + field, List.of());
    }
    return value.asString();
  }
}
