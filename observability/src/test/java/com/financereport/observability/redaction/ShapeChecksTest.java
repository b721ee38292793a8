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
    "6222021234567894, true",
    "6217000123456789019, true",
    "8171999927660000, true",
    "8171999927660001, false",
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
    "MT06WIIV28159850644727735740835, true",
    "DE571234567890123456789, false",
    "TR330006100519786457841326, true",
  })
  void ibansNeedTheirShapeAndMod97(String iban, boolean expected) {
    assertThat(IbanCheck.isIban(iban)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a resident identity number: {1}")
  @CsvSource({
    "11010519491231002X, true",
    "11010519491231002x, true",
    "440306199003071232, true",
    "650102199202290019, true",
    "110105491231002, true",
    "440306199003071233, false",
    "440306199002301235, false",
    "202612031234567890, false",
    "110105491331002, false",
    "11010518991231002X, false",
  })
  void residentIdsNeedAProvinceABirthDateAndTheirCheck(String id, boolean expected) {
    assertThat(IdentityNumberCheck.isChinaResidentId(id)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a sole trader's credit code: {1}")
  @CsvSource({
    "92440300MA5EXAMPL7, true",
    "924403006854321K08, true",
    "92440300MA5EXAMPL8, false",
    "91350100M000100Y43, false",
    "92440300MA5EXAMPLI, false",
  })
  void soleTraderCodesNeedType92AndTheirCheck(String code, boolean expected) {
    assertThat(IdentityNumberCheck.isSoleTraderCreditCode(code)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a Spanish DNI/NIE: {1}")
  @CsvSource({
    "12345678Z, true",
    "X1234567L, true",
    "Z0012345E, true",
    "12345678A, false",
    "1234567Z, false",
  })
  void spanishIdsNeedTheirLetter(String id, boolean expected) {
    assertThat(IdentityNumberCheck.isSpanishId(id)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is a codice fiscale: {1}")
  @CsvSource({
    "RSSMRA85T10A562S, true",
    "BNCGPP70A41H501G, true",
    "RSSMRA85T10A562T, false",
    "RSSMRA85T99A562S, false",
  })
  void italianTaxCodesNeedTheirCheckLetter(String code, boolean expected) {
    assertThat(IdentityNumberCheck.isItalianTaxCode(code)).isEqualTo(expected);
  }
}
