package so.lava.auth.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import so.lava.auth.api.OpenApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The schemas of the specification, read from a verbatim copy of its text (the OpenAPI YAML inside
 * a Markdown page), never typed again by hand; with the schemas this server adds beside them, as
 * {@code GET /v1/openapi.json} serves them.
 */
public final class SpecSchemas {

  private static final JsonNode COMPONENTS = OpenApiDocument.load().required("components");
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private SpecSchemas() {}

  /** Asserts that {@code body} is valid against {@code #/components/schemas/{name}}. */
  public static void assertMatches(String name, JsonNode body) {
    List<Error> errors = schema(name).validate(body);
    assertThat(errors).as("%s against the specification's %s schema", body, name).isEmpty();
  }

  /** The problems {@code body} has against the named schema (to prove the check can fail). */
  public static List<Error> problems(String name, JsonNode body) {
    return schema(name).validate(body);
  }

  private static Schema schema(String name) {
    assertThat(COMPONENTS.path("schemas").has(name)).as("the spec defines %s", name).isTrue();
    // The named schema as the root's $ref, with the spec's components beside it, so that its own
    // references resolve exactly as they do in the specification.
    ObjectNode root = YAMLMapper.builder().build().createObjectNode();
    root.put("$ref", "#/components/schemas/" + name);
    root.set("components", COMPONENTS);
    return REGISTRY.getSchema(root);
  }
}
