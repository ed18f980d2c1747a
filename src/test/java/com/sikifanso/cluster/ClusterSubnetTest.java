package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The addresses a cluster network is made with, from the subnet Docker found free. */
class ClusterSubnetTest {
    @Test
    void server0IsTheThirdAddressAndOthersTakeTheUpperHalf() {
        ClusterSubnet s = ClusterSubnet.parse("172.19.0.0/16").orElseThrow();

        assertThat(s.cidr()).isEqualTo("172.19.0.0/16");
        assertThat(s.gateway()).isEqualTo("172.19.0.1");
        assertThat(s.serverAddress()).isEqualTo("172.19.0.3");
        assertThat(s.dynamicRange()).isEqualTo("172.19.128.0/17");
    }

    @Test
    void aTwentyBitPoolSplitsToo() {
        ClusterSubnet s = ClusterSubnet.parse("192.168.48.0/20").orElseThrow();

        assertThat(s.serverAddress()).isEqualTo("192.168.48.3");
        assertThat(s.dynamicRange()).isEqualTo("192.168.56.0/21");
    }

    @Test
    void ipv6TinyOrMalformedSubnetsGetNoFixedAddress() {
        assertThat(ClusterSubnet.parse("fd00::/64")).isEmpty();
        assertThat(ClusterSubnet.parse("10.0.0.0/30")).isEmpty();
        assertThat(ClusterSubnet.parse("300.1.1.0/24")).isEmpty();
        assertThat(ClusterSubnet.parse(null)).isEmpty();
    }
}
