package so.lava.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.exchange.ExchangeErrors;
import so.lava.auth.support.AnotherInstance;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.WebSession;

/**
 * Three instances on one PostgreSQL, as an operator would run them behind a load balancer: any step
 * of a login may land on any of them, and they agree on every code, key and session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeInstancesTest extends ServerTest {

  @Autowired private Database database;
  private AnotherInstance second;
  private AnotherInstance third;
  private List<String> bases;

  @BeforeAll
  void startTwoMore() {
    second = AnotherInstance.sharing(database);
    third = AnotherInstance.sharing(database);
    bases = List.of("http://localhost:" + port, second.baseUrl(), third.baseUrl());
  }

  @AfterAll
  void stopThem() {
    second.close();
    third.close();
  }

  @Test
  void loginStepsOnDifferentInstancesThenItWorks() {
    WebSession browser = new WebSession(bases.get(0));
    browser.signUp("three-" + UUID.randomUUID() + "@example.com", "a long enough password");
    browser.at(bases.get(1)).get("/auth/connect?state=abc&port=49152");
    Response approved =
        browser
            .at(bases.get(2))
            .post("/auth/connect", Map.of("state", "abc", "port", "49152", "decision", "approve"));
    String code =
        URI.create(approved.header("Location").orElseThrow())
            .getQuery()
            .replaceAll(".*code=([^&]+).*", "$1");

    Response exchanged = new HttpApi(bases.get(1)).exchange(code);

    assertThat(exchanged.status()).isEqualTo(200);
    assertThat(browser.at(bases.get(0)).get("/dashboard").body())
        .contains("Approved, exchanged for a key");
  }

  @Test
  void hundredConcurrentExchangesOfOneCodeOverThreeInstancesThenExactlyOne() throws Exception {
    String code = fixtures.code(fixtures.account()).code();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(100);
    try {
      List<Future<Response>> racers = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        HttpApi instance = new HttpApi(bases.get(i % 3));
        racers.add(
            pool.submit(
                () -> {
                  start.await();
                  return instance.exchange(code);
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
      System.out.println("100 concurrent exchanges over 3 instances: " + outcomes);
      assertThat(outcomes)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("200", 1L, ExchangeErrors.AUTH_CODE_USED, 99L));
      assertThat(
              fixtures
                  .jdbc()
                  .sql(
                      "SELECT count(*) FROM secret_keys k JOIN auth_codes c ON c.id = k.auth_code_id WHERE c.code_hash = :h")
                  .param("h", so.lava.auth.system.Secrets.sha256(code))
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keyRevokedThroughOneThenRefusedByTheOtherTwoWithinASecond() throws Exception {
    var account = fixtures.account();
    String caller = fixtures.secretKey(account, api());
    String doomed = fixtures.secretKey(account, api());
    String doomedId = null;
    for (String base : bases) {
      Response whoami = new HttpApi(base).withKey(doomed, "GET", "/v1/auth/whoami", null);
      assertThat(whoami.status()).isEqualTo(200);
      doomedId = whoami.json().path("secret_key_id").asString();
    }

    assertThat(
            new HttpApi(bases.get(0))
                .withKey(caller, "DELETE", "/v1/secret_keys/" + doomedId, null)
                .status())
        .isEqualTo(200);

    for (String base : bases.subList(1, 3)) {
      long started = System.nanoTime();
      while (new HttpApi(base).withKey(doomed, "GET", "/v1/auth/whoami", null).status() != 401
          && System.nanoTime() - started < Duration.ofSeconds(5).toNanos()) {
        Thread.sleep(10);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("revocation seen by " + base + " after " + millis + " ms");
      assertThat(millis).isLessThan(1000);
    }
  }
}
