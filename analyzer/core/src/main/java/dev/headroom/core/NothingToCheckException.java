package dev.headroom.core;

/**
 * The run would check nothing: no class could be read from the inputs, or the inputs hold no root (and no
 * RAM budget asks about their static state). A pass there would be a wrong verdict, so it is a
 * configuration error unless the configuration allows it ({@link AnalysisConfig#allowNoRoots()}).
 */
public final class NothingToCheckException extends ConfigurationException {
    private final String found;

    /**
     * @param found what the inputs hold, in words for a log: {@code no roots in the 12 classes of target/classes}
     * @param hint  how to mark roots or give classes, in the command line's option names
     */
    public NothingToCheckException(String found, String hint) {
        super(found + "; " + hint);
        this.found = found;
    }

    /** What the inputs hold, without the command line's hint: front ends with other option names add their own. */
    public String found() {
        return found;
    }
}
