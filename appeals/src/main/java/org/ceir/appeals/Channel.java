package org.ceir.appeals;

/** How an appeal came in. */
public enum Channel {
    /** A clerk filed it at a post office for a citizen who showed their ID. */
    POST_OFFICE,
    /** The citizen filed it on the public site, their contact number proven by a one-time code. */
    ONLINE
}
