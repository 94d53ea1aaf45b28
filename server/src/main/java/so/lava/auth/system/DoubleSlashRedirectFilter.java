package so.lava.auth.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A base URL configured with a trailing slash makes existing SDKs open {@code //auth/connect?...}
 * (see the contract). Such paths are redirected, query and all, to the path with single slashes,
 * before the security firewall would reject them.
 */
class DoubleSlashRedirectFilter extends OncePerRequestFilter {

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    // Only pages: an API call with a doubled slash is refused in the Error schema instead.
    return !uri.contains("//") || uri.replaceAll("/{2,}", "/").startsWith("/v1/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().replaceAll("/{2,}", "/");
    String query = request.getQueryString();
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", query == null ? path : path + "?" + query);
    response.setHeader("Cache-Control", "no-store");
  }
}
