package org.ttnlw.migrate.cli;

public final class Main {
  public static void main(String[] args) {
  }
}
