package com.sikifanso.catalog;

import java.util.List;

/** A named set of catalog apps that is enabled together. */
public record Profile(String name, String description, List<String> apps) {
}
