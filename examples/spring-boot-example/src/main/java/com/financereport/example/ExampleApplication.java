package com.financereport.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A plain Spring Boot web application. Nothing in it knows about the observability starter: the
 * dependency alone turns its logs into redacted JSON lines and, with an endpoint set, OTLP export.
 */
@SpringBootApplication
public class ExampleApplication {
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}
