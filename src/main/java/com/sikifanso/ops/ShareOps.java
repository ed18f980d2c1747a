package com.sikifanso.ops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.sikifanso.core.LocalFiles;
import com.sikifanso.core.SikifansoException;
import com.sikifanso.share.AgentTemplate;
import com.sikifanso.share.DocumentKind;
import com.sikifanso.share.ProfileBundle;
import com.sikifanso.share.ProfileBundles;
import com.sikifanso.share.ShareRef;
import com.sikifanso.share.SharedDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Sharing: profile bundles exported from a cluster, pushed to and pulled from OCI registries, read from git refs,
 * and applied to a cluster in one commit. All CLI-only: they read and write files on the user's machine and reach
 * registries and git servers with the user's own logins.
 */
public final class ShareOps {
    private static final String HOST_SIDE = "it reads or writes files on the user's machine and reaches registries"
            + " and git servers with the user's logins";

    private ShareOps() {
    }

    /** {@code file}: where the CLI writes the bundle (null: printed). */
    public record ExportInput(@Param(Param.CLUSTER) String cluster, @Param("Name of the bundle") String name,
                              @Param(value = "What the bundle is for", optional = true) String description,
                              @JsonIgnore Path file) implements ClusterScoped {
    }

    /** The bundle, and the file it was written to (empty when printed). */
    public record Exported(ProfileBundle bundle, Optional<String> file) {
    }

    /** {@code kind}: what the file must be (null: a profile bundle). */
    public record PushInput(@JsonIgnore Path file, @Param("oci://REGISTRY/REPOSITORY:TAG") String reference,
                            @JsonIgnore DocumentKind kind) {
        public PushInput(Path file, String reference) {
            this(file, reference, null);
        }

        DocumentKind kindOrBundle() {
            return kind == null ? DocumentKind.PROFILE_BUNDLE : kind;
        }
    }

    /** {@code digest}: a bundle's content digest (absent for a template); {@code manifestDigest}: the artifact's. */
    public record Pushed(String kind, String name, Optional<String> digest, String reference, String manifestDigest) {
    }

    /** {@code file}: where the CLI writes the pulled bundle (null: printed). */
    public record PullInput(@Param("A bundle: a file, oci://... or git+...//PATH@REF") String reference,
                            @JsonIgnore Path file) {
    }

    public record BundleApplyInput(@Param(Param.CLUSTER) String cluster,
                                   @Param("A bundle: a file, oci://... or git+...//PATH@REF") String reference,
                                   @Wait boolean waitForSync) implements ClusterScoped, WaitInput {
    }

    public static final Operation<ExportInput, Exported> EXPORT = Operation.of("profile_export",
            "A profile bundle of a cluster: its catalog apps with chart versions and changed values, custom apps and"
                    + " agents, with a digest.", Toolset.catalog, Safety.READ, ExportInput.class, Exported.class,
            (in, ctx) -> written(ctx.services().profileBundles().export(in.clusterName(), in.name(),
                    in.description()), in.file()), ShareOps::exportedText)
            .cliOnly(HOST_SIDE);

    public static final Operation<PushInput, Pushed> PUSH = Operation.of("profile_push",
            "Push a profile bundle or agent template file to an OCI registry.", Toolset.catalog, Safety.PUBLISH, PushInput.class,
            Pushed.class, (in, ctx) -> push(in, ctx), out -> "Pushed " + out.kind() + " " + out.name()
                    + out.digest().map(d -> " (" + d + ")").orElse("") + " to " + out.reference() + " (manifest "
                    + out.manifestDigest() + ").\n")
            .cliOnly(HOST_SIDE);

    public static final Operation<PullInput, Exported> PULL = Operation.of("profile_pull",
            "Fetch a profile bundle from an OCI registry or a git ref, checked.", Toolset.catalog, Safety.READ,
            PullInput.class, Exported.class, (in, ctx) -> written(load(in.reference(), ctx), in.file()),
            ShareOps::exportedText)
            .cliOnly(HOST_SIDE);

