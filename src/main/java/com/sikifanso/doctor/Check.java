package com.sikifanso.doctor;

/** One health check: the row's name, and the probe that decides it (it may block on Docker or the API). */
public record Check(String name, Probe probe) {

    @FunctionalInterface
    public interface Probe {
        CheckResult run() throws Exception;
    }
}
