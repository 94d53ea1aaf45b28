package so.lava.auth.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import so.lava.auth.api.ApiError;
import so.lava.auth.api.ApiErrorWriter;

/**
 * The outermost filter: when the database is out of reach before any controller could answer (a
 * signed-in page's session cannot even be loaded), it answers {@code 503} itself, in the Error
 * schema on {@code /v1} and with a short page elsewhere. The usual error page cannot help there:
 * rendering it would need the same session.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Briefly unavailable · Lava</title><link rel="stylesheet" href="/css/lava.css"></head>
      <body><main class="narrow"><p class="status-code">Error 503</p><h1>Briefly unavailable</h1>
      <p class="lead">The service is briefly unavailable. Try again in a few seconds.</p></main>
      </body></html>
      """;

  private final ApiErrorWriter errors;

  DatabaseOutageFilter(ApiErrorWriter errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.causes(e) || response.isCommitted()) {
        throw e;
      }
      response.reset();
      response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      if (request.getRequestURI().startsWith("/v1/")) {
        errors.write(response, ApiError.forStatus(503));
        return;
      }
      response.setStatus(503);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("text/html;charset=utf-8");
      response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
  }
}
