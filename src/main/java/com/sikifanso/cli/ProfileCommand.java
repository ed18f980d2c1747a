package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "profile", description = {
    "Profile bundles: a cluster's catalog apps, custom apps and agents, to share.",
    "A bundle holds chart versions and changed values, with a digest; share it as a file,",
    "in an OCI registry (oci://REGISTRY/REPO:TAG) or in git (git+https://HOST/REPO//PATH@REF).",
    "The catalog's named profiles: sikifanso cluster profiles; sikifanso app enable --profile NAME"},
        subcommands = {ProfileExportCommand.class, ProfilePushCommand.class, ProfilePullCommand.class,
            ProfileApplyCommand.class})
final class ProfileCommand {
}