    public static final Operation<BundleApplyInput, ProfileBundles.Applied> BUNDLE_APPLY = Operation.of(
                    "profile_bundle_apply", "Apply a profile bundle to a cluster in one commit.", Toolset.catalog,
                    Safety.CHANGE, BundleApplyInput.class, ProfileBundles.Applied.class,
                    (in, ctx) -> ctx.services().profileBundles().apply(in.clusterName(), load(in.reference(), ctx),
                            in.reference()), ShareOps::appliedText)
            .cliOnly(HOST_SIDE);

    static List<Operation<?, ?>> all() {
        return List.of(EXPORT, PUSH, PULL, BUNDLE_APPLY);
    }

    private static ProfileBundle load(String reference, OperationContext ctx) {
        return ctx.services().documents().load(ShareRef.parse(reference), DocumentKind.PROFILE_BUNDLE,
                ProfileBundle.class);
    }

    private static Pushed push(PushInput in, OperationContext ctx) {
        DocumentKind kind = in.kindOrBundle();
        if (in.file() == null) {
            throw SikifansoException.usage("no " + kind.words() + " file given", "make one first: ",
                    kind.howToMake());
        }
        ShareRef.Oci target = ShareRef.parseOci(in.reference());
        byte[] bytes = ctx.services().documents().fetch(ShareRef.parse(in.file().toString()), kind);
        String source = in.file().toString();
        Pushed pushed;
        if (kind == DocumentKind.PROFILE_BUNDLE) {
            ProfileBundle bundle = SharedDocuments.read(bytes, source, kind, ProfileBundle.class);
            pushed = new Pushed(kind.words(), bundle.name(), Optional.of(bundle.contentDigest()), target.text(), null);
        } else {
            AgentTemplate template = SharedDocuments.read(bytes, source, kind, AgentTemplate.class);
            pushed = new Pushed(kind.words(), template.name(), Optional.empty(), target.text(), null);
        }
        String manifest = ctx.services().documents().push(target, kind, bytes);
        return new Pushed(pushed.kind(), pushed.name(), pushed.digest(), pushed.reference(), manifest);
    }

    private static Exported written(ProfileBundle bundle, Path file) {
        if (file == null) {
            return new Exported(bundle, Optional.empty());
        }
        try {
            LocalFiles.writeAtomically(file, SharedDocuments.yaml(bundle).getBytes(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw SikifansoException.failure("cannot write " + file + ": " + e.getMessage(),
                    "give --file a path in a directory you can write", e);
        }
        return new Exported(bundle, Optional.of(file.toString()));
    }

    private static String exportedText(Exported out) {
        ProfileBundle b = out.bundle();
        if (out.file().isEmpty()) {
            return SharedDocuments.yaml(b);
        }
        return "Wrote profile bundle " + b.name() + " to " + out.file().get() + ": " + b.apps().size()
                + " catalog apps, " + b.customApps().size() + " custom apps, " + b.agents().size() + " agents ("
                + b.digest() + ").\n";
    }

    private static String appliedText(ProfileBundles.Applied out) {
        if (out.commit().isEmpty()) {
            return "Profile bundle " + out.bundle() + " (" + out.digest() + "): the cluster already has all of it;"
                    + " nothing committed.\n";
        }
        StringBuilder text = new StringBuilder("Applied profile bundle " + out.bundle() + " (" + out.digest()
                + ") in commit " + com.sikifanso.core.CommitId.shortOf(out.commit().get()) + ".\n");
        line(text, "Enabled", out.enabled());
        line(text, "  auto-enabled dependencies", out.autoEnabled());
        line(text, "Pinned", out.pinned());
        line(text, "Values set", out.valuesSet());
        line(text, "Custom apps", out.customApps());
        line(text, "Agents", out.agents());
        return text.toString();
    }

    private static void line(StringBuilder text, String label, List<String> names) {
        if (!names.isEmpty()) {
            text.append(label).append(": ").append(String.join(", ", names)).append('\n');
        }
    }
}
