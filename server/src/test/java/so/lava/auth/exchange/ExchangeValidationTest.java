package so.lava.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import so.lava.auth.api.ApiError;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.SpecSchemas;

/**
 * Every way a request to the exchange can be malformed: each gets the Error schema with the right
 * status and code, never Spring's default body, and nothing is written to the database.
 */
class ExchangeValidationTest extends ServerTest {

  static Stream<Arguments> invalidCodes() {
    return Stream.of(
        Arguments.of("{}", "Missing required field: code"),
        Arguments.of("{\"code\": null}", "Missing required field: code"),
        Arguments.of("{\"code\": 123456}", "code must be a string"),
        Arguments.of("{\"code\": true}", "code must be a string"),
        Arguments.of("{\"code\": [\"a\"]}", "code must be a string"),
        Arguments.of("{\"code\": {\"a\": 1}}", "code must be a string"),
        Arguments.of("{\"code\": \"\"}", "code must not be empty"),
        Arguments.of("{\"code\": \"   \"}", "code must not be empty"),
        Arguments.of(
            "{\"code\": \"" + "a".repeat(257) + "\"}", "code must be at most 256 characters"));
  }

  @ParameterizedTest
  @MethodSource("invalidCodes")
  void exchangeWhenCodeInvalidThenIssueAtPathCode(String body, String message) {
    Response response = api().postJson("/v1/auth/callback", body);

    assertError(response, 400, ApiError.INVALID_REQUEST);
    var issues = response.json().path("error").path("issues");
    assertThat(issues.size()).isEqualTo(1);
    assertThat(issues.get(0).path("path").get(0).asString()).isEqualTo("code");
    assertThat(issues.get(0).path("path").size()).isEqualTo(1);
    assertThat(issues.get(0).path("message").asString()).isEqualTo(message);
  }

  @Test
  void exchangeWhenVerifierMalformedThenIssueAtPathCodeVerifier() {
    Response response =
        api().postJson("/v1/auth/callback", "{\"code\": \"abc\", \"code_verifier\": \"short\"}");

    assertError(response, 400, ApiError.INVALID_REQUEST);
    assertThat(response.json().path("error").path("issues").get(0).path("path").get(0).asString())
        .isEqualTo("code_verifier");
  }

  @Test
  void exchangeWhenCodeAndVerifierBothWrongThenOneIssueEach() {
    Response response = api().postJson("/v1/auth/callback", "{\"code\": 1, \"code_verifier\": 2}");

    assertError(response, 400, ApiError.INVALID_REQUEST);
    assertThat(response.json().path("error").path("issues").size()).isEqualTo(2);
  }

  @Test
  void exchangeWhenUnknownFieldsBesideCodeThenIgnored() {
    Response response =
        api().postJson("/v1/auth/callback", "{\"code\": \"nope\", \"state\": \"abc\", \"x\": [1]}");

    assertError(response, 400, ExchangeErrors.AUTH_CODE_INVALID);
  }

  static List<String> malformedBodies() {
    return List.of(
        "",
        "{",
        "{\"code\": \"abc\"",
        "{\"code\": \"abc\"} trailing",
        "{\"code\": \"a\", \"code\": \"b\"}",
        "[\"code\"]",
        "\"code\"",
        "null",
        "42",
        "{'code': 'abc'}",
        "{\"code\": \"\\ud800\"}");
  }

  @ParameterizedTest
  @MethodSource("malformedBodies")
  void exchangeWhenBodyNotOneJsonObjectThenInvalidJson(String body) {
    Response response = api().postJson("/v1/auth/callback", body);

    assertThat(response.status()).isEqualTo(400);
    SpecSchemas.assertMatches("Error", response.json());
    assertThat(response.errorCode()).isIn(ApiError.INVALID_JSON, ExchangeErrors.AUTH_CODE_INVALID);
    if (!body.contains("\\ud800")) {
      assertThat(response.errorCode()).isEqualTo(ApiError.INVALID_JSON);
    }
  }

  @Test
  void exchangeWhenBodyNotUtf8ThenClientError() {
    byte[] invalidUtf8 = {
      '{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
    };
    Response response =
        api()
            .send(
                "POST",
                "/v1/auth/callback",
                Optional.of("application/json"),
                BodyPublishers.ofByteArray(invalidUtf8));

    assertThat(response.status()).isEqualTo(400);
    SpecSchemas.assertMatches("Error", response.json());
  }

