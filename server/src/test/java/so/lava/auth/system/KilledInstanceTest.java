package so.lava.auth.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.ServerTest;

/**
 * An instance killed with SIGKILL in the middle of exchanges leaves no code redeemed twice and no
 * half-written key: each exchange is one statement, so it happened entirely or not at all.
 */
class KilledInstanceTest extends ServerTest {

  @Autowired private Database database;

  @Test
  void killedUnderExchangeLoadThenEveryUsedCodeHasExactlyOneKey() throws Exception {
    var account = fixtures.account();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      codes.add(fixtures.code(account).code());
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process instance = startInstance(port);
    HttpApi victim = new HttpApi("http://localhost:" + port);
    try {
      awaitReady(victim);
      ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes);
      AtomicInteger ok = new AtomicInteger();
      ExecutorService load = Executors.newFixedThreadPool(8);
      for (int t = 0; t < 8; t++) {
        load.submit(
            () -> {
              String code;
              while ((code = queue.poll()) != null) {
                try {
                  if (victim.exchange(code).status() == 200) {
                    ok.incrementAndGet();
                  }
                } catch (RuntimeException connectionLost) {
                  return;
                }
              }
            });
      }
      while (ok.get() < 50) {
        Thread.sleep(5);
      }
      instance.destroyForcibly(); // SIGKILL
      load.shutdown();
      assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      long used =
          count(
              "SELECT count(*) FROM auth_codes WHERE account_id = :a AND used_at IS NOT NULL",
              account.id());
      long keys =
          count(
              "SELECT count(*) FROM secret_keys k JOIN auth_codes c ON c.id = k.auth_code_id"
                  + " WHERE c.account_id = :a",
              account.id());
      long usedWithoutKey =
          count(
              "SELECT count(*) FROM auth_codes c WHERE c.account_id = :a AND c.used_at IS NOT NULL"
                  + " AND NOT EXISTS (SELECT 1 FROM secret_keys k WHERE k.auth_code_id = c.id)",
              account.id());
      long keysWithoutAudit =
          count(
              "SELECT count(*) FROM secret_keys k JOIN auth_codes c ON c.id = k.auth_code_id"
                  + " WHERE c.account_id = :a AND NOT EXISTS (SELECT 1 FROM audit_events e"
                  + " WHERE e.secret_key_id = k.id AND e.type = 'auth_code_exchanged')",
              account.id());
      System.out.printf(
          "killed after %d answered exchanges: %d codes used, %d keys, %d used without a key%n",
          ok.get(), used, keys, usedWithoutKey);
      assertThat(usedWithoutKey).isZero();
      assertThat(keys).isEqualTo(used).isGreaterThanOrEqualTo(ok.get());
      assertThat(keysWithoutAudit).isZero();
      // The codes the dead instance never reached still work through this one.
      String untouched = codes.get(codes.size() - 1);
      assertThat(api().exchange(untouched).status()).isEqualTo(200);
    } finally {
      instance.destroyForcibly();
    }
  }

  private Process startInstance(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "so.lava.auth.LavaAuthApplication",
            "--server.port=" + port,
            "--lava.database.url=" + database.jdbcUrl(),
            "--lava.database.user=" + database.user(),
            "--lava.limits.enabled=false",
            "--logging.level.so.lava.auth.access=WARN")
        .redirectErrorStream(true)
        .redirectOutput(new File("target/killed-instance.log"))
        .start();
  }

  private static void awaitReady(HttpApi instance) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (instance.exchange("warm-up").status() == 400) {
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the instance did not start; see target/killed-instance.log");
  }

  private long count(String sql, Object accountId) {
    return fixtures.jdbc().sql(sql).param("a", accountId).query(Long.class).single();
  }
}
