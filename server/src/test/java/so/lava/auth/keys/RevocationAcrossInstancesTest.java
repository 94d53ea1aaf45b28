package so.lava.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.support.AnotherInstance;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.ServerTest;
import so.lava.auth.system.Database;

/**
 * A key revoked anywhere is refused by every instance sharing the database within a second, even
 * though each keeps verified keys in memory: two instances, both having just accepted the key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationAcrossInstancesTest extends ServerTest {

  private static final Duration WITHIN = Duration.ofSeconds(1);

  @Autowired private Database database;
  private AnotherInstance secondInstance;
  private HttpApi second;

  @BeforeAll
  void startSecondInstance() {
    secondInstance = AnotherInstance.sharing(database);
    second = secondInstance.api();
  }

  @AfterAll
  void stopSecondInstance() {
    secondInstance.close();
  }

  @Test
  void revokeThroughOneInstanceThenRefusedByTheOtherWithinASecond() throws Exception {
    var account = fixtures.account();
    String caller = fixtures.secretKey(account, api());
    String doomed = fixtures.secretKey(account, api());
    String doomedId = acceptedByBoth(doomed);

    assertThat(api().withKey(caller, "DELETE", "/v1/secret_keys/" + doomedId, null).status())
        .isEqualTo(200);

    assertThat(millisUntilRefused(second, doomed)).isLessThan(WITHIN.toMillis());
  }

  @Test
  void revokeInTheDatabaseThenRefusedByBothInstancesWithinASecond() throws Exception {
    String doomed = fixtures.secretKey(fixtures.account(), api());
    String doomedId = acceptedByBoth(doomed);

    // No instance is told directly: only the database's notification can reach them.
    fixtures
        .jdbc()
        .sql("UPDATE secret_keys SET revoked_at = now() WHERE id = CAST(:id AS uuid)")
        .param("id", doomedId)
        .update();

    for (HttpApi instance : List.of(api(), second)) {
      assertThat(millisUntilRefused(instance, doomed)).isLessThan(WITHIN.toMillis());
    }
  }

  /** Uses the key on both instances, twice, so that both have it in memory. */
  private String acceptedByBoth(String key) {
    String id = null;
    for (HttpApi instance : List.of(api(), second, api(), second)) {
      var response = instance.withKey(key, "GET", "/v1/auth/whoami", null);
      assertThat(response.status()).isEqualTo(200);
      id = response.json().path("secret_key_id").asString();
    }
    return id;
  }

  private static long millisUntilRefused(HttpApi instance, String key) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      if (instance.withKey(key, "GET", "/v1/auth/whoami", null).status() == 401) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
      }
      Thread.sleep(10);
    }
    return Long.MAX_VALUE;
  }
}
