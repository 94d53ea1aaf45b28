package so.lava.auth.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import so.lava.auth.accounts.SignInFailureHandler;
import so.lava.auth.accounts.SignInThrottle;
import so.lava.auth.accounts.SignInThrottleFilter;
import so.lava.auth.api.ApiErrorWriter;
import so.lava.auth.keys.FailedAuthentications;
import so.lava.auth.keys.KeyUsage;
import so.lava.auth.keys.KeyVerifier;
import so.lava.auth.keys.SecretKeyAuthenticationFilter;
import so.lava.auth.limits.RateLimits;

/**
 * Two halves with different rules. The JSON API under {@code /v1} is stateless: no cookies, no
 * sessions, no CSRF (a cookie-less API cannot be forged by another site). The pages use a session
 * kept in PostgreSQL, CSRF tokens on every form, and strict headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /**
   * No inline script or style, nothing from elsewhere. Forms may post to us and, after approval, be
   * redirected to the command-line program on the loopback address (RFC 8252 §7.3): browsers check
   * a form's redirect against {@code form-action}.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self' http://127.0.0.1:*";

  /**
   * Health probes and metrics, for load balancers and Prometheus: no session, no cookie. Only
   * {@code health} and {@code prometheus} are exposed at all (application.properties).
   */
  @Bean
  @Order(0)
  SecurityFilterChain operations(HttpSecurity http) throws Exception {
    return http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      KeyVerifier verifier,
      KeyUsage usage,
      FailedAuthentications failures,
      ApiErrorWriter errors,
      MeterRegistry meters,
      RateLimits limits)
      throws Exception {
    return http.securityMatcher("/v1/**")
        // Every /v1 route needs a key except the public ones; the filter decides and answers.
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .addFilterBefore(
            new SecretKeyAuthenticationFilter(verifier, usage, failures, errors, meters, limits),
            AuthorizationFilter.class)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      SignInThrottle throttle,
      SecurityContextRepository contexts,
      RequestCache requestCache)
      throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/signin", "/signup", "/error", "/css/**", "/js/**", "/favicon.svg")
                    .permitAll()
                    // Checks its parameters first, then sends the signed-out to sign in itself.
                    .requestMatchers(HttpMethod.GET, "/auth/connect")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .securityContext(context -> context.securityContextRepository(contexts))
        .requestCache(cache -> cache.requestCache(requestCache))
        // The CSRF token rides in an HttpOnly cookie and a hidden field: looking at a page does
        // not create a session (no database write for every visitor).
        .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
        .formLogin(
            form ->
                form.loginPage("/signin")
                    .loginProcessingUrl("/signin")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .failureHandler(new SignInFailureHandler(throttle))
                    .defaultSuccessUrl("/dashboard"))
        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedout"))
        .addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frames -> frames.deny()))
        .build();
  }

  /** Argon2id, behind a prefix ({@code {argon2}...}) so that the hash can be upgraded later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  RequestCache requestCache() {
    return new HttpSessionRequestCache();
  }

  /** Before everything, the session filter included (see {@link DatabaseOutageFilter}). */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ApiErrorWriter errors) {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter(errors));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AccessLog> accessLog() {
    FilterRegistrationBean<AccessLog> registration = new FilterRegistrationBean<>(new AccessLog());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<DoubleSlashRedirectFilter> doubleSlashRedirectFilter() {
    FilterRegistrationBean<DoubleSlashRedirectFilter> registration =
        new FilterRegistrationBean<>(new DoubleSlashRedirectFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }
}
