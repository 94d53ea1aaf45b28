package so.lava.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.OpenApiDocument;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.SpecSchemas;
import tools.jackson.databind.JsonNode;

/** The secret keys API and key authentication, as the Node SDK calls them, over real HTTP. */
class SecretKeysApiTest extends ServerTest {

  @Autowired private KeyUsage usage;
  @Autowired private FailedAuthentications failures;

  @Test
  void whoamiThenWhoTheKeyIs() {
    Account account = fixtures.account();
    String key = fixtures.secretKey(account, api());

    Response response = api().withKey(key, "GET", "/v1/auth/whoami", null);

    assertThat(response.status()).isEqualTo(200);
    SpecSchemas.assertMatches("Whoami", response.json());
    assertThat(response.json().path("merchant_id").asString())
        .isEqualTo(account.merchantId().toString());
    assertThat(response.json().path("wallet_id").asString())
        .isEqualTo(account.walletId().toString());
    assertThat(response.json().path("account_email").asString()).isEqualTo(account.email());
    assertThat(response.json().path("name").asString()).isEqualTo("CLI login");
    assertThat(response.json().path("created_at").asString()).endsWith("Z");
  }

  static Stream<Arguments> badCredentials() {
    String wellFormedButUnknown = SecretKeyFormat.generate();
    String good = SecretKeyFormat.generate();
    String badChecksum = good.substring(0, good.length() - 1) + (good.endsWith("a") ? "b" : "a");
    return Stream.of(
        Arguments.of(Optional.empty(), SecretKeyAuthenticationFilter.AUTHENTICATION_REQUIRED),
        Arguments.of(Optional.of(""), SecretKeyAuthenticationFilter.AUTHENTICATION_REQUIRED),
        Arguments.of(Optional.of("Bearer"), SecretKeyAuthenticationFilter.INVALID_SECRET_KEY),
        Arguments.of(Optional.of("Bearer nope"), SecretKeyAuthenticationFilter.INVALID_SECRET_KEY),
        Arguments.of(
            Optional.of("Basic dXNlcjpwYXNz"), SecretKeyAuthenticationFilter.INVALID_SECRET_KEY),
        Arguments.of(
            Optional.of(wellFormedButUnknown), SecretKeyAuthenticationFilter.INVALID_SECRET_KEY),
        Arguments.of(
            Optional.of("Bearer " + badChecksum), SecretKeyAuthenticationFilter.INVALID_SECRET_KEY),
        Arguments.of(
            Optional.of("Bearer " + wellFormedButUnknown),
            SecretKeyAuthenticationFilter.INVALID_SECRET_KEY));
  }

