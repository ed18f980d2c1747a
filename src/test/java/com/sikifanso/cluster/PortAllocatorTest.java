package com.sikifanso.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.sikifanso.session.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void portsAFileAsksForAreTheOnesBoundAndTheRestAreFree() throws IOException {
        int wanted;
        try (ServerSocket probe = new ServerSocket(0)) {
            wanted = probe.getLocalPort();
        }
        try (PortAllocator.Reservation r = new PortAllocator(Set::of).reserve(new Session.Ports(0, wanted, 0, 0, 0))) {
            assertThat(r.ports().http()).isEqualTo(wanted);
            assertThat(ports(r.ports())).doesNotHaveDuplicates().doesNotContain(0);
        }
    }

    @Test
    void aPortAFileAsksForThatIsTakenIsRefusedByItsField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PortAllocator(() -> Set.of(18080))
                        .reserve(new Session.Ports(0, 0, 0, 18080, 0)))
                .hasMessage("ports.argocd: host port 18080 is taken (by a container or another process)");
    }

    @Test
    void aPortClaimedByAContainerMovesAllFivePortsAwayFromTheDefaults() {
        PortAllocator allocator = new PortAllocator(() -> Set.of(30081));

        try (PortAllocator.Reservation r = allocator.reserve()) {
            assertThat(r.defaults()).isFalse();
            assertThat(ports(r.ports())).doesNotHaveDuplicates()
                    .doesNotContain(6443, 8080, 8443, 30080, 30081);
        }
    }

    @Test
    void heldReservationsNeverHandOutTheSamePortTwice() throws IOException {
        PortAllocator allocator = new PortAllocator(Set::of);
        try (PortAllocator.Reservation first = allocator.reserve();
             PortAllocator.Reservation second = allocator.reserve()) {
            assertThat(ports(first.ports())).doesNotContainAnyElementsOf(ports(second.ports()));
            for (int port : ports(first.ports())) {
                assertThat(bindable(port)).as("port %d is held until close", port).isFalse();
            }
        }
    }

    @Test
    void closingAReservationReleasesItsPorts() {
        PortAllocator allocator = new PortAllocator(Set::of);
        Session.Ports ports;
        try (PortAllocator.Reservation r = allocator.reserve()) {
            ports = r.ports();
        }
        assertThat(ports(ports)).allMatch(PortAllocatorTest::bindable);
    }

    private static List<Integer> ports(Session.Ports p) {
        return List.of(p.apiServer(), p.http(), p.https(), p.argocdUI(), p.hubbleUI());
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
