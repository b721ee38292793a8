package com.financereport.observability.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeChecksTest {
  @ParameterizedTest(name = "{0} is a card number: {1}")
  @CsvSource({
    "4111111111111111, true",
    "4012888888881881, true",
    "4222222222222, true",
    "5555555555554444, true",
    "2223003122003222, true",
    "378282246310005, true",
    "6011111111111117, true",
    "3530111333300000, true",
    "30569309025904, true",
    "4111111111111112, false",
    "1732562355000, false",
    "9780306406157, false",
    "0000000000000000, false",
    "5555555555555555, false",
    "37828224631000, false",
    "41111111111111111111, false",
  })
  void cardNumbersNeedAnIssuerLengthAndLuhn(String digits, boolean expected) {
    assertThat(CardNumberCheck.isCardNumber(digits)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is an IBAN: {1}")
  @CsvSource({
    "DE89370400440532013000, true",
    "GB82WEST12345698765432, true",
    "NO9386011117947, true",
    "FR1420041010050500013M02606, true",
    "DE89370400440532013001, false",
    "DE8937040044, false",
    "de89370400440532013000, false",
    "GB82WEST1234569876543X, false",
  })
  void ibansNeedTheirShapeAndMod97(String iban, boolean expected) {
    assertThat(IbanCheck.isIban(iban)).isEqualTo(expected);
  }
}
