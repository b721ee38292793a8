package com.financereport.observability.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordAttributesTest {
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("route");
  private static final AttributeKey<Long> STATUS = AttributeKey.longKey("status");

  @Test
  void keepsTheOrderInWhichNamesWereFirstSet() {
    RecordAttributes attributes = new RecordAttributes();
    attributes.put(STATUS, 200L);
    attributes.put(ROUTE, "/api/ping");

    List<String> names = new ArrayList<>();
    attributes.forEach((key, value) -> names.add(key.getKey()));

    assertThat(names).containsExactly("status", "route");
    assertThat(attributes.size()).isEqualTo(2);
    assertThat(attributes.get(STATUS)).isEqualTo(200L);
    assertThat(attributes.get(AttributeKey.stringKey("status"))).isNull();
  }

  @Test
  void aLaterValueOfTheSameNameReplacesTheEarlierInPlaceEvenWithAnotherType() {
    RecordAttributes attributes = new RecordAttributes();
    attributes.put(AttributeKey.stringKey("status"), "ok");
    attributes.put(ROUTE, "/a");
    attributes.put(STATUS, 200L);

    assertThat(attributes.asMap()).containsExactly(java.util.Map.entry(STATUS, 200L), java.util.Map.entry(ROUTE, "/a"));
    assertThat(attributes.totalAdded()).isEqualTo(3);
  }

  @Test
  void keepsAtMost128NamesAndCountsEveryAttributeSet() {
    RecordAttributes attributes = new RecordAttributes();
    for (int i = 0; i < 130; i++) {
      attributes.put(AttributeKey.longKey("k" + i), (long) i);
    }
    attributes.put(AttributeKey.longKey("k0"), -1L);

    assertThat(attributes.size()).isEqualTo(RecordAttributes.MAX_ATTRIBUTES);
    assertThat(attributes.get(AttributeKey.longKey("k0"))).isEqualTo(-1L);
    assertThat(attributes.get(AttributeKey.longKey("k129"))).isNull();
    assertThat(attributes.totalAdded()).isEqualTo(131);
  }

  @Test
  void equalityIsByContentAmongItsKindAndTheMapsCompareAcrossKinds() {
    RecordAttributes one = new RecordAttributes();
    one.put(ROUTE, "/a");
    one.put(STATUS, 200L);
    RecordAttributes other = new RecordAttributes();
    other.put(STATUS, 200L);
    other.put(ROUTE, "/a");
    Attributes sdk = Attributes.of(ROUTE, "/a", STATUS, 200L);

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(sdk);
    assertThat(sdk).isNotEqualTo(one);
    assertThat(one.asMap()).isEqualTo(sdk.asMap());
    assertThat(one.toBuilder().build()).isEqualTo(sdk);
  }
}
