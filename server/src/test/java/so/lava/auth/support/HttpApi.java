package so.lava.auth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running server, with the JDK's own client. */
public final class HttpApi {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String baseUrl;

  public HttpApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** {@code POST /v1/auth/callback} with {@code {"code": code}}, as the Node SDK sends it. */
  public Response exchange(String code) {
    return postJson("/v1/auth/callback", JSON.writeValueAsString(Map.of("code", code)));
  }

  public Response exchange(String code, String codeVerifier) {
    return postJson(
        "/v1/auth/callback",
        JSON.writeValueAsString(Map.of("code", code, "code_verifier", codeVerifier)));
  }

  public Response postJson(String path, String body) {
    return send("POST", path, Optional.of("application/json"), BodyPublishers.ofString(body));
  }

  /**
   * A call with {@code Authorization: Bearer key}, as the Node SDK makes it: {@code Content-Type:
   * application/json} always, with an empty body on {@code GET} and {@code DELETE}.
   */
  public Response withKey(String key, String method, String path, String body) {
    return send(
        method,
        path,
        Optional.of("application/json"),
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body),
        Map.of("Authorization", "Bearer " + key));
  }

  public Response send(
      String method, String path, Optional<String> contentType, BodyPublisher body) {
    return send(method, path, contentType, body, Map.of());
  }

  public Response send(
      String method,
      String path,
      Optional<String> contentType,
      BodyPublisher body,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    contentType.ifPresent(type -> request.header("Content-Type", type));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body read as JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String body() {
      return raw.body();
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** {@code error.code} of an Error-schema body. */
    public String errorCode() {
      return json().path("error").path("code").asString();
    }
  }
}
