package com.sikifanso.cli;

import com.sikifanso.ops.ImageOps;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {"Load images from this machine's Docker into every k3s node of the cluster.",
    "Pods then use them without a registry: docker save, then ctr image import in each node, as k3d does."})
final class ImageImportCommand extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images in Docker here, e.g. my-agent:dev.")
    List<String> images;

    @Override
    int run() {
        performSteps(ImageOps.IMAGE_IMPORT, new ImageOps.ImageImportInput(cluster(null), images), null);
        return 0;
    }
}
