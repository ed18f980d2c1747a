package com.sikifanso.cluster;

import com.sikifanso.catalog.ProfileSelection;
import java.util.List;

/**
 * What a new cluster takes from the image cache ({@link ImageCache#preload}): the images its platform and profiles
 * need, the lists never prefetched, and whether it must do without the network ({@code cluster create --offline});
 * {@code checked} once {@link ClusterService#requireCached} found all of it here, so a create that checked it before
 * writing anything does not look again.
 */
public record ImagePreload(List<String> images, List<String> unlisted, ProfileSelection profiles, boolean offline,
                           boolean checked) {
    /** No cache: nodes pull what they need, as before. */
    public static final ImagePreload NONE = new ImagePreload(List.of(), List.of(), null, false, false);

    public ImagePreload {
        images = List.copyOf(images);
        unlisted = List.copyOf(unlisted);
    }

    ImagePreload asChecked() {
        return new ImagePreload(images, unlisted, profiles, offline, true);
    }
}
