package so.lava.auth.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The benchmark routes: stateless and open, like the API's public routes (bench profile only). */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchSecurity {

  @Bean
  @Order(-1)
  SecurityFilterChain bench(HttpSecurity http) throws Exception {
    return http.securityMatcher("/bench/**")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable())
        .anonymous(anonymous -> anonymous.disable())
        .build();
  }
}