  @ParameterizedTest
  @MethodSource("badCredentials")
  void everyKeyRouteWhenCredentialsBadThen401(Optional<String> authorization, String code) {
    for (String[] route :
        new String[][] {
          {"GET", "/v1/auth/whoami"},
          {"GET", "/v1/secret_keys"},
          {"POST", "/v1/secret_keys"},
          {"DELETE", "/v1/secret_keys/" + UUID.randomUUID()}
        }) {
      Response response =
          api()
              .send(
                  route[0],
                  route[1],
                  Optional.of("application/json"),
                  java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\": \"x\"}"),
                  authorization.map(a -> Map.of("Authorization", a)).orElse(Map.of()));

      assertThat(response.status()).as("%s %s", route[0], route[1]).isEqualTo(401);
      SpecSchemas.assertMatches("Error", response.json());
      assertThat(response.errorCode()).isEqualTo(code);
      assertThat(response.header("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    }
  }

  @Test
  void keyWhenRevokedThen401Revoked() {
    Account account = fixtures.account();
    String caller = fixtures.secretKey(account, api());
    String revoked = createKey(caller, "doomed");
    String revokedId = whoami(revoked).path("secret_key_id").asString();
    api().withKey(caller, "DELETE", "/v1/secret_keys/" + revokedId, null);

    Response response = api().withKey(revoked, "GET", "/v1/auth/whoami", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo(SecretKeyAuthenticationFilter.SECRET_KEY_REVOKED);
  }

  @Test
  void listWhenManyKeysThenPagesWithoutGapsOrRepeatsNewestFirst() {
    Account account = fixtures.account();
    String caller = fixtures.secretKey(account, api());
    for (int i = 0; i < 23; i++) {
      createKey(caller, "key " + i);
    }

    List<JsonNode> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page =
          api()
              .withKey(
                  caller,
                  "GET",
                  "/v1/secret_keys?limit=5" + (cursor == null ? "" : "&cursor=" + cursor),
                  null);
      assertThat(page.status()).isEqualTo(200);
      SpecSchemas.assertMatches("SecretKeyList", page.json());
      page.json().path("data").forEach(seen::add);
      boolean hasMore = page.json().path("has_more").asBoolean();
      assertThat(page.json().has("next_cursor")).isEqualTo(hasMore);
      cursor = hasMore ? page.json().path("next_cursor").asString() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(5);
    assertThat(seen).hasSize(24);
    Set<String> ids = new HashSet<>();
    seen.forEach(item -> ids.add(item.path("secret_key_id").asString()));
    assertThat(ids).hasSize(24);
    assertThat(seen.get(0).path("name").asString()).isEqualTo("key 22");
    assertThat(seen.get(23).path("name").asString()).isEqualTo("CLI login");
    List<String> created = seen.stream().map(i -> i.path("created_at").asString()).toList();
    assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void listWhenDefaultLimitThenTen() {
    String caller = fixtures.secretKey(fixtures.account(), api());
    for (int i = 0; i < 11; i++) {
      createKey(caller, "k" + i);
    }

    JsonNode page = api().withKey(caller, "GET", "/v1/secret_keys", null).json();

    assertThat(page.path("data").size()).isEqualTo(10);
    assertThat(page.path("has_more").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("badQueries")
  void listWhenLimitOrCursorBadThen400WithIssue(String query, String field) {
    String caller = fixtures.secretKey(fixtures.account(), api());

    Response response = api().withKey(caller, "GET", "/v1/secret_keys?" + query, null);

    assertThat(response.status()).isEqualTo(400);
    SpecSchemas.assertMatches("Error", response.json());
    assertThat(response.errorCode()).isEqualTo(ApiError.INVALID_REQUEST);
    assertThat(response.json().path("error").path("issues").get(0).path("path").get(0).asString())
        .isEqualTo(field);
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("limit=0", "limit"),
        Arguments.of("limit=101", "limit"),
        Arguments.of("limit=abc", "limit"),
        Arguments.of("limit=1.5", "limit"),
        Arguments.of("limit=-3", "limit"),
        Arguments.of("cursor=not-a-cursor", "cursor"),
        Arguments.of("cursor=a2I6MTIzOnh5eg", "cursor"));
  }

  @Test
  void listThenOnlyTheCallersMerchantAndNoRevokedKeys() {
    String mine = fixtures.secretKey(fixtures.account(), api());
    String theirs = fixtures.secretKey(fixtures.account(), api());
    String theirsCreated = createKey(theirs, "not yours");
    String doomed = createKey(mine, "revoked one");
    api()
        .withKey(
            mine,
            "DELETE",
            "/v1/secret_keys/" + whoami(doomed).path("secret_key_id").asString(),
            null);

    JsonNode page = api().withKey(mine, "GET", "/v1/secret_keys?limit=100", null).json();

    List<String> names = new ArrayList<>();
    page.path("data").forEach(item -> names.add(item.path("name").asString()));
    assertThat(names).containsExactly("CLI login");
    assertThat(page.toString())
        .doesNotContain(whoami(theirsCreated).path("secret_key_id").asString());
  }

  @Test
  void createThen201WithTheKeyOnceAndItWorks() {
    Account account = fixtures.account();
    String caller = fixtures.secretKey(account, api());

    Response created =
        api().withKey(caller, "POST", "/v1/secret_keys", "{\"name\": \"  billing-worker  \"}");

    assertThat(created.status()).isEqualTo(201);
    SpecSchemas.assertMatches("CreatedSecretKey", created.json());
    assertThat(created.header("Cache-Control")).contains("no-store");
    String key = created.json().path("secret_key").asString();
    assertThat(created.json().path("name").asString()).isEqualTo("billing-worker");
    assertThat(created.json().path("secret_key_hint").asString())
        .isEqualTo(SecretKeyFormat.hint(key));
    JsonNode who = whoami(key);
    assertThat(who.path("merchant_id").asString()).isEqualTo(account.merchantId().toString());
    assertThat(who.path("name").asString()).isEqualTo("billing-worker");
    assertThat(auditCount(AuditLog.SECRET_KEY_CREATED, who.path("secret_key_id").asString()))
        .isEqualTo(1);
  }

  static Stream<Arguments> badNames() {
    return Stream.of(
        Arguments.of("{}", "Missing required field: name"),
        Arguments.of("{\"name\": null}", "Missing required field: name"),
        Arguments.of("{\"name\": 7}", "name must be a string"),
        Arguments.of("{\"name\": \"\"}", "name must not be empty"),
        Arguments.of(
            "{\"name\": \"" + "n".repeat(101) + "\"}", "name must be at most 100 characters"));
  }

  @ParameterizedTest
  @MethodSource("badNames")
  void createWhenNameBadThen400WithIssueAtName(String body, String message) {
    String caller = fixtures.secretKey(fixtures.account(), api());

    Response response = api().withKey(caller, "POST", "/v1/secret_keys", body);

    assertThat(response.status()).isEqualTo(400);
    SpecSchemas.assertMatches("Error", response.json());
    JsonNode issue = response.json().path("error").path("issues").get(0);
    assertThat(issue.path("path").get(0).asString()).isEqualTo("name");
    assertThat(issue.path("message").asString()).isEqualTo(message);
  }

  @Test
  void createWhenBodyNotJsonThen415Or400() {
    String caller = fixtures.secretKey(fixtures.account(), api());

    Response notJson =
        api()
            .send(
                "POST",
                "/v1/secret_keys",
                Optional.of("text/plain"),
                java.net.http.HttpRequest.BodyPublishers.ofString("name=x"),
                Map.of("Authorization", "Bearer " + caller));
    Response malformed = api().withKey(caller, "POST", "/v1/secret_keys", "{\"name\":");

    assertThat(notJson.status()).isEqualTo(415);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo(ApiError.INVALID_JSON);
  }

  @Test
  void deleteThenJsonBodyAndKeyGone() {
    String caller = fixtures.secretKey(fixtures.account(), api());
    String other = createKey(caller, "temporary");
    String otherId = whoami(other).path("secret_key_id").asString();

    Response deleted = api().withKey(caller, "DELETE", "/v1/secret_keys/" + otherId, null);

    assertThat(deleted.status()).isEqualTo(200);
    SpecSchemas.assertMatches("DeletedSecretKey", deleted.json());
    assertThat(deleted.json().path("id").asString()).isEqualTo(otherId);
    assertThat(deleted.json().path("deleted").asBoolean()).isTrue();
    assertThat(api().withKey(caller, "DELETE", "/v1/secret_keys/" + otherId, null).status())
        .isEqualTo(404);
    assertThat(auditCount(AuditLog.SECRET_KEY_REVOKED, otherId)).isEqualTo(1);
  }

  @Test
  void deleteWhenAnotherMerchantsOrUnknownKeyThen404AndNothingRevoked() {
    String mine = fixtures.secretKey(fixtures.account(), api());
    String theirs = fixtures.secretKey(fixtures.account(), api());
    String theirsId = whoami(theirs).path("secret_key_id").asString();

    for (String id : List.of(theirsId, UUID.randomUUID().toString(), "not-a-uuid")) {
      Response response = api().withKey(mine, "DELETE", "/v1/secret_keys/" + id, null);
      assertThat(response.status()).isEqualTo(404);
      SpecSchemas.assertMatches("Error", response.json());
      assertThat(response.errorCode()).isEqualTo(SecretKeysController.NOT_FOUND);
    }
    assertThat(whoami(theirs).path("secret_key_id").asString()).isEqualTo(theirsId);
  }

  @Test
  void deleteOwnKeyThenNextRequestRefused() {
    String caller = fixtures.secretKey(fixtures.account(), api());
    String callerId = whoami(caller).path("secret_key_id").asString();

    Response deleted = api().withKey(caller, "DELETE", "/v1/secret_keys/" + callerId, null);
    Response next = api().withKey(caller, "GET", "/v1/auth/whoami", null);

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(next.status()).isEqualTo(401);
    assertThat(next.errorCode()).isEqualTo(SecretKeyAuthenticationFilter.SECRET_KEY_REVOKED);
  }

  @Test
  void useThenLastUsedWrittenAtFlushNotPerRequest() {
    String caller = fixtures.secretKey(fixtures.account(), api());
    String id = whoami(caller).path("secret_key_id").asString();
    usage.flush();
    fixtures
        .jdbc()
        .sql("UPDATE secret_keys SET last_used_at = NULL WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .update();

    whoami(caller);
    whoami(caller);
    Object beforeFlush = lastUsed(id);
    usage.flush();

    assertThat(beforeFlush).isNull();
    assertThat(lastUsed(id)).isNotNull();
  }

  @Test
  void failedAuthenticationsThenAuditedOncePerAddressAndMinute() {
    String address = "192.0.2." + (int) (Math.random() * 250);
    failures.record(address, "invalid_secret_key");
    failures.record(address, "invalid_secret_key");
    failures.record(address, "invalid_secret_key");

    long events =
        fixtures
            .jdbc()
            .sql(
                "SELECT count(*) FROM audit_events WHERE type = :type AND client_address = :address")
            .param("type", AuditLog.SECRET_KEY_AUTHENTICATION_FAILED)
            .param("address", address)
            .query(Long.class)
            .single();
    assertThat(events).isEqualTo(1);
  }

  @Test
  void openApiThenPublicAndTheSpecificationsPartsUnchanged() {
    Response response =
        api()
            .send(
                "GET",
                "/v1/openapi.json",
                Optional.empty(),
                java.net.http.HttpRequest.BodyPublishers.noBody());

    assertThat(response.status()).isEqualTo(200);
    JsonNode served = response.json();
    JsonNode seed = OpenApiDocument.seed();
    assertThat(served.path("paths").path("/auth/callback"))
        .isEqualTo(seed.path("paths").path("/auth/callback"));
    seed.path("components")
        .path("schemas")
        .properties()
        .forEach(
            e ->
                assertThat(served.path("components").path("schemas").path(e.getKey()))
                    .isEqualTo(e.getValue()));
    assertThat(served.path("paths").has("/secret_keys")).isTrue();
    assertThat(served.path("paths").has("/secret_keys/{id}")).isTrue();
    assertThat(served.path("paths").has("/auth/whoami")).isTrue();
  }

  private String createKey(String caller, String name) {
    Response created =
        api().withKey(caller, "POST", "/v1/secret_keys", "{\"name\": \"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return created.json().path("secret_key").asString();
  }

  private JsonNode whoami(String key) {
    Response response = api().withKey(key, "GET", "/v1/auth/whoami", null);
    assertThat(response.status()).isEqualTo(200);
    return response.json();
  }

  private Object lastUsed(String id) {
    return fixtures
        .jdbc()
        .sql("SELECT last_used_at FROM secret_keys WHERE id = CAST(:id AS uuid)")
        .param("id", id)
        .query()
        .singleRow()
        .get("last_used_at");
  }

  private long auditCount(String type, String keyId) {
    return fixtures
        .jdbc()
        .sql(
            "SELECT count(*) FROM audit_events WHERE type = :type AND secret_key_id = CAST(:id AS uuid)")
        .param("type", type)
        .param("id", keyId)
        .query(Long.class)
        .single();
  }
}
