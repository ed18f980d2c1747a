package com.sikifanso.cli;

import picocli.CommandLine.Command;

@Command(name = "profile", description = {
    "Profile bundles: a cluster's catalog apps (chart versions, changed values), custom apps and agents, to share.",
    "Share them as files, in OCI registries (oci://REGISTRY/REPO:TAG) or in git (git+https://HOST/REPO//PATH@REF).",
    "The named profiles of the catalog: sikifanso cluster profiles; sikifanso app enable --profile NAME"},
        subcommands = {ProfileExportCommand.class, ProfilePushCommand.class, ProfilePullCommand.class,
            ProfileApplyCommand.class})
final class ProfileCommand {
}
