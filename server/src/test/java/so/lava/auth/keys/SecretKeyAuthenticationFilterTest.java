package so.lava.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import so.lava.auth.api.ApiErrorWriter;

/** The format check happens before any lookup: a mistyped key never reaches the database. */
class SecretKeyAuthenticationFilterTest {

  private final KeyVerifier verifier = mock(KeyVerifier.class);
  private final SecretKeyAuthenticationFilter filter =
      new SecretKeyAuthenticationFilter(
          verifier,
          mock(KeyUsage.class),
          mock(FailedAuthentications.class),
          mock(ApiErrorWriter.class),
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
          mock(so.lava.auth.limits.RateLimits.class));

  @Test
  void keyWithBadChecksumThenRefusedWithoutLookup() throws Exception {
    String key = SecretKeyFormat.generate();
    String mistyped =
        key.substring(0, 20) + (key.charAt(20) == 'a' ? 'b' : 'a') + key.substring(21);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/auth/whoami");
    request.addHeader("Authorization", "Bearer " + mistyped);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    verify(verifier, never()).verify(any());
    assertThat(chain.getRequest()).isNull();
    assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void publicRoutesThenNoKeyNeeded() throws Exception {
    for (String path : new String[] {"/v1/auth/callback", "/v1/openapi.json", "/signin"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
      MockFilterChain chain = new MockFilterChain();

      filter.doFilter(request, new MockHttpServletResponse(), chain);

      assertThat(chain.getRequest()).as(path).isNotNull();
    }
  }
}
