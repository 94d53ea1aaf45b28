package so.lava.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The schema check of the other tests can fail: it is read from the spec, not a formality. */
class SpecSchemasTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void errorWithoutCodeAndStatusThenRejected() {
    assertThat(SpecSchemas.problems("Error", JSON.readTree("{\"error\": {\"message\": \"x\"}}")))
        .hasSize(2);
  }

  @Test
  void errorWithIssuePathNotStringsThenRejected() {
    String body =
        "{\"error\": {\"message\": \"x\", \"code\": \"c\", \"status\": 400,"
            + " \"issues\": [{\"path\": [0], \"message\": \"m\"}]}}";
    assertThat(SpecSchemas.problems("Error", JSON.readTree(body))).isNotEmpty();
  }

  @Test
  void responseWithoutSecretKeyThenRejected() {
    String body = "{\"wallet_id\": \"w\", \"secret_key_id\": \"k\", \"merchant_id\": \"m\"}";
    assertThat(SpecSchemas.problems("CliAuthCallbackResponse", JSON.readTree(body))).hasSize(1);
  }
}
