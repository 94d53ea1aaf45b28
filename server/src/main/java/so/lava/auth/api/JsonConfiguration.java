package so.lava.auth.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/** How request bodies are read. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  /**
   * {@code {"code": "a", "code": "b"}} is refused rather than read as its last value: two parsers
   * that disagree about which value counts are a classic way to smuggle input past a check.
   */
  @Bean
  JsonMapperBuilderCustomizer strictDuplicateDetection() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
