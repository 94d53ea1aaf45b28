package so.lava.auth.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiError} where no controller answers: in filters and on the error path. */
@Component
public class ApiErrorWriter {

  private final JsonMapper json;

  ApiErrorWriter(JsonMapper json) {
    this.json = json;
  }

  /** Writes the answer of an {@link ApiException}, {@code Retry-After} included. */
  public void write(HttpServletResponse response, ApiException exception) throws IOException {
    exception
        .retryAfterSeconds()
        .ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    write(response, exception.error());
  }

  public void write(HttpServletResponse response, ApiError error) throws IOException {
    response.setStatus(error.status());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), error);
  }
}
