package io.jenkins.plugins.containercloud.sandbox;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/** Resource quantities as exact numbers (cores, bytes, counts). */
final class Quantities {

  private Quantities() {}

  static BigDecimal parse(String quantity) {
    return quantity == null || quantity.isBlank()
        ? BigDecimal.ZERO
        : Quantity.getAmountInBytes(new Quantity(quantity)).stripTrailingZeros();
  }

  static BigDecimal of(Quantity quantity) {
    return quantity == null ? BigDecimal.ZERO : parse(quantity.toString());
  }
}
