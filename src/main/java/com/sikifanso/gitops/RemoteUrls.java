package com.sikifanso.gitops;

import com.sikifanso.core.SikifansoException;
import java.util.regex.Pattern;

/** The forms a GitOps remote may take, checked before git sees them, and URLs shown without their passwords. */
public final class RemoteUrls {
    /** https://, http://, ssh://, git://, file:// URLs, and scp-like user@host:path. */
    private static final Pattern URL = Pattern.compile("(https?|ssh|git|file)://\\S+");
    private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:[^\\s/][^\\s]*");
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(\\w+://[^/@\\s:]+):[^/@\\s]+@");

    private RemoteUrls() {
    }

    /** {@code url}, or a usage error saying which forms are accepted. */
    public static String require(String url) {
        String u = url == null ? "" : url.strip();
        if (!URL.matcher(u).matches() && !SCP_LIKE.matcher(u).matches()) {
            throw SikifansoException.usage("\"" + u + "\" is not a git remote URL",
                    "give https://HOST/OWNER/REPO.git, ssh://git@HOST/OWNER/REPO.git, git@HOST:OWNER/REPO.git or "
                            + "file:///PATH/TO/BARE.git");
        }
        if (USERINFO_PASSWORD.matcher(u).find()) {
            throw SikifansoException.usage("the URL holds a password or token, which would be stored in the repo's "
                    + ".git/config in clear", "leave it out of the URL: put it in a git credential helper, or in "
                    + GitProcess.TOKEN_VARIABLE + " when running sikifanso");
        }
        return u;
    }

    /** {@code text} with any password in a URL's user info replaced by ***. */
    public static String masked(String text) {
        return text == null ? null : USERINFO_PASSWORD.matcher(text).replaceAll("$1:***@");
    }
}
