package so.lava.auth.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code GET /v1/openapi.json}: the specification's document (a verbatim copy of its OpenAPI text)
 * with what this server adds, merged: new paths and schemas only, never a change to the
 * specification's own.
 */
@RestController
public class OpenApiDocument {

  static final String SEED = "/openapi/auth-callback.seed.md";
  static final String EXTENSION = "/openapi/lava-auth.extension.yaml";

  private final JsonNode document = merge(seed(), read(EXTENSION));

  @GetMapping("/v1/openapi.json")
  ResponseEntity<JsonNode> openApi() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(MediaType.APPLICATION_JSON)
        .body(document);
  }

  /** The merged document, for tests that validate answers against it. */
  public static JsonNode load() {
    return merge(seed(), read(EXTENSION));
  }

  /** The specification's document alone, from the OpenAPI block of its page. */
  public static JsonNode seed() {
    String page = text(SEED);
    int start = page.indexOf("````yaml");
    int bodyStart = page.indexOf('\n', start) + 1;
    int end = page.indexOf("````", bodyStart);
    return YAMLMapper.builder().build().readTree(page.substring(bodyStart, end));
  }

  private static JsonNode merge(JsonNode seed, JsonNode extension) {
    ObjectNode merged = (ObjectNode) seed.deepCopy();
    add((ObjectNode) merged.get("paths"), extension.get("paths"));
    ObjectNode components = (ObjectNode) merged.get("components");
    for (Map.Entry<String, JsonNode> section : extension.get("components").properties()) {
      if (!components.has(section.getKey())) {
        components.putObject(section.getKey());
      }
      add((ObjectNode) components.get(section.getKey()), section.getValue());
    }
    return merged;
  }

  private static void add(ObjectNode target, JsonNode additions) {
    for (Map.Entry<String, JsonNode> entry : additions.properties()) {
      if (target.has(entry.getKey())) {
        throw new IllegalStateException(
            entry.getKey() + " is the specification's; do not redefine it");
      }
      target.set(entry.getKey(), entry.getValue());
    }
  }

  private static JsonNode read(String resource) {
    return YAMLMapper.builder().build().readTree(text(resource));
  }

  private static String text(String resource) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
