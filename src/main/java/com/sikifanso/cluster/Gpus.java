package com.sikifanso.cluster;

import com.github.dockerjava.api.model.DeviceRequest;
import com.sikifanso.core.SikifansoException;
import java.util.List;

/**
 * GPUs for the nodes, as {@code k3d --gpus} passes them (k3d v5.9.0 {@code pkg/runtimes/docker/translate.go}:
 * docker CLI's GpuOpts into {@code HostConfig.DeviceRequests}): {@code all} is count -1, a number that many, both
 * with the capability {@code gpu} and no driver named, which Docker maps to the NVIDIA container runtime.
 */
public record Gpus(int count) {
    public static final int ALL = -1;

    /** {@code all} or a positive count; anything else is refused with the fix. */
    public static Gpus parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.equals("all")) {
            return new Gpus(ALL);
        }
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return new Gpus(n);
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw SikifansoException.usage("--gpus must be all or a number of GPUs, not \"" + text + "\"",
                "write --gpus all, or e.g. --gpus 1");
    }

    public DeviceRequest deviceRequest() {
        return new DeviceRequest().withDriver("").withCount(count).withCapabilities(List.of(List.of("gpu")));
    }

    @Override
    public String toString() {
        return count == ALL ? "all" : Integer.toString(count);
    }
}
