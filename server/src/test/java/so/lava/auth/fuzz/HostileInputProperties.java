package so.lava.auth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import so.lava.auth.LavaAuthApplication;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.SpecSchemas;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of generated and mutated requests against a real server: random JSON, deep nesting,
 * huge numbers, invalid UTF-8, duplicate keys, wrong content types, large headers, path tricks.
 * Never a 5xx, always the Error schema on {@code /v1}, and nothing written for a rejected request.
 */
class HostileInputProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final AtomicLong SENT = new AtomicLong();

  private static ConfigurableApplicationContext server;
  private static HttpApi api;
  private static JdbcClient jdbc;
  private static long rowsBefore;

  @BeforeContainer
  static void start() {
    Path data = Path.of("target", "test-data", "fuzz-" + UUID.randomUUID()).toAbsolutePath();
    server =
        new SpringApplicationBuilder(LavaAuthApplication.class)
            .run(
                "--server.port=0",
                "--lava.data-dir=" + data,
                "--lava.database.url=",
                "--lava.limits.enabled=false",
                "--logging.level.so.lava.auth.access=WARN");
    api =
        new HttpApi(
            "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort());
    jdbc = server.getBean(JdbcClient.class);
    rowsBefore = rows();
  }

  @AfterContainer
  static void stop() {
    try {
      assertThat(rows()).as("nothing written for any rejected request").isEqualTo(rowsBefore);
      System.out.println("hostile requests sent: " + SENT.get());
    } finally {
      server.close();
    }
  }

  @Property(tries = 1500)
  void anyBodyToTheExchangeThenAClientErrorInTheErrorSchema(
      @ForAll("bodies") byte[] body, @ForAll("contentTypes") Optional<String> contentType) {
    Response response = send("POST", "/v1/auth/callback", contentType, body, Map.of());

    assertThat(response.status()).as(new String(body, StandardCharsets.UTF_8)).isBetween(400, 499);
    SpecSchemas.assertMatches("Error", response.json());
    assertThat(response.json().path("error").path("status").asInt()).isEqualTo(response.status());
  }

  @Property(tries = 1000)
  void anyRequestToTheKeyRoutesThenAClientErrorInTheErrorSchema(
      @ForAll("methods") String method,
      @ForAll("keyPaths") String path,
      @ForAll("authorizations") Optional<String> authorization,
      @ForAll("bodies") byte[] body) {
    Response response =
        send(
            method,
            path,
            Optional.of("application/json"),
            body,
            authorization.map(a -> Map.of("Authorization", a)).orElse(Map.of()));

    assertThat(response.status()).as(method + " " + path).isBetween(400, 499);
    SpecSchemas.assertMatches("Error", response.json());
  }

  @Property(tries = 600)
  void anyFormPostThenNeverAServerError(
      @ForAll("formPaths") String path, @ForAll("formBodies") String form) {
    Response response =
        send(
            "POST",
            path,
            Optional.of("application/x-www-form-urlencoded"),
            form.getBytes(StandardCharsets.UTF_8),
            Map.of());

    assertThat(response.status()).as(path + " " + form).isLessThan(500);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at so.lava");
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        jsonValues().map(v -> v.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.strings().ofMaxLength(300).map(s -> s.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        Arbitraries.integers()
            .between(1, 20_000)
            .map(d -> ("[".repeat(d) + "]".repeat(d)).getBytes(StandardCharsets.US_ASCII)),
        Arbitraries.integers()
            .between(1, 5_000)
            .map(
                d ->
                    ("{\"code\":".repeat(d) + "1" + "}".repeat(d))
                        .getBytes(StandardCharsets.US_ASCII)),
        Arbitraries.strings()
            .numeric()
            .ofMinLength(1)
            .ofMaxLength(5000)
            .map(n -> ("{\"code\": " + n + "}").getBytes(StandardCharsets.US_ASCII)),
        Arbitraries.of("1e999999", "-0", "1.7976931348623157e309", "123456789012345678901234567890")
            .map(n -> ("{\"code\": " + n + "}").getBytes(StandardCharsets.US_ASCII)),
        Arbitraries.strings()
            .alpha()
            .ofMaxLength(40)
            .map(
                c ->
                    ("{\"code\": \"" + c + "\", \"code\": \"" + c + "x\"}")
                        .getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(20)
            .map(HostileInputProperties::invalidUtf8Code),
        Arbitraries.integers()
            .between(16_000, 40_000)
            .map(
                n ->
                    ("{\"code\": \"" + "a".repeat(n) + "\"}").getBytes(StandardCharsets.US_ASCII)));
  }

  @Provide
  Arbitrary<Optional<String>> contentTypes() {
    return Arbitraries.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=iso-8859-1",
            "APPLICATION/JSON",
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz",
            "application/xml",
            "*/*",
            "application/json;;;",
            "garbage")
        .map(Optional::of)
        .injectNull(0.1)
        .map(o -> o == null ? Optional.<String>empty() : o);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  }

  @Provide
  Arbitrary<String> keyPaths() {
    // No bare "%": the JDK's client will not send a malformed escape (Tomcat's answer to those is
    // in TomcatErrors).
    Arbitrary<String> junk =
        Arbitraries.strings().withChars("abc./;:!~-_0123456789").ofMaxLength(60);
    return Arbitraries.oneOf(
        Arbitraries.of(
            "/v1/secret_keys",
            "/v1/auth/whoami",
            "/v1/secret_keys/",
            "/v1/secret_keys/..%2f..%2fsignin",
            "/v1/%2e%2e/signin",
            "/v1/secret_keys;jsessionid=x",
            "/v1/auth/whoami/",
            "/v1/SECRET_KEYS"),
        junk.map(j -> "/v1/secret_keys/" + j),
        junk.map(j -> "/v1/secret_keys?limit=" + j + "&cursor=" + j),
        junk.map(j -> "/v1/" + j));
  }

  @Provide
  Arbitrary<Optional<String>> authorizations() {
    return Arbitraries.oneOf(
        Arbitraries.just(Optional.empty()),
        Arbitraries.strings()
            .ascii()
            .ofMaxLength(200)
            .map(s -> Optional.of("Bearer " + s.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", ""))),
        Arbitraries.strings()
            .alpha()
            .numeric()
            .ofLength(49)
            .map(s -> Optional.of("Bearer lava_sk_" + s)),
        Arbitraries.integers()
            .between(1000, 12_000)
            .map(n -> Optional.of("Bearer " + "x".repeat(n))),
        Arbitraries.of("Basic Zm9vOmJhcg==", "bearer", "Bearer  ", "Token lava_sk_x")
            .map(Optional::of));
  }

  @Provide
  Arbitrary<String> formPaths() {
    return Arbitraries.of(
        "/signin",
        "/signup",
        "/auth/connect",
        "/signout",
        "/dashboard/keys",
        "/dashboard/keys/" + UUID.randomUUID() + "/revoke");
  }

  @Provide
  Arbitrary<String> formBodies() {
    Arbitrary<String> value =
        Arbitraries.strings()
            .ofMaxLength(200)
            .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8));
    Arbitrary<String> name =
        Arbitraries.of(
            "email",
            "password",
            "business",
            "state",
            "port",
            "decision",
            "code_challenge",
            "_csrf",
            "name",
            "x");
    return Combinators.combine(name, value)
        .as((n, v) -> n + "=" + v)
        .list()
        .ofMaxSize(8)
        .map(pairs -> String.join("&", pairs));
  }

  private Arbitrary<String> jsonValues() {
    Arbitrary<String> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40).map(s -> JSON.writeValueAsString(s)),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.of("true", "false", "null"));
    Arbitrary<String> object =
        Combinators.combine(Arbitraries.of("code", "code_verifier", "name", "x", ""), scalar)
            .as((k, v) -> JSON.writeValueAsString(k) + ": " + v)
            .list()
            .ofMaxSize(4)
            .map(fields -> "{" + String.join(", ", fields) + "}");
    return Arbitraries.oneOf(
        scalar, object, object.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]"));
  }

  private static byte[] invalidUtf8Code(byte[] random) {
    byte[] prefix = "{\"code\": \"".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[prefix.length + random.length + 3];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    for (int i = 0; i < random.length; i++) {
      body[prefix.length + i] = (byte) (random[i] | 0x80);
    }
    body[body.length - 3] = '"';
    body[body.length - 2] = '}';
    body[body.length - 1] = '\n';
    return body;
  }

  private static Response send(
      String method,
      String path,
      Optional<String> contentType,
      byte[] body,
      Map<String, String> headers) {
    SENT.incrementAndGet();
    var publisher =
        method.equals("GET") || method.equals("OPTIONS")
            ? BodyPublishers.noBody()
            : BodyPublishers.ofByteArray(body);
    return api.send(method, path, contentType, publisher, headers);
  }

  private static long rows() {
    return jdbc.sql(
            "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM auth_codes)"
                + " + (SELECT count(*) FROM secret_keys) + (SELECT count(*) FROM audit_events WHERE type <> 'secret_key_authentication_failed' AND type <> 'sign_in_failed')")
        .query(Long.class)
        .single();
  }
}
