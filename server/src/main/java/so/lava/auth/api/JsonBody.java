package so.lava.auth.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request body as JSON, before any check; converters turn it into a value or into issues. Its
 * {@code toString} hides the content, because the framework's DEBUG logging prints request bodies
 * and some of ours hold a code.
 */
public record JsonBody(JsonNode json) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public JsonBody {}

  /** The body as an object, or a {@code 400 invalid_json} that shows what was expected. */
  public static JsonNode requireObject(JsonBody body, String example) {
    return Optional.ofNullable(body)
        .map(JsonBody::json)
        .filter(JsonNode::isObject)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    ApiError.INVALID_JSON,
                    "The request body must be a JSON object such as " + example + "."));
  }

  @Override
  public String toString() {
    return "JsonBody[<redacted>]";
  }
}
