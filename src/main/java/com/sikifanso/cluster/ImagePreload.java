package com.sikifanso.cluster;

import com.sikifanso.catalog.ProfileSelection;
import java.util.List;

/**
 * What a new cluster takes from the image cache ({@link ImageCache#preload}): the images its platform and profiles
 * need, the lists never prefetched, and whether it must do without the network ({@code cluster create --offline}).
 */
public record ImagePreload(List<String> images, List<String> unlisted, ProfileSelection profiles, boolean offline) {
    /** No cache: nodes pull what they need, as before. */
    public static final ImagePreload NONE = new ImagePreload(List.of(), List.of(), null, false);

    public ImagePreload {
        images = List.copyOf(images);
        unlisted = List.copyOf(unlisted);
    }
}
