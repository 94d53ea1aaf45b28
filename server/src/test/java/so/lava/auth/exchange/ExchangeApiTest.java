package so.lava.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import so.lava.auth.accounts.AccountRepository.Account;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.keys.SecretKeyFormat;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.SpecSchemas;
import so.lava.auth.system.Secrets;

/** {@code POST /v1/auth/callback} over real HTTP, against the specification's schemas. */
class ExchangeApiTest extends ServerTest {

  @Test
  void exchangeWhenCodeFreshThenKeyForTheApprovedMerchantAndWallet() {
    Account account = fixtures.account();
    IssuedCode code = fixtures.code(account);

    Response response = api().exchange(code.code());

    assertThat(response.status()).isEqualTo(200);
    SpecSchemas.assertMatches("CliAuthCallbackResponse", response.json());
    assertThat(response.header("Cache-Control")).contains("no-store");
    assertThat(response.header("Pragma")).contains("no-cache");
    assertThat(response.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(response.json().path("merchant_id").asString())
        .isEqualTo(account.merchantId().toString());
    assertThat(response.json().path("wallet_id").asString())
        .isEqualTo(account.walletId().toString());
    String secretKey = response.json().path("secret_key").asString();
    assertThat(SecretKeyFormat.isWellFormed(secretKey)).isTrue();
  }

  @Test
  void exchangeWhenSucceededThenKeyStoredOnlyAsHashAndAudited() {
    Account account = fixtures.account();
    IssuedCode code = fixtures.code(account);

    Response response = api().exchange(code.code());

    String secretKey = response.json().path("secret_key").asString();
    UUID keyId = UUID.fromString(response.json().path("secret_key_id").asString());
    var stored =
        fixtures
            .jdbc()
            .sql(
                "SELECT key_hash, key_hint, source, name, auth_code_id, revoked_at FROM secret_keys WHERE id = :id")
            .param("id", keyId)
            .query()
            .singleRow();
    assertThat((byte[]) stored.get("key_hash")).isEqualTo(Secrets.sha256(secretKey));
    assertThat(stored.get("key_hint")).isEqualTo(SecretKeyFormat.hint(secretKey));
    assertThat(stored.get("source")).isEqualTo("cli_login");
    assertThat(stored.get("auth_code_id")).isEqualTo(code.id());
    assertThat(stored.get("revoked_at")).isNull();
    assertThat(storedCodeHash(code)).isEqualTo(Secrets.sha256(code.code()));
    assertThat(auditTypes(code)).containsExactly(AuditLog.AUTH_CODE_EXCHANGED);
  }

  @Test
  void exchangeWhenCodeUnknownThenAuthCodeInvalid() {
    Response response = api().exchange("nope");

    assertRefused(response, ExchangeErrors.AUTH_CODE_INVALID);
  }

  @Test
  void exchangeWhenCodeIssued59SecondsAgoThenSucceeds() {
    IssuedCode code = fixtures.code(fixtures.account());
    fixtures.age(code, Duration.ofSeconds(59));

    assertThat(api().exchange(code.code()).status()).isEqualTo(200);
  }

  @Test
  void exchangeWhenCodeIssued61SecondsAgoThenAuthCodeExpired() {
    IssuedCode code = fixtures.code(fixtures.account());
    fixtures.age(code, Duration.ofSeconds(61));

    assertRefused(api().exchange(code.code()), ExchangeErrors.AUTH_CODE_EXPIRED);
  }

  @Test
  void issueThenExpiresSixtySecondsAfterIssueByTheDatabaseClock() {
    IssuedCode code = fixtures.code(fixtures.account());

    var row =
        fixtures
            .jdbc()
            .sql("SELECT expires_at - created_at AS lifetime FROM auth_codes WHERE id = :id")
            .param("id", code.id())
            .query(String.class)
            .single();
    assertThat(row).isEqualTo("00:01:00");
  }

  @Test
  void exchangeWhenCodeUsedThenAuthCodeUsedAndFirstKeyRevoked() {
    IssuedCode code = fixtures.code(fixtures.account());
    Response first = api().exchange(code.code());
    UUID firstKey = UUID.fromString(first.json().path("secret_key_id").asString());

    Response second = api().exchange(code.code());

    assertRefused(second, ExchangeErrors.AUTH_CODE_USED);
    assertThat(revokedAt(firstKey)).isNotNull();
    assertThat(auditTypes(code))
        .containsExactly(
            AuditLog.AUTH_CODE_EXCHANGED,
            AuditLog.AUTH_CODE_REUSED,
            AuditLog.SECRET_KEY_REVOKED_ON_CODE_REUSE);
  }

  @Test
  void exchangeWhenCodeUsedAndExpiredThenStillReportedAsUsed() {
    IssuedCode code = fixtures.code(fixtures.account());
    api().exchange(code.code());
    fixtures.age(code, Duration.ofMinutes(5));

    assertRefused(api().exchange(code.code()), ExchangeErrors.AUTH_CODE_USED);
  }

  @Test
  void exchangeWhenVerifierMatchesChallengeThenSucceeds() {
    String verifier = Secrets.randomBase62(64);
    IssuedCode code = fixtures.codeWithChallenge(fixtures.account(), Pkce.s256(verifier));

    Response response = api().exchange(code.code(), verifier);

    assertThat(response.status()).isEqualTo(200);
    SpecSchemas.assertMatches("CliAuthCallbackResponse", response.json());
  }

  @Test
  void exchangeWhenVerifierMismatchedThenAuthCodeInvalidAndCodeSpent() {
    String verifier = Secrets.randomBase62(64);
    IssuedCode code = fixtures.codeWithChallenge(fixtures.account(), Pkce.s256(verifier));

    Response wrong = api().exchange(code.code(), Secrets.randomBase62(64));
    Response right = api().exchange(code.code(), verifier);

    assertRefused(wrong, ExchangeErrors.AUTH_CODE_INVALID);
    assertRefused(right, ExchangeErrors.AUTH_CODE_USED);
    assertThat(auditTypes(code)).startsWith(AuditLog.AUTH_CODE_VERIFIER_MISMATCH);
  }

  @Test
  void exchangeWhenChallengeBoundCodeSentWithoutVerifierThenAuthCodeInvalid() {
    IssuedCode code =
        fixtures.codeWithChallenge(fixtures.account(), Pkce.s256(Secrets.randomBase62(64)));

    assertRefused(api().exchange(code.code()), ExchangeErrors.AUTH_CODE_INVALID);
  }

  @Test
  void pkceThenS256OfRfc7636AppendixB() {
    assertThat(Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  private void assertRefused(Response response, String code) {
    assertThat(response.status()).isEqualTo(400);
    SpecSchemas.assertMatches("Error", response.json());
    assertThat(response.errorCode()).isEqualTo(code);
    assertThat(response.json().path("error").path("status").asInt()).isEqualTo(400);
    assertThat(response.header("Cache-Control")).contains("no-store");
  }

  private byte[] storedCodeHash(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT code_hash FROM auth_codes WHERE id = :id")
        .param("id", code.id())
        .query(byte[].class)
        .single();
  }

  private Object revokedAt(UUID keyId) {
    return fixtures
        .jdbc()
        .sql("SELECT revoked_at FROM secret_keys WHERE id = :id")
        .param("id", keyId)
        .query()
        .singleRow()
        .get("revoked_at");
  }

  private List<String> auditTypes(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT type FROM audit_events WHERE auth_code_id = :id ORDER BY id")
        .param("id", code.id())
        .query(String.class)
        .list();
  }
}
