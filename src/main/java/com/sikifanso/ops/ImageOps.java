package com.sikifanso.ops;

import com.sikifanso.cluster.ClusterBackends;
import com.sikifanso.cluster.ImageImport;
import java.time.Clock;
import java.util.List;

/** Images from this machine into a cluster's nodes. */
public final class ImageOps {
    private ImageOps() {
    }

    public record ImageImportInput(@Param(Param.CLUSTER) String cluster,
                                   @Param("Images in this machine's Docker, e.g. [\"my-agent:dev\"]") List<String> images)
            implements ClusterScoped {
    }

    public static final Operation<ImageImportInput, ImageImport.Imported> IMAGE_IMPORT = Operation.of("image_import",
            "Load images from this machine's Docker into every k3s node of the cluster (ctr image import).",
            Toolset.cluster, Safety.CHANGE, ImageImportInput.class, ImageImport.Imported.class,
            (in, ctx) -> {
                new com.sikifanso.kube.Attachments(ctx.services().sessions().home()).refuseNodeAction(
                        in.clusterName(), "import images into",
                        "push the image to a registry its nodes pull from, and name it in the workload");
                ClusterBackends b = ctx.services().clusters().backends();
                return new ImageImport(b.engine(), b.nodes(), Clock.systemUTC()).load(in.clusterName(), in.images(),
                        ctx.progress());
            },
            out -> "Imported " + String.join(", ", out.images()) + " into " + String.join(", ", out.nodes()) + ".\n")
            .cliOnly("it loads images from the Docker engine of the machine the CLI runs on");

    static List<Operation<?, ?>> all() {
        return List.of(IMAGE_IMPORT);
    }
}
