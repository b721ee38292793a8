package com.financereport.cli.signoz;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts admin, editor or viewer in any case. */
public final class RoleConverter implements ITypeConverter<Role> {
  @Override
  public Role convert(String value) {
    try {
      return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("role must be admin, editor or viewer, got '" + value + "'");
    }
  }
}
