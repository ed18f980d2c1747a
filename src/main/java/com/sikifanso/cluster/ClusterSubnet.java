package com.sikifanso.cluster;

import java.util.Optional;

/**
 * The cluster network's IPv4 subnet as sikifanso creates it, the way k3d v5.9.0 does when it
 * manages the subnet (pkg/runtimes/docker/network.go, pkg/client/ipam.go): the gateway is the
 * second address, server-0 has a fixed address (k3d: the first free one after the gateway and one
 * reserved for its tools, so .3), and, unlike k3d, every other container gets its address from the
 * upper half only, so after a Docker restart none can take server-0's address before it starts.
 */
public record ClusterSubnet(long base, int prefixLength) {
    private static final int SERVER_OFFSET = 3;

    /** The subnet of a {@code a.b.c.d/n} CIDR, or empty when it is not IPv4 or too small to split. */
    public static Optional<ClusterSubnet> parse(String cidr) {
        if (cidr == null || !cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
            return Optional.empty();
        }
        String[] parts = cidr.split("/");
        int length = Integer.parseInt(parts[1]);
        long address = 0;
        for (String octet : parts[0].split("\\.")) {
            int value = Integer.parseInt(octet);
            if (value > 255) {
                return Optional.empty();
            }
            address = address << 8 | value;
        }
        if (length < 8 || length > 28) {
            return Optional.empty();
        }
        long mask = 0xFFFFFFFFL << (32 - length) & 0xFFFFFFFFL;
        return Optional.of(new ClusterSubnet(address & mask, length));
    }

    public String cidr() {
        return dotted(base) + "/" + prefixLength;
    }

    public String gateway() {
        return dotted(base + 1);
    }

    /** server-0's fixed address, which Cilium is pointed at. */
    public String serverAddress() {
        return dotted(base + SERVER_OFFSET);
    }

    /** The upper half of the subnet, where Docker gives the other containers their addresses. */
    public String dynamicRange() {
        long half = 1L << (32 - prefixLength - 1);
        return dotted(base + half) + "/" + (prefixLength + 1);
    }

    private static String dotted(long address) {
        return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255);
    }
}
