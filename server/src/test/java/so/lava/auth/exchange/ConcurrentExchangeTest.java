package so.lava.auth.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.audit.AuditLog;
import so.lava.auth.support.AnotherInstance;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.system.Database;

/**
 * Single use holds under concurrency, across server instances: two servers share one PostgreSQL and
 * many requests race to exchange the same code through both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentExchangeTest extends ServerTest {

  private static final int RACERS = 64;

  @Autowired private Database database;

  private AnotherInstance secondInstance;

  @BeforeAll
  void startSecondInstance() {
    secondInstance = AnotherInstance.sharing(database);
  }

  @AfterAll
  void stopSecondInstance() {
    secondInstance.close();
  }

  @Test
  void exchangeWhenManyRaceForOneCodeAcrossInstancesThenExactlyOneSucceeds() throws Exception {
    IssuedCode code = fixtures.code(fixtures.account());
    List<HttpApi> instances = List.of(api(), new HttpApi("http://localhost:" + secondPort()));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    List<Future<Response>> racers = new ArrayList<>();
    try {
      for (int i = 0; i < RACERS; i++) {
        HttpApi instance = instances.get(i % instances.size());
        racers.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.exchange(code.code());
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> racer : racers) {
        responses.add(racer.get());
      }

      Map<String, Long> outcomes =
          responses.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.status() == 200 ? "200" : r.errorCode(), Collectors.counting()));
      assertThat(outcomes)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("200", 1L, ExchangeErrors.AUTH_CODE_USED, (long) RACERS - 1));

      Response winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
      UUID keyId = UUID.fromString(winner.json().path("secret_key_id").asString());
      assertThat(keysIssuedFor(code)).containsExactly(keyId);
      // A race for one code is itself a sign the code leaked: the key it bought is revoked.
      assertThat(isRevoked(keyId)).isTrue();
      Map<String, Long> audit = auditCounts(code);
      assertThat(audit)
          .containsEntry(AuditLog.AUTH_CODE_EXCHANGED, 1L)
          .containsEntry(AuditLog.AUTH_CODE_REUSED, (long) RACERS - 1)
          .containsEntry(AuditLog.SECRET_KEY_REVOKED_ON_CODE_REUSE, 1L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exchangeWhenCodeMintedThroughOneInstanceThenExchangedThroughTheOther() {
    IssuedCode code = fixtures.code(fixtures.account());

    Response response = new HttpApi("http://localhost:" + secondPort()).exchange(code.code());

    assertThat(response.status()).isEqualTo(200);
  }

  private int secondPort() {
    return secondInstance.port();
  }

  private List<UUID> keysIssuedFor(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT id FROM secret_keys WHERE auth_code_id = :id")
        .param("id", code.id())
        .query(UUID.class)
        .list();
  }

  private boolean isRevoked(UUID keyId) {
    return fixtures
        .jdbc()
        .sql("SELECT revoked_at IS NOT NULL FROM secret_keys WHERE id = :id")
        .param("id", keyId)
        .query(Boolean.class)
        .single();
  }

  private Map<String, Long> auditCounts(IssuedCode code) {
    return fixtures
        .jdbc()
        .sql("SELECT type FROM audit_events WHERE auth_code_id = :id")
        .param("id", code.id())
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
