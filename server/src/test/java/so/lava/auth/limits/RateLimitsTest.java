package so.lava.auth.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import so.lava.auth.support.AnotherInstance;
import so.lava.auth.support.HttpApi;
import so.lava.auth.support.HttpApi.Response;
import so.lava.auth.support.ServerTest;
import so.lava.auth.support.SpecSchemas;
import so.lava.auth.system.Database;

/**
 * The rate limits, on two instances of their own that share the database (so the buckets are shared
 * too) and trust this machine as a proxy, so that each test can speak from an address of its own
 * through {@code X-Forwarded-For}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsTest extends ServerTest {

  private static final String[] LIMITED = {
    "--lava.limits.enabled=true",
    "--lava.limits.exchanges-per-address=5",
    "--lava.limits.failed-exchanges=1000",
    "--lava.limits.requests-per-key=4",
    "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"
  };

  @Autowired private Database database;
  private AnotherInstance one;
  private AnotherInstance two;

  @BeforeAll
  void startLimitedInstances() {
    one = AnotherInstance.sharing(database, LIMITED);
    two = AnotherInstance.sharing(database, LIMITED);
  }

  @AfterAll
  void stopThem() {
    one.close();
    two.close();
  }

  @Test
  void exchangesFromOneAddressThenLimitedAcrossInstances() {
    String address = freshAddress();
    List<HttpApi> instances = List.of(one.api(), two.api());
    for (int i = 0; i < 5; i++) {
      Response refused = exchangeFrom(instances.get(i % 2), address);
      assertThat(refused.status()).isEqualTo(400);
    }

    Response limited = exchangeFrom(one.api(), address);

    assertThat(limited.status()).isEqualTo(429);
    SpecSchemas.assertMatches("Error", limited.json());
    assertThat(limited.errorCode()).isEqualTo(RateLimits.RATE_LIMITED);
    assertThat(limited.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 60L));
    assertThat(exchangeFrom(two.api(), freshAddress()).status())
        .as("another address")
        .isEqualTo(400);
  }

  @Test
  void requestsWithOneKeyThenLimitedAcrossInstances() {
    String key = fixtures.secretKey(fixtures.account(), api());
    List<HttpApi> instances = List.of(one.api(), two.api());
    for (int i = 0; i < 4; i++) {
      assertThat(instances.get(i % 2).withKey(key, "GET", "/v1/auth/whoami", null).status())
          .isEqualTo(200);
    }

    Response limited = two.api().withKey(key, "GET", "/v1/auth/whoami", null);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.errorCode()).isEqualTo(RateLimits.RATE_LIMITED);
    assertThat(limited.header("Retry-After")).isPresent();
    String other = fixtures.secretKey(fixtures.account(), api());
    assertThat(one.api().withKey(other, "GET", "/v1/auth/whoami", null).status())
        .as("another key")
        .isEqualTo(200);
  }

  @Test
  void forwardedForFromAnUntrustedProxyThenIgnored() {
    String address = freshAddress();
    // The main test server trusts no proxy: the header is ignored and the socket's address counts.
    Response response =
        api()
            .send(
                "POST",
                "/v1/auth/callback",
                Optional.of("application/json"),
                BodyPublishers.ofString("{\"code\": \"nope\"}"),
                Map.of("X-Forwarded-For", address));
    assertThat(response.status()).isEqualTo(400);
    long recorded =
        fixtures
            .jdbc()
            .sql("SELECT count(*) FROM rate_limit_buckets WHERE id = :id")
            .param("id", "exchange_address:" + address)
            .query(Long.class)
            .single();
    assertThat(recorded).isZero();
  }

  private static Response exchangeFrom(HttpApi instance, String address) {
    return instance.send(
        "POST",
        "/v1/auth/callback",
        Optional.of("application/json"),
        BodyPublishers.ofString("{\"code\": \"" + UUID.randomUUID() + "\"}"),
        Map.of("X-Forwarded-For", address));
  }

  private static String freshAddress() {
    return "198.51.100." + (int) (Math.random() * 250 + 1) + "0".repeat(0);
  }
}
