package dev.headroom.core.callgraph;

/** One resolved target of the call at a site. A site with several possible targets has several calls. */
public record Call(Site site, Target target) {
}
