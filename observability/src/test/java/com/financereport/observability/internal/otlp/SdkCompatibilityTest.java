package com.financereport.observability.internal.otlp;

import com.financereport.observability.internal.otlp.SdkCompatibility;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdkCompatibilityTest {
  private static final String HIDDEN = "io.opentelemetry.sdk.common.export.HttpSenderProvider";

  /** The test classpath without one SDK class, as under an older SDK. */
  private static final ClassLoader WITHOUT_SENDER_SPI =
      new ClassLoader(SdkCompatibilityTest.class.getClassLoader()) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          if (name.equals(HIDDEN)) {
            throw new ClassNotFoundException(name);
          }
          return super.loadClass(name, resolve);
        }
      };

  @Test
  void theSdkTheLibraryIsBuiltWithHasEveryRequiredClass() {
    assertThat(SdkCompatibility.missingClass(SdkCompatibility.class.getClassLoader()))
        .as("a class in REQUIRED is missing from the SDK the library compiles against")
        .isEmpty();
  }

  @Test
  void anSdkWithoutTheSenderSpiIsFoundIncompatible() {
    assertThat(SdkCompatibility.missingClass(WITHOUT_SENDER_SPI)).contains(HIDDEN);
  }

  @Test
  void builtWithNamesTheSdkVersionOnTheBuildClasspath() {
    assertThat(SdkCompatibility.foundVersion(SdkCompatibility.class.getClassLoader()))
        .as("SdkCompatibility.BUILT_WITH must follow the root pom's opentelemetry.version")
        .isEqualTo(SdkCompatibility.BUILT_WITH);
  }

  @Test
  void theExplanationNamesTheVersionFoundTheMissingClassAndTheFix() {
    assertThat(SdkCompatibility.explanation(HIDDEN, "1.49.0"))
        .contains("1.49.0", HIDDEN, "opentelemetry.version", SdkCompatibility.BUILT_WITH);
  }
}