  @ParameterizedTest
  @MethodSource("wrongContentTypes")
  void exchangeWhenContentTypeNotJsonThen415(Optional<String> contentType) {
    Response response =
        api()
            .send(
                "POST",
                "/v1/auth/callback",
                contentType,
                BodyPublishers.ofString("{\"code\": \"abc\"}"));

    assertError(response, 415, ApiError.UNSUPPORTED_MEDIA_TYPE);
  }

  static Stream<Optional<String>> wrongContentTypes() {
    return Stream.of(
        Optional.empty(),
        Optional.of("text/plain"),
        Optional.of("application/x-www-form-urlencoded"),
        Optional.of("application/xml"),
        Optional.of("multipart/form-data; boundary=x"));
  }

  @Test
  void exchangeWhenContentTypeJsonWithCharsetThenAccepted() {
    Response response =
        api()
            .send(
                "POST",
                "/v1/auth/callback",
                Optional.of("application/json; charset=utf-8"),
                BodyPublishers.ofString("{\"code\": \"abc\"}"));

    assertError(response, 400, ExchangeErrors.AUTH_CODE_INVALID);
  }

  @Test
  void exchangeWhenBodyOver16KiBThen413() {
    String body = "{\"code\": \"" + "a".repeat(17 * 1024) + "\"}";

    Response response = api().postJson("/v1/auth/callback", body);

    assertError(response, 413, ApiError.PAYLOAD_TOO_LARGE);
  }

  @Test
  void exchangeWhenChunkedBodyRunsPast16KiBThen413() {
    byte[] body =
        ("{\"pad\": \"" + "a".repeat(17 * 1024) + "\", \"code\": \"abc\"}")
            .getBytes(StandardCharsets.UTF_8);
    // A publisher of unknown length makes the client send the body chunked, with no Content-Length.
    var chunked = BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));

    Response response =
        api().send("POST", "/v1/auth/callback", Optional.of("application/json"), chunked);

    assertError(response, 413, ApiError.PAYLOAD_TOO_LARGE);
  }

  @ParameterizedTest
  @MethodSource("otherMethods")
  void exchangeWhenMethodNotPostThen405(String method) {
    Response response =
        api()
            .send(
                method,
                "/v1/auth/callback",
                Optional.of("application/json"),
                BodyPublishers.noBody());

    assertError(response, 405, ApiError.METHOD_NOT_ALLOWED);
    assertThat(response.header("Allow")).contains("POST");
  }

  static Stream<String> otherMethods() {
    return Stream.of("GET", "PUT", "PATCH", "DELETE");
  }

  @ParameterizedTest
  @MethodSource("unknownRoutes")
  void unknownV1RouteWithKeyThen404(String method, String path) {
    String key = fixtures.secretKey(fixtures.account(), api());

    Response response = api().withKey(key, method, path, "{}");

    assertError(response, 404, ApiError.NOT_FOUND);
  }

  @ParameterizedTest
  @MethodSource("unknownRoutes")
  void unknownV1RouteWithoutKeyThen401(String method, String path) {
    Response response =
        api().send(method, path, Optional.of("application/json"), BodyPublishers.ofString("{}"));

    assertError(response, 401, "authentication_required");
  }

  static Stream<Arguments> unknownRoutes() {
    return Stream.of(
        Arguments.of("GET", "/v1/nope"),
        Arguments.of("POST", "/v1/auth/callbacks"),
        Arguments.of("POST", "/v1/auth"),
        Arguments.of("GET", "/v1/"));
  }

  @Test
  void rejectedRequestsThenNothingWritten() {
    long before = rows();

    api().postJson("/v1/auth/callback", "{\"code\": 1}");
    api().postJson("/v1/auth/callback", "{");
    api().postJson("/v1/auth/callback", "{\"code\": \"nope\"}");
    api()
        .send("POST", "/v1/auth/callback", Optional.of("text/plain"), BodyPublishers.ofString("x"));

    assertThat(rows()).isEqualTo(before);
  }

  private long rows() {
    return fixtures
        .jdbc()
        .sql(
            "SELECT (SELECT count(*) FROM auth_codes WHERE used_at IS NOT NULL)"
                + " + (SELECT count(*) FROM secret_keys) + (SELECT count(*) FROM audit_events)")
        .query(Long.class)
        .single();
  }

  private static void assertError(Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    SpecSchemas.assertMatches("Error", response.json());
    assertThat(response.errorCode()).isEqualTo(code);
    assertThat(response.json().path("error").path("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at so.lava");
  }
}
