package com.financereport.cli;

/** Input the command cannot work with (a missing variable, file or option); exits with 2. */
public class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }
}
