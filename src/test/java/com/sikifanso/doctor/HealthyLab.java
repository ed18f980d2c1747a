package com.sikifanso.doctor;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the doctor's tests start: {@link LabCluster#healthy} on fabric8's mock API server (CRUD; no k3s can run here)
 * and a scripted Docker engine, made before each test and stopped after it; each test then breaks what it examines.
 */
@EnableKubernetesMockClient(crud = true)
abstract class HealthyLab {
    KubernetesClient client;

    @TempDir
    Path tmp;

    ScriptedDocker docker;
    LabCluster lab;

    /** Where the lab's SIKIFANSO_HOME goes. */
    Path labRoot() {
        return tmp;
    }

    @BeforeEach
    void healthyLab() throws IOException {
        docker = new ScriptedDocker();
        lab = LabCluster.healthy(labRoot(), client, docker);
    }

    @AfterEach
    void stopDocker() {
        docker.close();
    }
}
