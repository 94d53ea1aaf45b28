package so.lava.cli;

import java.io.PrintStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code --json} output: one document, pretty-printed, on standard output. */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static void print(PrintStream out, Object value) {
    out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }
}
