package so.lava.auth.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request, through the same logging as everything else (so JSON when the logs are
 * JSON): client address, method, path, status, time. Never the query string, a header or a body:
 * those can hold a code, a key or a password.
 */
class AccessLog extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger("so.lava.auth.access");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (log.isInfoEnabled()) {
        log.info(
            "{} \"{} {}\" {} {}ms",
            request.getRemoteAddr(),
            request.getMethod(),
            request.getRequestURI(),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000);
      }
    }
  }
}
